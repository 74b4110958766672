"""Execute the notebooks with papermill (cached, parallel, scrubbed) and build the book with jupyter-book 1.x.

The pipeline, run by ``make book`` (``python -m glasson build``):

1. Each notebook of ``notebooks/`` is executed by papermill's Python API into ``_build/executed/notebooks``,
   at most ``jobs`` at a time, each with its own kernel talking over unix sockets (so a network cut cannot
   hang it). A notebook is skipped when a content hash of its inputs (the notebook, ``glasson/*.py``,
   ``data/``, the lock, ``matplotlibrc``, its parameters) matches the one stored beside its executed copy.
2. Executed copies are scrubbed of timestamps, paths and random ids, so the same commit gives the same bytes.
3. The book sources (``_config.yml``, ``_toc.yml``, ``book/``, ``_vendor/``) and the generated tables
   (``_generated/``) are staged beside them, each copied only when changed.
4. ``jupyter-book build _build/executed --path-output . -W -n --keep-going`` writes ``_build/html``. It is
   skipped when the staged tree is byte-identical to the last successful build.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

__all__ = ["ROOT", "BUILD", "EXECUTED", "HTML", "notebooks", "content_hash", "execute", "stage",
           "build_book", "NotebookFailure", "RunRecord", "notebook_parameters", "execute_for_material"]

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "_build"
EXECUTED = BUILD / "executed"
HTML = BUILD / "html"
#: Files whose content decides whether a notebook must run again (besides the notebook and its parameters).
HASHED_GLOBS = ("glasson/**/*.py", "data/*", "requirements.lock", "matplotlibrc", "book/_ext/*.py")
#: Book sources staged beside the executed notebooks.
STAGED = ("_config.yml", "_toc.yml", "book", "_vendor")
#: Bump when the execution or scrubbing changes in a way the hashed files do not show.
RUNNER_VERSION = "1"


class NotebookFailure(RuntimeError):
    """One or more notebooks failed; the message names each notebook and its failing cell."""


@dataclass
class RunRecord:
    """How a notebook's executed copy came to be (stored as ``<name>.run.json`` beside it)."""

    notebook: str
    hash: str
    status: str  # "passed" or "failed"
    seconds: float
    parameters: dict[str, Any]
    error: str = ""


def notebooks(root: Path = ROOT) -> list[Path]:
    """The chapter notebooks, sorted by name (paths relative to ``root``)."""
    return sorted(p.relative_to(root) for p in (root / "notebooks").glob("*.ipynb"))


def _files(root: Path, globs: Iterable[str]) -> list[Path]:
    return sorted(p for g in globs for p in root.glob(g) if p.is_file() and "__pycache__" not in p.parts)


def content_hash(notebook: Path, parameters: Mapping[str, Any] | None = None, root: Path = ROOT) -> str:
    """Hash of everything a notebook's outputs depend on: notebook, package, data, lock, rc, parameters."""
    h = hashlib.sha256()
    h.update(RUNNER_VERSION.encode())
    h.update(json.dumps(dict(parameters or {}), sort_keys=True).encode())
    for path in [root / notebook, *_files(root, HASHED_GLOBS)]:
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


# --- kernels -------------------------------------------------------------------------------------------
_RUNTIME_DIR = tempfile.mkdtemp(prefix="glasson-kernels-")


def _kernel_manager_class(env: Mapping[str, str]) -> type:
    """An AsyncKernelManager whose kernels use unix sockets under their own short path and run with ``env``.

    Over ``ipc`` a kernel needs no loopback interface, so execution works with the network cut; a unique
    socket prefix per kernel keeps parallel kernels of one process from binding the same sockets. ``env``
    is the kernel's whole environment: the runner's own ``os.environ`` is never modified.
    """
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import CaselessStrEnum

    class IPCKernelManager(AsyncKernelManager):  # type: ignore[misc]
        transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

        def _ip_default(self) -> str:
            return os.path.join(_RUNTIME_DIR, uuid.uuid4().hex[:12])

        async def _async_pre_start_kernel(self, **kw: Any) -> Any:
            kw["env"] = dict(env)
            return await super()._async_pre_start_kernel(**kw)

    return IPCKernelManager


