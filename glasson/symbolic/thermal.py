"""Section 3.1 (Eqs. 9–13): the Sommerfeld and Debye heat capacities, the fermion integrals of Eqs. (11)–(12),
κ in closed form, and the local exponents of Eq. (13), derived by sympy."""

from __future__ import annotations

import sympy as sp

from glasson.symbolic._cache import derivation
from glasson.symbolic._symbols import (
    K_Fs,
    L_log,
    Lambda,
    Q_inv,
    T,
    alpha_dd,
    c_s,
    c_t,
    eps_F,
    gamma_m,
    hbar,
    k_B,
    nu,
    rho,
    u_dd,
    x,
    y,
)
from glasson.symbolic.integrals import bose_integral, definite_thermal_integral, fermi_integral

__all__ = ["sommerfeld_heat_capacity", "debye_heat_capacity", "pair_integral", "resonant_factor_identity",
           "KAPPA_INTEGRANDS", "kappa_integrals", "kappa_closed_form", "eq13_density_of_states",
           "eq13_local_exponents", "dipolar_coupling_estimate"]


@derivation
def sommerfeld_heat_capacity() -> sp.Expr:
    """C/T per volume from a constant density of states ν near ε_F: (π²/3) ν k_B², derived.

    The thermal energy is U(T) − U(0) = ν (k_BT)² · 2∫₀^∞ x/(eˣ+1) dx (particles above and holes below ε_F).

    Examples
    --------
    >>> sommerfeld_heat_capacity()
    pi**2*k_B**2*nu/3
    """
    U = nu * (k_B * T) ** 2 * 2 * fermi_integral(1)
    return sp.simplify(sp.diff(U, T) / T)


@derivation
def debye_heat_capacity() -> sp.Expr:
    """C_ph per volume of one linear branch of velocity c_s: (2π²/15) k_B⁴T³/(ħ³c_s³), derived.

    Examples
    --------
    >>> debye_heat_capacity()
    2*pi**2*T**3*k_B**4/(15*c_s**3*hbar**3)
    """
    U = (k_B * T) ** 4 / (2 * sp.pi**2 * c_s**3 * hbar**3) * bose_integral(3)
    return sp.simplify(sp.diff(U, T))


@derivation
def pair_integral(net: bool = False) -> sp.Expr:
    """The fermion-pair integral of Eq. (11) in units of k_BT, as a function of y = ħω/k_BT, derived.

    ``net=False``: ∫ (1 − f(x)) f(x − y) dx, by u = eˣ and partial fractions: y/(1 − e^{−y}).
    ``net=True``: absorption minus stimulated emission, ∫ [f(x − y) − f(x)] dx = y.

    Examples
    --------
    >>> pair_integral(net=True)
    y
    """
    u, U, L = sp.symbols("u U L", positive=True)
    if net:
        anti = sp.integrate(1 / (sp.exp(x) + 1), x)
        window = (anti.subs(x, L - y) - anti.subs(x, -L - y)) - (anti.subs(x, L) - anti.subs(x, -L))
        return sp.simplify(sp.limit(window, L, sp.oo))
    # (1 − f(x)) f(x − y) dx with u = eˣ, dx = du/u: 1/((u + 1)(e^{−y} u + 1)) du
    integrand = sp.apart(1 / ((u + 1) * (sp.exp(-y) * u + 1)), u)
    return sp.simplify(sp.limit(sp.integrate(integrand, (u, 0, U)), U, sp.oo))


def resonant_factor_identity() -> sp.Expr:
    """1 − 2 n_F(x) − tanh(x/2), which sympy reduces to 0 (Eq. 12).

    Examples
    --------
    >>> resonant_factor_identity()
    0
    """
    return sp.simplify((1 - 2 / (sp.exp(x) + 1) - sp.tanh(x / 2)).rewrite(sp.exp))


#: Integrands of the κ closed forms: phonon mode heat capacity × x-dependence of the scattering time
#: (1/tanh(x/2) = (eˣ+1)/(eˣ−1) by :func:`resonant_factor_identity`; kept in exponentials, cancelled).
_MODE_C = x**2 * sp.exp(x) / (sp.exp(x) - 1) ** 2
KAPPA_INTEGRANDS = {
    "resonant": sp.cancel(x * _MODE_C * (sp.exp(x) + 1) / (sp.exp(x) - 1)),
    "pair_net": _MODE_C,
    "pair_gross": sp.cancel(_MODE_C * (1 - 1 / sp.exp(x))),
}


@derivation
def kappa_integrals() -> dict[str, sp.Expr]:
    """The dimensionless integrals of κ for each scattering branch, in closed form.

    Examples
    --------
    >>> kappa_integrals()["resonant"]
    pi**2
    """
    return {name: definite_thermal_integral(f) for name, f in KAPPA_INTEGRANDS.items()}


