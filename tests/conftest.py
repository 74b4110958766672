"""Shared setup of the suite: a non-interactive matplotlib backend, and the paper's material and its models.

The suite is a pipeline of three steps, declared in the Makefile (README, "What the tests check"):

1. ``tests/*.py`` and the package's doctests: the physics, the registries, the data, the CLI, the structure; they
   need no executed notebook, and ``make test`` runs them beside the book's build (``python -m glasson build``);
2. ``tests/book/``: the built book and the executed chapters, read where the build left them;
3. ``tests/check/`` (``make check`` only): what is slow by nature.

Run alone (``pytest tests/book``), a later step builds what it needs first; nothing here schedules anything.
"""

import matplotlib
import pytest

matplotlib.use("Agg")


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
