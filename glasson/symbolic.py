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


# --- Sections 3.1, 3.2, 4.1: symbols -------------------------------------------------------------------
x, y = sp.symbols("x y", positive=True)
_n = sp.Symbol("n", integer=True, positive=True)
T = sp.Symbol("T", **_pos)
kappa, C_ph, c_s, tau, omega = sp.symbols("kappa C_ph c_s tau omega", **_pos)
H_el = sp.Symbol("H_if", **_pos)          # matrix element |H_int| of Eq. (10)
delta_E = sp.Symbol("delta_E", **_pos)    # the delta function of energy of Eq. (10)
M_z, M_x = sp.symbols("M_z M_x", **_pos)  # couplings of Eq. (3): sqrt(omega) M is an energy
eps, eps1, eps2 = sp.symbols("epsilon epsilon_1 epsilon_2", real=True)
nu, nu0, alpha_dd, E_Q = sp.symbols("nu nu_0 alpha_dd E_Q", **_pos)
k_F, m_F, v_F, eps_F, p_F, E_F = sp.symbols("k_F m_F v_F epsilon_F p_F E_F", **_pos)
gamma_m = sp.Symbol("gamma_m", **_pos)    # C_v/T per unit mass
C_v = sp.Symbol("C_v", **_pos)            # C_v per unit mass
a = sp.Symbol("a", **_pos)
M_atom, lam, K_Fs, Q_inv, K_Qt, s_snd = sp.symbols("M_atom lambda K_Fs Q_inv K_Qt s", **_pos)
n_F = sp.Function("n_F")

DIMS.update({
    T: TEMPERATURE, kappa: ENERGY / (TIME * LENGTH * TEMPERATURE), C_ph: ENERGY / (LENGTH**3 * TEMPERATURE),
    c_s: VELOCITY, s_snd: VELOCITY, tau: TIME, omega: TIME**-1, H_el: ENERGY, delta_E: ENERGY**-1,
    M_z: ENERGY * TIME ** sp.Rational(1, 2), M_x: ENERGY * TIME ** sp.Rational(1, 2),
    eps: ENERGY, eps1: ENERGY, eps2: ENERGY, nu: 1 / (ENERGY * LENGTH**3), nu0: 1 / (ENERGY * LENGTH**3),
    alpha_dd: ENERGY * LENGTH**3, E_Q: ENERGY, k_F: LENGTH**-1, m_F: MASS, v_F: VELOCITY, eps_F: ENERGY,
    p_F: MASS * VELOCITY, E_F: ENERGY, gamma_m: ENERGY / (MASS * TEMPERATURE**2), C_v: ENERGY / (MASS * TEMPERATURE),
    a: LENGTH, M_atom: MASS, lam: ENERGY, K_Fs: DIMENSIONLESS, Q_inv: DIMENSIONLESS, K_Qt: DIMENSIONLESS,
})


# --- Bose and Fermi integrals, derived by series -----------------------------------------------------------
@cache
def bose_integral(k: int) -> sp.Expr:
    """∫₀^∞ x^k/(eˣ−1) dx, derived by expanding in e^{−nx} and summing: Γ(k+1) ζ(k+1).

    Examples
    --------
    >>> bose_integral(3)
    pi**4/15
    """
    return sp.simplify(sp.summation(sp.integrate(x**k * sp.exp(-_n * x), (x, 0, sp.oo)), (_n, 1, sp.oo)))


