"""Elastic inputs: sound velocities from Young's modulus and Poisson's ratio, and the Debye T³ law, by sympy."""

from __future__ import annotations

import sympy as sp

from glasson.symbolic._cache import derivation
from glasson.symbolic._symbols import T, a, c_t, hbar, k_B, rho

__all__ = ["elastic_velocities", "debye_identity"]

c_l_sym = sp.Symbol("c_l", positive=True)


@derivation
def elastic_velocities() -> dict[str, sp.Expr]:
    """c_t and c_l of an isotropic solid from E and ν, derived by solving for the Lamé constants.

    The definitions E = μ(3λ + 2μ)/(λ + μ) and ν = λ/2(λ + μ) are solved by sympy for λ and μ; then
    c_t² = μ/ρ and c_l² = (λ + 2μ)/ρ.

    Examples
    --------
    >>> v = elastic_velocities()
    >>> v["c_t"]
    sqrt(2)*sqrt(E)/(2*sqrt(rho)*sqrt(nu + 1))
    """
    E, nu = sp.symbols("E nu", positive=True)
    lam, mu = sp.symbols("lambda_L mu", positive=True)
    solutions = sp.solve([sp.Eq(E, mu * (3 * lam + 2 * mu) / (lam + mu)), sp.Eq(nu, lam / (2 * (lam + mu)))],
                         [lam, mu], dict=True)
    if len(solutions) != 1:
        raise RuntimeError(f"expected one solution for the Lamé constants, got {solutions}")
    sol = solutions[0]
    return {"lambda": sp.simplify(sol[lam]), "mu": sp.simplify(sol[mu]),
            "c_t": sp.simplify(sp.sqrt(sol[mu] / rho)), "c_l": sp.simplify(sp.sqrt((sol[lam] + 2 * sol[mu]) / rho))}


def debye_identity() -> sp.Expr:
    """(12π⁴/5) n k_B (T/Θ_D)³ minus (2π²/15) k_B⁴T³/ħ³ (2/c_t³ + 1/c_l³), with n = 1/a³ and the Θ_D of
    :func:`glasson.formulas.elastic.debye_temperature`: sympy reduces it to 0 (the low-T Debye law needs only velocities).

    Examples
    --------
    >>> debye_identity()
    0
    """
    c_D = (3 / (2 / c_t**3 + 1 / c_l_sym**3)) ** sp.Rational(1, 3)
    theta = hbar * c_D / k_B * (6 * sp.pi**2 / a**3) ** sp.Rational(1, 3)
    from_theta = sp.Rational(12, 5) * sp.pi**4 / a**3 * k_B * (T / theta) ** 3
    from_velocities = 2 * sp.pi**2 / 15 * k_B**4 * T**3 / hbar**3 * (2 / c_t**3 + 1 / c_l_sym**3)
    return sp.simplify(from_theta - from_velocities)
