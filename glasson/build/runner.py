"""Execute the notebooks with papermill (cached, parallel, scrubbed) and build the book with jupyter-book 1.x.

This is the build layer: it knows notebooks, files and processes, and imports no physics. The book build is
composed by the CLI (``python -m glasson build``, run by ``make book``): :func:`execute` →
:func:`glasson.presentation.pages.fragments` → :func:`stage` → :func:`sphinx_build`, under :func:`build_lock`.

1. Each notebook of ``notebooks/`` is executed by papermill's Python API into ``_build/executed/notebooks``,
   at most ``jobs`` at a time, each with its own kernel over unix sockets (a network cut cannot hang it),
   isolated from the user's configuration (IPython profile, matplotlib and Jupyter directories are build-local).
   It is skipped when a content hash of what its outputs depend on matches the one stored beside its executed
   copy: its code cells and parameters, the package modules its imports reach, the data directory, the lock,
   ``matplotlibrc``, the installed package versions and the environment variables the package reads. A
   Markdown-only edit does not re-execute: the new text is merged with the cached outputs.
2. A notebook is written to a temporary file and moved into place after scrubbing (timestamps, paths, random
   ids removed); its record (``<name>.run.json``) carries the hash of the executed copy, which is checked before
   the copy is reused, so a partial, truncated or hand-edited copy is executed again.
3. The book sources (``_config.yml``, ``_toc.yml``, ``book/``, ``_vendor/``) and the generated pages
   (``_generated/``) are staged beside them, each copied only when changed; a symbolic link is refused.
4. ``jupyter-book build _build/executed --path-output . -W -n --keep-going`` writes ``_build/html``. It is
   skipped when the staged tree is byte-identical to the last successful build; a removed page triggers a
   clean rebuild, so no stale page is published.
"""

from __future__ import annotations

import ast
import atexit
import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, fields
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any

from glasson.core.paths import ROOT, data_dir

__all__ = ["ROOT", "BUILD", "EXECUTED", "HTML", "notebooks", "content_hash", "execute", "stage", "sphinx_build",
           "build_lock", "BuildError", "NotebookFailure", "RunRecord", "notebook_parameters", "check_out_dir",
           "reached_modules", "network_cut_prefix", "pdf_command", "missing_pdf_tools", "RERUN_SCRATCH",
           "build_environment", "default_jobs", "kernel_environment", "start_fork_server"]

BUILD = ROOT / "_build"
EXECUTED = BUILD / "executed"
HTML = BUILD / "html"
#: Files whose content decides whether a notebook must run again, besides the notebook, its parameters, the
#: package modules it reaches and the data directory.
HASHED_FILES = ("requirements.lock", "matplotlibrc")
#: Environment variables the package reads: they reach every kernel, so they are part of the cache key.
PACKAGE_ENVIRONMENT = ("GLASSON_DATA",)
#: Book sources staged beside the executed notebooks.
STAGED = ("_config.yml", "_toc.yml", "book", "_vendor")
#: Bump when the execution or scrubbing changes in a way the hashed files do not show.
RUNNER_VERSION = "3"


class BuildError(RuntimeError):
    """The build cannot go on; the message is one line saying why."""


class NotebookFailure(BuildError):
    """One or more notebooks failed; the message names each notebook and its failing cell."""


@dataclass
class RunRecord:
    """How a notebook's executed copy came to be (stored as ``<name>.run.json`` beside it)."""

    notebook: str
    hash: str
    status: str  # "passed", "failed" or "cancelled"
    seconds: float
    parameters: dict[str, Any]
    error: str = ""
    #: sha256 of the executed copy as written: a copy that differs is never reused.
    output_sha256: str = ""


def notebooks(root: Path = ROOT) -> list[Path]:
    """The chapter notebooks, sorted by name (paths relative to ``root``)."""
    return sorted(p.relative_to(root) for p in (root / "notebooks").glob("*.ipynb"))


