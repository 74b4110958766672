"""The materials page: every glass's inputs with their sources, the rule by which one of several sources is used,
and (for the bibliography page) how each data source was read."""

from __future__ import annotations

from glasson.core.text import formula_tex, number, quantity
from glasson.data import fields, materials
from glasson.models.derived import as_parameters
from glasson.models.inputs import provenance, resolve
from glasson.models.model import GlassonModel
from glasson.presentation.formatting import (
    KEY_DISPLAY,
    PARAMETER_DISPLAY,
    STATUS_BADGE,
    cite,
    escape,
    input_cell,
    math,
    table,
    value_math,
)
from glasson.presentation.tables import escape_math

__all__ = ["SOURCE_KIND_WORDS", "sources_rule", "sources_read", "materials_page"]

#: How each kind of source is named on the materials and bibliography pages.
SOURCE_KIND_WORDS = {"the paper": "the paper", "paper": "a publication", "data sheet": "a product's data sheet",
                     "standard": "a standard's table", "handbook": "a compilation",
                     "handbook copy": "a copy of a handbook table", "encyclopedia": "an encyclopedia",
                     "compendium": "a choice of the compendium"}


def sources_rule() -> str:
    """The rule by which one of several sources of an input is used (the materials page)."""
    return ("**Which source is used.** Where an input has several sources, the most primary is used and the others "
            "show the spread: a measuring paper, a product's data sheet or the paper's own statement first; then a "
            "standard's or a handbook's table; then a copy of a handbook table; then an encyclopedia or a mirror of "
            "one. A velocity derived from a data sheet's elastic moduli is used before a velocity from a copy of a "
            "handbook. The kind of every source is named beside it, and how each was read is on the "
            "[bibliography page](bibliography.md).\n")


def sources_read() -> str:
    """How each data source was read (``data/sources.toml``), for the bibliography page."""
    rows = [(cite(key), SOURCE_KIND_WORDS[s.kind], escape_math(s.read)) for key, s in fields.sources().items()]
    return table(("source", "kind", "how it was read"), rows)


def materials_page() -> str:
    """Every glass: its inputs (sourced, derived or band) with the sources of each, and what follows from them."""
    out = [sources_rule()]
    kinds = fields.sources()
    n_stephens = len(materials.stephens_set())
    for mat in materials.load().values():
        inputs = resolve(mat, band_end="low")
        groups = provenance(mat)
        summary = "; ".join(f"{k}: {', '.join(math(PARAMETER_DISPLAY[x].symbol) for x in v)}"
                            for k, v in groups.items() if v)
        formula = f"Formula {math(formula_tex(mat.formula))}" if mat.formula else "No definite composition"
        out.append(f"## {escape(mat.name)}\n\n{formula}. Inputs {summary}.\n")
        rows = []
        for key, inp in inputs.items():
            shown = inp
            if inp.status == "band":
                band = materials.cv_slope_band()
                value = f"{number(band.low, 2)} to {quantity(band.high, band.unit, 2)}"
            else:
                value = input_cell(shown)
            rows.append((f"{math(PARAMETER_DISPLAY[key].symbol)}, {PARAMETER_DISPLAY[key].description}", value,
                         STATUS_BADGE[inp.status], cite(inp.source)))
        out.append(table(("input", "value", "status", "source"), rows))
        where = []
        for key in inputs:
            entries = mat.entries(key)
            d = PARAMETER_DISPLAY[key]
            if entries:
                for v in entries:
                    where.append(f"- {math(d.symbol)} = {quantity(v.value, d.unit, 4)}: {cite(v.source)} "
                                 f"({SOURCE_KIND_WORDS[kinds[v.source].kind]}), {escape_math(v.where)}")
            else:
                where.append(f"- {math(d.symbol)}: {escape_math(inputs[key].where)}"
                             + (f" ({n_stephens} glasses)" if inputs[key].status == "band" else ""))
        out.append(":::{dropdown} Where in the sources\n" + "\n".join(where) + "\n:::\n")
        model = GlassonModel.from_material(mat)
        values = as_parameters(model)
        derived = [k for k in ("theta_D_K", "debye_coefficient_erg_per_g_K4") if k in values]
        if derived:
            out.append("From these: " + ", ".join(
                f"{math(KEY_DISPLAY[k].symbol)} = {value_math(float(values[k]) * KEY_DISPLAY[k].factor, KEY_DISPLAY[k].unit)}"
                for k in derived) + ".\n")
    return "\n".join(out)