def kernel_environment(root: Path = ROOT) -> dict[str, str]:
    """The kernels' environment: this process's, without MPLBACKEND (kernels draw inline), plus settings for
    deterministic figures and hashing and no stray warnings."""
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    return env | {
        "MATPLOTLIBRC": str(root / "matplotlibrc"),
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1649203200"),
        "PYTHONHASHSEED": "0",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "JUPYTER_PLATFORM_DIRS": "1",
        "JUPYTER_RUNTIME_DIR": _RUNTIME_DIR,
        "PYTHONDONTWRITEBYTECODE": "1",
    }


# --- scrubbing -----------------------------------------------------------------------------------------
def scrub(nb: Any) -> Any:
    """Remove what changes from run to run: timestamps, durations, paths, random ids; hide injected cells."""
    pm = nb.metadata.get("papermill", {})
    nb.metadata["papermill"] = {k: pm[k] for k in ("parameters", "default_parameters") if k in pm}
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags:
            cell.id = "injected-parameters"
            if "remove-cell" not in tags:
                tags.append("remove-cell")
        elif not cell.get("id"):
            cell.id = f"cell-{i}"
    return nb


# --- execution -----------------------------------------------------------------------------------------
def _execute_one(notebook: Path, out_dir: Path, parameters: Mapping[str, Any], digest: str,
                 root: Path, env: Mapping[str, str]) -> RunRecord:
    import nbformat
    import papermill as pm

    out = out_dir / notebook.name
    start = time.perf_counter()
    error = ""
    try:
        pm.execute_notebook(
            str(root / notebook), str(out), parameters=dict(parameters), kernel_name="python3",
            kernel_manager_class=_kernel_manager_class(env), cwd=str((root / notebook).parent),
            progress_bar=False, log_output=False, report_mode=False,
        )
    except pm.PapermillExecutionError as err:
        error = f"cell {err.cell_index} (In [{err.exec_count}]): {err.ename}: {err.evalue}"
    except Exception as err:  # kernel died, notebook unreadable, ...
        error = f"{type(err).__name__}: {err}"
    seconds = time.perf_counter() - start
    if out.exists():
        nb = nbformat.read(out, as_version=4)
        nbformat.write(scrub(nb), out)
    record = RunRecord(str(notebook), digest, "failed" if error else "passed", round(seconds, 2),
                       dict(parameters), error)
    (out_dir / f"{notebook.stem}.run.json").write_text(json.dumps(asdict(record), indent=1, sort_keys=True) + "\n")
    return record


def _cached(notebook: Path, out_dir: Path, digest: str) -> RunRecord | None:
    sidecar = out_dir / f"{notebook.stem}.run.json"
    if not (out_dir / notebook.name).exists() or not sidecar.exists():
        return None
    try:
        record = RunRecord(**json.loads(sidecar.read_text()))
    except (ValueError, TypeError):
        return None
    return record if record.hash == digest and record.status == "passed" else None


