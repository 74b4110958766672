"""Shared test setup: a non-interactive matplotlib backend, the paper's material, the executed notebooks, the
built book and its pages as a browser shows them.

Executing notebooks, building the book and loading it in a browser are the longest steps of the suite, and
kernels, Sphinx and Chromium are separate processes; so when any selected test needs them, they start in the
background as soon as the tests are collected, one after the other (the book's notebooks, the book built twice
from them, one chapter for every glass, then every page in Chromium), and the tests that need them are moved to
the end of the run, those waiting for an earlier job first. The other tests run meanwhile in the foreground; the
foreground is the longer of the two, so the browser pass, the last job, overlaps its single-core tail (measured:
in the foreground, after it, the run took about 20 s longer)."""

import time
from concurrent.futures import Future, ThreadPoolExecutor

import matplotlib
import pytest

matplotlib.use("Agg")

_BACKGROUND: dict[str, Future] = {}
#: When each background job (and the browser pass) started and ended (``time.perf_counter``): ``make bench``
#: reads it (benchmarks/suite_profile.py) to show where the suite's time goes.
_JOB_TIMES: dict[str, tuple[float, float]] = {}


def _timed(name: str, run):
    start = time.perf_counter()
    try:
        return run()
    finally:
        _JOB_TIMES[name] = (start, time.perf_counter())


#: Background jobs started at collection: the fixture that waits for each, and the function that runs it.
#: They run one after the other in this order (a job may use the result of an earlier one).
_JOBS = {"executed": "_run_book_notebooks", "builds": "_build_book_twice", "glass_runs": "_run_every_glass",
         "layout_reports": "_browse_the_book"}


def _run_book_notebooks():
    from glasson.build import runner

    return runner.execute(log=lambda *_: None)


def _build_book_twice():
    """The book built as ``make book`` builds it (generated pages, staged, ``jupyter-book build -W -n
    --keep-going``, with the network cut where ``unshare -rn`` works) into the repository's own ``_build/html``
    (so that ``make book`` after ``make test`` has nothing left to do), and a second time from the same staged
    sources into a new directory, for the byte comparison; the two Sphinx builds run side by side.

    The reference pages are generated in a child process: they draw a figure with pyplot, which must not run in
    this background thread beside the tests' own figures."""
    import atexit
    import shutil
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    from glasson.build import runner

    if "executed" in _BACKGROUND:  # an earlier job of the same queue (else the fixture ran it first)
        _BACKGROUND["executed"].result()  # a failed execution fails the builds with its own message
    stage = ("from glasson import pages, runner; "
             "runner.stage(pages.fragments([r for r, _ in runner.execute(log=lambda *_: None)]))")
    proc = subprocess.run([sys.executable, "-c", stage], cwd=runner.ROOT, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"staging the book failed:\n{proc.stderr[-3000:]}")
    other = Path(tempfile.mkdtemp(prefix="glasson-book-b-"))
    atexit.register(shutil.rmtree, other, True)
    offline = runner.network_cut_prefix()
    with ThreadPoolExecutor(2) as pool:
        for fut in [pool.submit(runner.sphinx_build, out_root=r, full=True, prefix=offline)
                    for r in (runner.ROOT, other)]:
            fut.result()
    return runner.ROOT / "_build" / "html", other / "_build" / "html"


def _browse_every_page(html, screenshots):
    """Every page of the book built in ``html`` at a desktop (1280 px) and a phone (412 px) width, one headless
    Chromium per width side by side, with the network cut; a screenshot of one chapter at each width lands in
    ``screenshots``. ``None`` when no Chromium is installed."""
    import browsercheck

    chromium = browsercheck.find_chromium()
    if chromium is None:
        return None

    def at(width: int) -> dict:
        seen = {}
        with browsercheck.Browser(chromium) as browser:
            browser.set_width(width)
            for p in browsercheck.book_pages(html):
                rel = str(p.relative_to(html))
                if rel in ("index.html", "search.html") or rel.startswith("_modules"):  # a redirect; Sphinx's own
                    continue
                shot = screenshots / f"sec3_1_thermal-{width}.png" if rel == "notebooks/sec3_1_thermal.html" else None
                seen[(width, rel)] = browser.check(p, screenshot=shot)
        return seen

    with ThreadPoolExecutor(2) as pool:
        return {k: v for part in pool.map(at, (1280, 412)) for k, v in part.items()}


def _screenshots():
    from glasson.build import runner

    return runner.ROOT / "_build" / "screenshots"


def _browse_the_book():
    """The browser pass over the book of the ``builds`` job (queued before it whenever this job is)."""
    return _browse_every_page(_BACKGROUND["builds"].result()[0], _screenshots())


