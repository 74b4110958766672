"""Real reruns: every glass runs a chapter (together they cover every chapter), a rerun with another Λ changes the
numbers and leaves the default book alone, and a rerun's book for PMMA builds offline with the default book's checks,
names PMMA on every page and differs from the default book where the inputs enter."""

import re
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from notebook_outputs import recorded_values

from glasson import rerun
from glasson.build import execute as build_execute
from glasson.build import kernels
from glasson.build.layout import EXECUTED, NotebookFailure, chapters
from glasson.data import materials
from glasson.models.inputs import needs_band


@pytest.fixture(scope="module")
def glass_runs():
    """One executed chapter per glass: ``{glass: [(record, band end, path)] or NotebookFailure}``, a glass on the
    C_v/T band at its low end, into a temporary directory (the book is not touched), two kernels at a time."""
    kernels.start_fork_server()  # the runs below are one notebook each: fork their kernels from one server
    out = Path(tempfile.mkdtemp(prefix="glasson-glasses-"))
    names, chapter_list = materials.names(), chapters()

    def run(i: int, name: str):
        ends = ["low"] if needs_band(materials.get(name)) else []
        try:
            return rerun.execute_for_material(name, {}, out / name, band_ends=ends, jobs=1, log=lambda *_: None,
                                              only=[chapter_list[i % len(chapter_list)]])
        except NotebookFailure as err:
            return err

    with ThreadPoolExecutor(2) as pool:
        return dict(zip(names, pool.map(run, range(len(names)), names), strict=True))


def test_every_glass_executes_a_chapter(glass_runs):
    """Each glass runs one chapter (a different one for each), a glass on the C_v/T band at its low end; every
    chapter that uses the band says so."""
    assert set(glass_runs) == set(materials.names())
    assert {Path(runs[0][0].notebook) for runs in glass_runs.values()} == set(chapters())
    for name, runs in glass_runs.items():
        assert not isinstance(runs, Exception), f"{name}: {runs}"
        (record, end, path), = runs
        assert record.status == "passed", (name, record.error)
        if needs_band(materials.get(name)):
            assert end == "low"
            if "cv_slope" in build_execute.notebook_parameters(Path(record.notebook)):
                text = path.read_text()
                assert "low end" in text and "Stephens" in text, name  # the chapter says so


def test_a_rerun_changes_the_results_and_not_the_book(book, tmp_path):
    """Rerun the Section 2 chapter with Λ = 3 eV: ξ scales to 0.3 of the default; the book is untouched."""
    sec2 = Path("notebooks/sec2_scales.ipynb")
    before = {p: p.stat().st_mtime_ns for p in (EXECUTED / "notebooks").glob("*.ipynb")}
    results = rerun.execute_for_material("vitreous_silica", {"Lambda": 3.0, "rho": None}, tmp_path,
                                          log=lambda *_: None, only=[sec2])
    assert [r.status for r, _, _ in results] == ["passed"]
    nb = nbformat.read(tmp_path / "sec2_scales.ipynb", as_version=4)
    assert nb.metadata["papermill"]["parameters"] == {"material": "vitreous_silica", "Lambda": 3.0}
    default = recorded_values(book.executed / "sec2_scales.ipynb")["run-xi"]
    assert recorded_values(tmp_path / "sec2_scales.ipynb")["run-xi"] == pytest.approx(default * 0.3, rel=1e-9)
    after = {p: p.stat().st_mtime_ns for p in (EXECUTED / "notebooks").glob("*.ipynb")}
    assert after == before  # the default book's executed notebooks were not touched


@pytest.fixture(scope="module")
def pmma_book(tmp_path_factory):
    """``python -m glasson execute --material acrylic_pmma --band-end low --out DIR --html``."""
    from glasson.cli import main

    out = tmp_path_factory.mktemp("pmma")
    assert main(["execute", "--material", "acrylic_pmma", "--band-end", "low", "--out", str(out), "--html"]) == 0
    return out / "html"


def test_a_reruns_book_is_the_whole_book_for_its_inputs(pmma_book, html):
    import browsercheck

    assert (pmma_book / "index.html").is_file()
    ours = sorted(str(p.relative_to(pmma_book)) for p in browsercheck.book_pages(pmma_book))
    default = sorted(str(p.relative_to(html)) for p in browsercheck.book_pages(html))
    assert ours == default
    for page in browsercheck.book_pages(pmma_book):
        text = page.read_text()
        if "bd-header-announcement" in text or "<article" in text:
            assert "PMMA" in text and "low end" in text, f"{page.name}: no banner naming the run"
    sec2 = re.sub(r"<[^>]+>", "", (pmma_book / "notebooks" / "sec2_scales.html").read_text())
    assert "PMMA" in sec2
    assert sec2 != re.sub(r"<[^>]+>", "", (html / "notebooks" / "sec2_scales.html").read_text())
    claims_page = (pmma_book / "book" / "claims.html").read_text()
    assert claims_page != (html / "book" / "claims.html").read_text()  # recomputed for PMMA


def test_a_reruns_book_passes_the_browser_checks(pmma_book):
    import browsercheck
    from bookfixtures import browse

    reports = browse(pmma_book, 1280, screenshot_of="notebooks/none.html")
    if reports is None:
        pytest.skip("no Chromium on this machine: real-browser checks skipped")
    problems = browsercheck.layout_problems(reports, 1280)
    for rel, r in reports.items():
        problems += [f"{rel}: {e}" for e in r.errors] + [f"{rel}: raw TeX {m!r}" for m in r.raw_tex]
        problems += [f"{rel}: image not loaded: {s}" for s in r.broken_images]
    assert not problems, "\n".join(problems[:30])
