"""Bose and Fermi integrals derived by series, and definite thermal integrals built on them."""

from __future__ import annotations

import sympy as sp

from glasson.symbolic._cache import derivation
from glasson.symbolic._symbols import x

__all__ = ["bose_integral", "fermi_integral", "definite_thermal_integral"]

_n = sp.Symbol("n", integer=True, positive=True)


@derivation
def bose_integral(k: int) -> sp.Expr:
    """∫₀^∞ x^k/(eˣ−1) dx, derived by expanding in e^{−nx} and summing: Γ(k+1) ζ(k+1).

    Examples
    --------
    >>> bose_integral(3)
    pi**4/15
    """
    return sp.simplify(sp.summation(sp.integrate(x**k * sp.exp(-_n * x), (x, 0, sp.oo)), (_n, 1, sp.oo)))


@derivation
def fermi_integral(k: int) -> sp.Expr:
    """∫₀^∞ x^k/(eˣ+1) dx, derived by the alternating series: Γ(k+1) η(k+1).

    Examples
    --------
    >>> fermi_integral(1)
    pi**2/12
    """
    return sp.simplify(sp.summation((-1) ** (_n + 1) * sp.integrate(x**k * sp.exp(-_n * x), (x, 0, sp.oo)),
                                    (_n, 1, sp.oo)))


def definite_thermal_integral(f: sp.Expr) -> sp.Expr:
    """∫₀^∞ f(x) dx: sympy integrates by parts where it can, and the Bose/Fermi integrals it leaves are
    replaced by :func:`glasson.symbolic.integrals.bose_integral` and :func:`glasson.symbolic.integrals.fermi_integral`."""
    result = sp.integrate(f, (x, 0, sp.oo))

    def evaluate(integral: sp.Integral) -> sp.Expr:
        num, den = sp.fraction(sp.together(integral.function))
        k = sp.degree(num, x)
        if num != x**k:
            raise ValueError(f"cannot evaluate {integral}")
        if sp.simplify(den - (sp.exp(x) - 1)) == 0:
            return bose_integral(k)
        if sp.simplify(den - (sp.exp(x) + 1)) == 0:
            return fermi_integral(k)
        raise ValueError(f"cannot evaluate {integral}")

    return sp.simplify(result.replace(lambda e: isinstance(e, sp.Integral), evaluate))
