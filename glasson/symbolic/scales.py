"""Section 2.2 (Eqs. 4–8): the three energies, the single crossover length, and Eq. (8) solved by sympy."""

from __future__ import annotations

import sympy as sp

from glasson.symbolic._cache import derivation
from glasson.symbolic._symbols import H, Lambda, R, a_gl, c_t, hbar, m_gl, rho, xi

__all__ = ["E_s", "E_kin", "E_dd", "eq4_pairs", "eq4_ratios", "a_gl_printed", "eq5_ratio", "eq6", "eq7", "solve_crossover",
           "H_printed", "H_derived", "eq8_printed", "eq8_derived", "eq8_with_printed_H", "crossover_energy"]

#: The three energies of Eq. (4): phonon, kinetic localisation, elastic dipole.
E_s = hbar * c_t / R
E_kin = hbar**2 / (2 * m_gl * R**2)
E_dd = Lambda**2 / (rho * c_t**2 * R**3)


def eq4_pairs() -> tuple[sp.Eq, sp.Eq]:
    """The two comparisons of Eq. (4), E_s ≫ E_kin ≫ E_dd, as equalities for dimension checks."""
    return sp.Eq(E_s, E_kin), sp.Eq(E_kin, E_dd)


#: Eq. (5) as printed: E_kin/E_dd = R/a_gl = 1/(a_gl n^{1/3}), with a_gl = 2Λ²m/(ħ²ρc_t²).
a_gl_printed = 2 * Lambda**2 * m_gl / (hbar**2 * rho * c_t**2)
#: Eq. (5): the ratio of the kinetic to the dipolar energy is R/a_gl (sympy checks it with :data:`a_gl_printed`).
eq5_ratio = sp.Eq(E_kin / E_dd, R / a_gl)

#: Eqs. (6)–(7): a single crossover length.
eq6 = sp.Eq(hbar * c_t / xi, hbar**2 / (2 * m_gl * xi**2))
eq7 = sp.Eq(hbar * c_t / xi, Lambda**2 / (rho * c_t**2 * xi**3))


@derivation
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


#: The definition of H as printed, H ≡ √(ħρ) c_t, and as Eqs. (6)–(7) require, H = √(ħρc_t).
H_printed = sp.Eq(H, sp.sqrt(hbar * rho) * c_t)
H_derived = sp.Eq(H, sp.sqrt(hbar * rho * c_t))
#: Eq. (8) as printed, in terms of H.
eq8_printed = (sp.Eq(xi, Lambda / (c_t * H)), sp.Eq(m_gl, hbar * H / (2 * Lambda)))


def eq8_derived() -> tuple[sp.Eq, sp.Eq]:
    """Eq. (8) as solved from Eqs. (6)–(7), written out in Λ, ρ, c_t, ħ."""
    sol = solve_crossover()
    return sp.Eq(xi, sol[xi]), sp.Eq(m_gl, sol[m_gl])


def eq8_with_printed_H() -> tuple[sp.Eq, sp.Eq]:
    """Eq. (8) with the printed definition H ≡ √(ħρ) c_t substituted: what the page literally says."""
    first, second = (sp.Eq(e.lhs, e.rhs.subs(H, H_printed.rhs)) for e in eq8_printed)
    return first, second


def eq4_ratios() -> dict[str, sp.Expr]:
    """The ratios E_s/E_kin and E_kin/E_dd of Eq. (4) with the mass of Eq. (8), in units of R/ξ: both 1.

    So the hierarchy E_s ≫ E_kin ≫ E_dd holds exactly when R ≫ ξ, by the same factor R/ξ (derived).

    Examples
    --------
    >>> eq4_ratios()
    {'E_s/E_kin': 1, 'E_kin/E_dd': 1}
    """
    sol = solve_crossover()
    scale = R / sol[xi]
    return {"E_s/E_kin": sp.simplify((E_s / E_kin).subs(m_gl, sol[m_gl]) / scale),
            "E_kin/E_dd": sp.simplify((E_kin / E_dd).subs(m_gl, sol[m_gl]) / scale)}


def crossover_energy() -> sp.Expr:
    """The crossover energy E_ξ = ħ c_t/ξ, with ξ solved from Eqs. (6)–(7)."""
    return sp.simplify(hbar * c_t / solve_crossover()[xi])
