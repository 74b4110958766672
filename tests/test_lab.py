"""JupyterLab, as a reader reruns a chapter by hand: the server starts headless on a free loopback port with a
token, lists the chapters and the glasson kernel through its REST API, and stops cleanly. No browser is
opened; the test does what ``make lab`` does, with ``--no-browser``."""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from glasson.build import runner

ROOT = runner.ROOT
JUPYTER = Path(sys.executable).parent / "jupyter"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, token: str) -> dict:
    req = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=5) as resp:
        return json.loads(resp.read())


@pytest.mark.skipif(not JUPYTER.exists(), reason="jupyter is not installed in this environment")
def test_jupyterlab_serves_the_chapters_and_the_glasson_kernel(tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(tmp_path / "config"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "rt"),
           "JUPYTER_DATA_DIR": str(tmp_path / "data"), "JUPYTER_PLATFORM_DIRS": "1", "HOME": str(tmp_path)}
    proc = subprocess.Popen(
        [str(JUPYTER), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT}",
         "--MultiKernelManager.default_kernel_name=glasson", *(["--allow-root"] if os.geteuid() == 0 else [])],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status = _get(f"{base}/api/status", token)
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("jupyter lab did not start:\n" + proc.stdout.read().decode(errors="replace")[-3000:])
                time.sleep(0.3)
        assert "started" in status
        listing = _get(f"{base}/api/contents/notebooks", token)
        names = sorted(item["name"] for item in listing["content"] if item["type"] == "notebook")
        assert names == sorted(nb.name for nb in runner.notebooks())
        specs = _get(f"{base}/api/kernelspecs", token)
        assert "glasson" in specs["kernelspecs"] and specs["default"] == "glasson"
        argv = specs["kernelspecs"]["glasson"]["spec"]["argv"]
        assert Path(argv[0]).resolve().parent == Path(sys.executable).resolve().parent  # this environment
        with pytest.raises(urllib.error.HTTPError) as denied:  # the token is required
            _get(f"{base}/api/contents/notebooks", "wrong-token")
        assert denied.value.code == 403
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 0, "jupyter lab did not stop cleanly on SIGTERM"
    with pytest.raises(OSError):  # the port is closed again
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
