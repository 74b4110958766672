"""What ``make check`` adds to ``make test`` (step 3 of the suite): checks slow by nature. The fixtures of
:mod:`bookfixtures`, and the book at a phone's width."""

import pytest
from bookfixtures import book, browse, desktop, executed, html  # noqa: F401 - fixtures, found by pytest by name


@pytest.fixture(scope="session")
def phone(html):  # noqa: F811 - the fixture imported above, requested by name
    """Every page of the book as headless Chromium shows it at 412 px; skips when no Chromium is installed."""
    reports = browse(html, 412)
    if reports is None:
        pytest.skip("no Chromium on this machine: real-browser checks skipped")
    return reports
