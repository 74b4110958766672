"""The built book, for the tests of ``tests/book/`` and ``tests/check/`` (their ``conftest.py`` import these
fixtures): where ``make book`` (or ``make test``'s build step) left it.

``make test`` builds the book beside the pure-Python tests and then runs these tests with ``GLASSON_TEST_BOOK=built``:
the book is read as it is. Run alone, the ``book`` fixture builds it first (``python -m glasson build``, which does
nothing when nothing changed). The browser pass reads every page at 1280 px (two Chromium processes, half the pages
each); ``make check`` adds the phone width (``tests/check/``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields
from pathlib import Path

import pytest

from glasson.build.cache import RunRecord
from glasson.build.layout import EXECUTED, HTML, ROOT, chapters

SCREENSHOTS = ROOT / "_build" / "screenshots"


@dataclass(frozen=True)
class Book:
    """The published book and the executed chapters it was built from."""

    html: Path
    executed: Path
    records: tuple[RunRecord, ...]


def _records(executed: Path) -> tuple[RunRecord, ...]:
    out = []
    for nb in chapters():
        raw = json.loads((executed / f"{nb.stem}.run.json").read_text())
        out.append(RunRecord(**{f.name: raw[f.name] for f in fields(RunRecord) if f.name in raw}))
    return tuple(out)


@pytest.fixture(scope="session")
def book() -> Book:
    if os.environ.get("GLASSON_TEST_BOOK") != "built":
        proc = subprocess.run([sys.executable, "-m", "glasson", "build"], cwd=ROOT, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return Book(HTML, EXECUTED / "notebooks", _records(EXECUTED / "notebooks"))


@pytest.fixture(scope="session")
def html(book: Book) -> Path:
    return book.html


@pytest.fixture(scope="session")
def executed(book: Book) -> tuple[RunRecord, ...]:
    return book.records


def browse(html: Path, width: int, screenshot_of: str = "notebooks/sec3_1_thermal.html") -> dict | None:
    """``{page: PageReport}`` for every page of the book in ``html`` at ``width`` px, two Chromium processes side by
    side with the network cut; a screenshot of one chapter lands in ``_build/screenshots``. ``None`` without
    Chromium."""
    import browsercheck

    chromium = browsercheck.find_chromium()
    if chromium is None:
        return None
    pages = [p for p in browsercheck.book_pages(html)
             if str(p.relative_to(html)) not in ("index.html", "search.html")  # a redirect; Sphinx's own
             and not str(p.relative_to(html)).startswith("_modules")]

    def visit(share: list[Path]) -> dict:
        seen = {}
        with browsercheck.Browser(chromium) as browser:
            browser.set_width(width)
            for p in share:
                rel = str(p.relative_to(html))
                stem = Path(screenshot_of).stem
                shot = SCREENSHOTS / f"{stem}-{width}.png" if rel == screenshot_of else None
                seen[rel] = browser.check(p, screenshot=shot)
        return seen

    with ThreadPoolExecutor(2) as pool:
        return {k: v for part in pool.map(visit, (pages[0::2], pages[1::2])) for k, v in part.items()}


@pytest.fixture(scope="session")
def desktop(html: Path) -> dict:
    """Every page of the book as headless Chromium shows it at 1280 px; skips when no Chromium is installed."""
    reports = browse(html, 1280)
    if reports is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium; .ci/run installs it when it can): "
                    "real-browser checks skipped")
    return reports
