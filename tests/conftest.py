"""Shared test setup: a non-interactive matplotlib backend and the paper's material."""

import matplotlib
import pytest

matplotlib.use("Agg")


@pytest.fixture(scope="session")
def silica():
    """The paper's inputs for vitreous silica."""
    from glasson import materials

    return materials.get("vitreous_silica")


@pytest.fixture(scope="session")
def executed():
    """Execute every notebook (the runner's content-hash cache may reuse an identical earlier run)."""
    from glasson import runner

    return runner.execute()
