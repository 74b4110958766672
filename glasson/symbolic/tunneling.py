"""The standard tunnelling model (comparison chapter): heat capacity, time dependence, relaxation kernels."""

from __future__ import annotations

import sympy as sp

from glasson.symbolic._cache import derivation
from glasson.symbolic._symbols import T, k_B, n0_tls, nu, x
from glasson.symbolic.integrals import fermi_integral
from glasson.symbolic.thermal import sommerfeld_heat_capacity

__all__ = ["stm_heat_capacity", "stm_fermion_dos_ratio", "stm_time_dependence", "stm_relaxed_fraction",
           "stm_relaxation_kernel", "stm_plateau"]


@derivation
def stm_heat_capacity() -> sp.Expr:
    """C/T per volume of TLS with a flat density n₀: the Schottky term summed over E, derived: (π²/6) n₀ k_B².

    ∫₀^∞ dE k_B (E/2k_BT)² sech²(E/2k_BT); with y = E/k_BT and sech²(y/2) = −4 f'(y) (f the Fermi function),
    one integration by parts leaves 2∫ y f dy = 2 × :func:`glasson.symbolic.integrals.fermi_integral` (1).

    Examples
    --------
    >>> stm_heat_capacity()
    pi**2*k_B**2*n_0/6
    """
    schottky_integral = 2 * fermi_integral(1)  # ∫₀^∞ y²/4 · sech²(y/2) dy = 2 ∫₀^∞ y f(y) dy
    C = n0_tls * k_B * (k_B * T) * schottky_integral  # dE = k_BT dy
    return sp.simplify(C / T)


def stm_fermion_dos_ratio() -> sp.Expr:
    """n₀(TLS)/ν(fermions) for the same linear specific heat: 2 (a fermion level at ±E is a TLS of splitting E).

    Examples
    --------
    >>> stm_fermion_dos_ratio()
    2
    """
    return sp.simplify(sommerfeld_heat_capacity() / stm_heat_capacity() * n0_tls / nu)


@derivation
def stm_time_dependence() -> tuple[sp.Expr, sp.Expr]:
    """∫_{u₀}^1 du/(u√(1−u²)) exactly and for u₀ → 0: the TLS that relax within t, u₀ = (τ_min/t)^{1/2}.

    Examples
    --------
    >>> stm_time_dependence()[1] == sp.log(2) - sp.log(sp.Symbol("u_0", positive=True))
    True
    """
    u, u0 = sp.symbols("u u_0", positive=True)
    antiderivative = sp.log(u) - sp.log(1 + sp.sqrt(1 - u**2))
    if sp.simplify(sp.diff(antiderivative, u) - 1 / (u * sp.sqrt(1 - u**2))) != 0:
        raise RuntimeError("wrong antiderivative")
    exact = sp.simplify(antiderivative.subs(u, 1) - antiderivative.subs(u, u0))
    leading = sp.expand_log(sp.limit(exact + sp.log(u0), u0, 0) - sp.log(u0), force=True)
    return exact, leading


@derivation
def stm_relaxed_fraction() -> dict[str, sp.Expr]:
    """The exact u-integral of the time-dependent heat capacity, I(a) = ∫₀¹ (1 − e^{−a u²}) du/(u√(1−u²)).

    TLS of energy E and u = Δ₀/E relax in τ = τ_min(E)/u²; measured at a time t, each contributes the fraction
    1 − e^{−t/τ} of its heat capacity, so the distribution P̄/(u√(1−u²)) gives P̄ I(t/τ_min). Sympy shows that
    dI/da = F(√a)/√a with F the Dawson function (after the substitution v = √(1 − u²), done by hand and checked
    here), so I(a) = 2∫₀^{√a} F(s) ds; for a → 0, I ≈ a. The leading-log form used before,
    I ≈ ln(4a)/2 (:func:`stm_time_dependence`), is the large-a limit up to the constant γ/2.

    Returns dI/da, the Dawson form, the two checks (both 0) and the small-a limit.

    Examples
    --------
    >>> r = stm_relaxed_fraction()
    >>> r["dawson_check"], r["small_a"]
    (0, a)
    """
    a, u, v = sp.symbols("a u v", positive=True)
    integrand = (1 - sp.exp(-a * u**2)) / (u * sp.sqrt(1 - u**2))
    d_integrand = sp.diff(integrand, a)                                   # u e^{−au²}/√(1−u²)
    # u = √(1 − v²) maps u ∈ (0, 1) onto v ∈ (1, 0): the integrand times du/dv is −e^{−a(1−v²)}
    u_of_v = sp.sqrt(1 - v**2)
    substitution_check = sp.simplify(d_integrand.subs(u, u_of_v) * sp.diff(u_of_v, v) + sp.exp(-a * (1 - v**2)))
    anti = sp.integrate(sp.exp(a * v**2), v)                              # √π erfi(√a v)/(2√a)
    dI_da = sp.simplify(sp.exp(-a) * (anti.subs(v, 1) - anti.subs(v, 0)))
    dawson = sp.sqrt(sp.pi) / 2 * sp.exp(-a) * sp.erfi(sp.sqrt(a))       # F(√a)
    return {"dI_da": dI_da, "dawson_form": dawson / sp.sqrt(a),
            "dawson_check": sp.simplify(dI_da - dawson / sp.sqrt(a)),
            "substitution_check": substitution_check,
            "small_a": sp.integrate(sp.series(integrand, a, 0, 2).removeO(), (u, 0, 1))}


@derivation
def stm_relaxation_kernel() -> tuple[sp.Expr, sp.Expr]:
    """The antiderivative behind :func:`glasson.formulas.tunneling_acoustics.relaxation_kernels`, checked by differentiation.

    Returns F(s) with dF/ds = √(1−s)/(s−z), and F(1) − F(0) = −2 + b ln((b+1)/(b−1)), b = √(1−z).
    """
    s_, z = sp.symbols("s z")
    q = sp.sqrt(1 - s_)
    b = sp.sqrt(1 - z)
    F = 2 * q - b * sp.log((b + q) / (b - q))  # with q = √(1−s): ∫ −2q² dq/(b² − q²)
    if sp.simplify(sp.diff(F, s_) - q / (s_ - z)) != 0:
        raise RuntimeError("wrong antiderivative")
    definite = sp.simplify(F.subs(s_, 1) - F.subs(s_, 0))
    return F, definite


def stm_plateau() -> sp.Expr:
    """The relaxation plateau for ωτ_min → 0: Q⁻¹/C = 2 × (π/4) × ∫₀^∞ sech² x dx = π/2.

    Examples
    --------
    >>> stm_plateau()
    pi/2
    """
    # I(a) = ∫₀¹ a t²/((1−t²)² + a²) dt; as a → 0 only t → 1 contributes: with 1 − t² = a w, I → ½∫₀^∞ dw/(1+w²)
    w = sp.Symbol("w", positive=True)
    I0 = sp.integrate(1 / (2 * (1 + w**2)), (w, 0, sp.oo))
    sech_integral = sp.integrate(1 / sp.cosh(x) ** 2, (x, 0, sp.oo))
    return sp.simplify(2 * I0 * sech_integral)
