"""The whole book as one PDF (``make pdf``): typeset with XeLaTeX where the TeX tools are installed (``.ci/run``
installs them when it runs as root), with every chapter, every figure and the bibliography, the claims table in its
text and the commit on its title page; the HTML book of that commit offers it for download from the landing and cite
pages. Skipped, saying why, on a machine without the tools."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from glasson.build import sphinx
from glasson.build.layout import ROOT, chapters
from glasson.presentation.pages import PDF_NAME
from glasson.registries import claims


@pytest.fixture(scope="module")
def typeset() -> tuple[str, str, bool]:
    """The PDF's text (pdftotext, in reading order), the commit it was typeset from, and whether the build just
    made it (then the HTML book offers it whatever the state of the tree)."""
    missing = sphinx.missing_pdf_tools() + ([] if shutil.which("pdftotext") else ["pdftotext"])
    if missing:
        pytest.skip(f"no {', '.join(missing)} here (Debian: apt-get install {' '.join(sphinx.PDF_PACKAGES)} "
                    "poppler-utils): the PDF is not checked")
    commit = sphinx.git_describe()
    made = not (sphinx.PDF.is_file() and sphinx.PDF_COMMIT.is_file()
                and sphinx.PDF_COMMIT.read_text().strip() == commit)
    if made:
        proc = subprocess.run([sys.executable, "-m", "glasson", "build", "--pdf"], cwd=ROOT, capture_output=True,
                              text=True)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(sphinx.PDF), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text, commit, made


def _flat(text: str) -> str:
    """The text with line breaks (and the hyphens LaTeX adds at them) removed, so that words can be found whole."""
    return re.sub(r"\s+", " ", text.replace("-\n", "-"))


def test_the_pdf_holds_every_chapter_with_the_commit_on_its_title_page(typeset):
    text, commit, _ = typeset
    assert f"Commit {commit}" in text.split("\f")[0], "the title page does not name the commit"
    import nbformat

    for nb in chapters():
        title = next(line for line in nbformat.read(ROOT / nb, as_version=4).cells[0].source.splitlines()
                     if line.startswith("# "))[2:]
        assert _flat(title.replace("`", "")) in _flat(text), f"chapter {nb.stem} ({title!r}) is not in the PDF"


def test_the_pdf_holds_every_figure_of_the_html_book(typeset, html):
    """Each figure the HTML book numbers has its numbered caption in the PDF, drawn from its SVG."""
    text = _flat(typeset[0])
    in_html = sum(page.read_text().count('<figcaption') for page in html.rglob("*.html")
                  if not str(page.relative_to(html)).startswith(("_", "api")))
    in_pdf = len(re.findall(r"Fig\. \d+\.\d+: ", text))
    assert in_html > 20 and in_pdf == in_html, f"{in_pdf} figures in the PDF, {in_html} in the HTML book"
    log = (sphinx.PDF.parent / "book.log").read_text(errors="ignore")
    assert "Cannot determine size of graphic" not in log and ".svg" not in re.findall(r"<([^>]+)>", log)


def test_the_pdf_holds_the_bibliography_and_the_claims_table(typeset):
    text = _flat(typeset[0])
    assert "Bibliography" in text
    for cited in ("Turlakov", "Stephens", "Zeller and Pohl", "Anderson"):
        assert cited in text
    # a table cell may break an id at its hyphen (pdftotext then drops it, or puts the next cell's words between
    # the two parts): an id is found whole without hyphens and spaces, or as its section and its name
    bare = re.sub(r"[\s-]", "", text)
    missing = [row["id"] for row in claims.rows() if row["id"].replace("-", "") not in bare
               and not all(part in text for part in (row["id"].split("-", 1)[0] + "-", row["id"].split("-", 1)[1]))]
    assert not missing, f"claims not in the PDF's claims table: {missing}"


def test_the_html_book_of_that_commit_offers_the_pdf(typeset, html):
    _, commit, made = typeset
    if not made and commit.endswith("+dirty"):
        pytest.skip("a PDF of a tree with uncommitted changes is offered only by the build that typeset it")
    for page in ("book/intro.html", "book/cite.html"):
        links = re.findall(r'href="([^"]*' + re.escape(PDF_NAME) + ')"', (html / page).read_text())
        assert links, f"{page} does not offer the PDF"
        target = (html / page).parent / links[0]
        assert Path(target).resolve().read_bytes() == sphinx.PDF.read_bytes(), f"{page} offers another file"
