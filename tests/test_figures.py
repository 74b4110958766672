"""Every figure function returns a Figure that a reader can read: data on every panel, every axis labelled,
units typeset (mathtext or Unicode, never ASCII like ``cm/s``), dimensional axes with their unit in brackets."""

import inspect
import re

import matplotlib.pyplot as plt
import pytest

from glasson.data import materials
from glasson.models import derived
from glasson.presentation import figures, figures_beyond
from glasson.registries import claims

ASCII_UNIT = re.compile(r"\b(?:cm|erg|g|s|K|eV|Hz)\s*/\s*(?:\(|cm|s|g|K)|\*\*|\b\d+(?:\.\d+)?e[-+]?\d+\b")
#: Axes whose quantity has a dimension: (figure, x label must carry a unit, y label must carry a unit).
DIMENSIONAL = {
    "energy_scales": ("[Å]", "[$\\mathrm{K}$]"),
    "specific_heat": ("[$\\mathrm{K^{2}}$]", "erg"),
    "kappa_curves": ("[$\\mathrm{K}$]", "W"),
    "compare_heat_capacity": ("[$\\mathrm{K}$]", "erg"),
    "internal_friction_vs_eps_F": ("[$\\mathrm{K}$]", None),
}


@pytest.fixture(scope="module")
def arguments(silica_model, silica_stm):
    rows = [(m.label, derived.parameter_ranges(m)) for m in map(materials.get, materials.names())]
    from glasson.data import kappa_data

    return {"stm": silica_stm, "rows": rows, "claims": claims.rows(), "kappa_sets": list(kappa_data.load().values())}


#: Every figure function, by name: the module it lives in and what it needs beyond the glass's model.
ALL = {name: (module, extra) for module in (figures, figures_beyond) for name, extra in module.FIGURES.items()}


@pytest.fixture(autouse=True, scope="module")
def book_style():
    """The compendium's figure style, as every chapter draws with it."""
    with plt.style.context(str(figures.STYLE)):
        yield


def _draw(name, model, arguments):
    module, extra = ALL[name]
    func = getattr(module, name)
    if extra == ("rows",):
        return func(arguments["rows"])
    if extra == ("claims",):
        return func(arguments["claims"])
    return func(model, *(arguments[a] for a in extra))


@pytest.mark.parametrize("name", sorted(ALL))
def test_every_panel_has_data_and_labels(name, silica_model, arguments):
    fig = _draw(name, silica_model, arguments)
    try:
        assert fig.axes
        bottom = min(ax.get_position().y0 for ax in fig.axes)
        for ax in fig.axes:
            assert ax.lines or ax.collections or ax.images or ax.patches, f"{name}: empty axes"
            assert ax.get_ylabel(), f"{name}: a panel without a y label"
            shares_x = len(ax.get_shared_x_axes().get_siblings(ax)) > 1
            if not (shares_x and ax.get_position().y0 > bottom + 1e-6):
                assert ax.get_xlabel(), f"{name}: a bottom panel without an x label"
            for label in (ax.get_xlabel(), ax.get_ylabel(), *(t.get_text() for t in ax.texts)):
                assert not ASCII_UNIT.search(label), f"{name}: untypeset unit or number in {label!r}"
    finally:
        plt.close(fig)


@pytest.mark.parametrize("name", sorted(DIMENSIONAL))
def test_dimensional_axes_carry_their_unit(name, silica_model, arguments):
    fig = _draw(name, silica_model, arguments)
    try:
        x_unit, y_unit = DIMENSIONAL[name]
        ax = fig.axes[-1]
        if x_unit:
            assert x_unit in ax.get_xlabel(), (name, ax.get_xlabel())
        if y_unit:
            assert y_unit in fig.axes[0].get_ylabel(), (name, fig.axes[0].get_ylabel())
    finally:
        plt.close(fig)


def test_every_figure_function_takes_the_model_or_its_data_first():
    for name, (module, extra) in ALL.items():
        params = list(inspect.signature(getattr(module, name)).parameters)
        first = {("rows",): "rows", ("claims",): "rows"}.get(extra, "model")
        assert params[0] == first, (name, params)
        if extra == ("stm",):
            assert params[1] == "stm", name


def test_the_registry_lists_every_figure_function():
    for module in (figures, figures_beyond):
        public = {n for n in module.__all__ if callable(getattr(module, n)) and n != "use_style"}
        assert public == set(module.FIGURES), module.__name__


#: The column's width on a phone (px), and the smallest text a reader should get there (pt).
PHONE_COLUMN_PX, MIN_TEXT_PT = 380, 8.0


@pytest.mark.parametrize("name", sorted(ALL))
def test_text_stays_readable_at_a_phones_column_width(name, silica_model, arguments):
    """Shown at a phone's column width (the figure scaled from its width at 96 px per inch), no text of a figure is
    smaller than 8 pt: tick labels, legends, annotations."""
    from matplotlib.text import Text

    fig = _draw(name, silica_model, arguments)
    try:
        fig.canvas.draw()
        scale = min(1.0, PHONE_COLUMN_PX / (fig.get_figwidth() * 96))
        sizes = [t.get_fontsize() for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
        assert sizes and min(sizes) * scale >= MIN_TEXT_PT, f"{name}: {min(sizes)} pt × {scale:.2f}"
    finally:
        plt.close(fig)
