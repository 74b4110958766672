"""What a chapter concludes, in words, built from the registries: the decisions a reader must see stated in named
functions, not in a notebook's hidden cells.

:func:`universality_summary` gathers, for the chapter *Every glass the data allow*, the outcome of each universality
statement across the glasses and the glasses whose Eq. (8) mass falls below the electron's;
:func:`universality_key_results` and :func:`universality_findings` write them as the chapter's key-results box and
its closing section.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from glasson.core.constants import m_e
from glasson.core.text import number

__all__ = ["UniversalitySummary", "universality_summary", "universality_key_results", "universality_findings"]

Ranges = Mapping[str, tuple[float, float, float]]


@dataclass(frozen=True)
class UniversalitySummary:
    """The universality chapter's conclusions: each statement's outcome in words, the glasses whose Eq. (8) mass
    lies below the electron's at the centre of their band (``below``) or at one end of it (``reach``), and the
    factor by which the paper's two guesses alone spread Q_t⁻¹ for the chosen glass."""

    outcomes: Mapping[str, str]
    below: tuple[str, ...]
    reach: tuple[str, ...]
    q_spread: float
    #: The plateau statement in each reading of K_Q,t other than 1, as one phrase.
    q_readings: str = ""

    @property
    def mass_sentence(self) -> str:
        """Where the glasson mass of Eq. (8) lies against the electron's, as a sentence fragment."""
        text = (f"below the electron mass at the centre of the band for {', '.join(self.below)}" if self.below
                else "above the electron mass at the centre of every glass's band")
        if self.reach:
            text += f"; the band reaches below it for {', '.join(self.reach)}, at the top of the range of Λ"
        return text


def universality_summary(rows: Sequence[tuple[str, Ranges]], survival: Sequence[Mapping[str, Any]],
                         chosen: Ranges) -> UniversalitySummary:
    """The summary of :func:`glasson.registries.universality.survival` over ``rows`` (label, ranges per glass), with
    ``chosen`` the ranges of the glass the chapter tabulates."""
    outcomes = {r["statement"].id: f"{r['verdict']}, {r['at_centre']} of {r['checked']} at the centre"
                for r in survival}
    below = tuple(label for label, r in rows if r["m_gl_g"][1] <= m_e)
    reach = tuple(label for label, r in rows if r["m_gl_g"][0] <= m_e)
    spread = chosen["Q_inv_t"][2] / chosen["Q_inv_t"][0] if "Q_inv_t" in chosen else math.nan
    readings = "; ".join(f"with $K_{{Q,t}} = {r['statement'].short.split('K_{Q,t} = ')[1]} "
                         f"{outcomes[r['statement'].id]}" for r in survival
                         if r["statement"].id.startswith("Q_inv_t_"))
    return UniversalitySummary(outcomes, below, reach, spread, readings)


def universality_key_results(s: UniversalitySummary) -> str:
    """The chapter's key-results box (MyST)."""
    return "\n".join([
        ":::{admonition} Key results", ":class: tip",
        f"- $k_F\\xi \\sim 1$: {s.outcomes['kF_xi']}; $c_s/v_F \\sim 1$: {s.outcomes['cs_over_vF']}.",
        f"- $Q_t^{{-1}}$ in the measured plateau: {s.outcomes['Q_inv_t']} with $K_{{Q,t}} = 1$ as the paper "
        f"states it; the convention the paper leaves open decides it ({s.q_readings}).",
        f"- The glasson mass of Eq. (8) is {s.mass_sentence}.",
        f"- For the chosen glass the paper's two guesses alone spread $Q_t^{{-1}}$ by a factor "
        f"{number(s.q_spread, 2)}.",
        ":::",
    ])


