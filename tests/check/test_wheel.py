"""Colab and Binder install the package, not the repository: a wheel built from ``git archive HEAD``, installed with
its dependencies pinned by the lock into a fresh environment (offline from uv's cache where the lock's files are
cached), executes a chapter from a directory outside any checkout, with its figures."""

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import nbformat
import pytest
from notebook_outputs import figures, front_end_problems

from glasson.build.layout import ROOT

BIN = Path(sys.executable).parent
UV = shutil.which("uv", path=str(BIN))


@pytest.mark.skipif(UV is None or shutil.which("git") is None, reason="needs uv and git")
def test_a_wheel_from_the_committed_tree_runs_a_chapter(tmp_path):
    archive = tmp_path / "src.tar"
    subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), "HEAD"], cwd=ROOT, check=True)
    src = tmp_path / "src"
    with tarfile.open(archive) as tar:
        tar.extractall(src, filter="data")
    env = {**os.environ, "UV_NO_PROGRESS": "1"}
    wheels = tmp_path / "wheels"
    subprocess.run([UV, "build", "--quiet", "--wheel", "--out-dir", str(wheels), str(src)], check=True, env=env,
                   capture_output=True)
    wheel, = wheels.glob("glasson-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([UV, "venv", "--quiet", "--python", sys.executable, str(venv)], check=True, env=env)
    python = venv / "bin" / "python"
    install = subprocess.run([UV, "pip", "install", "--quiet", "--python", str(python), "-c",
                              str(ROOT / "requirements.lock"), str(wheel)], env=env, capture_output=True, text=True)
    assert install.returncode == 0, install.stderr[-3000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shutil.copy(ROOT / "notebooks" / "sec4_1_fermi.ipynb", elsewhere)
    code = ("import nbformat; from nbclient import NotebookClient; "
            "nb = nbformat.read('sec4_1_fermi.ipynb', 4); NotebookClient(nb, kernel_name='python3').execute(); "
            "nbformat.write(nb, 'run.ipynb')")
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GLASSON_DATA")}
    proc = subprocess.run([str(python), "-c", code], cwd=elsewhere, capture_output=True, text=True,
                          env={**clean, "MPLBACKEND": "Agg"})
    specs = subprocess.run([str(python), "-c", "from jupyter_client.kernelspec import KernelSpecManager as K; "
                            "print(K().find_kernel_specs())"], capture_output=True, text=True, env=clean).stdout
    assert proc.returncode == 0, specs + proc.stderr[-3000:]
    assert "site-packages" in subprocess.run([str(python), "-c", "import glasson; print(glasson.__file__)"],
                                             cwd=elsewhere, capture_output=True, text=True).stdout
    run = nbformat.read(elsewhere / "run.ipynb", as_version=4)
    assert front_end_problems(run) == [] and figures(elsewhere / "run.ipynb")