def execute(selected: Sequence[Path] | None = None, out_dir: Path = EXECUTED / "notebooks",
            parameters: Mapping[str, Any] | Callable[[Path], Mapping[str, Any]] | None = None,
            jobs: int | None = None, force: bool = False, root: Path = ROOT,
            log: Any = print) -> list[tuple[RunRecord, bool]]:
    """Execute notebooks (those whose inputs changed, or all with ``force``) into ``out_dir``.

    ``parameters`` is one mapping for every notebook, or a function giving each notebook its own.

    Returns
    -------
    list of (RunRecord, bool)
        Each notebook's record, and whether it ran now (``False``: taken from the cache).

    Raises
    ------
    NotebookFailure
        After every notebook has run, if any failed; the message names each notebook and cell.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    params_of = parameters if callable(parameters) else (lambda nb, p=dict(parameters or {}): p)
    todo: list[tuple[Path, str, dict[str, Any]]] = []
    results: dict[Path, tuple[RunRecord, bool]] = {}
    for nb in selected if selected is not None else notebooks(root):
        params = dict(params_of(nb))
        digest = content_hash(nb, params, root)
        cached = None if force else _cached(nb, out_dir, digest)
        if cached:
            results[nb] = (cached, False)
        else:
            todo.append((nb, digest, params))
    env = kernel_environment(root)
    workers = max(1, min(jobs or os.cpu_count() or 1, len(todo) or 1))
    with ThreadPoolExecutor(workers) as pool:
        futures = {nb: pool.submit(_execute_one, nb, out_dir, params, digest, root, env)
                   for nb, digest, params in todo}
        for nb, fut in futures.items():
            record = fut.result()
            results[nb] = (record, True)
            log(f"  {'ran   ' if record.status == 'passed' else 'FAILED'} {nb} ({record.seconds:.1f} s)"
                + (f": {record.error}" if record.error else ""))
    for nb, (record, ran) in results.items():
        if not ran:
            log(f"  cached {nb}")
    ordered = [results[nb] for nb in sorted(results)]
    failed = [r for r, _ in ordered if r.status != "passed"]
    if failed:
        raise NotebookFailure("; ".join(f"{r.notebook}: {r.error}" for r in failed))
    return ordered


def notebook_parameters(notebook: Path, root: Path = ROOT) -> set[str]:
    """The names declared in a notebook's papermill ``parameters`` cell."""
    import papermill as pm

    return set(pm.inspect_notebook(str(root / notebook)))


#: The one place under the repository where ``execute --out`` may write (scratch beside the built book).
RERUN_SCRATCH = Path("_build") / "rerun"


def check_out_dir(out: Path | str, root: Path = ROOT) -> Path:
    """The resolved output directory of ``execute``, or ``ValueError`` saying why it is refused.

    Refused: the repository or anything in it (its notebooks, data or built book would be overwritten) except
    the scratch directory ``_build/rerun``; an existing file; a directory that exists and holds anything
    but executed notebooks; a place that cannot be written. Nothing is created here.
    """
    text = str(out)
    if not text.strip():
        raise ValueError("must name a directory, got an empty string")
    path = Path(text).expanduser().resolve()
    repo, scratch = root.resolve(), (root / RERUN_SCRATCH).resolve()
    inside_repo = path == repo or repo in path.parents
    if inside_repo and not (path == scratch or scratch in path.parents):
        raise ValueError(f"{text!r} is inside the repository; use a directory outside it or under {RERUN_SCRATCH}")
    if path.exists() and not path.is_dir():
        raise ValueError(f"{text!r} exists and is not a directory")
    if path.is_dir() and any(p.suffix not in (".ipynb", ".json") and not p.is_dir() for p in path.rglob("*")):
        raise ValueError(f"{text!r} holds files other than executed notebooks; use a new or empty directory")
    parent = next((p for p in (path, *path.parents) if p.exists()), None)
    if parent is None or not os.access(parent, os.W_OK | os.X_OK):
        raise ValueError(f"{text!r} cannot be written")
    return path


def execute_for_material(material: str, overrides: Mapping[str, float | None], out_dir: Path,
                         band_ends: Sequence[str] = (), jobs: int | None = None, root: Path = ROOT,
                         log: Any = print, only: Sequence[Path] | None = None
                         ) -> list[tuple[RunRecord, str | None, Path]]:
    """Execute every chapter for another material (and input overrides) into ``out_dir``.

    The material, overrides and output directory are validated before any notebook runs (nothing is written
    on bad input). A glass without a C_v/T of its own runs at each of ``band_ends`` (both ends when empty),
    into ``out_dir/low`` and ``out_dir/high`` when there are two; its chapters say which end they use. Each
    notebook receives only the parameters its ``parameters`` cell declares; ``only`` limits the run to some
    notebooks. Returns (record, band end, path of the executed notebook) per run.
    """
    from . import materials
    from .inputs import BAND_ENDS, needs_band

    mat = materials.get(material).with_overrides(**overrides)  # UnknownMaterialError / GlassonInputError
    out_dir = check_out_dir(out_dir, root)
    ends: list[str | None] = [None]
    if needs_band(mat):
        ends = list(band_ends or BAND_ENDS)
        bad = [e for e in ends if e not in BAND_ENDS]
        if bad:
            raise ValueError(f"band ends must be among {', '.join(BAND_ENDS)}, got {', '.join(bad)}")
    declared = {nb: notebook_parameters(nb, root) for nb in (only if only is not None else notebooks(root))}
    results: list[tuple[RunRecord, str | None, Path]] = []
    for end in ends:
        wanted = {"material": material, **({"band_end": end} if end else {}),
                  **{k: v for k, v in overrides.items() if v is not None}}
        target = out_dir / end if end and len(ends) > 1 else out_dir

        def params_for(nb: Path, wanted: dict[str, Any] = wanted) -> dict[str, Any]:
            return {k: v for k, v in wanted.items() if k in declared[nb]}

        for record, _ in execute(list(declared), target, params_for, jobs=jobs, root=root, log=log):
            results.append((record, end, target / Path(record.notebook).name))
    return results


