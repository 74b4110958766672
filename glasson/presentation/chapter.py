"""What every chapter notebook does first, in one call, and how it shows what it computes: prose with its numbers,
figures with their captions and provenance, as outputs that JupyterLab and the book both render.

>>> ch = setup("vitreous_silica")                                            # doctest: +SKIP
>>> ch.md("The crossover lies at @T.", T=ch.quantity(ch.model.T_cross, "K"))  # doctest: +SKIP
>>> ch.figure("fig-x", figures.energy_scales(ch.model), figures.energy_scales, "Caption.")  # doctest: +SKIP

**Why outputs.** A chapter is read in two places: the book, whose MyST renderer (myst-nb) knows its roles, and a
reader's JupyterLab, whose MyST renderer (jupyterlab-myst) does not know myst-nb's ``glue``. So a paragraph that
quotes a computed number is the Markdown output of a code cell (:meth:`Chapter.md`: the book renders it as MyST, Lab
as MyST too, for whatever inputs the reader set), and a figure is displayed where it is made, followed by its caption
(:meth:`Chapter.figure`), which the book's copy of the chapter turns into a numbered figure
(:func:`glasson.build.notebooks.book_copy`). Each figure's caption ends with its provenance, such as "Made by
``glasson.presentation.figures.energy_scales`` from ``data/materials.toml``, for vitreous silica" (the showyourwork
idea: a reader sees which function, from which data, made it). Numbers a test or a rerun reads are recorded by name
in the metadata of the output that shows them (:attr:`Chapter.values`).
"""

from __future__ import annotations

import string
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from glasson.core.text import number, quantity
from glasson.core.units import Real
from glasson.data import materials
from glasson.data.materials import Material
from glasson.models.inputs import Input, needs_band, resolve
from glasson.models.model import GlassonModel, TunnelingModel
from glasson.presentation.formatting import plain_text

if TYPE_CHECKING:
    from IPython.display import Math
    from matplotlib.figure import Figure

__all__ = ["setup", "Chapter", "made_by", "show", "vanishes", "OUTPUT_KEY"]

#: The key of the output metadata this module writes (read by the build layer and the tests).
OUTPUT_KEY = "glasson"


class _Prose(string.Template):
    """``@name`` placeholders: prose holds ``$`` (math) and ``{}`` (MyST roles), so neither format nor ``$``."""

    delimiter = "@"


def made_by(func: Callable[..., object], material: str | None = None, band_end: str | None = None,
            data: Sequence[str] = ("materials.toml",)) -> str:
    """The provenance line of a figure: the function that made it, the data it read and, for one glass, the glass
    (by its name in the book)."""
    where = ", ".join(f"`data/{d}`" for d in data)
    glass = f", for {materials.get(material).label}" if material else ""
    band = f", the {band_end} end of the C_v/T band" if band_end else ""
    return f"Made by `{func.__module__}.{func.__qualname__}` from {where}{glass}{band}."


def _display(data: Mapping[str, object], metadata: Mapping[str, object] | None = None) -> None:
    from IPython.display import display

    display(dict(data), raw=True, metadata=dict(metadata or {}))


