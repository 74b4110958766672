"""The lock file, environment.yml (conda/Binder) and requirements.in agree on every pin."""

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
from sync_environment import lock_pins  # noqa: E402


def env_pins():
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    pins = {}
    for item in pip:
        if item.startswith("-e"):
            continue
        name, version = item.split("==")
        pins[name.lower()] = version
    return env, pins


def test_environment_yml_mirrors_lock_exactly():
    _, pins = env_pins()
    lock = lock_pins()
    assert set(pins) == set(lock), f"only in env: {set(pins) - set(lock)}; only in lock: {set(lock) - set(pins)}"
    different = {k: (pins[k], lock[k]) for k in lock if pins[k] != lock[k]}
    assert not different, f"environment.yml differs from the lock: {different}"


def test_environment_python_and_package():
    env, _ = env_pins()
    deps = env["dependencies"]
    assert "python=3.11" in deps
    pip = next(d["pip"] for d in deps if isinstance(d, dict))
    assert "-e ." in pip
    assert any(item.startswith("jupyterlab==") for item in pip)  # Binder starts JupyterLab on the repository
    assert any(item.startswith("jupyterlab-myst==") for item in pip)  # and renders the chapters' MyST


def test_make_lab_uses_the_glasson_kernel():
    makefile = (ROOT / "Makefile").read_text()
    assert 'ipykernel install --sys-prefix --name python3 --display-name "Python 3 (glasson)"' in makefile
    assert "\nlab: " in makefile and "default_kernel_name=python3" in makefile


def test_lock_has_hashes_and_exact_pins():
    text = (ROOT / "requirements.lock").read_text()
    assert len(lock_pins()) > 50
    assert text.count("--hash=sha256:") >= len(lock_pins())
    assert not re.search(r"^[A-Za-z0-9_.\-]+(>=|<=|~=|>|<)", text, flags=re.M)


def test_direct_requirements_pinned_in_lock():
    lock = lock_pins()
    for line in (ROOT / "requirements.in").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            name, version = line.split("==")
            assert lock[name.lower()] == version, name


def test_toolchain_is_jupyter_book_1():
    lock = lock_pins()
    assert lock["jupyter-book"].startswith("1.")
    assert lock["sphinx"].startswith("7.")