# --- what a notebook's outputs depend on ------------------------------------------------------------------
def _package_modules(root: Path) -> dict[str, Path]:
    """``glasson.x.y`` → its file, for every module of the package in ``root``."""
    out = {}
    for path in sorted((root / "glasson").rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imported(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """The ``glasson`` modules a parsed module (or notebook code) imports, relative imports resolved."""
    names: set[str] = set()
    base = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base
                for _ in range(node.level - 1):
                    anchor = anchor.rpartition(".")[0]
                target = f"{anchor}.{node.module}" if node.module else anchor
            else:
                target = node.module or ""
            names.add(target)
            names |= {f"{target}.{a.name}" for a in node.names}
    return {n for n in names if n == "glasson" or n.startswith("glasson.")}


#: ``ast.parse`` is not thread-safe in CPython 3.11 ("AST constructor recursion depth mismatch" when two threads
#: parse at once); parsing is serialised, and each source's imports are remembered.
_AST_LOCK = threading.Lock()
_IMPORTS_CACHE: dict[tuple[str, str, bool], frozenset[str]] = {}


def _imports_of(source: str | bytes, module: str, is_package: bool) -> frozenset[str]:
    key = (hashlib.sha256(source if isinstance(source, bytes) else source.encode()).hexdigest(), module, is_package)
    with _AST_LOCK:
        if key not in _IMPORTS_CACHE:
            _IMPORTS_CACHE[key] = frozenset(_imported(ast.parse(source), module, is_package))
        return _IMPORTS_CACHE[key]


def _code_cells(nb: Any) -> list[Any]:
    return [c for c in nb.cells if c.cell_type == "code" and "injected-parameters" not in c.metadata.get("tags", [])]


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def reached_modules(notebook: Path, root: Path = ROOT) -> list[Path]:
    """The files of the package a notebook's imports reach, transitively (the import graph from the code).

    A change to any other module of the package cannot change the notebook's outputs, so it does not
    re-execute it.
    """
    import nbformat

    modules = _package_modules(root)
    nb = nbformat.read(root / notebook, as_version=4)
    todo: set[str] = {"glasson"}
    for cell in _code_cells(nb):
        try:
            todo |= _imports_of(cell.source, "__notebook__", False)
        except SyntaxError:  # a magic or shell line: imports of such a cell are not seen
            continue
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        while name and name not in modules:  # "glasson.x.func" -> "glasson.x"
            name = name.rpartition(".")[0]
        if not name or name in seen:
            continue
        seen.add(name)
        parts = name.split(".")
        for i in range(1, len(parts)):  # importing a submodule runs its packages' __init__
            todo.add(".".join(parts[:i]))
        path = modules[name]
        todo |= _imports_of(path.read_bytes(), name, path.name == "__init__.py") - seen
    return sorted(modules[n] for n in seen)


@cache
def _installed_versions() -> str:
    """Every distribution installed in this environment with its version (what the kernels import)."""
    # Not the repository itself: an editable install leaves glasson.egg-info beside the sources, seen only by a
    # process whose sys.path holds the clone (``python -m``, not a script run from elsewhere); the package's own
    # modules are hashed file by file anyway.
    paths = [p for p in sys.path if p and Path(p).resolve() != ROOT.resolve()]
    names = sorted({f"{d.metadata['Name']}=={d.version}".lower() for d in metadata.distributions(path=paths)
                    if d.metadata["Name"]})
    return f"python {sys.version}\n" + "\n".join(names)


def _code_digest(nb: Any) -> str:
    """What of a notebook can change its outputs: its code cells and which one holds the parameters."""
    h = hashlib.sha256()
    for cell in _code_cells(nb):
        h.update(b"\0parameters" if "parameters" in cell.metadata.get("tags", []) else b"\0code")
        h.update(cell.source.encode())
    return h.hexdigest()


def content_hash(notebook: Path, parameters: Mapping[str, Any] | None = None, root: Path = ROOT) -> str:
    """Hash of everything a notebook's outputs depend on: its code cells and parameters, the package modules
    its imports reach, the data directory, the lock and ``matplotlibrc``, the installed package versions, and
    the environment variables the package reads."""
    import nbformat

    h = hashlib.sha256()
    h.update(RUNNER_VERSION.encode())
    h.update(json.dumps(dict(parameters or {}), sort_keys=True, default=str).encode())
    h.update(_code_digest(nbformat.read(root / notebook, as_version=4)).encode())
    h.update(json.dumps({k: os.environ.get(k) for k in PACKAGE_ENVIRONMENT}, sort_keys=True).encode())
    h.update(_installed_versions().encode())
    data = data_dir()
    files = [*reached_modules(notebook, root), *(root / f for f in HASHED_FILES),
             *sorted(p for p in data.glob("*") if p.is_file())]
    for path in files:
        if path.is_file():
            h.update(str(path.relative_to(data) if path.is_relative_to(data) else path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


# --- kernels -------------------------------------------------------------------------------------------
#: Kernels started by this process, so that an interrupt can stop them at once.
_KERNELS: set[Any] = set()
_KERNELS_LOCK = threading.Lock()
#: Set when the build is interrupted: notebooks not yet started are not started.
_STOP = threading.Event()


def _short_temp_dir() -> str:
    """A directory for kernel sockets whose path leaves room under the unix-socket limit (108 bytes)."""
    tmp = tempfile.gettempdir()
    return tmp if len(tmp) <= 40 else "/tmp"


class _ForkedProcess:
    """What jupyter_client's local provisioner needs of a ``Popen``, for a kernel forked by the fork server (not
    a child of this process: it is polled by pid, and the server reaps it)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0
            except PermissionError:  # pragma: no cover - the pid was reused by another user's process
                self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout or 0.0)
            time.sleep(0.02)
        return self.returncode or 0

    def send_signal(self, signum: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class _ForkServer:
    """The process's kernel fork server (:mod:`glasson.build.forkserver`), started on first use for one repository and
    one kernel environment, and stopped at exit."""

    def __init__(self, root: Path, env: Mapping[str, str], preload: Sequence[str]) -> None:
        self.key = (str(root), tuple(sorted((k, v) for k, v in env.items() if k != "JUPYTER_RUNTIME_DIR")))
        self.dir = tempfile.mkdtemp(prefix="gf-", dir=_short_temp_dir())
        self.path = os.path.join(self.dir, "s")
        self.process = subprocess.Popen([sys.executable, "-m", "glasson.build.forkserver", self.path, *preload],
                                        env=dict(env), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                        stdin=subprocess.DEVNULL, text=True)
        self.ready = threading.Event()
        threading.Thread(target=self._wait_ready, daemon=True).start()

    def _wait_ready(self) -> None:
        assert self.process.stdout is not None
        if self.process.stdout.readline().strip() == "ready":
            self.ready.set()

    def fork(self, args: list[str], env: dict[str, str], cwd: str) -> int:
        deadline = time.monotonic() + 120
        while not self.ready.wait(0.1):
            if _STOP.is_set():
                raise BuildError("interrupted")
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise BuildError("the kernel fork server did not start")
        if _STOP.is_set():
            raise BuildError("interrupted")
        from glasson.build.forkserver import request_fork

        pid = request_fork(self.path, args, env, cwd)
        if _STOP.is_set():  # interrupted while the kernel was being forked: it must not run
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            raise BuildError("interrupted")
        return pid

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(OSError):
                import socket

                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                    conn.settimeout(5)
                    conn.connect(self.path)
                    conn.sendall(b'{"stop": true}\n')
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


_SERVERS: dict[Any, _ForkServer] = {}
_SERVERS_LOCK = threading.Lock()


def _fork_server(root: Path, env: Mapping[str, str], preload: Sequence[str], create: bool = True
                 ) -> _ForkServer | None:
    """The fork server for this repository and kernel environment (one per process, reused across builds); a
    new one only with ``create``."""
    key = (str(root), tuple(sorted((k, v) for k, v in env.items() if k != "JUPYTER_RUNTIME_DIR")))
    with _SERVERS_LOCK:
        server = _SERVERS.get(key)
        if server is None or server.process.poll() is not None:
            if not create:
                return None
            if not _SERVERS:
                atexit.register(_stop_fork_servers)
            server = _SERVERS[key] = _ForkServer(root, env, preload)
        return server


def start_fork_server(root: Path = ROOT) -> None:
    """Start this process's kernel fork server now (preloading what the book's chapters import), so that later
    executions of single notebooks in this process fork their kernels from it too."""
    _fork_server(root, kernel_environment(root, ""), preload_for(notebooks(root), root))


def preload_for(chosen: Sequence[Path], root: Path = ROOT) -> list[str]:
    """What a fork server for these notebooks imports before forking: what every kernel imports, the modules the
    notebooks' code cells import, and, when they use the package, :data:`PRELOAD` and every package module their
    imports reach. Nothing more: preloading the scientific stack for notebooks that do not use it cost a fork
    server two seconds of imports (and the suite's small notebooks start a dozen servers)."""
    import nbformat

    reached = sorted({_module_name(p, root) for nb in chosen for p in reached_modules(nb, root)})
    own: set[str] = set()
    for nb in chosen:
        for cell in _code_cells(nbformat.read(root / nb, as_version=4)):
            with contextlib.suppress(SyntaxError):  # a magic or shell line: its imports are not seen
                with _AST_LOCK:
                    tree = ast.parse(cell.source)
                own |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
                own |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module and not n.level}
    return [*KERNEL_PRELOAD, *(PRELOAD if reached else ()), *sorted(own - set(reached)), *reached]


def _stop_fork_servers() -> None:
    with _SERVERS_LOCK:
        for server in _SERVERS.values():
            server.stop()
        _SERVERS.clear()


#: Modules every kernel imports, whatever its notebook does.
KERNEL_PRELOAD = ("IPython", "ipykernel.kernelapp", "nbformat")
#: Modules every chapter of the book imports besides the package's own (which the import graph names).
PRELOAD = ("numpy", "scipy.integrate", "scipy.special", "scipy.optimize", "sympy", "matplotlib.pyplot",
           "IPython", "ipykernel.kernelapp", "matplotlib_inline.backend_inline", "myst_nb", "nbformat")


def _kernel_manager_class(env: Mapping[str, str], runtime_dir: str, server: _ForkServer | None = None) -> type:
    """An AsyncKernelManager whose kernels run this environment's Python over unix sockets with ``env``.

    The kernel command is this interpreter (``sys.executable -m ipykernel_launcher``), not whatever a user's
    kernelspec named ``python3`` points at; with a fork ``server`` the kernel is forked from it instead of
    started from scratch. Over ``ipc`` a kernel needs no loopback interface, so execution works with the network
    cut; a unique socket prefix per kernel keeps parallel kernels apart. ``env`` is the kernel's whole
    environment: the runner's own ``os.environ`` is never modified.
    """
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_client.provisioning import LocalProvisioner
    from traitlets import CaselessStrEnum

    class ForkedProvisioner(LocalProvisioner):
        async def launch_kernel(self, cmd: list[str], **kwargs: Any) -> Any:
            assert server is not None
            kernel_env = {**kwargs.get("env", env), "JPY_PARENT_PID": str(server.process.pid)}
            cwd = str(kwargs.get("cwd") or os.getcwd())
            pid = server.fork(cmd[3:], kernel_env, cwd)  # cmd: python -m ipykernel_launcher -f FILE ...
            self.process = _ForkedProcess(pid)  # type: ignore[assignment]  # duck-typed Popen
            self.pid, self.pgid, self.cwd = pid, pid, cwd
            return self.connection_info

    class IPCKernelManager(AsyncKernelManager):
        transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

        @property
        def kernel_spec(self) -> KernelSpec:
            return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                              display_name="Python 3 (glasson)", language="python")

        def _ip_default(self) -> str:
            return os.path.join(runtime_dir, uuid.uuid4().hex[:12])

        async def _async_pre_start_kernel(self, **kw: Any) -> Any:
            kw["env"] = dict(env)
            if server is not None and self.provisioner is None:
                self.kernel_id = self.kernel_id or str(uuid.uuid4())
                self.provisioner = ForkedProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec,
                                                     parent=self)
            with _KERNELS_LOCK:
                _KERNELS.add(self)
            return await super()._async_pre_start_kernel(**kw)

    return IPCKernelManager


def _kill_kernels() -> None:
    """Kill every kernel this process started (after an interrupt)."""
    with _KERNELS_LOCK:
        managers = list(_KERNELS)
    for km in managers:
        with contextlib.suppress(Exception):
            process = getattr(km.provisioner, "process", None)
            if process is not None and process.poll() is None:
                process.kill()


def kernel_environment(root: Path = ROOT, runtime_dir: str = "") -> dict[str, str]:
    """The kernels' environment: this process's, isolated from the user's configuration (IPython profile and
    startup files, matplotlib and Jupyter configuration live in build-local directories), without
    MPLBACKEND (kernels draw inline) and PYTHONSTARTUP, plus settings for deterministic figures and hashing."""
    local = root / "_build" / ".kernel-home"
    env = {k: v for k, v in os.environ.items() if k not in ("MPLBACKEND", "PYTHONSTARTUP")}
    return env | {
        "MATPLOTLIBRC": str(root / "matplotlibrc"),
        "MPLCONFIGDIR": str(local / "matplotlib"),
        "IPYTHONDIR": str(local / "ipython"),
        "JUPYTER_CONFIG_DIR": str(local / "jupyter-config"),
        "JUPYTER_DATA_DIR": str(local / "jupyter-data"),
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1649203200"),
        "PYTHONHASHSEED": "0",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "JUPYTER_PLATFORM_DIRS": "1",
        "JUPYTER_RUNTIME_DIR": runtime_dir,
        "PYTHONDONTWRITEBYTECODE": "1",
    }


# --- scrubbing -----------------------------------------------------------------------------------------
def scrub(nb: Any) -> Any:
    """Remove what changes from run to run: timestamps, durations, paths, random ids, the empty tag lists papermill
    adds (so that a fresh run and a copy merged with new text are the same bytes); hide injected cells."""
    pm = nb.metadata.get("papermill", {})
    nb.metadata["papermill"] = {k: pm[k] for k in ("parameters", "default_parameters") if k in pm}
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        if cell.metadata.get("tags") == []:
            del cell.metadata["tags"]
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags:
            cell.id = "injected-parameters"
            if "remove-cell" not in tags:
                tags.append("remove-cell")
        elif not cell.get("id"):
            cell.id = f"cell-{i}"
    return nb


# --- execution -----------------------------------------------------------------------------------------
def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and move it into place (never a half-written file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _sidecar(out_dir: Path, notebook: Path) -> Path:
    return out_dir / f"{notebook.stem}.run.json"


def _stderr_outputs(nb: Any) -> list[str]:
    """Text a notebook wrote to stderr (warnings included): a chapter that warns does not pass."""
    return [o.get("text", "")[:200] for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if o.get("output_type") == "stream" and o.get("name") == "stderr"]


def _execute_one(notebook: Path, out_dir: Path, parameters: Mapping[str, Any], digest: str,
                 root: Path, env: Mapping[str, str], runtime_dir: str, server: _ForkServer | None) -> RunRecord:
    import nbformat
    import papermill as pm

    final = out_dir / notebook.name
    sidecar = _sidecar(out_dir, notebook)
    if _STOP.is_set():
        return RunRecord(str(notebook), digest, "cancelled", 0.0, dict(parameters), "interrupted")
    sidecar.unlink(missing_ok=True)  # from here on the old copy is not reusable, whatever happens
    partial = out_dir / f".{notebook.stem}.{uuid.uuid4().hex[:8]}.partial.ipynb"
    start = time.perf_counter()
    error = ""
    try:
        # The kernel starts in the notebook's folder (nbclient passes resources' path to the kernel as its cwd).
        # Not papermill's ``cwd=``: it changes this whole process's working directory for the run, and two runs
        # in threads restore it in the wrong order, leaving the build in notebooks/ (its figures then missed the
        # repository's matplotlibrc, so a fresh build differed from a cached one).
        pm.execute_notebook(
            str(root / notebook), str(partial), parameters=dict(parameters), kernel_name="python3",
            kernel_manager_class=_kernel_manager_class(env, runtime_dir, server),
            resources={"metadata": {"path": str((root / notebook).parent)}},
            progress_bar=False, log_output=False, report_mode=False,
        )
    except pm.PapermillExecutionError as err:
        error = f"cell {err.cell_index} (In [{err.exec_count}]): {err.ename}: {err.evalue}"
    except Exception as err:  # kernel died or was killed, notebook unreadable, ...
        error = f"{type(err).__name__}: {err}"
    seconds = time.perf_counter() - start
    try:
        if partial.exists():
            nb = scrub(nbformat.read(partial, as_version=4))
            warned = _stderr_outputs(nb)
            if warned and not error:
                error = f"wrote to stderr: {warned[0].strip().splitlines()[0] if warned[0].strip() else '(empty)'}"
            _write_atomic(final, nbformat.writes(nb).encode() + b"\n")
    finally:
        partial.unlink(missing_ok=True)
    status = "cancelled" if _STOP.is_set() and error else ("failed" if error else "passed")
    record = RunRecord(str(notebook), digest, status, round(seconds, 2), dict(parameters), error,
                       _sha256(final) if final.exists() else "")
    _write_atomic(sidecar, (json.dumps(asdict(record), indent=1, sort_keys=True) + "\n").encode())
    return record


def _cached(notebook: Path, out_dir: Path, digest: str) -> RunRecord | None:
    """The record of an executed copy that may be reused: same inputs, passed, and byte-identical to what was
    written (a partial, truncated or edited copy is not)."""
    sidecar, executed = _sidecar(out_dir, notebook), out_dir / notebook.name
    if not executed.exists() or not sidecar.exists():
        return None
    try:
        raw = json.loads(sidecar.read_text())
        record = RunRecord(**{f.name: raw[f.name] for f in fields(RunRecord) if f.name in raw})
    except (ValueError, TypeError, KeyError):
        return None
    if record.hash != digest or record.status != "passed" or record.output_sha256 != _sha256(executed):
        return None
    return record


def _merge_text(notebook: Path, out_dir: Path, record: RunRecord, root: Path) -> RunRecord:
    """Bring the Markdown (and cell tags) of a cached executed copy up to date with the source notebook, keeping
    its outputs: a text-only edit rebuilds the page without executing the notebook again."""
    import nbformat

    executed_path = out_dir / notebook.name
    source = nbformat.read(root / notebook, as_version=4)
    executed = nbformat.read(executed_path, as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    outputs = iter(_code_cells(executed))
    cells = []
    for cell in source.cells:
        if cell.cell_type == "code":
            ran = next(outputs)
            cell = nbformat.from_dict({**ran, "metadata": {**cell.metadata, **{k: v for k, v in ran.metadata.items()
                                                                              if k != "tags"}},
                                       "source": cell.source, "id": ran.get("id", cell.get("id"))})
        cells.append(cell)
        if injected and "parameters" in cell.metadata.get("tags", []):
            cells.extend(injected)
    merged = nbformat.from_dict({**executed, "cells": cells})
    data = nbformat.writes(scrub(merged)).encode() + b"\n"
    if data == executed_path.read_bytes():
        return record
    _write_atomic(executed_path, data)
    record = RunRecord(**{**asdict(record), "output_sha256": _sha256(executed_path)})
    _write_atomic(_sidecar(out_dir, notebook), (json.dumps(asdict(record), indent=1, sort_keys=True) + "\n").encode())
    return record


def default_jobs() -> int:
    """The CPUs this process may use (CPU affinity and container quotas, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def _prune(out_dir: Path, keep: Iterable[Path]) -> None:
    """Remove executed copies, records and partial files of notebooks that no longer exist."""
    stems = {nb.stem for nb in keep}
    for p in out_dir.glob("*"):
        stem = p.name.split(".")[0] if not p.name.startswith(".") else p.name[1:].split(".")[0]
        if p.is_file() and (p.name.startswith(".") or stem not in stems):
            p.unlink()


def execute(selected: Sequence[Path] | None = None, out_dir: Path = EXECUTED / "notebooks",
            parameters: Mapping[str, Any] | Callable[[Path], Mapping[str, Any]] | None = None,
            jobs: int | None = None, force: bool = False, root: Path = ROOT,
            log: Any = print, prune: bool = False, fork: bool = True) -> list[tuple[RunRecord, bool]]:
    """Execute notebooks (those whose inputs changed, or all with ``force``) into ``out_dir``.

    ``parameters`` is one mapping for every notebook, or a function giving each notebook its own. With ``fork``
    (the default) two or more notebooks are executed in kernels forked from one process that has imported what
    they import (:mod:`glasson.build.forkserver`); each kernel is still a fresh process. ``prune``
    removes the executed copies of notebooks that no longer exist (the default book). On an interrupt
    (Ctrl-C) queued notebooks are not started, running kernels are killed, and ``KeyboardInterrupt`` is
    raised within seconds, leaving no reusable partial copy.

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
    chosen = list(selected) if selected is not None else notebooks(root)
    if prune:
        _prune(out_dir, chosen)
    params_of = parameters if callable(parameters) else (lambda nb, p=dict(parameters or {}): p)
    todo: list[tuple[Path, str, dict[str, Any]]] = []
    results: dict[Path, tuple[RunRecord, bool]] = {}
    for nb in chosen:
        params = dict(params_of(nb))
        digest = content_hash(nb, params, root)
        cached = None if force else _cached(nb, out_dir, digest)
        if cached:
            results[nb] = (_merge_text(nb, out_dir, cached, root), False)
        else:
            todo.append((nb, digest, params))
    if todo:
        runtime_dir = tempfile.mkdtemp(prefix="gk-", dir=_short_temp_dir())
        env = kernel_environment(root, runtime_dir)
        for d in ("MPLCONFIGDIR", "IPYTHONDIR", "JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR"):
            with contextlib.suppress(OSError):
                Path(env[d]).mkdir(parents=True, exist_ok=True)
        _STOP.clear()
        server = None
        if fork:  # starting a server costs one kernel's imports: worth it from two notebooks on
            server = _fork_server(root, env, preload_for([nb for nb, _, _ in todo], root), create=len(todo) > 1)
        pool = ThreadPoolExecutor(max(1, min(jobs or default_jobs(), len(todo))))
        futures: dict[Path, Any] = {}
        try:
            futures = {nb: pool.submit(_execute_one, nb, out_dir, params, digest, root, env, runtime_dir, server)
                       for nb, digest, params in todo}
            for nb, fut in futures.items():
                record = fut.result()
                results[nb] = (record, True)
                log(f"  {'ran   ' if record.status == 'passed' else 'FAILED'} {nb} ({record.seconds:.1f} s)"
                    + (f": {record.error}" if record.error else ""))
        except KeyboardInterrupt:
            _STOP.set()
            pool.shutdown(wait=False, cancel_futures=True)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:  # a kernel started a moment ago is killed on the next round
                _kill_kernels()
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


# --- staging -------------------------------------------------------------------------------------------
def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def _copy_tree(src: Path, dst: Path) -> None:
    """Mirror ``src`` into ``dst`` (only changed files written, vanished ones removed). A symbolic link is
    refused: it could publish a file from outside the repository."""
    if src.is_symlink():
        raise BuildError(f"refusing to stage the symbolic link {src}")
    if src.is_file():
        _write_if_changed(dst, src.read_bytes())
        return
    links = [p for p in src.rglob("*") if p.is_symlink()]
    if links:
        raise BuildError(f"refusing to stage the symbolic link {links[0]} (it could publish a file from outside "
                         "the repository)")
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
    (``{file name: text or bytes}``, made by :func:`glasson.presentation.pages.fragments`) under ``_generated/``."""
    for name in STAGED:
        if (root / name).exists() and name != "_config.yml":  # written below, with the commit filled in
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


def build_environment() -> dict[str, str]:
    """This process's environment, with the settings that make a Sphinx build reproducible and quiet.

    SOURCE_DATE_EPOCH is left out: Sphinx would rewrite the book's copyright year to that date's year.
    """
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return {**env, "PYTHONHASHSEED": "0", "JUPYTER_PLATFORM_DIRS": "1"}


def _staged_pages(stage_dir: Path) -> str:
    """The source files of the staged book (a removed one means its old page must go)."""
    return "\n".join(sorted(str(p.relative_to(stage_dir)) for p in stage_dir.rglob("*")
                            if p.suffix in (".ipynb", ".md") and p.is_file()))


def sphinx_build(stage_dir: Path = EXECUTED, out_root: Path = ROOT, full: bool = False,
                 prefix: Sequence[str] = ()) -> None:
    """Run ``jupyter-book build`` on the staged tree, warnings as errors, nitpicky, into ``out_root/_build/html``.

    Nothing is built, and nothing written, when the staged tree is the one last built. ``full`` (and a page
    removed since the last build) removes the HTML and Sphinx's environment first: a clean rebuild, so no
    page of a removed source survives. ``prefix`` is prepended to the command (the tests pass
    :func:`network_cut_prefix` to build offline).
    """
    build = out_root / "_build"
    marker, pages_list = build / ".built-hash", build / ".built-pages"
    digest, pages = _tree_hash(stage_dir), _staged_pages(stage_dir)
    html_index = build / "html" / "index.html"
    if not full and marker.exists() and marker.read_text() == digest and html_index.exists():
        print("  book unchanged: nothing to build")
        return
    removed = pages_list.exists() and not set(pages_list.read_text().splitlines()) <= set(pages.splitlines())
    if full or removed:
        shutil.rmtree(build / "html", ignore_errors=True)
        shutil.rmtree(build / ".doctrees", ignore_errors=True)
    _drop_stale_source_pages(stage_dir, build)
    cmd = [*prefix, *_jupyter_book(stage_dir, out_root, "-W", "-n", "--keep-going", "-q",
                                   *(["--all"] if full or removed else []))]
    proc = subprocess.run(cmd, cwd=out_root, env=build_environment())
    if proc.returncode != 0:
        # A failed incremental build must not let the next one skip the pages that warned.
        shutil.rmtree(build / ".doctrees", ignore_errors=True)
        marker.unlink(missing_ok=True)
        raise BuildError(f"jupyter-book build failed (exit {proc.returncode}); see the warnings above")
    _sync_static(stage_dir / "_vendor", build / "html" / "_static")
    _write_atomic(build / ".built-config", _config_digest(stage_dir).encode())
    _write_atomic(pages_list, pages.encode())
    _write_atomic(marker, digest.encode())


def _config_digest(stage_dir: Path) -> str:
    config = stage_dir / "_config.yml"
    return hashlib.sha256(config.read_bytes() if config.is_file() else b"").hexdigest()


def _drop_stale_source_pages(stage_dir: Path, build: Path) -> None:
    """Remove the highlighted-source pages (``html/_modules``) when the book's configuration changed since the
    last build: Sphinx's viewcode writes such a page again only when its module's file is newer, so after a new
    commit they kept the old commit in their footer (the commit is filled into the staged ``_config.yml``)."""
    marker = build / ".built-config"
    if not marker.exists() or marker.read_text() != _config_digest(stage_dir):
        shutil.rmtree(build / "html" / "_modules", ignore_errors=True)


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


@contextlib.contextmanager
def build_lock(root: Path = ROOT, log: Callable[[str], None] = print) -> Iterator[None]:
    """Hold the clone's build lock (``_build/.lock``): a second build in the same clone waits for the first
    instead of rewriting the executed notebooks under its Sphinx."""
    path = root / "_build" / ".lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:  # a read-only tree: a lock file that exists can still be locked
        fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log("waiting for another build of this clone to finish (lock _build/.lock)")
            fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
