"""The formatting layer: everything a reader sees of a quantity goes through here.

A quantity is shown with its symbol as math, its value with a sensible number of significant figures
(``3.05 × 10⁻¹¹``) and its unit typeset (g s⁻¹, Å, erg g⁻¹ K⁻²); machine keys (``H_g_per_s``) stay in the
CLI's JSON and in downloads. :data:`PARAMETER_DISPLAY` and :data:`KEY_DISPLAY` give the symbol, the display
unit and a MyST description of every input and every derived value; :func:`table` writes a MyST table whose
cells are already typeset; the figures take their axis labels from :func:`axis_label`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glasson.data.materials import Material
    from glasson.models.inputs import Input

from glasson.core.text import number, number_tex, quantity, unit_mpl, unit_tex

__all__ = ["Display", "PARAMETER_DISPLAY", "KEY_DISPLAY", "STATUS_BADGE", "VERDICT_BADGE", "DIMENSION_BADGE",
           "DERIVATION_BADGE", "SEVERITY_BADGE", "math", "value_math", "value_text", "cite", "table", "escape",
           "axis_label", "key_value", "parameter_value", "input_cell", "number", "quantity", "rerun_banner",
           "BANNER_SYMBOL"]


@dataclass(frozen=True)
class Display:
    """How a quantity is shown: its TeX symbol, the unit it is shown in, the factor from its stored unit, and a
    MyST description."""

    symbol: str
    unit: str
    factor: float
    description: str


def math(tex: str) -> str:
    """Inline MyST math."""
    return f"${tex}$"


#: Inputs (keys of :data:`glasson.data.materials.PARAMETERS`): shown in their stored unit.
PARAMETER_DISPLAY: dict[str, Display] = {
    "rho": Display(r"\rho", "g/cm^3", 1.0, "mass density"),
    "c_t": Display("c_t", "cm/s", 1.0, "transverse sound velocity"),
    "c_l": Display("c_l", "cm/s", 1.0, "longitudinal sound velocity"),
    "youngs_modulus": Display("E", "GPa", 1.0, "Young's modulus"),
    "poisson_ratio": Display(r"\nu_P", "1", 1.0, "Poisson's ratio"),
    "Lambda": Display(r"\Lambda", "eV", 1.0, "bare (chemical-bonding) coupling"),
    "eps_F": Display(r"\epsilon_F", "K", 1.0, "glasson Fermi energy"),
    "cv_slope": Display("C_v/T", "erg/(g K^2)", 1.0, "linear specific-heat slope per unit mass"),
    "a": Display("a", "angstrom", 1.0, "inter-atomic distance"),
    "xi_mro": Display(r"\xi_{MRO}", "angstrom", 1.0, "medium-range-order length"),
    "T_Q": Display("T_Q", "K", 1.0, "quantum crossover temperature"),
    "kappa_exponent": Display(r"\delta", "1", 1.0, r"measured exponent of $\kappa \propto T^\delta$"),
}

#: Derived values (keys of :data:`glasson.models.derived.KEYS`), with the unit they are shown in.
KEY_DISPLAY: dict[str, Display] = {
    "H_g_per_s": Display("H", "g/s", 1.0, r"$H = \sqrt{\hbar\rho c_t}$, Eq. (8) as Eqs. (6)–(7) give it"),
    "xi_cm": Display(r"\xi", "angstrom", 1e8, r"crossover length $\xi = \Lambda/(c_t H)$, Eq. (8)"),
    "m_gl_g": Display("m_{gl}", "g", 1.0, r"glasson mass $m_{gl} = \hbar H/(2\Lambda)$, Eq. (8)"),
    "E_xi_K": Display(r"E_\xi", "K", 1.0, r"crossover energy $E_\xi = \hbar c_t/\xi$"),
    "E_int_K": Display("E_{int}", "K", 1.0, r"MRO energy $E_{int} = \hbar c_t/\xi_{MRO}$ (Sec. 2.1)"),
    "Lambda_K": Display(r"\Lambda/k_B", "K", 1.0, r"bare coupling $\Lambda$ in kelvin"),
    "k_F_per_cm": Display("k_F", "1/cm", 1.0, "Fermi wave-vector, Eq. (16)"),
    "m_F_g": Display("m_F", "g", 1.0, r"Fermi mass $\hbar^2k_F^2/2\epsilon_F$, Eq. (17) as derived (coefficient 9/2)"),
    "m_F_printed_g": Display(r"m_F^{\,\mathrm{printed}}", "g", 1.0, "Eq. (17) as printed (coefficient 3/2)"),
    "v_F_cm_per_s": Display("v_F", "cm/s", 1.0, r"Fermi velocity $\hbar k_F/m_F$"),
    "eps_F_erg": Display(r"\epsilon_F", "erg", 1.0, "Fermi energy"),
    "a_F_cm": Display("a_F", "angstrom", 1e8, r"glasson de Broglie length $1/k_F$"),
    "kF_xi": Display(r"k_F\xi", "1", 1.0, r"$k_F$ times the crossover length of Eq. (8)"),
    "kF_a": Display("k_F a", "1", 1.0, r"$k_F$ times the inter-atomic distance"),
    "kF_a_cubed": Display("(k_F a)^3", "1", 1.0, "dimensionless Fermi volume"),
    "E_F_eq18_K": Display(r"E_F", "K", 1.0, r"$\hbar^2k_F^2/2m_{gl}$ with the Eq. (8) mass (Eq. 18)"),
    "E_F_over_E_xi": Display(r"E_F/E_\xi", "1", 1.0, r"$(k_F\xi)^2$, Eq. (18)"),
    "m_F_over_m_He3": Display(r"m_F/m_{^3\mathrm{He}}", "1", 1.0, "Fermi mass over the mass of a ³He atom"),
    "M_atom_g": Display("M_{atom}", "g", 1.0, r"mass per atom $\rho a^3$"),
    "Mc2_K": Display("M_{atom}c_t^2", "K", 1.0, "in kelvin"),
    "lambda_K": Display(r"\lambda_{gl\text{-}ph}", "K", 1.0,
                        r"coupling $(\epsilon_F M_{atom} c_t^2)^{1/2}$, in kelvin"),
    "lambda_over_Lambda": Display(r"\lambda_{gl\text{-}ph}/\Lambda", "1", 1.0, "coupling over the bare coupling"),
    "K_Fs": Display(r"K_{F\text{-}s}", "1", 1.0, r"$\nu\lambda^2/(\rho c_t^2)$ with the free-fermion $\nu$"),
    "cs_over_vF": Display("c_t/v_F", "1", 1.0, "sound over Fermi velocity"),
    "Q_inv_t": Display("Q_t^{-1}", "1", 1.0, r"internal friction, Eq. (15) with $K_{Q,t} = 1$"),
    "Q_inv_t_eq14": Display(r"Q_t^{-1}\,\mathrm{(14)}", "1", 1.0,
                            r"Eq. (14) with the free-fermion $\nu$, i.e. $K_{Q,t} = 1/2\pi$"),
    "T_cross_K": Display(r"T_\times", "K", 1.0, "glasson and Debye specific heats equal"),
    "theta_D_K": Display(r"\Theta_D", "K", 1.0, r"Debye temperature from $c_t$, $c_l$ and $1/a^3$ atoms per volume"),
    "debye_coefficient_erg_per_g_K4": Display(r"C_{Deb}/T^3", "erg/(g K^4)", 1.0,
                                              "Debye specific-heat coefficient per unit mass"),
}

STATUS_BADGE = {"paper": "{bdg-primary}`paper`", "measured": "{bdg-success}`measured`",
                "assumption": "{bdg-warning}`assumption`", "unverified": "{bdg-danger}`unverified`",
                "derived": "{bdg-info}`derived`", "band": "{bdg-info}`band`", "override": "{bdg-dark}`set for this run`"}
VERDICT_BADGE = {"reproduced": "{bdg-success}`reproduced`", "discrepant": "{bdg-danger}`discrepant`",
                 "not-checkable": "{bdg-secondary}`not checkable`",
                 "convention-dependent": "{bdg-warning}`convention-dependent`"}
SEVERITY_BADGE = {"rounding": "{bdg-warning}`rounding`", "within an order": "{bdg-danger}`within an order`",
                  "beyond an order": "{bdg-danger}`beyond an order`"}
DIMENSION_BADGE = {"consistent": "{bdg-success}`consistent`", "inconsistent": "{bdg-danger}`inconsistent`",
                   "natural-units": "{bdg-warning}`natural units`", "not-applicable": "{bdg-secondary}`n/a`"}
DERIVATION_BADGE = {"derived": "{bdg-success}`derived`", "identity": "{bdg-info}`identity`",
                    "as-printed": "{bdg-secondary}`as printed`"}


def value_math(value: float | None, ascii_unit: str = "1", sig: int = 3) -> str:
    """A value with its unit as inline math: ``$3.05 \\times 10^{-11}\\,\\mathrm{g\\,s^{-1}}$``."""
    if value is None:
        return "—"
    u = unit_tex(ascii_unit)
    return math(number_tex(value, sig) + (r"\," + u if u else ""))


def value_text(value: float | None, ascii_unit: str = "1", sig: int = 3) -> str:
    """A value with its unit as Unicode text (for glued prose): ``3.05 × 10⁻¹¹ g s⁻¹``."""
    return quantity(value, ascii_unit, sig)


def key_value(key: str, value: float, sig: int = 3, with_symbol: bool = True) -> str:
    """A derived value of :data:`glasson.models.derived.KEYS` as inline math in its display unit: ``$\\xi = 131\\,Å$``."""
    d = KEY_DISPLAY[key]
    shown = value * d.factor
    u = unit_tex(d.unit)
    body = number_tex(shown, sig) + (r"\," + u if u else "")
    return math(f"{d.symbol} = {body}" if with_symbol else body)


def parameter_value(key: str, value: float, sig: int = 3) -> str:
    """An input (stored unit) as inline math with its unit."""
    d = PARAMETER_DISPLAY[key]
    return value_math(value * d.factor, d.unit, sig)


_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})


def escape(text: object) -> str:
    """Escape plain text for a MyST table cell (no markup; dollar math is kept)."""
    return str(text).translate(_ESCAPE).replace("\n", " ")


def cite(source: str) -> str:
    """A parenthetical citation of a ``book/references.bib`` key."""
    return f"{{cite:p}}`{source}`"


def input_cell(inp: Input, sig: int = 4) -> str:
    """The value of a resolved input (:class:`glasson.models.inputs.Input`) as math, with the spread of its sources."""
    d = PARAMETER_DISPLAY[inp.key]
    text = value_math(inp.value, d.unit, sig)
    if inp.uncertainty:
        text = math(number_tex(inp.value, sig) + r" \pm " + number_tex(inp.uncertainty, 2)
                    + (r"\," + unit_tex(d.unit) if unit_tex(d.unit) else ""))
    if inp.spread and inp.spread[0] != inp.spread[1]:
        text += f"<br>(sources {number(inp.spread[0], sig)} to {number(inp.spread[1], sig)})"
    return text


def table(header: Sequence[str], rows: Iterable[Sequence[str]], align: Sequence[str] | None = None) -> str:
    """A MyST (GitHub-flavoured) table of already typeset cells; ``align`` is one of l, c, r per column."""
    marks = {"l": ":--", "c": ":-:", "r": "--:"}

    def cell(text: object) -> str:  # a pipe in a cell (|x| in math too) would end the cell: escaped
        return str(text).replace("\\|", "|").replace("|", "\\|")

    lines = ["| " + " | ".join(cell(h) for h in header) + " |",
             "|" + "|".join(marks[a] for a in (align or ["l"] * len(header))) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def axis_label(name: str, ascii_unit: str | None = "1") -> str:
    """A matplotlib axis label: the quantity's name (mathtext allowed) and its unit in brackets,
    ``"crossover length $\\xi$ [Å]"``; a dimensionless quantity (unit ``"1"``) or a category (``None``) is
    its name alone."""
    u = unit_mpl(ascii_unit) if ascii_unit else ""
    return f"{name} [{u}]" if u else name



#: Each input as the rerun banner names it (plain text: the banner is HTML, outside MathJax's reach).
BANNER_SYMBOL = {"rho": "ρ", "c_t": "c_t", "c_l": "c_l", "cv_slope": "C_v/T", "eps_F": "ε_F", "Lambda": "Λ",
                 "a": "a", "xi_mro": "ξ_MRO", "T_Q": "T_Q"}


def rerun_banner(material: Material, band_end: str | None, overrides: dict[str, float]) -> str:
    """The banner of every page of a rerun's book: the glass, the band end and each overridden input (HTML).

    Examples
    --------
    >>> from glasson.data import materials
    >>> rerun_banner(materials.get("acrylic_pmma"), "low", {"Lambda": 3.0})
    'A rerun of the book for <b>PMMA</b>, at the low end of the C_v/T band measured across glasses, with Λ = 3 eV.'
    """
    import html

    from glasson.data.materials import PARAMETERS

    parts = [f"A rerun of the book for <b>{html.escape(material.label)}</b>"]
    if band_end:
        parts.append(f", at the {html.escape(band_end)} end of the C_v/T band measured across glasses")
    if overrides:
        parts.append(", with " + ", ".join(
            f"{BANNER_SYMBOL.get(k, html.escape(k))} = {html.escape(quantity(v, PARAMETERS[k].unit, 4, trim=True))}"
            for k, v in overrides.items()))
    return "".join(parts) + "."


#: TeX macros as the characters a screen reader reads (for alt text, which MathJax does not typeset).
_PLAIN = {r"\hbar": "ħ", r"\epsilon": "ε", r"\varepsilon": "ε", r"\xi": "ξ", r"\kappa": "κ", r"\alpha": "α",
          r"\Lambda": "Λ", r"\lambda": "λ", r"\omega": "ω", r"\rho": "ρ", r"\pi": "π", r"\nu": "ν", r"\tau": "τ",
          r"\propto": "∝", r"\times": "×", r"\ll": "≪", r"\gg": "≫", r"\sim": "∼", r"\simeq": "≃", r"\approx": "≈",
          r"\infty": "∞", r"\cdot": "·", r"\zeta": "ζ", r"\Delta": "Δ", r"\sigma": "σ", r"\mu": "μ", r"\,": " ",
          r"\ln": "ln", r"\log": "log", r"\tanh": "tanh", r"\qquad": " ", r"\quad": " "}


def plain_text(tex: str) -> str:
    """MyST text with inline math as plain text a screen reader can read: ``$T/T_F = k_BT/\\epsilon_F$`` →
    ``T/T_F = k_BT/ε_F``; fractions as a/b, sub- and superscripts and braces dropped.

    Examples
    --------
    >>> plain_text(r"versus $T/T_F = k_BT/\\epsilon_F$, the term $1 - \\frac{3\\pi^2}{10}(T/T_F)^2$")
    'versus T/T_F = k_BT/ε_F, the term 1 − 3π^2/10(T/T_F)^2'
    """
    import re

    def math_part(m: re.Match[str]) -> str:
        s = m.group(1)
        s = re.sub(r"\\frac\{([^{}]*)\}\{([^{}]*)\}", r"\1/\2", s)
        s = re.sub(r"\\(?:text|mathrm|operatorname)\{([^{}]*)\}", r"\1", s)
        for macro in sorted(_PLAIN, key=len, reverse=True):
            s = s.replace(macro, _PLAIN[macro])
        s = s.replace("{", "").replace("}", "").replace("\\", "")
        return s.replace("-", "−")

    return re.sub(r"\$([^$]+)\$", math_part, tex).replace("\n", " ")