def _run_every_glass():
    """Each glass runs one chapter, a different one for each so that together they cover every chapter; a glass
    on the C_v/T band runs at its low end. Into a temporary directory (the book is not touched)."""
    import tempfile
    from pathlib import Path

    from glasson import rerun
    from glasson.build import runner
    from glasson.data import materials
    from glasson.models.inputs import needs_band

    runner.start_fork_server()  # the runs below are one notebook each: fork their kernels from one server
    out = Path(tempfile.mkdtemp(prefix="glasson-glasses-"))
    chapters = runner.notebooks()

    def run(i: int, name: str):
        ends = ["low"] if needs_band(materials.get(name)) else []
        try:
            return rerun.execute_for_material(name, {}, out / name, band_ends=ends, jobs=1, log=lambda *_: None,
                                              only=[chapters[i % len(chapters)]])
        except runner.NotebookFailure as err:
            return err

    with ThreadPoolExecutor(2) as pool:  # two kernels at a time, as the book's own notebooks run
        names = materials.names()
        return dict(zip(names, pool.map(run, range(len(names)), names), strict=True))


def _start(jobs) -> None:
    pool = ThreadPoolExecutor(1, thread_name_prefix="notebooks")  # one after the other: two kernels each
    for job in jobs:
        _BACKGROUND[job] = pool.submit(_timed, job, globals()[_JOBS[job]])
    pool.shutdown(wait=False)


def _whole_suite(config) -> bool:
    """The run selects every test (``make test``): no paths, and no option that leaves tests out (``-k``, ``-m``,
    ``--deselect``, ``--ignore``, ``--ignore-glob``, ``--lf``, ``--sw``) or runs none (``--co``)."""
    narrowing = ("keyword", "markexpr", "deselect", "ignore", "ignore_glob", "lf", "stepwise", "collectonly")
    return (config.args_source == pytest.Config.ArgsSource.TESTPATHS
            and not any(getattr(config.option, name, None) for name in narrowing))


def pytest_configure(config):
    """The whole suite needs every background job: they start now, while the tests are collected (four seconds
    of imports on one core), instead of after."""
    if _whole_suite(config):
        _start(_JOBS)


def pytest_collection_modifyitems(session, config, items):
    wanted = [job for job in _JOBS if any(job in getattr(item, "fixturenames", ()) for item in items)]
    if not wanted or config.getoption("collectonly"):
        return
    if not _BACKGROUND:
        _start(wanted)
    order = list(_JOBS)

    def last_job(item) -> int:  # the tests that wait for an early job run first
        return max((order.index(f) for f in getattr(item, "fixturenames", ()) if f in _JOBS), default=-1)

    needs = sorted((item for item in items if last_job(item) >= 0), key=last_job)
    items[:] = [item for item in items if last_job(item) < 0] + needs


@pytest.fixture(scope="session")
def silica():
    """The paper's inputs for vitreous silica."""
    from glasson.data import materials

    return materials.get("vitreous_silica")


@pytest.fixture(scope="session")
def silica_model(silica):
    """The model built from the paper's silica inputs."""
    from glasson.models.model import GlassonModel

    return GlassonModel.from_material(silica)


@pytest.fixture(scope="session")
def silica_stm(silica_model):
    """The standard tunnelling model calibrated to the same silica."""
    from glasson.models.model import TunnelingModel

    return TunnelingModel.calibrated(silica_model)


@pytest.fixture(scope="session")
def executed():
    """Every notebook, executed (the runner's content-hash cache may reuse an identical earlier run)."""
    future = _BACKGROUND.get("executed")
    return future.result() if future is not None else _run_book_notebooks()


@pytest.fixture(scope="session")
def builds(executed):
    """The book built twice from the same staged sources: ``(repository's _build/html, another build)``."""
    future = _BACKGROUND.get("builds")
    return future.result() if future is not None else _build_book_twice()


@pytest.fixture(scope="session")
def screenshots_dir():
    """Where the browser pass leaves its screenshots of one chapter (``_build/screenshots``)."""
    return _screenshots()


@pytest.fixture(scope="session")
def layout_reports(builds, screenshots_dir):
    """``{(width, page): PageReport}`` for every page at 1280 and 412 px; skips when no Chromium is installed.
    The last background job (see the module's docstring)."""
    future = _BACKGROUND.get("layout_reports")
    reports = (future.result() if future is not None
               else _timed("layout_reports", lambda: _browse_every_page(builds[0], screenshots_dir)))
    if reports is None:
        pytest.skip("no Chromium on this machine (apt-get install chromium; .ci/run installs it when it can): "
                    "real-browser checks skipped")
    return reports


@pytest.fixture(scope="session")
def glass_runs():
    """One executed chapter per glass: ``{glass: [(record, band end, path)] or NotebookFailure}``."""
    future = _BACKGROUND.get("glass_runs")
    return future.result() if future is not None else _run_every_glass()