def universality_findings(s: UniversalitySummary) -> str:
    """The chapter's closing section, *What the compendium found* (MyST, without its heading)."""
    return "\n".join([
        "- **The paper's guesses matter more than it says.** For the chosen glass, $\\epsilon_F$ and $\\Lambda$ "
        "over the paper's range of $\\Lambda$ and the compendium's reading of “within one order of magnitude” for "
        "$\\epsilon_F$ spread the predicted internal friction by a factor "
        f"{number(s.q_spread, 2)} ({{ref}}`table of ranges <univ-ranges>`); only $k_F$ and $m_F$ are pinned by "
        "the measured slope.",
        f"- **$k_F\\xi \\sim 1$** ({s.outcomes['kF_xi']}) and **$c_s/v_F \\sim 1$** ({s.outcomes['cs_over_vF']}): "
        "{ref}`the table of statements <univ-found>` shows which glasses carry them; the elastic data move both by "
        "more than the guesses do for one glass, because $\\xi \\propto c_t^{-3/2}$ while $v_F$ does not follow "
        "$c_t$.",
        f"- **The internal friction** of Eq. (15) with $K_{{Q,t}} = 1$: {s.outcomes['Q_inv_t']}; in the other "
        f"readings of $K_{{Q,t}}$: {s.q_readings}. **A small Fermi volume**: {s.outcomes['kF_a_cubed']}.",
        f"- **The masses of the Conclusion**: the glasson mass of Eq. (8) is {s.mass_sentence}.",
        "- **The κ exponent** of the resonant branch sits at the top of the measured group range and the pair "
        "branch's is excluded, in line with the paper's choice of the resonant branch.",
        "- **What is missing.** Glass-by-glass low-temperature specific-heat slopes and internal-friction plateaus "
        "(the tables of {cite:t}`zeller1971thermal`, {cite:t}`stephens1973low` and {cite:t}`pohl2002low`) could "
        "not be read at their source here; with them each band would shrink to the guesses alone. To rerun this "
        "chapter for other ranges of the guesses, pass them as parameters: `python -m glasson execute --material "
        "NAME --out DIR` runs it for one glass, and the parameters cell of the notebook takes `eps_F_range` and "
        "`Lambda_range`.",
    ])


def measured_kappa_findings(rows: Sequence[Mapping[str, Any]], alpha_paper: float) -> str:
    """What the measured κ(T) data sets below 1 K say (:func:`glasson.registries.kappa_fits.rows`), against the
    tunnelling model's T² and Eq. (13), whose α with the paper's own numbers is ``alpha_paper`` (MyST)."""
    from glasson.presentation.tables import count_word

    def n(r: Mapping[str, Any]) -> str:
        return f"{r['material']}, {number(r['exponent'], 3)} ± {number(r['uncertainty'], 1)}"

    fitted = [r for r in rows if r["exponent"] is not None]
    clean = [r for r in fitted if r["clean"]]
    others = [r for r in fitted if not r["clean"]]
    above = [r for r in others if r["tunneling_T2"] == "above"]
    rest = [r for r in others if r["tunneling_T2"] != "above"]
    lam = [r for r in clean if r["Lambda_implied_eV"] is not None]
    # two exponents differ when they are more than two combined standard errors apart
    apart = any(abs(a["exponent"] - b["exponent"]) > 2 * math.hypot(a["uncertainty"], b["uncertainty"])
                for i, a in enumerate(clean) for b in clean[i + 1:])
    text = (f"**Measured κ(T) below 1 K.** Of the {count_word(len(fitted))} data sets, {count_word(len(clean))} "
            f"are unfilled amorphous solids, the clean tests ({'; '.join(n(r) for r in clean)}). ")
    if clean and all(r["tunneling_T2"] == "below" for r in clean):
        text += "Each lies below the tunnelling model's exponent 2, as Eq. (13) allows. "
    text += "".join(f"{r['material']} implies $\\alpha$ = {number(r['alpha_implied'], 2)}, which Eq. (13) gives "
                    f"with the paper's silica inputs at $\\Lambda$ = {number(r['Lambda_implied_eV'], 2)} eV. "
                    for r in lam)
    text += (f"The paper's own $\\Lambda$ gives $\\alpha$ = {number(alpha_paper, 2)} at 0.1 K. These materials "
             "have no sourced density, sound velocity or specific-heat slope here, so an implied $\\Lambda$ rests "
             "on silica's inputs")
    text += ("; and the clean samples' exponents differ by more than their errors, so they do not imply one "
             "$\\Lambda$. " if apart else ". ")
    if others:
        text += (f"Of the {count_word(len(others))} filled, semicrystalline and ceramic samples, "
                 f"{count_word(len(above))} lie above 2 ({'; '.join(n(r) for r in above)}) and the others within "
                 f"two errors of it or below it ({'; '.join(n(r) for r in rest)}): fillers, crystallites and the "
                 "glass-ceramic scatter phonons in their own ways, and neither law is expected of them.")
    return text
