"""Shared test setup: a non-interactive matplotlib backend, the paper's material, and the executed notebooks.

Executing the notebooks is the longest single step of the suite, and kernels are separate processes; so when
any selected test needs them, the execution starts in the background as soon as the tests are collected,
and the tests that need it are moved to the end of the run. The pure-Python tests run meanwhile.
"""

from concurrent.futures import Future, ThreadPoolExecutor

import matplotlib
import pytest

matplotlib.use("Agg")

_BACKGROUND: dict[str, Future] = {}


def pytest_collection_modifyitems(session, config, items):
    needs = [item for item in items if "executed" in getattr(item, "fixturenames", ())]
    if not needs or config.getoption("collectonly"):
        return
    from glasson import runner

    pool = ThreadPoolExecutor(1, thread_name_prefix="notebooks")
    _BACKGROUND["execution"] = pool.submit(runner.execute, log=lambda *_: None)
    pool.shutdown(wait=False)
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
    from glasson import runner

    future = _BACKGROUND.get("execution")
    return future.result() if future is not None else runner.execute()
