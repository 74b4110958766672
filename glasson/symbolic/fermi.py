"""Section 4.1 (Eqs. 16–18) and the densities of states: the free-fermion ν, Eqs. (16)–(17) solved by sympy,
Eq. (18) as an identity, and the paper's ν₀ against the free-fermion ν."""

from __future__ import annotations

import sympy as sp

from glasson.symbolic._cache import derivation
from glasson.symbolic._symbols import T, c_t, eps_F, gamma_m, hbar, k_B, k_F, m_F, m_gl, nu, rho, xi
from glasson.symbolic.scales import solve_crossover
from glasson.symbolic.thermal import sommerfeld_heat_capacity

__all__ = ["free_fermion_dos", "solve_fermi", "eq16_printed", "eq17_printed", "eq17_coefficient_ratio",
           "eq18_identity", "nu0_printed_forms"]


@derivation
def free_fermion_dos() -> sp.Expr:
    """ν(ε_F) per volume of free spin-1/2 fermions, from n(k) = 2·(4π k³/3)/(2π)³ and ε = ħ²k²/(2m).

    Examples
    --------
    >>> free_fermion_dos()
    k_F*m_F/(pi**2*hbar**2)
    """
    e = sp.Symbol("e", positive=True)
    k_of_e = sp.sqrt(2 * m_F * e) / hbar
    density = 2 * (sp.Rational(4, 3) * sp.pi * k_of_e**3) / (2 * sp.pi) ** 3
    dos = sp.diff(density, e).subs(e, hbar**2 * k_F**2 / (2 * m_F))
    return sp.simplify(dos)


@derivation
def solve_fermi() -> dict[sp.Symbol, sp.Expr]:
    """k_F and m_F from ε_F = ħ²k_F²/(2m_F) and ρ C_v/T = (π²/3) ν(k_F, m_F) k_B², solved by sympy.

    Examples
    --------
    >>> sp.simplify(solve_fermi()[k_F]**3 - 6 * eps_F * rho * gamma_m / k_B**2)
    0
    """
    nu_expr = free_fermion_dos()
    gamma_V = sommerfeld_heat_capacity().subs(nu, nu_expr)
    eqs = [sp.Eq(eps_F, hbar**2 * k_F**2 / (2 * m_F)), sp.Eq(rho * gamma_m, gamma_V)]
    solutions = sp.solve(eqs, [k_F, m_F], dict=True)
    if len(solutions) != 1:
        raise RuntimeError(f"expected one positive solution, got {solutions}")
    return {k: sp.simplify(v) for k, v in solutions[0].items()}


#: Eqs. (16) and (17) as printed (k_B = 1 in the paper).
eq16_printed = sp.Eq(k_F, (6 * eps_F * (rho * gamma_m)) ** sp.Rational(1, 3))
eq17_printed = sp.Eq(m_F, hbar**2 * (sp.Rational(3, 2) / eps_F * (rho * gamma_m) ** 2) ** sp.Rational(1, 3))


def eq17_coefficient_ratio() -> sp.Expr:
    """Derived m_F over the printed Eq. (17) (both with k_B = 1): 3^{1/3}.

    Examples
    --------
    >>> eq17_coefficient_ratio()
    3**(1/3)
    """
    derived_m = solve_fermi()[m_F].subs(k_B, 1)
    return sp.simplify(derived_m / eq17_printed.rhs)


def eq18_identity(mass: str = "eq8") -> sp.Expr:
    """E_F/E_ξ − (k_F ξ)² with E_F = ħ²k_F²/(2m): 0 when m is the mass of Eq. (8) (``mass="eq8"``)."""
    sol = solve_crossover()
    m = sol[m_gl] if mass == "eq8" else m_F
    E_F_expr = hbar**2 * k_F**2 / (2 * m)
    E_xi_expr = hbar * c_t / sol[xi]
    return sp.simplify(E_F_expr / E_xi_expr - (k_F * sol[xi]) ** 2)


def nu0_printed_forms() -> dict[str, sp.Expr]:
    """The printed ν₀ = p_F m_F/ħ³ = ρC_v/(k_B T) of Sec. 3.1 over the derived ν (k_B = 1 in the second).

    Keys are ``"p_F m_F/hbar^3"`` and ``"rho C_v/(k_B T)"``; the values are π² and π²/3.
    """
    nu_derived = free_fermion_dos()
    first = (hbar * k_F) * m_F / hbar**3
    c_per_volume = sommerfeld_heat_capacity().subs(nu, nu_derived) * T  # ρ C_v at temperature T
    second = c_per_volume / (k_B * T)
    return {"p_F m_F/hbar^3": sp.simplify(first / nu_derived),
            "rho C_v/(k_B T)": sp.simplify((second / nu_derived).subs(k_B, 1))}