@cache
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
    replaced by :func:`bose_integral` and :func:`fermi_integral`."""
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


# --- Section 3.1 derivations ---------------------------------------------------------------------------------
@cache
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


@cache
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


@cache
def debye_heat_capacity() -> sp.Expr:
    """C_ph per volume of one linear branch of velocity c_s: (2π²/15) k_B⁴T³/(ħ³c_s³), derived.

    Examples
    --------
    >>> debye_heat_capacity()
    2*pi**2*T**3*k_B**4/(15*c_s**3*hbar**3)
    """
    U = (k_B * T) ** 4 / (2 * sp.pi**2 * c_s**3 * hbar**3) * bose_integral(3)
    return sp.simplify(sp.diff(U, T))


@cache
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
    """1 − 2 n_F(x) − tanh(x/2), which sympy reduces to 0 (Eq. 12)."""
    return sp.simplify((1 - 2 / (sp.exp(x) + 1) - sp.tanh(x / 2)).rewrite(sp.exp))


#: Integrands of the κ closed forms: phonon mode heat capacity × x-dependence of the scattering time
#: (1/tanh(x/2) = (eˣ+1)/(eˣ−1) by :func:`resonant_factor_identity`; kept in exponentials, cancelled).
_MODE_C = x**2 * sp.exp(x) / (sp.exp(x) - 1) ** 2
KAPPA_INTEGRANDS = {
    "resonant": sp.cancel(x * _MODE_C * (sp.exp(x) + 1) / (sp.exp(x) - 1)),
    "pair_net": _MODE_C,
    "pair_gross": sp.cancel(_MODE_C * (1 - 1 / sp.exp(x))),
}


@cache
def kappa_integrals() -> dict[str, sp.Expr]:
    """The dimensionless integrals of κ for each scattering branch, in closed form.

    Examples
    --------
    >>> kappa_integrals()["resonant"]
    pi**2
    """
    return {name: definite_thermal_integral(f) for name, f in KAPPA_INTEGRANDS.items()}


@cache
def kappa_closed_form(branch: str) -> sp.Expr:
    """κ of one phonon branch of velocity c_s, from the spectral form of Eq. (9), as a sympy expression.

    ``resonant``: τ⁻¹ = Q ω tanh(ħω/2k_BT) (coupling ``Q_inv``); ``pair_net``/``pair_gross``:
    τ⁻¹ = g ω I/ε_F with the coupling ``K_Fs`` standing for g.
    """
    w_T = k_B * T / hbar  # ω = x k_BT/ħ
    prefactor = k_B * c_s**2 / (3 * 2 * sp.pi**2 * c_s**3) * w_T**3  # (1/3) k_B c² ω²/(2π²c³) dω → x² dx
    if branch == "resonant":
        rate_over_x = Q_inv * w_T  # τ⁻¹ = Q ω tanh(x/2) = (Q k_BT/ħ) · x tanh(x/2)
    elif branch in ("pair_net", "pair_gross"):
        rate_over_x = K_Fs * w_T * hbar * w_T / eps_F  # g ω ħω/ε_F ∝ x² (net)
        prefactor = prefactor * 1  # x-dependence of the gross factor is in the integrand
    else:
        raise ValueError(f"unknown branch {branch!r}")
    if branch == "resonant":
        return sp.simplify(prefactor / rate_over_x * kappa_integrals()[branch])
    return sp.simplify(prefactor / rate_over_x * kappa_integrals()[branch])


# --- Section 4.1 derivations ---------------------------------------------------------------------------------
@cache
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
    """Derived m_F over the printed Eq. (17) (both with k_B = 1): 3^{1/3}."""
    derived_m = solve_fermi()[m_F].subs(k_B, 1)
    return sp.simplify(derived_m / eq17_printed.rhs)


def eq18_identity(mass: str = "eq8") -> sp.Expr:
    """E_F/E_ξ − (k_F ξ)² with E_F = ħ²k_F²/(2m): 0 when m is the mass of Eq. (8) (``mass="eq8"``)."""
    sol = solve_crossover()
    m = sol[m_gl] if mass == "eq8" else m_F
    E_F_expr = hbar**2 * k_F**2 / (2 * m)
    E_xi_expr = hbar * c_t / sol[xi]
    return sp.simplify(E_F_expr / E_xi_expr - (k_F * sol[xi]) ** 2)


# --- Section 3.2 derivations ---------------------------------------------------------------------------------
def K_Fs_forms() -> dict[str, sp.Expr]:
    """Both printed forms of K_F-s with λ² = ε_F M_atom c_t², ν of free fermions at ε_F and ρ = M_atom/a³.

    Returns ``{"first": ν λ²/(ρ c_t²), "second": λ²(k_F a)³/(ε_F M_atom c_t²), "ratio": second/first}``.

    Examples
    --------
    >>> K_Fs_forms()["ratio"]
    2*pi**2
    """
    nu_at_F = free_fermion_dos().subs(m_F, hbar**2 * k_F**2 / (2 * eps_F))
    lam2 = eps_F * M_atom * c_t**2
    first = sp.simplify((nu_at_F * lam2 / (rho * c_t**2)).subs(rho, M_atom / a**3))
    second = sp.simplify(lam2 * (k_F * a) ** 3 / (eps_F * M_atom * c_t**2))
    return {"first": first, "second": second, "ratio": sp.simplify(second / first)}


def K_Qt_from_eq14() -> sp.Expr:
    """K_Q,t of Eq. (15) implied by Eq. (14) with the first (definition) form of K_F-s: 1/(2π).

    Examples
    --------
    >>> K_Qt_from_eq14()
    1/(2*pi)
    """
    Q14 = sp.pi * K_Fs_forms()["first"] * c_t / v_F
    return sp.simplify(Q14 / ((k_F * a) ** 3 * c_t / v_F))


def nu0_printed_forms() -> dict[str, sp.Expr]:
    """The printed ν₀ = p_F m_F/ħ³ = ρC_v/(k_B T) of Sec. 3.1 over the derived ν (k_B = 1 in the second)."""
    nu_derived = free_fermion_dos()
    first = (hbar * k_F) * m_F / hbar**3
    c_per_volume = sommerfeld_heat_capacity().subs(nu, nu_derived) * T  # ρ C_v at temperature T
    second = c_per_volume / (k_B * T)
    return {"p_F m_F/hbar^3": sp.simplify(first / nu_derived),
            "rho C_v/(k_B T)": sp.simplify((second / nu_derived).subs(k_B, 1))}


# --- The standard tunnelling model (comparison chapter) --------------------------------------------------------
n0_tls = sp.Symbol("n_0", **_pos)


@cache
def stm_heat_capacity() -> sp.Expr:
    """C/T per volume of TLS with a flat density n₀: the Schottky term summed over E, derived: (π²/6) n₀ k_B².

    ∫₀^∞ dE k_B (E/2k_BT)² sech²(E/2k_BT); with y = E/k_BT and sech²(y/2) = −4 f'(y) (f the Fermi function),
    one integration by parts leaves 2∫ y f dy = 2 × :func:`fermi_integral` (1).

    Examples
    --------
    >>> stm_heat_capacity()
    pi**2*k_B**2*n_0/6
    """
    # ∫₀^∞ y²/4 · sech²(y/2) dy = ∫₀^∞ y² (−f'(y)) dy = 2 ∫₀^∞ y f(y) dy
    schottky_integral = 2 * fermi_integral(1)
    C = n0_tls * k_B * (k_B * T) * schottky_integral  # dE = k_BT dy
    return sp.simplify(C / T)


def stm_fermion_dos_ratio() -> sp.Expr:
    """n₀(TLS)/ν(fermions) for the same linear specific heat: 2 (a fermion level at ±E is a TLS of splitting E)."""
    return sp.simplify(sommerfeld_heat_capacity() / stm_heat_capacity() * n0_tls / nu)


@cache
def stm_time_dependence() -> tuple[sp.Expr, sp.Expr]:
    """∫_{u₀}^1 du/(u√(1−u²)) exactly and for u₀ → 0: the TLS that relax within t, u₀ = (τ_min/t)^{1/2}.

    Examples
    --------
    >>> stm_time_dependence()[1] == sp.log(2) - sp.log(sp.Symbol("u_0", positive=True))
    True
    """
    u, u0 = sp.symbols("u u_0", positive=True)
    antiderivative = sp.log(u) - sp.log(1 + sp.sqrt(1 - u**2))
    assert sp.simplify(sp.diff(antiderivative, u) - 1 / (u * sp.sqrt(1 - u**2))) == 0
    exact = sp.simplify(antiderivative.subs(u, 1) - antiderivative.subs(u, u0))
    leading = sp.expand_log(sp.limit(exact + sp.log(u0), u0, 0) - sp.log(u0), force=True)
    return exact, leading


@cache
def stm_relaxation_kernel() -> tuple[sp.Expr, sp.Expr]:
    """The antiderivative behind :func:`glasson.tunneling.relaxation_kernels`, checked by differentiation.

    Returns F(s) with dF/ds = √(1−s)/(s−z), and F(1) − F(0) = −2 + b ln((b+1)/(b−1)), b = √(1−z).
    """
    s_, z = sp.symbols("s z")
    q = sp.sqrt(1 - s_)
    b = sp.sqrt(1 - z)
    F = 2 * q - b * sp.log((b + q) / (b - q))  # with q = √(1−s): ∫ −2q² dq/(b² − q²)
    assert sp.simplify(sp.diff(F, s_) - q / (s_ - z)) == 0
    definite = sp.simplify(F.subs(s_, 1) - F.subs(s_, 0))
    return F, definite


def stm_plateau() -> sp.Expr:
    """The relaxation plateau for ωτ_min → 0: Q⁻¹/C = 2 × (π/4) × ∫₀^∞ sech² x dx = π/2.

    Examples
    --------
    >>> stm_plateau()
    pi/2
    """
    a, t = sp.symbols("a t", positive=True)
    # I(a) = ∫₀¹ a t²/((1−t²)² + a²) dt; as a → 0 only t → 1 contributes: with 1 − t² = a w, I → ½∫₀^∞ dw/(1+w²)
    w = sp.Symbol("w", positive=True)
    I0 = sp.integrate(1 / (2 * (1 + w**2)), (w, 0, sp.oo))
    sech_integral = sp.integrate(1 / sp.cosh(x) ** 2, (x, 0, sp.oo))
    return sp.simplify(2 * I0 * sech_integral)


# --- registries -------------------------------------------------------------------------------------------
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
            "16": (sp.Eq(k_F, sol[k_F]),), "17": (sp.Eq(m_F, sol[m_F]),)}


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
                  "H": "H ≡ sqrt(hbar rho) c_t (printed)",
                  "9": "Eq. (9), kinetic formula", "10": "Eq. (10), Fermi golden rule",
                  "11": "Eq. (11), pair scattering rate", "12": "Eq. (12), resonant scattering rate",
                  "13": "Eq. (13), dipolar correction of the DOS", "nu0": "nu_0 = p_F m_F/hbar^3 = rho C_v/(k_B T)",
                  "14": "Eq. (14) and K_F-s (both forms), lambda^2 = eps_F M c^2",
                  "lambda": "lambda = M^x sqrt(c_t) (definition below Eq. 14)",
                  "15": "Eq. (15)", "16": "Eq. (16) as printed", "17": "Eq. (17) as printed", "18": "Eq. (18)"}
DERIVED_NAMES = {"8": "Eq. (8) as solved from Eqs. (6)-(7)", "H": "H = sqrt(hbar rho c_t) (derived)",
                 "16": "Eq. (16) derived (k_B restored)", "17": "Eq. (17) derived (k_B restored)"}


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
