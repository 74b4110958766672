"""Tables of measured data sets beside the compendium's predictions: κ(T) below 1 K (Section 3.1) and the sourced
counterexamples to universality (the chapter *Every glass the data allow*)."""

from __future__ import annotations

from collections.abc import Sequence

from glasson.core.text import number, quantity
from glasson.core.units import Row
from glasson.data.counterexamples import Counterexample
from glasson.presentation.formatting import cite, escape, math, table
from glasson.presentation.tables import escape_math

__all__ = ["kappa_data_table", "counterexamples_table"]

ALPHA, LAMBDA = r"\alpha", r"\Lambda"


def kappa_data_table(rows: Sequence[Row]) -> str:
    """The measured κ(T) data sets (:func:`glasson.registries.kappa_fits.rows`): each sample with its class, its
    range, its exponent below 1 K and what the exponent implies for the tunnelling model and for Eq. (13)."""
    body = []
    for r in rows:
        if r["exponent"] is None:
            n = "—"
        else:
            lo, hi = r["fit_range"]
            n = (f"{number(r['exponent'], 3)} ± {number(r['uncertainty'], 1)}<br>"
                 f"({r['fit_points']} points, {number(lo, 2)}–{number(hi, 2)} K)")
        eq13 = ("—" if r["alpha_implied"] is None else
                f"{math(ALPHA)} = {number(r['alpha_implied'], 2)}"
                + ("" if r["Lambda_implied_eV"] is None else
                   f", {math(LAMBDA)} = {quantity(r['Lambda_implied_eV'], 'eV', 2)}"))
        stm = {"consistent": "consistent with 2", "below": "below 2", "above": "above 2", "no fit": "—"}
        body.append((f"{escape(r['material'])} {{cite:p}}`{r['source']}`<br>*{r['kind']}*: {escape(r['what'])}",
                     f"{number(r['T_range'][0], 2)}–{number(r['T_range'][1], 2)} K, {r['points']} points", n,
                     stm[r["tunneling_T2"]], eq13))
    return table(("sample", "measured", "exponent below 1 K", "against T² (2σ)", "Eq. (13): implied α and Λ"),
                 body, align=("l", "l", "r", "l", "l"))


def counterexamples_table(rows: Sequence[Counterexample]) -> str:
    """Sourced counterexamples to universality (:func:`glasson.data.counterexamples.load`)."""
    body = [(escape(r.glass), escape(r.quantity), f"{escape(r.relation)} {number(r.value, 3, trim=True)}",
             f"{cite(r.source)}: {escape_math(r.where)}") for r in rows]
    return table(("solid", "compared", "factor", "source and words read"), body)
