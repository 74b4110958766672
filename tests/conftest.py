"""Shared test setup: a non-interactive matplotlib backend, the paper's material, and the executed notebooks.

Executing notebooks is the longest step of the suite, and kernels are separate processes; so when any selected
test needs them, the execution starts in the background as soon as the tests are collected (the book's
notebooks, then one chapter for every glass), and the tests that need it are moved to the end of the run. The
pure-Python tests run meanwhile, on the other core.
"""

from concurrent.futures import Future, ThreadPoolExecutor

import matplotlib
import pytest

matplotlib.use("Agg")

_BACKGROUND: dict[str, Future] = {}


#: Background jobs started at collection: the fixture that waits for each, and the function that runs it.
_JOBS = {"executed": "_run_book_notebooks", "glass_runs": "_run_every_glass"}


def _run_book_notebooks():
    from glasson import runner

    return runner.execute(log=lambda *_: None)


def _run_every_glass():
    """Each glass runs one chapter, a different one for each so that together they cover every chapter; a glass
    on the C_v/T band runs at its low end. Into a temporary directory (the book is not touched)."""
    import tempfile
    from pathlib import Path

    from glasson import materials, rerun, runner
    from glasson.inputs import needs_band

    runner.start_fork_server()  # the runs below are one notebook each: fork their kernels from one server
    out = Path(tempfile.mkdtemp(prefix="glasson-glasses-"))
    chapters = runner.notebooks()
    runs = {}
    for i, name in enumerate(materials.names()):
        ends = ["low"] if needs_band(materials.get(name)) else []
        nb = chapters[i % len(chapters)]
        try:
            runs[name] = rerun.execute_for_material(name, {}, out / name, band_ends=ends, jobs=1,
                                                    log=lambda *_: None, only=[nb])
        except runner.NotebookFailure as err:
            runs[name] = err
    return runs


def pytest_collection_modifyitems(session, config, items):
    wanted = [job for job in _JOBS if any(job in getattr(item, "fixturenames", ()) for item in items)]
    if not wanted or config.getoption("collectonly"):
        return
    pool = ThreadPoolExecutor(1, thread_name_prefix="notebooks")  # one after the other: two kernels each
    for job in wanted:
        _BACKGROUND[job] = pool.submit(globals()[_JOBS[job]])
    pool.shutdown(wait=False)
    needs = [item for item in items if set(_JOBS) & set(getattr(item, "fixturenames", ()))]
    items[:] = [item for item in items if item not in needs] + needs


@pytest.fixture(scope="session")
def silica():
    """The paper's inputs for vitreous silica."""
    from glasson import materials

    return materials.get("vitreous_silica")


@pytest.fixture(scope="session")
def silica_model(silica):
    """The model built from the paper's silica inputs."""
    from glasson.model import GlassonModel

    return GlassonModel.from_material(silica)


@pytest.fixture(scope="session")
def silica_stm(silica_model):
    """The standard tunnelling model calibrated to the same silica."""
    from glasson.model import TunnelingModel

    return TunnelingModel.calibrated(silica_model)


@pytest.fixture(scope="session")
def executed():
    """Every notebook, executed (the runner's content-hash cache may reuse an identical earlier run)."""
    future = _BACKGROUND.get("executed")
    return future.result() if future is not None else _run_book_notebooks()


@pytest.fixture(scope="session")
def glass_runs():
    """One executed chapter per glass: ``{glass: [(record, band end, path)] or NotebookFailure}``."""
    future = _BACKGROUND.get("glass_runs")
    return future.result() if future is not None else _run_every_glass()
