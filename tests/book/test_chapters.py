"""The executed chapters: every one passes, is scrubbed and cached, and shows what it computes to any Jupyter front
end (its numbers in Markdown outputs, its figures where they are made with their captions), while the book shows
each figure once, numbered, with its caption."""

import re

import nbformat
import pytest
from notebook_outputs import captions, figures, front_end_problems, markdown_outputs

from glasson.build import cache
from glasson.build import execute as build_execute
from glasson.build.layout import ROOT, chapters

CHAPTERS = chapters()


def test_every_chapter_executes(executed):
    assert [r.notebook for r in executed] == [str(nb) for nb in CHAPTERS]
    assert all(r.status == "passed" for r in executed)


@pytest.mark.parametrize("nb", CHAPTERS, ids=str)
def test_executed_copy_is_scrubbed(book, nb):
    out = book.executed / nb.name
    data = nbformat.read(out, as_version=4)
    assert set(data.metadata["papermill"]) <= {"parameters", "default_parameters"}
    assert any(c.get("outputs") for c in data.cells if c.cell_type == "code"), "no outputs after execution"
    for cell in data.cells:
        assert "execution" not in cell.metadata and "papermill" not in cell.metadata
        if "injected-parameters" in cell.metadata.get("tags", []):
            assert cell.id == "injected-parameters" and "remove-cell" in cell.metadata["tags"]
    text = out.read_text()
    assert "start_time" not in text and str(ROOT) not in text


def test_a_second_run_is_cached(executed):
    again = build_execute.execute(log=lambda *_: None)
    assert not any(ran for _, ran in again)


@pytest.mark.parametrize("nb", CHAPTERS, ids=str)
def test_a_front_end_shows_every_figure_caption_and_number(book, nb):
    """What JupyterLab or Colab shows after Run All: every output in a mime type they render, every figure with
    its caption, and no MyST only the book understands."""
    executed = nbformat.read(book.executed / nb.name, as_version=4)
    assert front_end_problems(executed) == []
    figs = figures(book.executed / nb.name)
    assert figs and set(figs) == set(captions(book.executed / nb.name))
    assert all("image/svg+xml" in o["data"] for o in figs.values())
    prose = "\n".join(markdown_outputs(book.executed / nb.name))
    assert re.search(r"\d", prose), "no number in the chapter's prose outputs"


def test_the_front_end_check_catches_a_hidden_figure_and_raw_glue():
    """The companion: a figure glued for the book only (papermill's record mime type, as ``glue(display=False)``
    writes it), a caption without its figure, and a glue role in a Markdown cell are each caught."""
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

    hidden = new_output("display_data", data={"application/papermill.record/image/svg+xml": "<svg/>"},
                        metadata={"scrapbook": {"name": "fig-x"}})
    orphan = new_output("display_data", data={"text/markdown": "**Figure.** x"},
                        metadata={"glasson": {"caption": "fig-y", "myst": "x"}})
    nb = new_notebook(cells=[new_markdown_cell("The value is {glue:md}`x`."), new_code_cell("", outputs=[hidden]),
                             new_code_cell("", outputs=[orphan])])
    problems = front_end_problems(nb)
    assert len(problems) == 3 and "glue" in problems[0] and "only the book" in problems[1] and "fig-y" in problems[2]


@pytest.mark.parametrize("nb", CHAPTERS, ids=str)
def test_the_book_shows_each_figure_once_with_its_caption(html, book, nb):
    page = (html / nb.with_suffix(".html")).read_text()
    for name in captions(book.executed / nb.name):
        assert page.count(f'id="{name}"') == 1, f"{name} is not one numbered figure"
    assert "Figure.</strong>" not in page, "a caption as JupyterLab shows it reached the book"
    shown = len(re.findall(r'<img[^>]+src="[^"]*_images/', page))
    assert shown == len(figures(book.executed / nb.name)), "a figure is shown twice, or not at all"


def test_the_cache_key_of_a_chapter_sees_its_derivations(book):
    """Each record lists the derivations its chapter read, and every one is still what the chapter read."""
    from glasson.core.paths import DERIVATION_CACHE

    records = book.records
    assert any(r.derivations for r in records)
    assert all(cache.derivations_intact(r, DERIVATION_CACHE) for r in records)
