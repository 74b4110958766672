"""Every figure function returns a Figure whose axes are labelled with units."""

import inspect
import re

import matplotlib.pyplot as plt
import pytest

from glasson import figures

UNIT = re.compile(r"\[[^\]]+\]")
FIGURE_FUNCTIONS = [name for name in figures.__all__ if name != "glue_figure"]


@pytest.mark.parametrize("name", FIGURE_FUNCTIONS)
def test_axes_have_labels_with_units(name, silica):
    func = getattr(figures, name)
    fig = func(silica)
    try:
        assert fig.axes
        for ax in fig.axes:
            for label in (ax.get_xlabel(), ax.get_ylabel()):
                assert UNIT.search(label), f"{name}: axis label {label!r} has no [unit]"
            assert ax.lines or ax.collections or ax.images, f"{name}: empty axes"
    finally:
        plt.close(fig)


def test_every_figure_function_takes_a_material_first():
    for name in FIGURE_FUNCTIONS:
        params = list(inspect.signature(getattr(figures, name)).parameters)
        assert params[0] == "material", name