@derivation
def kappa_closed_form(branch: str) -> sp.Expr:
    """κ of one phonon branch of velocity c_s, from the spectral form of Eq. (9), as a sympy expression.

    ``resonant``: τ⁻¹ = Q⁻¹ ω tanh(ħω/2k_BT) (coupling ``Q_inv``); ``pair_net``/``pair_gross``:
    τ⁻¹ = g ω I/ε_F with the coupling ``K_Fs`` standing for g.
    """
    w_T = k_B * T / hbar  # ω = x k_BT/ħ
    prefactor = k_B * c_s**2 / (3 * 2 * sp.pi**2 * c_s**3) * w_T**3  # (1/3) k_B c² ω²/(2π²c³) dω → x² dx
    if branch == "resonant":
        rate_over_x = Q_inv * w_T  # τ⁻¹ = Q ω tanh(x/2) = (Q k_BT/ħ) · x tanh(x/2)
    elif branch in ("pair_net", "pair_gross"):
        rate_over_x = K_Fs * w_T * hbar * w_T / eps_F  # g ω ħω/ε_F ∝ x² (net)
    else:
        raise ValueError(f"unknown branch {branch!r}")
    return sp.simplify(prefactor / rate_over_x * kappa_integrals()[branch])


# --- Eq. (13) ------------------------------------------------------------------------------------------------
def eq13_density_of_states() -> sp.Expr:
    """Eq. (13) with ε ∼ k_BT, ln(E_Q/k_BT) = L and u = ν₀α_d-d: ν/ν₀ = 1/(1 + uL)."""
    return 1 / (1 + u_dd * L_log)


@derivation
def eq13_local_exponents() -> dict[str, sp.Expr]:
    """The local exponents d ln C/d ln T and d ln κ/d ln T that Eq. (13) produces, derived by sympy.

    Assumptions (the paper's own, Sec. 3.1): the energy in Eq. (13) is the thermal one, ε ∼ k_BT, so that
    ν(T)/ν₀ = 1/(1 + uL) with L = ln(T_Q/T) and u = ν₀α_d-d; the glasson heat capacity is C ∝ ν(T) T (the number
    of thermally excited fermions); phonons are scattered by n_F(T) ∝ ν(T) T glassons, so l ∝ 1/(ν(T) T) and
    κ ∝ C_ph c l ∝ T³/(ν(T) T). Writing T = T_Q e^{−L}, d/d ln T = −d/dL.

    Returns ``{"C": 1 + u/(1+uL), "kappa": 2 − u/(1+uL), "alpha": u/(1+uL), "alpha_log_regime": 1/L,
    "alpha_weak_coupling": u}``: the last two are the limits u → ∞ (the logarithmic regime uL ≫ 1) and
    u → 0 (weak coupling, to first order).

    Examples
    --------
    >>> e = eq13_local_exponents()
    >>> e["alpha"], e["alpha_log_regime"], e["alpha_weak_coupling"]
    (u/(L*u + 1), 1/L, u)
    """
    T_Q = sp.Symbol("T_Q", positive=True)
    temperature = T_Q * sp.exp(-L_log)
    ratio = eq13_density_of_states()

    def exponent(f: sp.Expr) -> sp.Expr:
        return sp.simplify(-sp.diff(sp.log(f), L_log))

    alpha = sp.simplify(exponent(ratio * temperature) - 1)
    kappa_exp = exponent(temperature**3 / (ratio * temperature))
    if sp.simplify(kappa_exp - (2 - alpha)) != 0:
        raise RuntimeError("the exponents of C and kappa are not 1 + alpha and 2 - alpha")
    return {"C": 1 + alpha, "kappa": 2 - alpha, "alpha": alpha,
            "alpha_log_regime": sp.limit(alpha, u_dd, sp.oo),
            "alpha_weak_coupling": sp.series(alpha, u_dd, 0, 2).removeO()}


def dipolar_coupling_estimate() -> dict[str, sp.Expr]:
    """u = ν₀ α_d-d from the paper's own numbers: α_d-d from the dipole energy of Sec. 2.2, ν₀ from C/T.

    The dipole energy of two blobs, E = Λ²/(ρc_t²R³) (Eq. 4), is α_d-d/R³ with α_d-d = Λ²/(ρc_t²) (solved by
    sympy); the paper's ν₀ = ρC_v/(k_BT) (Sec. 3.1, second printed form) is, with k_B restored and C_v/T per
    unit mass, ν₀ = ρ(C_v/T)/k_B². Their product does not depend on ρ.

    Examples
    --------
    >>> dipolar_coupling_estimate()["u"]
    Lambda**2*{\\left(C_v/T\\right)}/(c_t**2*k_B**2)
    """
    R = sp.Symbol("R", positive=True)
    alpha = sp.solve(sp.Eq(alpha_dd / R**3, Lambda**2 / (rho * c_t**2 * R**3)), alpha_dd)[0]
    nu_paper = rho * gamma_m / k_B**2
    return {"alpha_dd": alpha, "nu0": nu_paper, "u": sp.simplify(nu_paper * alpha)}

