"""The CLI contract: JSON keys and values, readable tables, exit codes and one-line errors."""

import json
import subprocess
import sys

import pytest

from glasson.cli import main
from glasson.core.paths import ROOT
from glasson.data import materials
from glasson.models import derived
from glasson.registries import claims

PARAMS_KEYS = {"H_g_per_s", "xi_cm", "m_gl_g", "E_xi_K",
               "k_F_per_cm", "m_F_g", "v_F_cm_per_s", "kF_xi", "kF_a", "Q_inv_t"}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_params_json_keys_and_values(capsys):
    code, out, err = run(capsys, "params", "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert PARAMS_KEYS <= set(data)
    assert data["H_g_per_s"] == pytest.approx(3.0463e-11, rel=1e-4)
    assert data["xi_cm"] == pytest.approx(1.3148e-6, rel=1e-4)
    assert data["m_gl_g"] == pytest.approx(1.0026e-27, rel=1e-4)
    assert data["E_xi_K"] == pytest.approx(2.3237, rel=1e-4)


def test_params_overrides(capsys):
    _, out, _ = run(capsys, "params", "--json", "--Lambda", "5", "--rho", "2.2")
    data = json.loads(out)
    assert data["xi_cm"] == pytest.approx(1.3148e-6 / 2, rel=1e-4)
    assert data["m_gl_g"] == pytest.approx(1.0026e-27 * 2, rel=1e-4)


def test_params_json_equals_library(capsys):
    _, out, _ = run(capsys, "params", "--json")
    assert json.loads(out) == pytest.approx(derived.derived_parameters(materials.get("vitreous_silica")))


def test_params_table(capsys):
    code, out, _ = run(capsys, "params")
    assert code == 0 and "xi_cm" in out and "meaning" in out


@pytest.mark.parametrize("option", ["--rho", "--c-t", "--cv-slope", "--eps-F", "--Lambda", "--a"])
@pytest.mark.parametrize("value", ["-1", "0", "nan", "inf", "-inf", "abc"])
def test_params_bad_values(capsys, option, value):
    code, out, err = run(capsys, "params", "--json", option, value)
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and option in err
    assert "Traceback" not in err


def test_unknown_material(capsys):
    code, out, err = run(capsys, "params", "--material", "quartz")
    assert code == 2 and out == ""
    assert "--material" in err and "vitreous_silica" in err and err.count("\n") == 1


@pytest.mark.parametrize("argv", [[], ["nosuch"], ["params", "--bogus", "1"], ["params", "--rho"]])
def test_usage_errors_one_line(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1


def test_claims_json(capsys):
    code, out, _ = run(capsys, "claims", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [r["id"] for r in claims.rows()]
    assert tuple(rows[0]) == claims.FIELDS


def test_claims_section(capsys):
    _, out, _ = run(capsys, "claims", "--json", "--section", "2.2")
    assert {r["section"] for r in json.loads(out)} == {"2.2"}


def test_materials_json(capsys):
    code, out, _ = run(capsys, "materials", "--json")
    data = json.loads(out)
    silica = next(m for m in data if m["key"] == "vitreous_silica")
    assert silica["values"]["rho"] == {"value": 2.2, "unit": "g/cm^3", "uncertainty": None,
                                       "source": "turlakov2022fermion", "where": silica["values"]["rho"]["where"],
                                       "status": "paper"}
    for m in data:
        for v in m["values"].values():
            assert v["source"] and v["where"]


def test_equations_json(capsys):
    code, out, _ = run(capsys, "equations", "--json")
    rows = json.loads(out)
    numbers = [r["number"] for r in rows]
    assert numbers == list(range(1, 19))
    for r in rows:
        assert {"number", "section", "notebook", "glasson", "dimension_printed", "note"} <= set(r)
        assert r["dimension_printed"] in ("consistent", "inconsistent", "natural-units", "not-applicable")
    by_number = {r["number"]: r for r in rows}
    assert by_number[8]["dimension_printed"] == "inconsistent"
    assert by_number[1]["glasson"] is None and by_number[1]["dimension_printed"] == "not-applicable"


def test_equations_point_at_real_functions_and_notebooks(capsys):
    import importlib
    from pathlib import Path

    _, out, _ = run(capsys, "equations", "--json")
    root = Path(__file__).resolve().parent.parent
    for r in json.loads(out):
        assert (root / r["notebook"]).exists(), r["notebook"]
        if r["glasson"]:
            module, _, name = r["glasson"].rpartition(".")
            assert callable(getattr(importlib.import_module(module), name))


def test_real_process_exit_codes():
    """End to end through `python -m glasson`: JSON on success, one line and status 2 on bad input."""
    ok = subprocess.run([sys.executable, "-m", "glasson", "params", "--json"], capture_output=True, text=True)
    assert ok.returncode == 0 and PARAMS_KEYS <= set(json.loads(ok.stdout))
    bad = subprocess.run([sys.executable, "-m", "glasson", "params", "--rho", "-1", "--json"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.strip().splitlines() == ["glasson params: error: argument --rho: must be a positive finite "
                                               "number, got '-1'"]


def test_params_section3_4_values(capsys):
    _, out, _ = run(capsys, "params", "--json")
    d = json.loads(out)
    assert d["k_F_per_cm"] == pytest.approx(2.1224e6, rel=1e-4)
    assert d["m_F_g"] == pytest.approx(1.8143e-27, rel=1e-4)          # Eq. 17 as derived, not as printed
    assert d["v_F_cm_per_s"] == pytest.approx(1.0545718e-27 * d["k_F_per_cm"] / d["m_F_g"], rel=1e-7)
    assert d["kF_xi"] == pytest.approx(d["k_F_per_cm"] * d["xi_cm"], rel=1e-12)
    assert d["kF_a"] == pytest.approx(d["k_F_per_cm"] * 2.5e-8, rel=1e-12)
    assert d["Q_inv_t"] == pytest.approx(d["kF_a"] ** 3 * 4e5 / d["v_F_cm_per_s"], rel=1e-12)


def test_params_eps_F_override_scales(capsys):
    _, out, _ = run(capsys, "params", "--json", "--eps-F", "80")
    d8 = json.loads(out)
    _, out, _ = run(capsys, "params", "--json")
    d1 = json.loads(out)
    assert d8["k_F_per_cm"] / d1["k_F_per_cm"] == pytest.approx(2.0, rel=1e-12)   # k_F ~ eps_F^(1/3)
    assert d8["Q_inv_t"] / d1["Q_inv_t"] == pytest.approx(2.0, rel=1e-12)         # Q ~ eps_F^(1/3)


def test_kappa_json(capsys):
    code, out, err = run(capsys, "kappa", "--T", "0.1", "1", "--json")
    assert code == 0 and err == ""
    rows = json.loads(out)
    assert [r["T_K"] for r in rows] == [0.1, 1.0]
    assert set(rows[0]) == {"T_K", "kappa_erg_per_s_cm_K"}
    assert rows[1]["kappa_erg_per_s_cm_K"] / rows[0]["kappa_erg_per_s_cm_K"] == pytest.approx(100.0, rel=1e-12)


def test_kappa_pair_is_linear(capsys):
    _, out, _ = run(capsys, "kappa", "--scattering", "pair", "--T", "0.2", "0.4", "--json")
    rows = json.loads(out)
    assert rows[1]["kappa_erg_per_s_cm_K"] / rows[0]["kappa_erg_per_s_cm_K"] == pytest.approx(2.0, rel=1e-12)


def test_kappa_coupling_and_default(capsys):
    from glasson.formulas import conductivity

    _, out, _ = run(capsys, "kappa", "--T", "1", "--coupling", "1e-3", "--json")
    assert json.loads(out)[0]["kappa_erg_per_s_cm_K"] == pytest.approx(conductivity.kappa_resonant(1.0, 1e-3, 4e5))
    _, out, _ = run(capsys, "kappa", "--T", "1", "--json")
    q = derived.derived_parameters(materials.get("vitreous_silica"))["Q_inv_t"]
    assert json.loads(out)[0]["kappa_erg_per_s_cm_K"] == pytest.approx(conductivity.kappa_resonant(1.0, q, 4e5))


@pytest.mark.parametrize("argv, option", [
    (["kappa", "--T", "0"], "--T"), (["kappa", "--T", "1", "nan"], "--T"), (["kappa", "--T", "x"], "--T"),
    (["kappa", "--T", "1", "--scattering", "both"], "--scattering"), (["kappa"], "--T"),
    (["kappa", "--T", "1", "--coupling", "-2"], "--coupling"), (["kappa", "--T", "1", "--material", "x"], "--material"),
])
def test_kappa_bad_input(capsys, argv, option):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and option in err


def test_pdf_without_tex_is_a_one_line_error(tmp_path):
    """`make pdf` on a machine without latexmk/xelatex: exit 2, one line naming the option and the tools."""
    import os

    env = {**os.environ, "PATH": str(tmp_path)}  # an empty PATH: no TeX (python is called by full path)
    proc = subprocess.run([sys.executable, "-m", "glasson", "build", "--pdf"], capture_output=True, text=True,
                          env=env)
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "--pdf" in lines[0] and "latexmk" in lines[0] and "xelatex" in lines[0]


def test_pdf_command_uses_the_latex_builder_on_the_staged_book():
    from glasson.build import sphinx

    cmd = sphinx.pdf_command()
    assert cmd[cmd.index("--builder") + 1] == "pdflatex" and str(sphinx.STAGE) in cmd


def test_ci_installs_what_the_pdf_needs():
    """.ci/run installs the Debian packages the PDF build names (and pdftotext, which its test reads it with)."""
    from glasson.build import sphinx

    line = next(x for x in (ROOT / ".ci" / "run").read_text().splitlines() if x.startswith("TEX="))
    assert set(line.split("=", 1)[1].strip('"').split()) == {*sphinx.PDF_PACKAGES, "poppler-utils"}


@pytest.mark.parametrize("describe, marker, offered", [
    ("0123abcd4567", "0123abcd4567", True),             # typeset from the commit checked out: offered
    ("0123abcd4567", "89abcdef0123", False),            # typeset from another commit: stale
    ("0123abcd4567+dirty", "0123abcd4567+dirty", False),  # uncommitted changes: the PDF may not be the tree
    ("unknown", "unknown", False),                      # outside git
    ("0123abcd4567", None, False),                      # a PDF without its commit
])
def test_the_book_offers_only_a_pdf_of_its_own_commit(tmp_path, monkeypatch, describe, marker, offered):
    from glasson.build import sphinx

    pdf = tmp_path / "book.pdf"
    pdf.write_bytes(b"%PDF-1.5 a book")
    monkeypatch.setattr(sphinx, "PDF", pdf)
    monkeypatch.setattr(sphinx, "PDF_COMMIT", tmp_path / "book.pdf.commit")
    monkeypatch.setattr(sphinx, "git_describe", lambda root=None: describe)
    if marker is not None:
        sphinx.record_pdf_commit(marker)
    assert sphinx.current_pdf() == ((pdf, describe) if offered else None)


def test_the_landing_and_cite_pages_offer_the_pdf_when_there_is_one(tmp_path):
    from glasson.presentation import pages

    pdf = tmp_path / "book.pdf"
    pdf.write_bytes(b"%PDF-1.5 " + b"x" * 2_500_000)
    with_pdf = pages.fragments([], pdf=pdf, commit="0123abcd4567")
    assert with_pdf[pages.PDF_NAME] == pdf.read_bytes()
    assert f"{{download}}`{pages.PDF_NAME} <../_generated/{pages.PDF_NAME}>`" in with_pdf["pdf.md"]
    assert "`0123abcd4567`" in with_pdf["pdf.md"] and "2.5 MB" in with_pdf["pdf.md"]
    without = pages.fragments([])
    assert pages.PDF_NAME not in without and "{download}" not in without["pdf.md"]
    assert "make pdf" in without["pdf.md"]
    assert "title page" in pages.pdf_offer(typesetting=True)
    for page in ("intro.md", "cite.md"):
        assert "```{include} ../_generated/pdf.md" in (ROOT / "book" / page).read_text()


# -- every material, the band, and the edges of the contract ---------------------------------------------
@pytest.mark.parametrize("name", materials.names())
def test_params_for_every_material(capsys, name):
    from glasson.models.inputs import needs_band

    code, out, err = run(capsys, "params", "--material", name, "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    if needs_band(materials.get(name)):
        assert set(data) == {"low", "high"}
        for end in ("low", "high"):
            assert data[end] == pytest.approx(derived.derived_parameters(materials.get(name), end))
        # k_F^3 is proportional to C_v/T: the two ends of the band are the ends of the measured range
        band = materials.cv_slope_band()
        assert (data["high"]["k_F_per_cm"] / data["low"]["k_F_per_cm"]) ** 3 == pytest.approx(band.high / band.low)
    else:
        assert data == pytest.approx(derived.derived_parameters(materials.get(name)))
    code, out, _ = run(capsys, "params", "--material", name, "--band-end", "high", "--json")
    assert code == 0 and ("low" not in json.loads(out))


@pytest.mark.parametrize("name", materials.names())
def test_kappa_for_every_material(capsys, name):
    """With the default coupling where the glass has an inter-atomic distance; else one line asking for it."""
    from glasson.models.model import GlassonModel

    code, out, err = run(capsys, "kappa", "--material", name, "--T", "0.1", "0.2", "--json")
    if GlassonModel.from_material(materials.get(name), "low").available("Q_inv_t"):
        assert code == 0 and err == ""
        rows = json.loads(out)
        assert rows[1]["kappa_erg_per_s_cm_K"] / rows[0]["kappa_erg_per_s_cm_K"] == pytest.approx(4.0)
    else:
        assert code == 2 and out == "" and err.count("\n") == 1 and "--coupling" in err
    code, out, _ = run(capsys, "kappa", "--material", name, "--T", "0.1", "--coupling", "1e-4", "--json")
    assert code == 0


def test_materials_json_lists_provenance(capsys):
    from glasson.models.inputs import provenance

    _, out, _ = run(capsys, "materials", "--json")
    data = {m["key"]: m for m in json.loads(out)}
    assert set(data) == set(materials.names())
    for key, m in data.items():
        assert m["provenance"] == provenance(materials.get(key))
    assert data["n_bk7"]["provenance"]["derived"] == ["c_t", "c_l"]
    assert len(data["fused_quartz"]["sources"]["rho"]) > 1  # several pages, all kept


@pytest.mark.parametrize("argv, option", [
    (["params", "--rho", "2", "--rho", "3"], "--rho"),
    (["params", "--Lambda", "-inf"], "--Lambda"),
    (["params", "--Lambda", "-1e3"], "--Lambda"),
    (["params", "--rh", "2"], "--rh"),
    (["claims", "--section", "abc"], "--section"),
    (["params", "--band-end", "middle"], "--band-end"),
    (["kappa", "--T", "1e308"], "--T"),
    (["params", "--rho", "1e308"], "--rho"),
    (["params", "--a", "1e-308", "--json"], "--a"),
    (["params", "--eps-F", "1e308"], "--eps-F"),
])
def test_contract_edges_are_one_line(capsys, argv, option):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and option in err, err


@pytest.mark.parametrize("argv", [["params", "--rho", "1e308"], ["kappa", "--T", "1e308"],
                                  ["params", "--a", "1e-308"], ["params", "--eps-F", "1e-308", "--json"]])
def test_overflow_in_a_real_process_is_one_line(argv):
    """As a subprocess, so that numpy's RuntimeWarnings on stderr would be seen."""
    proc = subprocess.run([sys.executable, "-m", "glasson", *argv], capture_output=True, text=True)
    assert proc.returncode == 2 and proc.stdout == ""
    assert len(proc.stderr.strip().splitlines()) == 1 and "Warning" not in proc.stderr


def test_kappa_repeated_T_appends(capsys):
    _, out, _ = run(capsys, "kappa", "--T", "0.1", "--T", "0.2", "--json")
    assert [r["T_K"] for r in json.loads(out)] == [0.1, 0.2]


def test_closed_pipe_ends_quietly():
    proc = subprocess.run(f"{sys.executable} -m glasson claims | head -1", shell=True, capture_output=True,
                          text=True)
    assert proc.returncode == 0 and proc.stderr == "" and proc.stdout.startswith("id")


def test_data_errors_are_not_blamed_on_the_option(tmp_path):
    """A malformed materials.toml is reported as a data error naming the file, not as a bad --material."""
    import os
    import shutil
    from pathlib import Path

    data = tmp_path / "data"
    shutil.copytree(Path(materials.__file__).resolve().parents[2] / "data", data)
    toml = data / "materials.toml"
    toml.write_text(toml.read_text().replace("value = 2.2\n", "value = \"2.2\"\n", 1))
    proc = subprocess.run([sys.executable, "-m", "glasson", "params"], capture_output=True, text=True,
                          env={**os.environ, "GLASSON_DATA": str(data)})
    assert proc.returncode == 2 and proc.stdout == ""
    line, = proc.stderr.strip().splitlines()
    assert "materials.toml" in line and "--material" not in line


@pytest.mark.parametrize("out", ["", ".", "notebooks", "data", "_build"])
def test_execute_refuses_the_repository(capsys, out):
    code, stdout, err = run(capsys, "execute", "--out", out, "--Lambda", "3")
    assert code == 2 and stdout == "" and err.count("\n") == 1 and "--out" in err


def test_execute_refuses_a_file_and_a_full_directory(capsys, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    code, _, err = run(capsys, "execute", "--out", str(f))
    assert code == 2 and "not a directory" in err
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "notes.txt").write_text("x")
    code, _, err = run(capsys, "execute", "--out", str(tmp_path / "d"))
    assert code == 2 and "--out" in err


def test_execute_bad_input_writes_nothing(capsys, tmp_path):
    out = tmp_path / "new"
    for argv in (["--material", "unobtainium"], ["--Lambda", "-1"], ["--band-end", "middle"]):
        code, _, _ = run(capsys, "execute", "--out", str(out), *argv)
        assert code == 2 and not out.exists()


# -- the command line as a user expects it -----------------------------------------------------------------------
def test_version(capsys):
    from glasson import __version__

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"glasson {__version__}"


@pytest.mark.parametrize("argv, hint", [
    (["params", "--material", "polystyren"], "did you mean 'polystyrene'?"),
    (["params", "--band-end", "hgh"], "did you mean 'high'?"),
    (["kappa", "--T", "1", "--scattering", "resonnant"], "did you mean 'resonant'?"),
    (["parms"], "did you mean 'params'?"),
])
def test_a_mistyped_name_suggests_the_nearest(capsys, argv, hint):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and hint in err


def test_json_before_or_after_the_subcommand(capsys):
    _, after, _ = run(capsys, "claims", "--section", "2.2", "--json")
    _, before, _ = run(capsys, "--json", "claims", "--section", "2.2")
    assert json.loads(before) == json.loads(after)


def test_every_subcommand_takes_json():
    from glasson.cli import build_parser

    sub = next(a for a in build_parser()._actions if isinstance(a, __import__("argparse")._SubParsersAction))
    for name, parser in sub.choices.items():
        assert any("--json" in a.option_strings for a in parser._actions), name
