"""The build's Jupyter kernels: this environment's Python over unix sockets, isolated from the user's configuration,
dying with the build, and (on Linux) forked from one process that has imported what the chapters import.

Everything here goes through jupyter_client's public API: a :class:`~jupyter_client.kernelspec.KernelSpecManager`
that names this interpreter, an :class:`~jupyter_client.manager.AsyncKernelManager` built with the ``ipc``
transport and its own socket prefix, and a provisioner (:class:`~jupyter_client.provisioning.LocalProvisioner`'s
``pre_launch`` and ``launch_kernel``) that gives the kernel its environment and, with a fork server, forks it.

**The fork server** (:mod:`glasson.build.forkserver`) saves each chapter about two seconds of imports (measured:
the six chapters in 13.6 s forked, 20.8 s with plain kernels). Forking after numpy, scipy and matplotlib are
imported is safe on Linux only (macOS forbids it after some system frameworks are loaded; Windows has no fork), so
it is used on Linux unless ``GLASSON_FORK=0``; everywhere else kernels start plainly. Either way a kernel dies with
the build (``PR_SET_PDEATHSIG`` on Linux; elsewhere ipykernel's parent poller).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from glasson.build import cache
from glasson.build.layout import ROOT, BuildError

if TYPE_CHECKING:
    from jupyter_client.connect import KernelConnectionInfo
    from jupyter_client.kernelspec import KernelSpec
    from jupyter_client.manager import AsyncKernelManager

__all__ = ["kernel_environment", "kernel_manager", "kill_kernels", "fork_enabled", "fork_server",
           "start_fork_server", "preload_for", "KERNEL_PRELOAD", "PRELOAD", "STOP", "short_temp_dir"]

#: The figure style of the compendium (a matplotlib rc file), which the kernels read at start-up.
STYLE = Path("glasson") / "presentation" / "glasson.mplstyle"
#: Modules every kernel imports, whatever its notebook does.
KERNEL_PRELOAD = ("IPython", "ipykernel.kernelapp", "nbformat")
#: Modules every chapter of the book imports besides the package's own (which the import graph names).
PRELOAD = ("numpy", "scipy.integrate", "scipy.special", "scipy.optimize", "sympy", "matplotlib.pyplot",
           "IPython", "ipykernel.kernelapp", "matplotlib_inline.backend_inline", "nbformat")
#: Variables of the user's environment that would change what a kernel imports or runs at start-up: never passed on.
#: (``PYTHONPATH`` could put a ``sitecustomize`` in front of the package; the user's site directory likewise.)
DROPPED = ("MPLBACKEND", "PYTHONSTARTUP", "PYTHONPATH", "PYTHONHOME", "PYTHONUSERBASE", "PYTHONSAFEPATH",
           "PYTHONINSPECT", "PYTHONEXECUTABLE")
#: Set when the build is interrupted: notebooks not yet started are not started.
STOP = threading.Event()
_KERNELS: set[AsyncKernelManager] = set()
_KERNELS_LOCK = threading.Lock()


def short_temp_dir() -> str:
    """A directory for kernel sockets whose path leaves room under the unix-socket limit (108 bytes)."""
    tmp = tempfile.gettempdir()
    return tmp if len(tmp) <= 40 else "/tmp"


def fork_enabled() -> bool:
    """Kernels are forked from a server on Linux, unless ``GLASSON_FORK=0``."""
    return sys.platform.startswith("linux") and os.environ.get("GLASSON_FORK", "1") != "0"


def kernel_environment(root: Path = ROOT, runtime_dir: str = "") -> dict[str, str]:
    """The kernels' environment: this process's, isolated from the user's configuration (IPython profile and
    startup files, matplotlib and Jupyter configuration in build-local directories; no ``PYTHONPATH``, user site
    or start-up file), plus settings for deterministic figures and hashing."""
    local = root / "_build" / ".kernel-home"
    env = {k: v for k, v in os.environ.items() if k not in DROPPED}
    return env | {
        "MATPLOTLIBRC": str(root / STYLE),
        "MPLCONFIGDIR": str(local / "matplotlib"),
        "IPYTHONDIR": str(local / "ipython"),
        "JUPYTER_CONFIG_DIR": str(local / "jupyter-config"),
        "JUPYTER_DATA_DIR": str(local / "jupyter-data"),
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1649203200"),
        "PYTHONHASHSEED": "0",
        "PYTHONNOUSERSITE": "1",
        "PYDEVD_DISABLE_FILE_VALIDATION": "1",
        "JUPYTER_PLATFORM_DIRS": "1",
        "JUPYTER_RUNTIME_DIR": runtime_dir,
        "PYTHONDONTWRITEBYTECODE": "1",
    }


# --- the fork server ---------------------------------------------------------------------------------------------
class _ForkedProcess:
    """What jupyter_client's local provisioner needs of a ``Popen``, for a kernel forked by the fork server (not a
    child of this process: it is polled by pid, and the server reaps it)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except (ProcessLookupError, PermissionError):  # gone (or the pid reused by another user's process)
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


class ForkServer:
    """A kernel fork server (:mod:`glasson.build.forkserver`) for one repository and kernel environment."""

    def __init__(self, env: Mapping[str, str], preload: Sequence[str]) -> None:
        self.dir = tempfile.mkdtemp(prefix="gf-", dir=short_temp_dir())
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
            if STOP.is_set():
                raise BuildError("interrupted")
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise BuildError("the kernel fork server did not start")
        if STOP.is_set():
            raise BuildError("interrupted")
        from glasson.build.forkserver import request_fork

        pid = request_fork(self.path, args, env, cwd)
        if STOP.is_set():  # interrupted while the kernel was being forked: it must not run
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            raise BuildError("interrupted")
        return pid

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(OSError), socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                conn.settimeout(5)
                conn.connect(self.path)
                conn.sendall(b'{"stop": true}\n')
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


