"""The sympy derivations added to Eqs. 4, 13, 14-15 and the STM: each result, its limits, and its numeric twin.

Each derivation is pinned to the result its stated assumptions give; the companion tests change one assumption
and show that the result changes (so a test here fails if an assumption in the code is changed).
"""

import math

import numpy as np
import pytest
import sympy as sp
from scipy import special

from glasson import symbolic as S
from glasson.core import constants as c
from glasson.formulas import acoustics, dipolar, scattering, tunneling


def test_eq4_ratios_are_both_R_over_xi():
    assert S.eq4_ratios() == {"E_s/E_kin": 1, "E_kin/E_dd": 1}


# --- Eq. 13 ----------------------------------------------------------------------------------------------------
def test_eq13_local_exponents():
    e = S.eq13_local_exponents()
    u, L = S.u_dd, S.L_log
    assert sp.simplify(e["alpha"] - u / (1 + u * L)) == 0
    assert sp.simplify(e["C"] - (1 + u / (1 + u * L))) == 0
    assert sp.simplify(e["kappa"] - (2 - u / (1 + u * L))) == 0
    assert e["alpha_log_regime"] == 1 / L and e["alpha_weak_coupling"] == u


def test_eq13_exponents_match_the_numeric_functions():
    e = S.eq13_local_exponents()
    f = sp.lambdify((S.u_dd, S.L_log), e["C"])
    T, T_Q, u = 0.02, 1.0, 0.3
    assert dipolar.heat_capacity_exponent(T, u, T_Q) == pytest.approx(f(u, math.log(T_Q / T)), rel=1e-14)
    g = sp.lambdify((S.u_dd, S.L_log), e["kappa"])
    assert dipolar.kappa_exponent(T, u, T_Q) == pytest.approx(g(u, math.log(T_Q / T)), rel=1e-14)


def test_eq13_exponent_changes_with_the_assumed_heat_capacity():
    """With C ∝ ν(T) T² (not the paper's C ∝ ν T) the exponent would be 2 + α: the derivation depends on it."""
    T_Q = sp.Symbol("T_Q", positive=True)
    T = T_Q * sp.exp(-S.L_log)
    C_other = S.eq13_density_of_states() * T**2
    assert sp.simplify(-sp.diff(sp.log(C_other), S.L_log) - S.eq13_local_exponents()["C"]) == 1


def test_dipolar_coupling_estimate_and_its_twin():
    est = S.dipolar_coupling_estimate()
    assert sp.simplify(est["alpha_dd"] - S.Lambda**2 / (S.rho * S.c_t**2)) == 0
    assert sp.simplify(est["u"] - S.gamma_m * S.Lambda**2 / (S.k_B * S.c_t) ** 2) == 0
    f = S.numeric(est["u"], S.gamma_m, S.Lambda, S.c_t)
    assert dipolar.dipolar_u_dd(10.0, 10 * c.eV, 4e5) == pytest.approx(f(10.0, 10 * c.eV, 4e5), rel=1e-14)
    assert dipolar.dipolar_u_dd(10.0, 10 * c.eV, 4e5, "sommerfeld") == pytest.approx(
        3 / math.pi**2 * f(10.0, 10 * c.eV, 4e5), rel=1e-14)
    assert dipolar.dipolar_coupling(10 * c.eV, 2.2, 4e5) == pytest.approx(
        float(est["alpha_dd"].subs({S.Lambda: 10 * c.eV, S.rho: 2.2, S.c_t: 4e5})), rel=1e-14)


def test_dipolar_u_dd_rejects_an_unknown_convention():
    with pytest.raises(ValueError, match="^convention must be one of"):
        dipolar.dipolar_u_dd(10.0, 1e-11, 4e5, "other")


# --- Eq. 14 ----------------------------------------------------------------------------------------------------
def test_golden_rule_gives_eq14_with_nu_per_spin():
    r = S.golden_rule_absorption()
    assert sp.simplify(r["angular"] - 1 / (2 * S.hbar * S.q * S.v_F)) == 0
    assert r["Q_over_K"] == sp.pi / 2
    # read with the density of states of one spin, nu_s = nu/2, it is the printed pi K c/v_F
    nu_s = sp.Symbol("nu_s", positive=True)
    printed = sp.pi * nu_s * S.lam**2 / (S.rho * S.c_s**2) * S.c_s / S.v_F
    assert sp.simplify(r["Q_inv"].subs(S.nu, 2 * nu_s) - printed) == 0


