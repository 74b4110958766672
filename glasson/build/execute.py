"""Execute the chapters with papermill: cached by content (:mod:`glasson.build.cache`), at most ``jobs`` at a time,
each in a fresh kernel (:mod:`glasson.build.kernels`), written atomically and scrubbed, stoppable with Ctrl-C.

Papermill runs each notebook into a hidden partial file; the record of the previous run is removed before the
kernel starts, and the scrubbed copy and its new record are moved into place only after it ends, so a killed run
leaves nothing that could be reused. A notebook that fails or writes to stderr makes :func:`execute` raise
:class:`~glasson.build.layout.NotebookFailure` naming it and the cell, after the others have run.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from glasson.build import cache, kernels
from glasson.build import notebooks as nbio
from glasson.build.cache import RunRecord
from glasson.build.layout import EXECUTED, ROOT, NotebookFailure, announce_strays, chapters
from glasson.core.paths import DERIVATION_CACHE, DERIVATIONS_LOG

__all__ = ["execute", "notebook_parameters", "check_out_dir", "default_jobs", "RERUN_SCRATCH", "OUT_MARKER"]

#: The one place under the repository where ``execute --out`` may write (scratch beside the built book).
RERUN_SCRATCH = Path("_build") / "rerun"
#: The file ``execute --out`` leaves in its directory: only a directory holding it may be written again.
OUT_MARKER = ".glasson-execute"


def default_jobs() -> int:
    """The CPUs this process may use (CPU affinity and container quotas, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def notebook_parameters(notebook: Path, root: Path = ROOT) -> set[str]:
    """The names declared in a notebook's papermill ``parameters`` cell."""
    import papermill as pm

    return set(pm.inspect_notebook(str(root / notebook)))


def check_out_dir(out: Path | str, root: Path = ROOT) -> Path:
    """The resolved output directory of ``execute``, or ``ValueError`` saying why it is refused.

    Refused: the repository or anything in it (its notebooks, data or built book would be overwritten) except
    the scratch directory ``_build/rerun``; an existing file; a directory that holds anything and is not an earlier
    output of ``execute`` (which leaves :data:`OUT_MARKER` in it); a place that cannot be written. Nothing is
    created here.
    """
    text = str(out)
    if not text.strip():
        raise ValueError("must name a directory, got an empty string")
    try:
        path = Path(text).expanduser().resolve()
        exists, is_dir = path.exists(), path.is_dir()
    except OSError as err:  # a name too long for the file system, ...
        raise ValueError(f"{text[:60]!r}{'…' if len(text) > 60 else ''}: {err.strerror or err}") from None
    repo, scratch = root.resolve(), (root / RERUN_SCRATCH).resolve()
    inside_repo = path == repo or repo in path.parents
    if inside_repo and not (path == scratch or scratch in path.parents):
        raise ValueError(f"{text!r} is inside the repository; use a directory outside it or under {RERUN_SCRATCH}")
    if exists and not is_dir:
        raise ValueError(f"{text!r} exists and is not a directory")
    if is_dir and any(path.iterdir()) and not (path / OUT_MARKER).is_file():
        raise ValueError(f"{text!r} holds files that 'glasson execute' did not write; use a new or empty directory")
    parent = next((p for p in (path, *path.parents) if p.exists()), None)
    if parent is None or not os.access(parent, os.W_OK | os.X_OK):
        raise ValueError(f"{text!r} cannot be written")
    return path


def _derivations_read(log: Path) -> dict[str, str]:
    """The derivation-cache entries a kernel read, from the log it appended to (name and sha256 per line)."""
    if not log.is_file():
        return {}
    read = {}
    for line in log.read_text().splitlines():
        name, _, digest = line.partition(" ")
        if name and digest:
            read[name] = digest
    return dict(sorted(read.items()))


def _execute_one(notebook: Path, out_dir: Path, parameters: Mapping[str, object], digest: str, root: Path,
                 env: Mapping[str, str], runtime_dir: str, server: kernels.ForkServer | None) -> RunRecord:
    import nbformat
    import papermill as pm

    final = out_dir / notebook.name
    if kernels.STOP.is_set():
        return RunRecord(str(notebook), digest, "cancelled", 0.0, dict(parameters), "interrupted")
    cache.sidecar(out_dir, notebook).unlink(missing_ok=True)  # from here on the old copy is not reusable
    partial = out_dir / f".{notebook.stem}.{uuid.uuid4().hex[:8]}.partial.ipynb"
    log = Path(runtime_dir) / f"{notebook.stem}-{uuid.uuid4().hex[:8]}.derivations"
    km = kernels.kernel_manager({**env, DERIVATIONS_LOG: str(log)}, runtime_dir, server)
    start = time.perf_counter()
    error = ""
    try:
        # The kernel starts in the notebook's folder (nbclient passes resources' path to the kernel as its cwd).
        # Not papermill's ``cwd=``: it changes this whole process's working directory for the run, and two runs
        # in threads restore it in the wrong order.
        pm.execute_notebook(
            str(root / notebook), str(partial), parameters=dict(parameters), kernel_name=kernels.KERNEL_NAME,
            km=km, resources={"metadata": {"path": str((root / notebook).parent)}},
            progress_bar=False, log_output=False, report_mode=False,
        )
    except pm.PapermillExecutionError as err:
        error = f"cell {err.cell_index} (In [{err.exec_count}]): {err.ename}: {err.evalue}"
    except Exception as err:  # kernel died or was killed, notebook unreadable, ...
        error = f"{type(err).__name__}: {err}"
    finally:
        kernels.forget(km)
    seconds = time.perf_counter() - start
    try:
        if partial.exists():
            nb = nbio.scrub(nbformat.read(partial, as_version=4))
            warned = nbio.stderr_outputs(nb)
            if warned and not error:
                first = warned[0].strip().splitlines()[0] if warned[0].strip() else "(empty)"
                error = f"wrote to stderr: {first}"
            nbio.write_atomic(final, nbformat.writes(nb).encode() + b"\n")
    finally:
        partial.unlink(missing_ok=True)
    status = "cancelled" if kernels.STOP.is_set() and error else ("failed" if error else "passed")
    record = RunRecord(str(notebook), digest, status, round(seconds, 2), dict(parameters), error,
                       nbio.sha256(final) if final.exists() else "", _derivations_read(log))
    cache.write_record(out_dir, record)
    return record


def _prune(out_dir: Path, keep: Iterable[Path]) -> None:
    """Remove executed copies, records and partial files of notebooks that are no longer chapters."""
    stems = {nb.stem for nb in keep}
    for p in out_dir.glob("*"):
        stem = p.name.split(".")[0] if not p.name.startswith(".") else p.name[1:].split(".")[0]
        if p.is_file() and (p.name.startswith(".") or stem not in stems) and p.name != OUT_MARKER:
            p.unlink()


def execute(selected: Sequence[Path] | None = None, out_dir: Path = EXECUTED / "notebooks",
            parameters: Mapping[str, object] | Callable[[Path], Mapping[str, object]] | None = None,
            jobs: int | None = None, force: bool = False, root: Path = ROOT,
            log: Callable[[str], None] = print, prune: bool = False, fork: bool = True,
            ) -> list[tuple[RunRecord, bool]]:
    """Execute notebooks (the chapters of ``_toc.yml`` unless ``selected``; those whose inputs changed, or all with
    ``force``) into ``out_dir``.

    ``parameters`` is one mapping for every notebook, or a function giving each notebook its own. With ``fork``
    (and where forking is on, :func:`glasson.build.kernels.fork_enabled`) two or more notebooks are executed in
    kernels forked from one process that has imported what they import; each kernel is still a fresh process.
    ``prune`` removes the executed copies of notebooks that are no longer chapters. On an interrupt (Ctrl-C)
    queued notebooks are not started, running kernels are killed, and ``KeyboardInterrupt`` is raised within
    seconds, leaving no reusable partial copy.

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
    if selected is None:
        announce_strays(root, log)
    chosen = list(selected) if selected is not None else chapters(root)
    if prune:
        _prune(out_dir, chosen)
    params_of = parameters if callable(parameters) else (lambda nb, p=dict(parameters or {}): p)
    todo: list[tuple[Path, str, dict[str, object]]] = []
    results: dict[Path, tuple[RunRecord, bool]] = {}
    for nb in chosen:
        params = dict(params_of(nb))
        digest = cache.content_hash(nb, params, root)
        hit = None if force else cache.cached(nb, out_dir, digest, DERIVATION_CACHE)
        if hit:
            results[nb] = (cache.merge_text(nb, out_dir, hit, root), False)
        else:
            todo.append((nb, digest, params))
    if todo:
        runtime_dir = tempfile.mkdtemp(prefix="gk-", dir=kernels.short_temp_dir())
        env = kernels.kernel_environment(root, runtime_dir)
        for d in ("MPLCONFIGDIR", "IPYTHONDIR", "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR"):
            with contextlib.suppress(OSError):
                Path(env[d]).mkdir(parents=True, exist_ok=True)
        kernels.STOP.clear()
        server = None
        if fork:  # starting a server costs one kernel's imports: worth it from two notebooks on
            server = kernels.fork_server(env, kernels.preload_for([nb for nb, _, _ in todo], root),
                                         create=len(todo) > 1)
        pool = ThreadPoolExecutor(max(1, min(jobs or default_jobs(), len(todo))))
        futures: dict[Path, Future[RunRecord]] = {}
        try:
            futures = {nb: pool.submit(_execute_one, nb, out_dir, params, digest, root, env, runtime_dir, server)
                       for nb, digest, params in todo}
            for nb, fut in futures.items():
                record = fut.result()
                results[nb] = (record, True)
                log(f"  {'ran   ' if record.status == 'passed' else 'FAILED'} {nb} ({record.seconds:.1f} s)"
                    + (f": {record.error}" if record.error else ""))
        except KeyboardInterrupt:
            kernels.STOP.set()
            pool.shutdown(wait=False, cancel_futures=True)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:  # a kernel started a moment ago is killed on the next round
                kernels.kill_kernels()
                if all(f.done() for f in futures.values()):
                    break
                time.sleep(0.1)
            pool.shutdown(wait=True)
            raise
        finally:
            pool.shutdown(wait=True)
            shutil.rmtree(runtime_dir, ignore_errors=True)
    for nb, (_, ran) in sorted(results.items()):
        if not ran:
            log(f"  cached {nb}")
    ordered = [results[nb] for nb in sorted(results)]
    failed = [r for r, _ in ordered if r.status != "passed"]
    if failed:
        raise NotebookFailure("; ".join(f"{r.notebook}: {r.error}" for r in failed))
    return ordered
