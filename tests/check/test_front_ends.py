"""Every chapter run as JupyterLab runs it (nbclient, the "python3" kernel, no papermill, no book build): each figure,
caption and number it shows has an output that a plain Jupyter front end renders, and no MyST only the book knows."""

import os
from concurrent.futures import ThreadPoolExecutor

import nbformat
import pytest
from nbclient import NotebookClient
from notebook_outputs import figures, front_end_problems, markdown_outputs

from glasson.build.layout import ROOT, chapters


@pytest.fixture(scope="module")
def as_lab_runs(tmp_path_factory):
    out = tmp_path_factory.mktemp("lab-runs")

    def run(nb):
        notebook = nbformat.read(ROOT / nb, as_version=4)
        NotebookClient(notebook, kernel_name="python3", timeout=600,
                       resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
        nbformat.write(notebook, out / nb.name)
        return out / nb.name

    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    with ThreadPoolExecutor(2) as pool:
        return dict(zip(chapters(), pool.map(run, chapters()), strict=True))


@pytest.mark.parametrize("nb", chapters(), ids=str)
def test_a_chapter_run_as_lab_runs_it_shows_everything(as_lab_runs, nb):
    path = as_lab_runs[nb]
    assert front_end_problems(nbformat.read(path, as_version=4)) == []
    assert figures(path), "no figure"
    assert any(ch.isdigit() for text in markdown_outputs(path) for ch in text)
