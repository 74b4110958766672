"""The data path and the command line under attack, table-driven: each finding of an attack is one row.

A row changes a copy of ``data/`` (``GLASSON_DATA``), runs ``python -m glasson`` in a real process (so that what
a user sees, warnings included, is what is checked) and states the exit status and what the one line on stderr
must name. The rows of the reliability issue (#24) are here: script injection through a material key, an unknown
element, template braces in a data text, an empty data file, overflowing data, a source missing from the
bibliography, an empty ``--material``, an overflow in Python arithmetic. The page rows render what the book
writes from the data with the book's own MyST configuration: data text stays text.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from glasson.core.paths import ROOT


@dataclass(frozen=True)
class Attack:
    id: str
    argv: tuple[str, ...]
    edit: Callable[[Path], None] | None = None  # changes the copy of data/
    code: int = 2
    names: tuple[str, ...] = ()  # what the one line on stderr must name
    stdout_empty: bool = True
    notes: str = field(default="", compare=False)


def _replace(file: str, old: str, new: str, count: int = 1) -> Callable[[Path], None]:
    def edit(data: Path) -> None:
        p = data / file
        text = p.read_text()
        assert old in text, f"the attack's target {old!r} is not in {file}"
        p.write_text(text.replace(old, new, count))
    return edit


def _write(file: str, text: str) -> Callable[[Path], None]:
    return lambda data: (data / file).write_text(text)


ATTACKS = [
    Attack("key-with-markup", ("materials",),
           _replace("materials.toml", "[polystyrene]\n", '["evil`<img src=x onerror=alert(9)>`"]\n'),
           names=("materials.toml", "plain identifier")),
    Attack("unknown-element", ("claims",), _replace("materials.toml", 'formula = "SiO2"', 'formula = "SiQ2"'),
           names=("materials.toml", "[vitreous_silica]", "formula", "Q")),
    Attack("empty-materials", ("materials", "--json"), _write("materials.toml", ""),
           names=("materials.toml", "no materials")),
    Attack("empty-materials-params", ("params",), _write("materials.toml", "# nothing\n"),
           names=("materials.toml", "no materials")),
    Attack("overflowing-data", ("claims",), _replace("materials.toml", "value = 2.2\n", "value = 1e308\n"),
           names=("vitreous_silica", "floating-point range")),
    Attack("overflowing-data-params", ("params",), _replace("materials.toml", "value = 2.2\n", "value = 1e308\n"),
           names=("vitreous_silica", "floating-point range")),
    Attack("source-not-in-bibliography", ("params",),
           _replace("materials.toml", 'source = "astm_e494"', 'source = "nobody2099"'),
           names=("materials.toml", "nobody2099", "references.bib")),
    Attack("string-value", ("params",), _replace("materials.toml", "value = 2.2\n", 'value = "2.2"\n'),
           names=("materials.toml", "[vitreous_silica.rho]", "number")),
    Attack("empty-material-materials", ("materials", "--material", ""), names=("--material",)),
    Attack("empty-material-params", ("params", "--material", ""), names=("--material",)),
    Attack("python-float-overflow", ("params", "--a", "1e308"), names=("--a", "floating-point range")),
    Attack("numpy-overflow", ("params", "--rho", "1e308"), names=("--rho", "floating-point range")),
    Attack("kappa-overflow", ("kappa", "--T", "1e308"), names=("--T",)),
    Attack("long-out", ("execute", "--out", "x" * 300), names=("--out",)),
    Attack("build-json", ("build", "--json", "--pdf"), code=2, names=("--pdf",)),
]


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    data = tmp_path_factory.mktemp("pristine") / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def _run(argv, data: Path | None = None, cwd: Path | None = None):
    env = {k: v for k, v in os.environ.items() if k != "GLASSON_DATA"}
    if data is not None:
        env["GLASSON_DATA"] = str(data)
    if argv[:1] == ("build",):  # no TeX on PATH: the PDF request is refused before anything is built
        env["PATH"] = str(Path(sys.executable).parent)
    return subprocess.run([sys.executable, "-m", "glasson", *argv], capture_output=True, text=True, env=env,
                          cwd=cwd or ROOT)


@pytest.mark.parametrize("attack", ATTACKS, ids=[a.id for a in ATTACKS])
def test_attack(attack: Attack, pristine, tmp_path):
    data = None
    if attack.edit is not None:
        data = tmp_path / "data"
        shutil.copytree(pristine, data)
        attack.edit(data)
    proc = _run(attack.argv, data, cwd=tmp_path)
    assert proc.returncode == attack.code, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, f"not one line on stderr:\n{proc.stderr}"
    assert "Traceback" not in proc.stderr and "Warning" not in proc.stderr
    for name in attack.names:
        assert name in lines[0], f"{name!r} not named in: {lines[0]}"
    if attack.stdout_empty:
        assert proc.stdout == ""


def test_the_pristine_copy_passes(pristine):
    """The attack table's baseline: the unchanged data give exit 0 (a row fails because of its change)."""
    for argv in (("materials", "--json"), ("params",), ("claims",)):
        proc = _run(argv, pristine)
        assert proc.returncode == 0 and proc.stderr == "", (argv, proc.stderr)