_SERVERS: dict[tuple[tuple[str, str], ...], ForkServer] = {}
_SERVERS_LOCK = threading.Lock()


def _server_key(env: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, v) for k, v in env.items() if k != "JUPYTER_RUNTIME_DIR"))


def fork_server(env: Mapping[str, str], preload: Sequence[str], create: bool = True) -> ForkServer | None:
    """This process's fork server for the kernel environment ``env`` (one per environment, reused across builds,
    stopped at exit); a new one only with ``create``; never where forking is off (:func:`fork_enabled`)."""
    if not fork_enabled():
        return None
    key = _server_key(env)
    with _SERVERS_LOCK:
        server = _SERVERS.get(key)
        if server is None or server.process.poll() is not None:
            if not create:
                return None
            if not _SERVERS:
                atexit.register(_stop_fork_servers)
            server = _SERVERS[key] = ForkServer(env, preload)
        return server


def start_fork_server(root: Path = ROOT) -> None:
    """Start this process's fork server now (preloading what the book's chapters import), so that later executions
    of single notebooks in this process fork their kernels from it too."""
    from glasson.build.layout import chapters

    fork_server(kernel_environment(root, ""), preload_for(chapters(root), root))


def preload_for(chosen: Sequence[Path], root: Path = ROOT) -> list[str]:
    """What a fork server for these notebooks imports before forking: what every kernel imports, the modules the
    notebooks' code cells import, and, when they use the package, :data:`PRELOAD` and every package module their
    imports reach. Nothing more: preloading the scientific stack for notebooks that do not use it cost a fork
    server two seconds of imports."""
    import ast

    import nbformat

    reached = sorted({cache.module_name(p, root) for nb in chosen for p in cache.reached_modules(nb, root)})
    own: set[str] = set()
    for nb in chosen:
        for cell in cache.code_cells(nbformat.read(root / nb, as_version=4)):
            with contextlib.suppress(SyntaxError):  # a magic or shell line: its imports are not seen
                with cache.AST_LOCK:
                    tree = ast.parse(cell.source)
                own |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
                own |= {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module and not n.level}
    return [*KERNEL_PRELOAD, *(PRELOAD if reached else ()), *sorted(own - set(reached)), *reached]


def _stop_fork_servers() -> None:
    with _SERVERS_LOCK:
        for server in _SERVERS.values():
            server.stop()
        _SERVERS.clear()


# --- kernel managers -------------------------------------------------------------------------------------------------
#: The build's kernel: this interpreter, started through :mod:`glasson.build.kernel` (which dies with the build).
KERNEL_NAME = "glasson-build"


def _kernel_spec() -> KernelSpec:
    from jupyter_client.kernelspec import KernelSpec

    return KernelSpec(argv=[sys.executable, "-m", "glasson.build.kernel", "-f", "{connection_file}"],
                      display_name="Python 3 (glasson)", language="python")


def kernel_manager(env: Mapping[str, str], runtime_dir: str, server: ForkServer | None = None) -> AsyncKernelManager:
    """A new kernel manager for one notebook: the build's kernel over unix sockets (a network cut cannot hang it;
    a unique socket prefix keeps parallel kernels apart), started with ``env`` (the build process's own environment
    is never modified), forked from ``server`` when one is given."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_client.provisioning import LocalProvisioner

    class SpecManager(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            return _kernel_spec()

    class Provisioner(LocalProvisioner):
        async def pre_launch(self, **kwargs: object) -> dict[str, object]:
            kwargs["env"] = dict(env)
            return await super().pre_launch(**kwargs)

        async def launch_kernel(self, cmd: list[str], **kwargs: object) -> KernelConnectionInfo:
            if server is None:
                return await super().launch_kernel(cmd, **kwargs)
            given = kwargs.get("env")
            kernel_env = {**(given if isinstance(given, dict) else env), "JPY_PARENT_PID": str(server.process.pid)}
            cwd = str(kwargs.get("cwd") or os.getcwd())
            pid = server.fork(cmd[3:], kernel_env, cwd)  # cmd: python -m glasson.build.kernel -f FILE ...
            self.process = _ForkedProcess(pid)  # type: ignore[assignment]  # a duck-typed Popen
            self.pid, self.pgid, self.cwd = pid, pid, cwd
            return self.connection_info

    km = AsyncKernelManager(kernel_name=KERNEL_NAME, kernel_spec_manager=SpecManager(), transport="ipc",
                            ip=os.path.join(runtime_dir, uuid.uuid4().hex[:12]))
    km.kernel_id = str(uuid.uuid4())
    km.provisioner = Provisioner(kernel_id=km.kernel_id, kernel_spec=km.kernel_spec, parent=km)
    with _KERNELS_LOCK:
        _KERNELS.add(km)
    return km


def kill_kernels() -> None:
    """Kill every kernel this process started (after an interrupt)."""
    with _KERNELS_LOCK:
        managers = list(_KERNELS)
    for km in managers:
        with contextlib.suppress(Exception):
            process = getattr(km.provisioner, "process", None)
            if process is not None and process.poll() is None:
                process.kill()


def forget(km: AsyncKernelManager) -> None:
    """A finished kernel manager is no longer this process's to kill."""
    with _KERNELS_LOCK:
        _KERNELS.discard(km)
