"""The paper's equations as sympy relations, as printed and (where the compendium derives them) as derived,
with their dimension verdicts; and :func:`numeric`, which turns a sympy expression into a numpy function."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sympy as sp

from glasson.core import constants as const
from glasson.core.dimensions import DimensionVerdict, check_equation
from glasson.symbolic._cache import derivation
from glasson.symbolic._symbols import (
    ASSUMED_DIMENSIONS,
    DIMS,
    E_F,
    E_Q,
    C_ph,
    C_v,
    E_xi_sym,
    H_el,
    K_Fs,
    K_Qt,
    M_atom,
    M_x,
    M_z,
    Q_inv,
    R,
    T,
    a,
    a_gl,
    alpha_dd,
    c_s,
    c_t,
    delta_E,
    eps1,
    eps2,
    eps_F,
    hbar,
    k_B,
    k_F,
    kappa,
    lam,
    m_F,
    n_F,
    n_gl,
    nu,
    nu0,
    omega,
    p_F,
    rho,
    s_snd,
    tau,
    v_F,
    xi,
)
from glasson.symbolic.acoustics import golden_rule_absorption
from glasson.symbolic.fermi import eq16_printed, eq17_printed, solve_fermi
from glasson.symbolic.scales import (
    H_derived,
    H_printed,
    a_gl_printed,
    eq4_pairs,
    eq5_ratio,
    eq6,
    eq7,
    eq8_derived,
    eq8_with_printed_H,
)

__all__ = ["printed", "derived", "dimension_check", "dimension_report", "assumed_dimensions", "numeric",
           "RELATION_NAMES", "DERIVED_NAMES", "RELATION_LABELS", "DERIVED_LABELS"]


def _printed() -> dict[str, tuple[sp.Eq, ...]]:
    return {
        "4": eq4_pairs(),
        "5": (eq5_ratio, sp.Eq(R / a_gl, 1 / (a_gl * n_gl ** sp.Rational(1, 3))), sp.Eq(a_gl, a_gl_printed)),
        "6": (eq6,),
        "7": (eq7,),
        "8": eq8_with_printed_H(),
        "H": (H_printed,),
        "9": (sp.Eq(kappa, C_ph * c_s**2 * tau / 3),),
        "10": (sp.Eq(1 / tau, 2 * sp.pi / hbar * H_el**2 * delta_E),),
        "11": (sp.Eq(1 / tau, 2 * sp.pi * omega / hbar * M_z**2
                     * sp.Integral((1 - n_F(eps1 / T)) * n_F(eps2 / T), eps1)),),
        "12": (sp.Eq(1 / tau, 2 * sp.pi * omega / hbar * M_x**2 * (1 - 2 * n_F(omega / T))),),
        "13": (sp.Eq(nu, nu0 / (1 + nu0 * alpha_dd * sp.log(E_Q / T))),),
        "nu0": (sp.Eq(nu0, p_F * m_F / hbar**3), sp.Eq(nu0, rho * C_v / (k_B * T))),
        "14": (sp.Eq(Q_inv, sp.pi * nu * lam**2 / (rho * s_snd**2) * c_t / v_F),
               sp.Eq(Q_inv, sp.pi * K_Fs * c_t / v_F),
               sp.Eq(K_Fs, nu * lam**2 / (rho * c_t**2)),
               sp.Eq(K_Fs, lam**2 / (eps_F * M_atom * c_t**2) * (k_F * a) ** 3),
               sp.Eq(lam**2, eps_F * M_atom * c_t**2)),
        "lambda": (sp.Eq(lam, M_x * sp.sqrt(c_t)),),
        "15": (sp.Eq(Q_inv, K_Qt * (k_F * a) ** 3 * c_t / v_F),),
        "16": (eq16_printed,),
        "17": (eq17_printed,),
        "18": (sp.Eq(E_F / E_xi_sym, (k_F * xi) ** 2),),
    }


def _derived() -> dict[str, tuple[sp.Eq, ...]]:
    sol = solve_fermi()
    return {"8": eq8_derived(), "H": (H_derived,),
            "14": (sp.Eq(Q_inv, golden_rule_absorption()["Q_inv"]),),
            "16": (sp.Eq(k_F, sol[k_F]),), "17": (sp.Eq(m_F, sol[m_F]),)}


def printed(name: str) -> tuple[sp.Eq, ...]:
    """The relations of equation ``name`` as printed (``"4"`` … ``"18"``, ``"H"``, ``"nu0"``, ``"lambda"``)."""
    return _printed()[name]


def derived(name: str) -> tuple[sp.Eq, ...]:
    """The relations of equation ``name`` as the compendium derives them."""
    return _derived()[name]


def dimension_check(relations: tuple[sp.Eq, ...]) -> DimensionVerdict:
    """Worst dimension verdict over several relations (inconsistent < natural-units < consistent).

    Examples
    --------
    >>> dimension_check(printed("H")).status
    'inconsistent'
    >>> dimension_check(derived("H")).status
    'consistent'
    """
    order = {"inconsistent": 0, "natural-units": 1, "consistent": 2}
    verdicts = [check_equation(eq, DIMS) for eq in relations]
    return min(verdicts, key=lambda v: order[v.status])


def assumed_dimensions(relations: tuple[sp.Eq, ...]) -> dict[sp.Symbol, str]:
    """The symbols of ``relations`` whose dimension the paper never states, with the compendium's reading.

    Examples
    --------
    >>> [str(s) for s in assumed_dimensions(printed("12"))]
    ['M^{x}']
    """
    symbols: set[sp.Basic] = set().union(*(eq.free_symbols for eq in relations))
    return {s: why for s, why in ASSUMED_DIMENSIONS.items() if s in symbols}


#: Plain-text names of the relations :func:`printed` and :func:`derived` know (CLI, JSON).
RELATION_NAMES = {"4": "Eq. (4), the three energies", "5": "Eq. (5) and the definition of a_gl",
                  "6": "Eq. (6)", "7": "Eq. (7)", "8": "Eq. (8) with H as printed",
                  "H": "H ≡ sqrt(hbar rho) c_t (printed)",
                  "9": "Eq. (9), kinetic formula", "10": "Eq. (10), Fermi golden rule",
                  "11": "Eq. (11), pair scattering rate", "12": "Eq. (12), resonant scattering rate",
                  "13": "Eq. (13), dipolar correction of the DOS", "nu0": "nu_0 = p_F m_F/hbar^3 = rho C_v/(k_B T)",
                  "14": "Eq. (14) and K_F-s (both forms), lambda^2 = eps_F M c^2",
                  "lambda": "lambda = M^x sqrt(c_t) (definition below Eq. 14)",
                  "15": "Eq. (15)", "16": "Eq. (16) as printed", "17": "Eq. (17) as printed", "18": "Eq. (18)"}
DERIVED_NAMES = {"8": "Eq. (8) as solved from Eqs. (6)-(7)", "H": "H = sqrt(hbar rho c_t) (derived)",
                 "14": "Eq. (14) as derived by the golden rule",
                 "16": "Eq. (16) derived (k_B restored)", "17": "Eq. (17) derived (k_B restored)"}
#: The same names for a page (MyST: dollar math).
RELATION_LABELS = {"4": "Eq. (4), the three energies", "5": r"Eq. (5) and the definition of $a_{gl}$",
                   "6": "Eq. (6)", "7": "Eq. (7)", "8": r"Eq. (8) with $H$ as printed",
                   "H": r"$H \equiv \sqrt{\hbar\rho}\,c_t$ (printed)",
                   "9": "Eq. (9), kinetic formula", "10": "Eq. (10), Fermi golden rule",
                   "11": "Eq. (11), pair scattering rate", "12": "Eq. (12), resonant scattering rate",
                   "13": "Eq. (13), dipolar correction of the density of states",
                   "nu0": r"$\nu_0 = p_F m_F/\hbar^3 = \rho C_v/(k_B T)$",
                   "14": r"Eq. (14), both forms of $K_{F\text{-}s}$, and $\lambda^2 = \epsilon_F M_{atom} c_t^2$",
                   "lambda": r"$\lambda = M^x \sqrt{c_t}$ (definition below Eq. 14)",
                   "15": "Eq. (15)", "16": "Eq. (16) as printed", "17": "Eq. (17) as printed", "18": "Eq. (18)"}
DERIVED_LABELS = {"8": "Eq. (8) as solved from Eqs. (6)–(7)", "H": r"$H = \sqrt{\hbar\rho c_t}$ (derived)",
                  "14": "Eq. (14) as derived by the golden rule",
                  "16": r"Eq. (16) derived ($k_B$ restored)", "17": r"Eq. (17) derived ($k_B$ restored)"}


@derivation
def dimension_report(names: tuple[str, ...] = ("4", "5", "6", "7", "8", "H")) -> list[dict[str, Any]]:
    """Dimension verdicts of the printed relations ``names`` and of their derived forms, as table rows.

    Each row: ``relation`` (plain name), ``label`` (with dollar math), ``form`` (printed or derived),
    ``status``, ``detail`` (plain text), ``verdict`` (the :class:`~glasson.core.dimensions.DimensionVerdict`) and
    ``assumed`` (the symbols whose dimension the verdict takes from the compendium's reading).
    """
    rows = []
    known = _derived()
    for name in names:
        for form, relations, names_, labels in (("printed", printed(name), RELATION_NAMES, RELATION_LABELS),
                                                ("derived", known.get(name), DERIVED_NAMES, DERIVED_LABELS)):
            if relations is None:
                continue
            v = dimension_check(relations)
            rows.append({"relation": names_[name], "label": labels[name], "form": form, "status": v.status,
                         "detail": v.detail, "verdict": v, "assumed": assumed_dimensions(relations)})
    return rows


def numeric(expr: sp.Expr, *args: sp.Symbol) -> Callable[..., Any]:
    """A numpy function of ``args`` evaluating ``expr`` with ħ and k_B set to their CGS values.

    Examples
    --------
    >>> f = numeric(hbar * c_t / R, c_t, R)
    >>> f(1.0, const.hbar)
    1.0
    """
    raw = sp.lambdify((hbar, k_B, *args), expr, modules="numpy")

    def evaluate(*values: Any) -> Any:
        return raw(const.hbar, const.k_B, *values)

    return evaluate


