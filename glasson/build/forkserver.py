"""A kernel fork server for the build layer: one process imports once what the chapters import, then forks a fresh
Jupyter kernel for each notebook (``python -m glasson.build.forkserver SOCKET MODULE...``).

Starting a kernel and importing numpy, scipy, sympy, matplotlib and the package costs about two seconds per
notebook; forked from a process that has done it, a kernel starts in milliseconds. Each kernel is a new process
with a fresh namespace: what one chapter does to a module (an attribute set, a cache filled) happens in its own
copy and is gone with it, so every chapter still runs as if alone (``tests/test_runner.py`` checks this). The
server imports modules only; it calls nothing, so no cache of the package is filled before a fork.

The protocol is one JSON request per connection on a unix socket: ``{"args": [...], "env": {...}, "cwd": ...}``
answered by ``{"pid": N}`` (the kernel, leader of its own process group), or ``{"stop": true}``. The server dies
with the process that started it (``PR_SET_PDEATHSIG``), and each kernel with the server (the same signal, set in
the forked child: ipykernel's parent poller alone left kernels running after a killed build). This module imports no
physics; the modules to preload are named by the caller.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib
import json
import os
import signal
import socket
import sys
from typing import Any

__all__ = ["serve", "request_fork", "die_with_parent"]

_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """Ask Linux to kill this process when its parent dies (no-op elsewhere). With ``parent`` (the pid the parent
    had), exit at once if it has died already, before the request could take effect."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def _receive(conn: socket.socket) -> dict[str, Any]:
    data = b""
    while not data.endswith(b"\n"):
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return json.loads(data or b"{}")


def request_fork(path: str, args: list[str], env: dict[str, str], cwd: str) -> int:
    """Ask the server at ``path`` for a kernel started with ``args`` (``-f CONNECTION_FILE ...``); its pid."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.connect(path)
        conn.sendall(json.dumps({"args": args, "env": env, "cwd": cwd}).encode() + b"\n")
        return int(_receive(conn)["pid"])


def _kernel(request: dict[str, Any], server: int) -> None:
    """In the forked child: become a kernel, as ``python -m ipykernel_launcher`` would, dying with the server."""
    os.setsid()
    die_with_parent(server)
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    if sys.path and sys.path[0] in ("", os.getcwd()):
        sys.path.pop(0)
    sys.argv = ["glasson.build.kernel", *request["args"]]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance(argv=request["args"])


def serve(path: str, preload: list[str]) -> None:
    """Import ``preload``, then answer fork requests on the unix socket ``path`` until told to stop."""
    die_with_parent()
    for name in preload:
        with contextlib.suppress(Exception):  # a module that cannot be preloaded is imported by the kernel
            importlib.import_module(name)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # kernels are reaped by the system, never left as zombies
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(path)
        server.listen(16)
        print("ready", flush=True)
        while True:
            conn, _ = server.accept()
            with conn:
                request = _receive(conn)
                if request.get("stop"):
                    return
                server_pid = os.getpid()
                pid = os.fork()
                if pid == 0:  # the kernel
                    server.close()
                    conn.close()
                    code = 0
                    try:
                        _kernel(request, server_pid)
                    except BaseException:  # a kernel must never return into the server loop
                        code = 1
                    finally:
                        os._exit(code)
                conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")


if __name__ == "__main__":
    serve(sys.argv[1], sys.argv[2:])