# --- what the book writes from the data, rendered with the book's MyST configuration ----------------------------
def _myst_html(text: str) -> str:
    """``text`` rendered by myst-parser's Markdown parser with the extensions the book enables in _config.yml."""
    from markdown_it.renderer import RendererHTML
    from myst_parser.config.main import MdParserConfig
    from myst_parser.parsers.mdit import create_md_parser

    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    extensions = config["parse"]["myst_enable_extensions"]
    return create_md_parser(MdParserConfig(enable_extensions=set(extensions)), RendererHTML).render(text)


PAYLOADS = ["{{ 7+7 }}", "{% for x in y %}", "{{ unclosed", "<img src=x onerror=alert(9)>", "`code` *em* |pipe|",
            "{cite:p}`turlakov2022fermion`"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_data_text_is_text_on_the_materials_page(payload, pristine, tmp_path, monkeypatch):
    from glasson.data import materials
    from glasson.presentation import materials_page

    data = tmp_path / "data"
    shutil.copytree(pristine, data)
    toml = data / "materials.toml"
    text = toml.read_text()
    where = 'where = "Sec. 4.1: $\\\\rho \\\\simeq$ 2.2 g cm⁻³ for vitreous silica"'
    assert where in text
    toml.write_text(text.replace(where, f"where = {payload!r}".replace("'", '"') if '"' not in payload
                                 else f"where = '{payload}'", 1))
    monkeypatch.setenv("GLASSON_DATA", str(data))
    materials._load_cached.cache_clear()
    try:
        html = _myst_html(materials_page.materials_page())
    finally:
        monkeypatch.delenv("GLASSON_DATA")
        materials._load_cached.cache_clear()
    visible = re.sub(r"<[^>]+>", "", html)
    assert "<img" not in html.replace("&lt;img", "")
    if payload.startswith(("{{", "{%")):
        assert payload in visible.replace("&quot;", '"')  # shown as written, never evaluated
        assert "14" not in visible.split("silica")[0][-40:]


def test_the_book_does_not_evaluate_templates():
    """The MyST substitution extension (Jinja over the page) is off: data text with ``{{ … }}`` is text."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    assert "substitution" not in config["parse"]["myst_enable_extensions"]
    assert _myst_html("a {{ 7+7 }} b").count("{{ 7+7 }}") == 1


def test_a_material_key_is_written_verbatim_only_because_it_is_an_identifier():
    from glasson.data import materials
    from glasson.presentation import pages

    keys = materials.names()
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", k) for k in keys)
    assert all(f"`{k}`" in pages.rerun_materials() for k in keys)
