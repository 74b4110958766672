"""Reruns for another glass or other inputs: validation before any kernel starts, the band's two ends, the banner.
Real reruns (every glass, a book for PMMA) are in ``tests/check/test_reruns.py``."""

from pathlib import Path

import pytest

from glasson import rerun
from glasson.build import execute as build_execute
from glasson.build.cache import RunRecord
from glasson.build.layout import BUILD, ROOT
from glasson.cli import main


def test_unknown_material_and_bad_override(tmp_path):
    from glasson.data.materials import UnknownMaterialError

    with pytest.raises(UnknownMaterialError, match="known: vitreous_silica"):
        rerun.execute_for_material("quartzite", {}, tmp_path)
    with pytest.raises(ValueError, match="^Lambda must be positive"):
        rerun.execute_for_material("vitreous_silica", {"Lambda": -1.0}, tmp_path)


def test_output_inside_the_repository_refused_except_scratch():
    for bad in (ROOT, ROOT / "notebooks", BUILD, BUILD / "html"):
        with pytest.raises(ValueError, match="inside the repository"):
            build_execute.check_out_dir(bad)
    assert build_execute.check_out_dir(ROOT / build_execute.RERUN_SCRATCH / "x") == (
        ROOT / build_execute.RERUN_SCRATCH / "x").resolve()


def test_a_band_glass_runs_at_both_ends_into_two_directories(tmp_path, monkeypatch):
    calls = []

    def fake_execute(selected, out_dir, params_for, **kwargs):
        calls.append((out_dir, params_for(selected[0])))
        return [(RunRecord(str(selected[0]), "h", "passed", 0.0, {}, ""), True)]

    monkeypatch.setattr(build_execute, "execute", fake_execute)
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


def test_the_banner_names_the_glass_the_band_end_and_every_override():
    text = rerun.banner("pyrex_7740", "high", {"Lambda": 3.0, "eps_F": 20.0, "rho": None})
    assert "Pyrex" in text and "high end" in text and "Λ = 3 eV" in text and "ε_F = 20 K" in text
    assert "ρ" not in text  # not overridden


def test_an_earlier_output_of_execute_may_be_written_again(tmp_path):
    """Only a directory that ``execute`` wrote (it leaves a marker) may be written again: a user's notebooks never."""
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "sec2_scales.ipynb").write_text('{"my": "own notebook"}')
    with pytest.raises(ValueError, match="did not write"):
        build_execute.check_out_dir(mine)
    ours = tmp_path / "ours"
    ours.mkdir()
    (ours / build_execute.OUT_MARKER).write_text("x")
    (ours / "sec2_scales.ipynb").write_text("{}")
    assert build_execute.check_out_dir(ours) == ours.resolve()