@dataclass
class Chapter:
    """The material, inputs and models of one chapter run, and what it shows."""

    material: Material
    inputs: Mapping[str, Input]
    model: GlassonModel
    band_end: str | None = None
    #: Every number recorded by name (:meth:`quantity`, :meth:`number` with ``name``), as floats.
    values: dict[str, float] = field(default_factory=dict)
    _pending: dict[str, float] = field(default_factory=dict, repr=False)

    @cached_property
    def parameters(self) -> dict[str, Real]:
        """The derived values of the run keyed as in :data:`glasson.models.derived.KEYS` (units in the names)."""
        from glasson.models.derived import as_parameters

        return as_parameters(self.model)

    @cached_property
    def stm(self) -> TunnelingModel:
        """The standard tunnelling model calibrated to the same glass (computed once, on first use)."""
        return TunnelingModel.calibrated(self.model)

    # -- numbers ------------------------------------------------------------------------------------------------
    def _record(self, name: str | None, value: float) -> None:
        if name is not None:
            self.values[name] = self._pending[name] = float(value)

    def quantity(self, value: float, unit: str = "1", sig: int = 3, name: str | None = None,
                 trim: bool = False) -> str:
        """``value`` with its unit as Unicode text (``131 Å``), recorded under ``name`` when one is given."""
        self._record(name, value)
        return quantity(float(value), unit, sig, trim=trim)

    def number(self, value: float, sig: int = 3, name: str | None = None, trim: bool = False,
               sci_below: float = 1e-3) -> str:
        """``value`` as Unicode text (``3.05 × 10⁻¹¹``), recorded under ``name`` when one is given (``trim`` and
        ``sci_below`` as for :func:`glasson.core.text.number`)."""
        self._record(name, value)
        return number(float(value), sig, trim=trim, sci_below=sci_below)

    # -- what the reader sees -----------------------------------------------------------------------------------
    def text(self, template: str, **fields: object) -> str:
        """``template`` (dedented) with its ``@name`` placeholders filled from ``fields``."""
        return _Prose(textwrap.dedent(template).strip()).substitute({k: str(v) for k, v in fields.items()})

    def md(self, template: str, **fields: object) -> None:
        """Show Markdown (MyST) prose: ``template`` with its ``@name`` placeholders filled from ``fields``. The
        numbers recorded since the last output travel in this output's metadata."""
        meta = {OUTPUT_KEY: {"values": dict(self._pending)}} if self._pending else {}
        self._pending.clear()
        _display({"text/markdown": self.text(template, **fields), "text/plain": "<prose>"}, meta)

    def made_by(self, func: Callable[..., object], data: Sequence[str] = ("materials.toml",),
                one_glass: bool = True) -> str:
        if not one_glass:
            return made_by(func, None, None, data)
        return made_by(func, self.material.key, self.band_end, data)

    def figure(self, name: str, fig: Figure, func: Callable[..., object], caption: str,
               data: Sequence[str] = ("materials.toml",), one_glass: bool = True, alt: str = "") -> None:
        """Show ``fig`` where it is made, then its caption (MyST, ending with the provenance of the figure: the
        function ``func`` that drew it from ``data``, for this glass unless ``one_glass`` is false). ``name`` is the
        figure's label in the book (``{numref}`name```); ``alt`` says in words what it shows."""
        import matplotlib.pyplot as plt
        from IPython.core.formatters import format_display_data

        bundle, _ = format_display_data(fig)
        plt.close(fig)
        text = f"{self.text(caption)} {self.made_by(func, data, one_glass)}"
        _display({k: v for k, v in bundle.items() if k != "text/plain"} | {"text/plain": f"<figure {name}>"},
                 {OUTPUT_KEY: {"figure": name}})
        _display({"text/markdown": f"**Figure.** {text}", "text/plain": f"<caption of {name}>"},
                 {OUTPUT_KEY: {"caption": name, "myst": text, "alt": alt or _first_sentence(self.text(caption))}})

    # -- what the run uses ----------------------------------------------------------------------------------------
    def band_sentence(self) -> str:
        """A sentence saying which inputs come from a band (empty when none does)."""
        banded = [k for k, v in self.inputs.items() if v.status == "band"]
        if not banded:
            return ""
        band = materials.cv_slope_band()
        member = materials.stephens_membership(self.material.key)
        reach = {"measured": "one of the six glasses Stephens measured, which his range covers",
                 "previously measured": ("one of the eight glasses Stephens compares without measuring them; his "
                                         "range most naturally covers the six he measured, so for this glass it is "
                                         "an extrapolation"),
                 None: "not among Stephens' glasses: for it the range is an extrapolation"}[member]
        return (f"This glass has no specific-heat slope of its own that could be read at a source: the run takes "
                f"the {self.band_end} end, $C_v/T$ = {quantity(self.inputs['cv_slope'].value, 'erg/(g K^2)', 2)}, "
                f"of the range {quantity(band.low, '1', 2)} to {quantity(band.high, 'erg/(g K^2)', 2)} that "
                f"{{cite:t}}`{band.source}` gives for the glasses he measured. This glass is {reach}; every number "
                "below that depends on it is one end of a band.")


def _first_sentence(text: str) -> str:
    """A caption's first sentence as plain text: the alt text of its figure (what it shows, in words)."""
    import re

    first = re.split(r"(?<!Eqs\.)(?<!Eq\.)(?<!Fig\.)(?<=\.)\s+(?=[A-Z(])", " ".join(text.split()), maxsplit=1)[0]
    return plain_text(first)


def show(lhs: str, rhs: object, aligned: bool = False) -> Math:
    """A sympy result displayed as a labelled equation, ``lhs = rhs`` (``lhs`` in TeX), for a notebook."""
    import sympy as sp
    from IPython.display import Math

    body = sp.latex(rhs) if not isinstance(rhs, str) else rhs
    return Math(rf"\begin{{aligned}} {lhs} &= {body} \end{{aligned}}" if aligned else f"{lhs} = {body}")


def vanishes(label: str, expr: object) -> Math:
    """``label = 0 ✓`` when sympy simplifies ``expr`` to zero (trying exponentials too, where hyperbolic functions
    hide a cancellation), else ``label = expr ≠ 0`` (``label`` in TeX)."""
    import sympy as sp
    from IPython.display import Math

    value = sp.simplify(expr)
    if value != 0:
        value = sp.simplify(sp.expand(value.rewrite(sp.exp)))
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
    from glasson.presentation.figures import use_style

    use_style()  # the book's figure style, in JupyterLab and on Colab as in the book
    if svg:
        try:
            from matplotlib_inline.backend_inline import set_matplotlib_formats

            set_matplotlib_formats("svg")
        except ImportError:  # pragma: no cover - outside a kernel
            pass
    inputs = resolve(mat, band_end)
    return Chapter(mat, inputs, GlassonModel.from_material(mat, band_end), band_end)
