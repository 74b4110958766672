"""Reruns for another glass or other inputs: validation before any kernel starts, every glass runs, and a real
rerun changes the results without touching the default book."""

import json
from pathlib import Path

import nbformat
import pytest

from glasson import rerun
from glasson.build import runner
from glasson.cli import main
from glasson.data import materials
from glasson.models.inputs import needs_band


def _glued(path: Path) -> dict:
    nb = nbformat.read(path, as_version=4)
    out = {}
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            name = o.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                out[name] = o["data"].get("application/papermill.record/text/plain",
                                          o["data"].get("application/papermill.record/text/markdown"))
    return out


def test_unknown_material_and_bad_override(tmp_path):
    from glasson.data.materials import UnknownMaterialError

    with pytest.raises(UnknownMaterialError, match="known: vitreous_silica"):
        rerun.execute_for_material("quartzite", {}, tmp_path)
    with pytest.raises(ValueError, match="^Lambda must be positive"):
        rerun.execute_for_material("vitreous_silica", {"Lambda": -1.0}, tmp_path)


def test_output_inside_the_repository_refused_except_scratch():
    for bad in (runner.ROOT, runner.ROOT / "notebooks", runner.BUILD, runner.BUILD / "html"):
        with pytest.raises(ValueError, match="inside the repository"):
            runner.check_out_dir(bad)
    assert runner.check_out_dir(runner.ROOT / runner.RERUN_SCRATCH / "x") == (
        runner.ROOT / runner.RERUN_SCRATCH / "x").resolve()


def test_a_band_glass_runs_at_both_ends_into_two_directories(tmp_path, monkeypatch):
    calls = []

    def fake_execute(selected, out_dir, params_for, **kwargs):
        calls.append((out_dir, params_for(selected[0])))
        return [(runner.RunRecord(str(selected[0]), "h", "passed", 0.0, {}, ""), True)]

    monkeypatch.setattr(runner, "execute", fake_execute)
    sec41 = Path("notebooks/sec4_1_fermi.ipynb")
    results = rerun.execute_for_material("pyrex_7740", {}, tmp_path, only=[sec41])
    assert [c[0] for c in calls] == [tmp_path.resolve() / "low", tmp_path.resolve() / "high"]
    assert [c[1]["band_end"] for c in calls] == ["low", "high"]
    assert [end for _, end, _ in results] == ["low", "high"]
    calls.clear()
    rerun.execute_for_material("pyrex_7740", {}, tmp_path, band_ends=["high"], only=[sec41])
    assert [c[0] for c in calls] == [tmp_path.resolve()]
    calls.clear()
    rerun.execute_for_material("vitreous_silica", {}, tmp_path, only=[sec41])
    assert "band_end" not in calls[0][1]


@pytest.mark.parametrize("argv, option", [
    (["execute", "--material", "nope", "--out", "/tmp/x"], "--material"),
    (["execute", "--material", "vitreous_silica", "--Lambda", "0", "--out", "/tmp/x"], "--Lambda"),
    (["execute", "--material", "vitreous_silica"], "--out"),
])
def test_cli_execute_bad_input(capsys, argv, option):
    code = main(argv)
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and err.count("\n") == 1 and option in err


def test_every_glass_executes_a_chapter(glass_runs):
    """Each glass runs one chapter (a different one for each, so that together they cover every chapter), a
    glass on the C_v/T band at its low end; every chapter that uses the band says so."""
    assert set(glass_runs) == set(materials.names())
    assert {Path(runs[0][0].notebook) for runs in glass_runs.values()} == set(runner.notebooks())
    for name, runs in glass_runs.items():
        assert not isinstance(runs, Exception), f"{name}: {runs}"
        (record, end, path), = runs
        assert record.status == "passed", (name, record.error)
        if needs_band(materials.get(name)):
            assert end == "low"
            if "cv_slope" in runner.notebook_parameters(Path(record.notebook)):
                text = path.read_text()
                assert "low end" in text and "Stephens" in text, name  # the chapter says so


def test_real_rerun_changes_the_results(executed, tmp_path, monkeypatch):
    """Rerun the Section 2 chapter with Lambda = 3 eV: xi scales to 0.3 of the default; the book is untouched."""
    sec2 = Path("notebooks/sec2_scales.ipynb")
    before = {p: p.stat().st_mtime_ns for p in (runner.EXECUTED / "notebooks").glob("*.ipynb")}
    results = rerun.execute_for_material("vitreous_silica", {"Lambda": 3.0, "rho": None}, tmp_path,
                                          log=lambda *_: None, only=[sec2])
    assert [r.status for r, _, _ in results] == ["passed"]
    nb = nbformat.read(tmp_path / "sec2_scales.ipynb", as_version=4)
    assert nb.metadata["papermill"]["parameters"] == {"material": "vitreous_silica", "Lambda": 3.0}
    glued = _glued(tmp_path / "sec2_scales.ipynb")
    assert float(glued["run-xi-value"]) == pytest.approx(131.4834 * 0.3, rel=1e-5)
    record = json.loads((tmp_path / "sec2_scales.run.json").read_text())
    assert record["parameters"] == {"material": "vitreous_silica", "Lambda": 3.0}
    after = {p: p.stat().st_mtime_ns for p in (runner.EXECUTED / "notebooks").glob("*.ipynb")}
    assert after == before  # the default book's executed notebooks were not touched
