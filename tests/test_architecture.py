"""The structure a newcomer relies on, enforced: the package's folders are its layers (declared once, in
``pyproject.toml``'s import-linter contracts, checked here with ``lint-imports``), a planted upward import is caught,
the tree stays small enough to read, the lint and type gates, and a non-editable install that finds its data."""

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from glasson.build.layout import ROOT

BIN = Path(sys.executable).parent
#: The layer folders, as the import-linter contract names them (the faces sit directly in ``glasson/``).
LAYER_FOLDERS = ("presentation", "build", "registries", "models", "formulas", "symbolic", "data", "core")


def _lint_imports(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run([str(BIN / "lint-imports"), "--no-cache", str(root / "pyproject.toml")], cwd=root, env=env,
                          capture_output=True, text=True)


def test_the_layers_hold():
    proc = _lint_imports(ROOT)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "2 kept, 0 broken" in proc.stdout


def test_the_layer_contract_names_every_folder_once():
    contract = next(c for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
                    if c["id"] == "layers")
    named = [part.strip() for layer in contract["layers"] for part in layer.split("|")]
    folders = sorted(p.name for p in (ROOT / "glasson").iterdir() if (p / "__init__.py").is_file())
    assert sorted(set(named) & set(folders)) == folders == sorted(LAYER_FOLDERS)
    assert len(named) == len(set(named))


@pytest.mark.parametrize("module, line", [
    ("formulas/scales.py", "from glasson.presentation import figures  # planted"),   # up the layers
    ("formulas/fermi.py", "from glasson.symbolic import fermi as _s  # planted"),    # across independent siblings
    ("build/cache.py", "from glasson.data import materials as _m  # planted"),       # physics in the build layer
])
def test_a_planted_import_is_caught(tmp_path, module, line):
    """The companion: each kind of forbidden import, planted in a copy of the package, breaks a contract."""
    shutil.copytree(ROOT / "glasson", tmp_path / "glasson", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "glasson" / module
    target.write_text(line + "\n" + target.read_text())
    proc = _lint_imports(tmp_path)
    assert proc.returncode != 0 and "BROKEN" in proc.stdout.upper(), proc.stdout[-2000:]


def test_the_tree_stays_readable():
    """At most 12 modules directly in ``glasson/`` (the faces), and no module over 500 lines."""
    top = sorted(p.name for p in (ROOT / "glasson").glob("*.py"))
    assert len(top) <= 12, top
    long = {str(p.relative_to(ROOT)): n for p in (ROOT / "glasson").rglob("*.py")
            if (n := len(p.read_text().splitlines())) > 500}
    assert not long, long


# -- the gates ---------------------------------------------------------------------------------------------------


def test_ruff_finds_nothing():
    proc = subprocess.run([str(BIN / "ruff"), "check", "glasson", "tests", "tools", "benchmarks", "book/_ext"],
                          cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_mypy_finds_nothing():
    proc = subprocess.run([str(BIN / "mypy")], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout[-3000:]


def test_every_suppression_gives_its_reason():
    bare = []
    for path in (ROOT / "glasson").rglob("*.py"):
        for n, line in enumerate(path.read_text().splitlines(), 1):
            if re.search(r"#\s*type:\s*ignore(?!\[[\w-]+\]\s+#\s*\S)", line) or \
                    re.search(r"#\s*noqa(?!:\s*[A-Z]+\d+\s+-\s+\S)", line):
                bare.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not bare, "a suppression without a reason on the same line:\n" + "\n".join(bare)


# -- a real installation ---------------------------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("uv", path=str(BIN)) is None, reason="uv is not in this environment")
def test_a_non_editable_install_finds_its_data(tmp_path):
    """``pip install .`` (here uv, into a target directory, not editable), then ``python -m glasson params --json``
    run outside the repository with site disabled (so the editable install of the checkout is not seen)."""
    target, source = tmp_path / "site", tmp_path / "source"
    # a copy of what the wheel is built from: setuptools writes build/ and *.egg-info beside the sources
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    for name in ("glasson", "data"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    build = subprocess.run([str(BIN / "uv"), "pip", "install", "--quiet", "--no-deps", "--target", str(target),
                            str(source)], capture_output=True, text=True, env={**os.environ, "UV_NO_PROGRESS": "1"})
    assert build.returncode == 0, build.stderr[-2000:]
    assert (target / "glasson" / "data" / "files" / "materials.toml").is_file()
    assert not (target / "glasson" / "__init__.py").is_symlink()
    site_packages = next(p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir())
    env = {k: v for k, v in os.environ.items() if k not in ("GLASSON_DATA", "PYTHONPATH")}
    env["PYTHONPATH"] = os.pathsep.join([str(target), site_packages])
    proc = subprocess.run([sys.executable, "-S", "-m", "glasson", "params", "--json"], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    import json

    from glasson.data import materials
    from glasson.models import derived

    assert json.loads(proc.stdout) == pytest.approx(derived.derived_parameters(materials.get("vitreous_silica")))
    where = subprocess.run([sys.executable, "-S", "-c", "import glasson; print(glasson.__file__)"], cwd=tmp_path,
                           env=env, capture_output=True, text=True).stdout
    assert where.startswith(str(target)), where


