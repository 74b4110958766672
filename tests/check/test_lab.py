"""JupyterLab, as a reader reruns a chapter (``make lab``): the server starts headless on a free loopback port with a
token and lists the chapters and the chapters' kernel; a chapter opened through its ``/lab/tree/...`` URL and run top
to bottom shows its figures and its prose rendered, with no raw MyST; and the check fails on the planted defect, the
same chapter without the MyST renderer. The screenshot it takes is the one the README shows (copied by hand to
``book/images/lab-sec3_1.png``: a test never writes into the repository)."""

import json
import re
import shutil
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import labcheck
import pytest
from notebook_outputs import figures

from glasson.build.layout import ROOT, chapters

CHAPTER = "notebooks/sec3_1_thermal.ipynb"

pytestmark = pytest.mark.skipif(not labcheck.JUPYTER.exists(), reason="jupyter is not installed in this environment")


def _get(url: str, token: str) -> dict:
    req = urllib.request.Request(url, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=5) as resp:
        return json.loads(resp.read())


@pytest.fixture(scope="module")
def copy(tmp_path_factory) -> Path:
    """A copy of the repository's chapters and package data to run Lab on (a reader's Run All writes outputs into
    the notebook it runs; the repository's chapters stay without outputs)."""
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    return root


def test_jupyterlab_serves_the_chapters_and_their_kernel(tmp_path):
    with labcheck.lab_server(ROOT, tmp_path) as (base, token):
        assert "started" in _get(f"{base}/api/status", token)
        listing = _get(f"{base}/api/contents/notebooks", token)
        names = sorted(item["name"] for item in listing["content"] if item["type"] == "notebook")
        assert names == sorted(nb.name for nb in chapters())
        specs = _get(f"{base}/api/kernelspecs", token)
        assert specs["default"] == "python3"
        spec = specs["kernelspecs"]["python3"]["spec"]
        assert spec["display_name"] == "Python 3 (glasson)"
        assert Path(spec["argv"][0]).resolve().parent == Path(sys.executable).resolve().parent  # this environment
        with pytest.raises(urllib.error.HTTPError) as denied:  # the token is required
            _get(f"{base}/api/contents/notebooks", "wrong-token")
        assert denied.value.code == 403


def test_a_chapter_reads_in_jupyterlab_after_run_all(copy, book):
    home = Path(tempfile.mkdtemp(prefix="glasson-lab-"))
    shot = ROOT / "_build" / "screenshots" / "lab-sec3_1_thermal.png"
    with labcheck.lab_server(copy, home) as (base, token):
        report = labcheck.run_all(base, token, CHAPTER, screenshot=shot)
    assert report.failed_cells == 0 and not report.errors, report.errors
    assert report.figures == len(figures(book.executed / Path(CHAPTER).name)), "a figure is missing in Lab"
    assert report.raw_myst == [], report.raw_myst
    assert "Key results" in report.text and "What the compendium found" in report.text
    assert re.search(r"exact Fermi gas is \d[\d.]* % below it", report.text), "a number of the prose is missing"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"  # README's picture of Lab (book/images/lab-sec3_1.png)


def test_the_lab_check_catches_myst_without_its_renderer(copy):
    """The companion: the same chapter in a Lab without jupyterlab-myst shows raw roles and directives."""
    home = Path(tempfile.mkdtemp(prefix="glasson-lab-"))
    with labcheck.lab_server(copy, home, myst=False) as (base, token):
        report = labcheck.run_all(base, token, "notebooks/sec4_1_fermi.ipynb")
    assert report.raw_myst, "raw MyST went unnoticed"
