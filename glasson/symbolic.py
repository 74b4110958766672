"""Sympy twins of the paper's equations, the derivations solved by sympy, and their dimensions.

Each equation appears as printed in the paper (``PRINTED``) and, where the compendium derives it, as
derived (``DERIVED``). The numeric functions of :mod:`glasson.scales` and friends implement the derived
forms; ``tests/test_symbolic.py`` checks that the two agree and that the derivations reproduce them.
Symbols carry their CGS dimensions in :data:`DIMS`, for :func:`glasson.dimensions.check_equation`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

import sympy as sp

from . import constants as const
from .dimensions import (ACTION, DENSITY, DIMENSIONLESS, ENERGY, LENGTH, MASS, TEMPERATURE, TIME, VELOCITY,
                         Dim, DimensionVerdict, check_equation)

__all__ = [
    "hbar", "k_B", "rho", "c_t", "Lambda", "m_gl", "R", "xi", "H", "a_gl", "n_gl",
    "DIMS", "E_s", "E_kin", "E_dd", "eq4_pairs", "eq5_ratio", "eq6", "eq7", "solve_crossover",
    "H_printed", "H_derived", "eq8_printed", "eq8_derived", "crossover_energy",
    "printed", "derived", "dimension_check", "dimension_report", "numeric",
]

_pos = {"positive": True, "real": True}

# --- symbols --------------------------------------------------------------------------------------------
hbar, k_B = sp.symbols("hbar k_B", **_pos)
rho = sp.Symbol("rho", **_pos)
c_t = sp.Symbol("c_t", **_pos)
Lambda = sp.Symbol("Lambda", **_pos)
m_gl = sp.Symbol("m_gl", **_pos)
R = sp.Symbol("R", **_pos)
xi = sp.Symbol("xi", **_pos)
H = sp.Symbol("H", **_pos)
a_gl = sp.Symbol("a_gl", **_pos)
n_gl = sp.Symbol("n_gl", **_pos)
E_xi_sym = sp.Symbol("E_xi", **_pos)

#: CGS dimension of every symbol. H is declared in g/s, the unit the paper quotes for it.
DIMS: dict[sp.Symbol, Dim] = {
    hbar: ACTION, k_B: ENERGY / TEMPERATURE, rho: DENSITY, c_t: VELOCITY, Lambda: ENERGY, m_gl: MASS,
    R: LENGTH, xi: LENGTH, H: MASS / TIME, a_gl: LENGTH, n_gl: LENGTH**-3, E_xi_sym: ENERGY,
}

# --- Section 2.2: the three energies of Eq. (4) -----------------------------------------------------------
E_s = hbar * c_t / R
E_kin = hbar**2 / (2 * m_gl * R**2)
E_dd = Lambda**2 / (rho * c_t**2 * R**3)


def eq4_pairs() -> tuple[sp.Eq, sp.Eq]:
    """The two comparisons of Eq. (4), E_s ≫ E_kin ≫ E_dd, as equalities for dimension checks."""
    return sp.Eq(E_s, E_kin), sp.Eq(E_kin, E_dd)


#: Eq. (5) as printed: E_kin/E_dd = R/a_gl = 1/(a_gl n^{1/3}), with a_gl = 2Λ²m/(ħ²ρc_t²).
a_gl_printed = 2 * Lambda**2 * m_gl / (hbar**2 * rho * c_t**2)
eq5_ratio = sp.Eq(E_kin / E_dd, R / a_gl)

# --- Eqs. (6)-(7): a single crossover length ------------------------------------------------------------
eq6 = sp.Eq(hbar * c_t / xi, hbar**2 / (2 * m_gl * xi**2))
eq7 = sp.Eq(hbar * c_t / xi, Lambda**2 / (rho * c_t**2 * xi**3))


@cache
def solve_crossover() -> dict[sp.Symbol, sp.Expr]:
    """Solve Eqs. (6) and (7) for ξ and m_gl (positive roots), with sympy.

    Returns
    -------
    dict
        ``{xi: ..., m_gl: ...}`` in terms of Λ, ρ, c_t and ħ.

    Examples
    --------
    >>> sol = solve_crossover()
    >>> sp.simplify(sol[xi] - Lambda / sp.sqrt(hbar * rho * c_t**3))
    0
    """
    solutions = sp.solve([eq6, eq7], [xi, m_gl], dict=True)
    if len(solutions) != 1:
        raise RuntimeError(f"expected one positive solution of Eqs. (6)-(7), got {solutions}")
    return {k: sp.simplify(v) for k, v in solutions[0].items()}


#: The definition of H as printed, H ≡ √(ħρ) c_t, and as Eqs. (6)-(7) require, H = √(ħρc_t).
H_printed = sp.Eq(H, sp.sqrt(hbar * rho) * c_t)
H_derived = sp.Eq(H, sp.sqrt(hbar * rho * c_t))
#: Eq. (8) as printed, in terms of H.
eq8_printed = (sp.Eq(xi, Lambda / (c_t * H)), sp.Eq(m_gl, hbar * H / (2 * Lambda)))


def eq8_derived() -> tuple[sp.Eq, sp.Eq]:
    """Eq. (8) as solved from Eqs. (6)-(7), written out in Λ, ρ, c_t, ħ."""
    sol = solve_crossover()
    return sp.Eq(xi, sol[xi]), sp.Eq(m_gl, sol[m_gl])


def eq8_with_printed_H() -> tuple[sp.Eq, sp.Eq]:
    """Eq. (8) with the printed definition H ≡ √(ħρ) c_t substituted: what the page literally says."""
    return tuple(sp.Eq(e.lhs, e.rhs.subs(H, H_printed.rhs)) for e in eq8_printed)  # type: ignore[return-value]


#: E_ξ = ħ c_t / ξ with ξ from Eq. (8).
def crossover_energy() -> sp.Expr:
    """The crossover energy E_ξ = ħ c_t/ξ, with ξ solved from Eqs. (6)-(7)."""
    return sp.simplify(hbar * c_t / solve_crossover()[xi])


# --- registries -------------------------------------------------------------------------------------------
def _printed() -> dict[str, tuple[sp.Eq, ...]]:
    return {
        "4": eq4_pairs(),
        "5": (eq5_ratio, sp.Eq(R / a_gl, 1 / (a_gl * n_gl ** sp.Rational(1, 3))), sp.Eq(a_gl, a_gl_printed)),
        "6": (eq6,),
        "7": (eq7,),
        "8": eq8_with_printed_H(),
        "H": (H_printed,),
    }


def _derived() -> dict[str, tuple[sp.Eq, ...]]:
    return {"8": eq8_derived(), "H": (H_derived,)}


def printed(name: str) -> tuple[sp.Eq, ...]:
    """The relations of equation ``name`` as printed (``"4"`` … ``"8"``, ``"H"``)."""
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


#: Human-readable names of the relations :func:`printed` and :func:`derived` know.
RELATION_NAMES = {"4": "Eq. (4), the three energies", "5": "Eq. (5) and the definition of a_gl",
                  "6": "Eq. (6)", "7": "Eq. (7)", "8": "Eq. (8) with H as printed",
                  "H": "H ≡ sqrt(hbar rho) c_t (printed)"}
DERIVED_NAMES = {"8": "Eq. (8) as solved from Eqs. (6)-(7)", "H": "H = sqrt(hbar rho c_t) (derived)"}


def dimension_report(names: tuple[str, ...] = ("4", "5", "6", "7", "8", "H")) -> list[dict[str, str]]:
    """Dimension verdicts of the printed relations ``names`` and of their derived forms, as table rows."""
    rows = []
    known = _derived()
    for name in names:
        v = dimension_check(printed(name))
        rows.append({"relation": RELATION_NAMES[name], "status": v.status, "detail": v.detail})
        if name in known:
            v = dimension_check(known[name])
            rows.append({"relation": DERIVED_NAMES[name], "status": v.status, "detail": v.detail})
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


_ = (DIMENSIONLESS, TEMPERATURE)  # re-exported dimensions used by later sections