def test_golden_rule_needs_detailed_balance():
    """Without stimulated emission (absorption only) the same calculation depends on T: the net rate does not."""
    r = S.golden_rule_absorption()
    assert sp.diff(r["Q_inv"], S.T) == 0
    gross = (S.k_B * S.T * S.pair_integral(net=False)).subs(S.y, S.hbar * S.c_s * S.q / (S.k_B * S.T))
    assert sp.diff(gross, S.T) != 0


def test_golden_rule_twin():
    f = S.numeric(S.golden_rule_absorption()["Q_over_K"] * S.c_s / S.v_F, S.c_s, S.v_F)
    assert acoustics.internal_friction_golden_rule(1.0, 4e5, 1.2e6) == pytest.approx(f(4e5, 1.2e6), rel=1e-14)
    with pytest.raises(ValueError, match="^c_s must be below v_F"):
        acoustics.internal_friction_golden_rule(1.0, 2e6, 1.2e6)


def test_broadened_absorption_limits():
    r = S.broadened_absorption()
    assert r["clean"] == 1
    assert sp.simplify(r["dirty"] - 2 * S.q * S.v_F * S.tau / sp.pi) == 0
    assert sp.simplify(r["Q_dirty_over_K"] - S.c_s * S.q * S.tau) == 0  # = omega tau: no c_s/v_F


@pytest.mark.parametrize("ql, expected", [(1e6, "clean"), (1e-6, "dirty")])
def test_broadened_twin_in_both_limits(ql, expected):
    c_s, v_F, omega, K = 4e5, 1.2e6, 2 * math.pi * 1e9, 1e-3
    tau = ql / (omega / c_s * v_F)
    value = acoustics.internal_friction_broadened(K, c_s, v_F, omega, tau)
    if expected == "clean":
        assert value == pytest.approx(acoustics.internal_friction_golden_rule(K, c_s, v_F), rel=1e-5)
    else:
        assert value == pytest.approx(K * omega * tau, rel=1e-6)
    f = sp.lambdify((S.c_s, S.v_F, S.q, S.tau), S.broadened_absorption()["ratio"])
    ratio = value / acoustics.internal_friction_golden_rule(K, c_s, v_F)
    assert ratio == pytest.approx(f(c_s, v_F, omega / c_s, tau), rel=1e-10)


def test_dirty_attenuation_grows_as_omega_squared_tau():
    omega = np.array([1e6, 1e7, 1e8])
    Q = acoustics.internal_friction_broadened(1e-3, 4e5, 1.2e6, omega, 1e-14)
    rate = Q * omega
    np.testing.assert_allclose(np.diff(np.log(rate)) / np.diff(np.log(omega)), 2.0, rtol=1e-6)


def test_pair_channel_is_linear_in_omega_without_velocities():
    r = S.pair_channel_absorption()
    assert r["omega_exponent"] == 1 and r["T_derivative"] == 0
    assert not {"c_s", "c_t", "v_F"} & set(r["depends_on"])
    assert acoustics.internal_friction_pair(2.0, 3.0, c.hbar) == pytest.approx(6.0)
    w = 2 * math.pi * 9e4
    assert acoustics.internal_friction_pair(w, 1e-4, 1e-15) == pytest.approx(
        scattering.rate_pair(w, 0.3, 1e-4, 1e-15) / w, rel=1e-12)


def test_K_Qt_conventions_sympy_and_numeric():
    sym = S.K_Qt_conventions()
    assert sym == {"golden rule": 1 / (4 * sp.pi), "free-fermion nu": 1 / (2 * sp.pi), "paper nu_0": sp.pi / 2,
                   "second form": sp.pi}
    num = acoustics.K_Qt_conventions()
    assert set(num) == set(sym)
    for k in sym:
        assert num[k] == pytest.approx(float(sym[k]), rel=1e-15)
    assert S.K_Qt_from_eq14() == sym["free-fermion nu"]


# --- the STM's time-dependent heat capacity ------------------------------------------------------------------
def test_relaxed_fraction_derivative_is_the_dawson_function():
    r = S.stm_relaxed_fraction()
    assert r["dawson_check"] == 0 and r["substitution_check"] == 0 and r["small_a"] == sp.Symbol("a", positive=True)
    a, h = 7.3, 1e-5
    numeric = (tunneling.relaxed_fraction(a + h) - tunneling.relaxed_fraction(a - h)) / (2 * h)
    assert numeric == pytest.approx(special.dawsn(math.sqrt(a)) / math.sqrt(a), rel=1e-7)