# --- staging -------------------------------------------------------------------------------------------
def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _copy_tree(src: Path, dst: Path) -> None:
    if src.is_file():
        _write_if_changed(dst, src.read_bytes())
        return
    wanted = {p.relative_to(src) for p in src.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    for rel in wanted:
        _write_if_changed(dst / rel, (src / rel).read_bytes())
    if dst.exists():
        for p in dst.rglob("*"):
            if p.is_file() and p.relative_to(dst) not in wanted:
                p.unlink()


def git_describe(root: Path = ROOT) -> str:
    """The commit the book is built from (``<sha>`` or ``<sha>+dirty``), or ``unknown`` outside git."""
    try:
        sha = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{sha}+dirty" if dirty else sha


def stage(fragments: Mapping[str, str | bytes], stage_dir: Path = EXECUTED, root: Path = ROOT) -> None:
    """Copy the book sources beside the executed notebooks and write the generated pages' ``fragments``
    (``{file name: text or bytes}``, made by :func:`glasson.pages.fragments`) under ``_generated/``."""
    for name in STAGED:
        if (root / name).exists():
            _copy_tree(root / name, stage_dir / name)
    config = (root / "_config.yml").read_text().replace("@GIT_COMMIT@", git_describe(root))
    _write_if_changed(stage_dir / "_config.yml", config.encode())
    for rel, content in fragments.items():
        _write_if_changed(stage_dir / "_generated" / rel, content if isinstance(content, bytes) else content.encode())
    # The committed notebooks (no outputs), offered beside the executed ones by book/_ext/source_downloads.py.
    for nb in notebooks(root):
        _write_if_changed(stage_dir / "_unexecuted" / nb, (root / nb).read_bytes())


def _tree_hash(directory: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(directory.rglob("*")):
        if p.is_file() and not p.name.endswith(".run.json"):
            h.update(str(p.relative_to(directory)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def network_cut_prefix() -> list[str]:
    """``["unshare", "-rn"]`` when a private network namespace can be made here (no network in it), else ``[]``."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    return []


def _jupyter_book(stage_dir: Path, out_root: Path, *options: str) -> list[str]:
    """The ``jupyter-book build`` command for the staged tree, output under ``out_root/_build``."""
    return [sys.executable, "-c", "import sys; from jupyter_book.cli.main import main; sys.exit(main())",
            "build", str(stage_dir), "--path-output", str(out_root), *options]


def _build_environment() -> dict[str, str]:
    """This process's environment, with the settings that make a Sphinx build reproducible and quiet.

    SOURCE_DATE_EPOCH is left out: Sphinx would rewrite the book's copyright year to that date's year.
    """
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return {**env, "PYTHONHASHSEED": "0", "JUPYTER_PLATFORM_DIRS": "1"}


def sphinx_build(stage_dir: Path = EXECUTED, out_root: Path = ROOT, full: bool = False,
                 prefix: Sequence[str] = ()) -> None:
    """Run ``jupyter-book build`` on the staged tree, warnings as errors, nitpicky, into ``out_root/_build/html``.

    ``prefix`` is prepended to the command (the tests pass :func:`network_cut_prefix` to build offline).
    """
    marker = out_root / "_build" / ".built-hash"
    digest = _tree_hash(stage_dir)
    html_index = out_root / "_build" / "html" / "index.html"
    if not full and marker.exists() and marker.read_text() == digest and html_index.exists():
        print("  book unchanged: nothing to build")
        return
    cmd = [*prefix, *_jupyter_book(stage_dir, out_root, "-W", "-n", "--keep-going", "-q",
                                   *(["--all"] if full else []))]
    proc = subprocess.run(cmd, cwd=out_root, env=_build_environment())
    if proc.returncode != 0:
        # A failed incremental build must not let the next one skip the pages that warned.
        shutil.rmtree(out_root / "_build" / ".doctrees", ignore_errors=True)
        marker.unlink(missing_ok=True)
        raise RuntimeError(f"jupyter-book build failed (exit {proc.returncode}); see the warnings above")
    _sync_static(stage_dir / "_vendor", out_root / "_build" / "html" / "_static")
    marker.write_text(digest)


def _sync_static(source: Path, target: Path) -> None:
    """Copy the changed files of ``html_static_path`` into the built ``_static``.

    Sphinx copies static files only when some page is out of date: a build after a change to a stylesheet
    alone reports success and keeps the old copy. Copying them here (only those that differ) closes that gap.
    """
    if not source.is_dir() or not target.is_dir():
        return
    for src in source.rglob("*"):
        if src.is_file():
            _write_if_changed(target / src.relative_to(source), src.read_bytes())


#: What ``make pdf`` needs on PATH (jupyter-book's ``pdflatex`` builder runs latexmk with XeLaTeX).
PDF_TOOLS = ("latexmk", "xelatex")
PDF = BUILD / "latex" / "book.pdf"


def missing_pdf_tools() -> list[str]:
    """The TeX programs ``make pdf`` needs that are not on PATH."""
    return [tool for tool in PDF_TOOLS if shutil.which(tool) is None]


def pdf_command(stage_dir: Path = EXECUTED, out_root: Path = ROOT) -> list[str]:
    """The jupyter-book command that typesets the staged book to ``out_root/_build/latex/book.pdf``."""
    return _jupyter_book(stage_dir, out_root, "--builder", "pdflatex", "-q")


def _execute_and_stage(jobs: int | None, force: bool = False) -> None:
    """Execute the notebooks (cached unless ``force``) and stage the book beside them; a failure ends the build."""
    from .pages import fragments

    try:
        results = execute(jobs=jobs, force=force)
    except NotebookFailure as err:
        raise SystemExit(f"glasson build: notebook failed: {err}") from None
    records = [r for r, _ in results]
    stage(fragments(records))


def build_pdf(jobs: int | None = None) -> Path:
    """``make pdf``: execute (cached), stage, typeset with latexmk/XeLaTeX. Needs a TeX toolchain."""
    missing = missing_pdf_tools()
    if missing:
        raise FileNotFoundError(
            f"a PDF needs a TeX toolchain; not on PATH: {', '.join(missing)} (on Debian: apt-get install "
            "latexmk texlive-xetex texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf)")
    _execute_and_stage(jobs)
    proc = subprocess.run(pdf_command(), cwd=ROOT, env=_build_environment())
    if proc.returncode != 0 or not PDF.is_file():
        raise SystemExit(f"glasson build: the PDF build failed (exit {proc.returncode}); see the LaTeX log "
                         f"under {PDF.parent}")
    print(f"PDF ready: {PDF}")
    return PDF


def build_book(full: bool = False, jobs: int | None = None) -> None:
    """``make book``: execute (cached), stage, build. ``full`` re-executes and rebuilds everything."""
    t0 = time.perf_counter()
    print(f"executing notebooks ({'all' if full else 'changed only'})")
    _execute_and_stage(jobs, force=full)
    print("building the book")
    try:
        sphinx_build(full=full)
    except RuntimeError as err:
        raise SystemExit(f"glasson build: {err}") from None
    print(f"book ready: {HTML / 'index.html'} ({time.perf_counter() - t0:.1f} s)")
