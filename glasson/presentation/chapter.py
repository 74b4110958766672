"""What every chapter notebook does first, in one call, and the glue that carries each figure's and number's
provenance (the showyourwork idea: a reader sees which function, from which data, made it).

>>> ch = setup("vitreous_silica")            # doctest: +SKIP
>>> ch.glue_figure("fig-x", figures.energy_scales(ch.model), figures.energy_scales)   # doctest: +SKIP

:func:`setup` resolves the material's inputs (with the user's overrides and, for a glass without a slope of its
own, one end of the measured band), builds the models once, and sets figures to be drawn as SVG. The
:class:`Chapter` it returns glues figures, numbers and sentences under names the Markdown cites, each with a
``<name>-made-by`` line such as "Made by ``glasson.presentation.figures.energy_scales`` from ``data/materials.toml``
[vitreous_silica]".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from glasson.core.text import quantity
from glasson.data import materials
from glasson.data.materials import Material
from glasson.models.inputs import Input, needs_band, resolve
from glasson.models.model import GlassonModel, TunnelingModel

__all__ = ["setup", "Chapter", "made_by", "show", "vanishes"]


def made_by(func: Callable[..., Any], material: str | None = None, band_end: str | None = None,
            data: Sequence[str] = ("materials.toml",)) -> str:
    """The provenance line of a figure or number: the function that made it, the data it read and, for one
    glass, the glass (by its name in the book)."""
    where = ", ".join(f"`data/{d}`" for d in data)
    glass = f", for {materials.get(material).label}" if material else ""
    band = f", the {band_end} end of the C_v/T band" if band_end else ""
    return f"Made by `{func.__module__}.{func.__qualname__}` from {where}{glass}{band}."


@dataclass
class Chapter:
    """The material, inputs and models of one chapter run, with the glue helpers."""

    material: Material
    inputs: Mapping[str, Input]
    model: GlassonModel
    band_end: str | None = None
    glued: dict[str, str] = field(default_factory=dict)

    @cached_property
    def values(self) -> dict[str, Any]:
        """The derived values of the run keyed as in :data:`glasson.models.derived.KEYS` (units in the names)."""
        from glasson.models.derived import as_parameters

        return as_parameters(self.model)

    @cached_property
    def stm(self) -> TunnelingModel:
        """The standard tunnelling model calibrated to the same glass (computed once, on first use)."""
        return TunnelingModel.calibrated(self.model)

    # -- provenance ---------------------------------------------------------------------------------------------
    def made_by(self, func: Callable[..., Any], data: Sequence[str] = ("materials.toml",),
                one_glass: bool = True) -> str:
        if not one_glass:
            return made_by(func, None, None, data)
        return made_by(func, self.material.key, self.band_end, data)

    # -- glue ---------------------------------------------------------------------------------------------------
    def _glue(self, name: str, value: Any) -> None:
        from myst_nb import glue

        glue(name, value, display=False)

    def glue_md(self, name: str, text: str) -> None:
        """Glue a sentence (Markdown, Unicode numbers) for ``{glue:md}`name```."""
        from IPython.display import Markdown

        self.glued[name] = text
        self._glue(name, Markdown(text))

    def glue_number(self, name: str, value: float, unit: str = "1", sig: int = 3,
                    func: Callable[..., Any] | None = None, data: Sequence[str] = ("materials.toml",)) -> None:
        """Glue a number with its unit as Unicode text (``131 Å``) under ``name``, the exact value (a float, for
        tests and readers of the executed notebook) under ``<name>-value``, and its provenance as
        ``<name>-made-by``."""
        self.glue_md(name, quantity(float(value), unit, sig))
        self._glue(f"{name}-value", float(value))
        if func is not None:
            self.glue_md(f"{name}-made-by", self.made_by(func, data))

    def glue_figure(self, name: str, fig: Any, func: Callable[..., Any],
                    data: Sequence[str] = ("materials.toml",), one_glass: bool = True) -> None:
        """Glue ``fig`` (not displayed in place) and its provenance line ``<name>-made-by`` (naming the
        chapter's glass unless ``one_glass`` is false, for a figure of every glass)."""
        import matplotlib.pyplot as plt

        self._glue(name, fig)
        plt.close(fig)
        self.glue_md(f"{name}-made-by", self.made_by(func, data, one_glass))

    # -- what the run uses ----------------------------------------------------------------------------------------
    def band_sentence(self) -> str:
        """A sentence saying which inputs come from a band (empty when none does)."""
        banded = [k for k, v in self.inputs.items() if v.status == "band"]
        if not banded:
            return ""
        band = materials.cv_slope_band()
        n = len(materials.stephens_set())
        return (f"This glass has no specific-heat slope of its own that could be read at a source: the run takes "
                f"the {self.band_end} end, $C_v/T$ = {quantity(self.inputs['cv_slope'].value, 'erg/(g K^2)', 2)}, "
                f"of the range {quantity(band.low, '1', 2)} to {quantity(band.high, 'erg/(g K^2)', 2)} measured "
                f"across Stephens' {n} glasses {{cite:p}}`{band.source}`; every number below that depends on it is "
                "one end of a band.")


def show(lhs: str, rhs: Any, aligned: bool = False) -> Any:
    """A sympy result displayed as a labelled equation, ``lhs = rhs`` (``lhs`` in TeX), for a notebook."""
    import sympy as sp
    from IPython.display import Math

    body = sp.latex(rhs) if not isinstance(rhs, str) else rhs
    return Math(rf"\begin{{aligned}} {lhs} &= {body} \end{{aligned}}" if aligned else f"{lhs} = {body}")


def vanishes(label: str, expr: Any) -> Any:
    """``label = 0 ✓`` when sympy simplifies ``expr`` to zero, else ``label = expr ≠ 0`` (``label`` in TeX)."""
    import sympy as sp
    from IPython.display import Math

    value = sp.simplify(expr)
    if value == 0:
        return Math(rf"{label} = 0 \quad\checkmark")
    return Math(rf"{label} = {sp.latex(value)} \neq 0")


def setup(material: str = materials.DEFAULT_MATERIAL, band_end: str | None = None, svg: bool = True,
          **overrides: float | None) -> Chapter:
    """Resolve ``material`` (with ``overrides`` in stored units, ``None`` meaning none) and build its model.

    A glass without a C_v/T of its own takes the ``band_end`` ("low" or "high") of the band measured across
    Stephens' glasses, "low" when none is given. ``svg`` draws figures as SVG (vector, sharp at any width).
    """
    mat = materials.get(material).with_overrides(**overrides)
    if needs_band(mat) and band_end is None:
        band_end = "low"
    if not needs_band(mat):
        band_end = None
    if svg:
        try:
            from matplotlib_inline.backend_inline import set_matplotlib_formats

            set_matplotlib_formats("svg")
        except ImportError:  # pragma: no cover - outside a kernel
            pass
    inputs = resolve(mat, band_end)
    return Chapter(mat, inputs, GlassonModel.from_material(mat, band_end), band_end)
