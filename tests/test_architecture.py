"""The structure a newcomer relies on, enforced: the layers of the package and which may import which (from the
import graph of the code, lazy imports included), no import cycle, the lint and type gates, and a non-editable
install that finds its data.

Layers, bottom to top (README, "Architecture"):

foundation   _paths, constants, _validation, _typing, _text, dimensions
data         materials
formulas     scales, heat_capacity, scattering, conductivity, dipolar, thermal, acoustics, fermi, elastic,
             tunneling, operators, _numerics, symbolic.*
models       inputs, model, derived
registries   claims, equations, comparison, universality
presentation formatting, tables, figures, pages, chapter
build        runner, _forkserver   (import the foundation only: no physics)
faces        cli, rerun, __main__
"""

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from glasson import runner

ROOT = runner.ROOT
LAYERS = {
    "foundation": {"_paths", "constants", "_validation", "_typing", "_text", "dimensions"},
    "data": {"materials"},
    "formulas": {"scales", "heat_capacity", "scattering", "conductivity", "dipolar", "thermal", "acoustics", "fermi",
                 "elastic", "tunneling", "operators", "_numerics", "symbolic"},
    "models": {"inputs", "model", "derived"},
    "registries": {"claims", "equations", "comparison", "universality"},
    "presentation": {"formatting", "tables", "figures", "pages", "chapter"},
    "build": {"runner", "_forkserver"},
    "faces": {"cli", "rerun", "__main__"},
}
ORDER = list(LAYERS)


def layer_of(module: str) -> str:
    top = module.removeprefix("glasson.").split(".")[0]
    return next(name for name, members in LAYERS.items() if top in members)


def import_graph() -> dict[str, set[str]]:
    modules = runner._package_modules(ROOT)
    graph = {}
    for name, path in modules.items():
        if name == "glasson":
            continue
        targets = set()
        for target in runner._imported(ast.parse(path.read_bytes()), name, path.name == "__init__.py"):
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target not in ("glasson", name):
                targets.add(target)
        graph[name] = targets
    return graph


def test_every_module_has_a_layer():
    unplaced = [m for m in import_graph() if not any(m.removeprefix("glasson.").split(".")[0] in s
                                                     for s in LAYERS.values())]
    assert not unplaced, f"place these modules in a layer (tests/test_architecture.py and README): {unplaced}"


def test_imports_go_down_the_layers():
    wrong = []
    for module, targets in import_graph().items():
        mine = ORDER.index(layer_of(module))
        for target in targets:
            theirs = ORDER.index(layer_of(target))
            if theirs > mine:
                wrong.append(f"{module} ({layer_of(module)}) imports {target} ({layer_of(target)})")
    assert not wrong, "\n".join(wrong)


def test_the_build_layer_imports_no_physics():
    graph = import_graph()
    for module in ("glasson.runner", "glasson._forkserver"):
        for target in graph[module]:
            assert layer_of(target) in ("foundation", "build"), f"{module} imports {target}"


def test_no_import_cycle():
    graph = import_graph()
    state: dict[str, int] = {}

    def visit(node, path):
        state[node] = 1
        for nxt in graph.get(node, ()):
            if state.get(nxt) == 1:
                raise AssertionError("import cycle: " + " -> ".join(path + [nxt]))
            if nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node, [node])


def test_the_architecture_rule_catches_an_upward_import(tmp_path):
    """The companion: a formula module importing a presentation module is reported."""
    fake = ast.parse("from .figures import energy_scales")
    targets = runner._imported(fake, "glasson.scales", False)
    assert "glasson.figures" in targets and ORDER.index(layer_of("glasson.figures")) > ORDER.index("formulas")


# -- the gates ---------------------------------------------------------------------------------------------------
BIN = Path(sys.executable).parent


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
    assert (target / "glasson" / "data" / "materials.toml").is_file()
    assert not (target / "glasson" / "__init__.py").is_symlink()
    site_packages = next(p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir())
    env = {k: v for k, v in os.environ.items() if k not in ("GLASSON_DATA", "PYTHONPATH")}
    env["PYTHONPATH"] = os.pathsep.join([str(target), site_packages])
    proc = subprocess.run([sys.executable, "-S", "-m", "glasson", "params", "--json"], cwd=tmp_path, env=env,
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    import json

    from glasson import derived, materials

    assert json.loads(proc.stdout) == pytest.approx(derived.derived_parameters(materials.get("vitreous_silica")))
    where = subprocess.run([sys.executable, "-S", "-c", "import glasson; print(glasson.__file__)"], cwd=tmp_path,
                           env=env, capture_output=True, text=True).stdout
    assert where.startswith(str(target)), where


def test_validated_formula_arguments_carry_their_unit_in_the_type():
    """Every argument a formula validates is typed with a unit-named alias of glasson._typing, not ``Any``."""
    import importlib
    import inspect

    from glasson import _typing

    aliases = set(_typing.__all__)
    untyped = []
    for module in ("scales", "heat_capacity", "scattering", "conductivity", "dipolar", "acoustics", "fermi",
                   "elastic", "tunneling"):
        mod = importlib.import_module(f"glasson.{module}")
        for name in mod.__all__:
            func = getattr(mod, name)
            rules = getattr(func, "__glasson_checked__", None)
            if rules is None or getattr(func, "__module__", "") != mod.__name__:
                continue
            params = inspect.signature(func).parameters
            for arg in rules:
                annotation = str(params[arg].annotation).replace(" | None", "")
                if annotation not in aliases:
                    untyped.append(f"glasson.{module}.{name}({arg}: {annotation})")
    assert not untyped, "\n".join(untyped)
