"""Reruns for another glass or other inputs: validation before any kernel starts, and a real rerun."""

import json
from pathlib import Path

import nbformat
import pytest

from glasson import runner
from glasson.cli import main


def test_missing_inputs_listed_before_running(tmp_path):
    with pytest.raises(ValueError, match=r"no sourced value for cv_slope, a, xi_mro; give them as overrides "
                                         r"\(--cv-slope, --a, --xi-mro\)"):
        runner.execute_for_material("fused_quartz", {}, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_unknown_material_and_bad_override(tmp_path):
    from glasson.materials import UnknownMaterialError

    with pytest.raises(UnknownMaterialError, match="known: vitreous_silica"):
        runner.execute_for_material("quartzite", {}, tmp_path)
    with pytest.raises(ValueError, match="^Lambda must be positive"):
        runner.execute_for_material("vitreous_silica", {"Lambda": -1.0}, tmp_path)


def test_output_inside_build_refused():
    with pytest.raises(ValueError, match="must not be inside _build"):
        runner.execute_for_material("vitreous_silica", {}, runner.BUILD / "rerun")


@pytest.mark.parametrize("argv, option", [
    (["execute", "--material", "nope", "--out", "/tmp/x"], "--material"),
    (["execute", "--material", "vitreous_silica", "--Lambda", "0", "--out", "/tmp/x"], "--Lambda"),
    (["execute", "--material", "vitreous_silica"], "--out"),
    (["execute", "--material", "fused_quartz", "--out", "/tmp/glasson-rerun-test"], "--cv-slope"),
])
def test_cli_execute_bad_input(capsys, argv, option):
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and err.count("\n") == 1 and option in err


def test_real_rerun_changes_the_results(executed, tmp_path, monkeypatch):
    """Rerun the Section 2 chapter with Lambda = 3 eV: xi scales to 0.3 of the default; the book is untouched."""
    sec2 = Path("notebooks/sec2_scales.ipynb")
    monkeypatch.setattr(runner, "notebooks", lambda root=runner.ROOT: [sec2])
    before = {p: p.stat().st_mtime_ns for p in (runner.EXECUTED / "notebooks").glob("*.ipynb")}
    results = runner.execute_for_material("vitreous_silica", {"Lambda": 3.0, "rho": None}, tmp_path,
                                          log=lambda *_: None)
    assert [r.status for r, _ in results] == ["passed"]
    nb = nbformat.read(tmp_path / "sec2_scales.ipynb", as_version=4)
    assert nb.metadata["papermill"]["parameters"] == {"material": "vitreous_silica", "Lambda": 3.0}
    glued = {}
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            name = out.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                glued[name] = out["data"].get("application/papermill.record/text/plain")
    assert float(glued["run-xi-A"]) == pytest.approx(131.4834 * 0.3, rel=1e-5)
    record = json.loads((tmp_path / "sec2_scales.run.json").read_text())
    assert record["parameters"] == {"material": "vitreous_silica", "Lambda": 3.0}
    after = {p: p.stat().st_mtime_ns for p in (runner.EXECUTED / "notebooks").glob("*.ipynb")}
    assert after == before  # the default book's executed notebooks were not touched
