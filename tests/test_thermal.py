"""Section 3.1: specific heats, exact Fermi gas, scattering rates, κ closed forms vs quadrature, Eq. (13)."""

import numpy as np
import pytest
import sympy as sp
from scipy import integrate, special

from glasson import symbolic as S
from glasson.core import constants as c
from glasson.formulas import conductivity, dipolar, heat_capacity, numerics, scattering

CT, Q, EPS = 4.0e5, 4.8e-5, c.K_to_erg(10.0)


def test_debye_by_hand():
    # (2 pi^2/15) k_B^4/hbar^3 * 3/c^3 = 1.31595 * 3.09806e17 * 4.6875e-17 = 19.111
    assert heat_capacity.debye_heat_capacity(1.0, CT) == pytest.approx(19.111, rel=1e-4)


def test_debye_with_longitudinal_branch_is_smaller():
    assert heat_capacity.debye_heat_capacity(1.0, CT, 5.8e5) < heat_capacity.debye_heat_capacity(1.0, CT)


def test_crossover_temperature_balances():
    T_x = heat_capacity.crossover_temperature(2.2, 10.0, CT)
    assert heat_capacity.glasson_heat_capacity(T_x, 2.2, 10.0) == pytest.approx(
        heat_capacity.debye_heat_capacity(T_x, CT), rel=1e-12)
    assert T_x == pytest.approx(1.0730, rel=1e-4)


@pytest.mark.parametrize("eta", [-5.0, -0.3, 0.0, 2.0, 20.0, 150.0])
@pytest.mark.parametrize("j", [-0.5, 0.5, 1.5])
def test_fermi_dirac_integral_against_quad(j, eta):
    occ = lambda x: special.expit(eta - x)  # noqa: E731  1/(e^{x-eta}+1)
    # x^j on [0, 1] as QUADPACK's algebraic weight (handles x^-1/2), the smooth rest with a break at eta
    head, _ = integrate.quad(occ, 0, 1, weight="alg", wvar=(j, 0))
    tail, _ = integrate.quad(lambda x: x**j * occ(x), 1, max(eta, 1) + 80, points=[max(eta, 1.5)],
                             limit=400, epsabs=0, epsrel=1e-13)
    assert numerics.fermi_dirac_integral(j, eta) == pytest.approx((head + tail) / special.gamma(j + 1), rel=1e-9)


def test_fermi_dirac_integral_limits():
    # F_0(eta) = ln(1 + e^eta); degenerate F_{1/2} ~ eta^{3/2}/Gamma(5/2)
    eta = np.array([-3.0, 0.0, 4.0])
    np.testing.assert_allclose(numerics.fermi_dirac_integral(0.0, eta), np.log1p(np.exp(eta)), rtol=1e-12)
    big = 400.0
    assert numerics.fermi_dirac_integral(0.5, big) == pytest.approx(big**1.5 / special.gamma(2.5), rel=1e-5)


def test_chemical_potential_limits():
    t = np.array([0.01, 0.05])
    eta = heat_capacity.fermi_gas_chemical_potential(t)
    np.testing.assert_allclose(eta * t, 1 - np.pi**2 / 12 * t**2, rtol=1e-5)  # Sommerfeld mu(T)


def test_exact_heat_capacity_matches_sommerfeld_at_low_T():
    t = np.array([0.01, 0.02, 0.04])
    exact = heat_capacity.fermi_gas_heat_capacity_ratio(t)
    assert np.all(np.abs(exact - heat_capacity.sommerfeld_correction(t)) < 30 * t**4)  # next order is O(t^4)


def test_exact_heat_capacity_classical_limit():
    assert heat_capacity.fermi_gas_heat_capacity_ratio(20.0) * np.pi**2 / 2 * 20 == pytest.approx(1.5, rel=2e-3)


def test_linearity_at_a_tenth_of_eps_F():
    """At T = eps_F/10 the linear law is off by 3.3 % (Sommerfeld's next order says 3.0 %)."""
    assert 1 - heat_capacity.fermi_gas_heat_capacity_ratio(0.1) == pytest.approx(0.0330, abs=5e-4)


def test_small_t_rejected():
    with pytest.raises(ValueError):
        heat_capacity.fermi_gas_heat_capacity_ratio(0.001)


def test_pair_factor_limits():
    assert scattering.pair_factor(1e-6, net=False) == pytest.approx(1.0, rel=1e-6)      # ~ k_BT: "T omega"
    assert scattering.pair_factor(40.0, net=False) == pytest.approx(40.0, rel=1e-12)    # ~ hbar omega
    assert scattering.pair_factor(3.0) == 3.0


def test_pair_factor_against_direct_integral():
    y = 1.7
    f = lambda x: 1 / (np.exp(x) + 1)  # noqa: E731
    val, _ = integrate.quad(lambda x: (1 - f(x)) * f(x - y), -60, 60, epsabs=0, epsrel=1e-13)
    assert scattering.pair_factor(y, net=False) == pytest.approx(val, rel=1e-11)
    net, _ = integrate.quad(lambda x: f(x - y) - f(x), -60, 60, epsabs=0, epsrel=1e-13)
    assert scattering.pair_factor(y) == pytest.approx(net, rel=1e-11)


def test_resonant_factor_is_one_minus_two_nF():
    x = np.linspace(0.01, 20, 50)
    np.testing.assert_allclose(scattering.resonant_factor(x), 1 - 2 / (np.exp(x) + 1), rtol=1e-13)


def test_rates_scaling():
    T = 0.5
    w = np.geomspace(1e5, 1e13, 9)
    # resonant: ~ omega for hbar omega >> k_BT
    hi = w[-2:]
    np.testing.assert_allclose(scattering.rate_resonant(hi, T, Q) / (Q * hi), 1.0, rtol=1e-6)
    # pair net: ~ omega^2, T-independent
    np.testing.assert_allclose(scattering.rate_pair(w, T, Q, EPS), scattering.rate_pair(w, 3 * T, Q, EPS), rtol=1e-13)


@pytest.mark.parametrize("T", [0.05, 0.3, 1.0])
def test_kappa_closed_forms_vs_quad(T):
    """The closed forms agree with quadrature of the spectral form to 1e-10 (relative)."""
    rows = conductivity.closed_form_check([T], Q, EPS, CT, 5.8e5)
    for r in rows:
        assert r["relative_difference"] < 1e-10, r


def test_kappa_exponents():
    T = np.geomspace(0.05, 1.0, 7)
    np.testing.assert_allclose(np.gradient(np.log(conductivity.kappa_resonant(T, Q, CT)), np.log(T)), 2.0, atol=1e-12)
    np.testing.assert_allclose(np.gradient(np.log(conductivity.kappa_pair(T, Q, EPS, CT)), np.log(T)), 1.0, atol=1e-12)


def test_kappa_resonant_by_hand():
    # k^3 T^2/(6 hbar^2 Q) * 3/c = 2.63183e-48/(6 * 1.11212e-54 * 1e-4) * 7.5e-6
    assert conductivity.kappa_resonant(1.0, 1e-4, CT) == pytest.approx(2.9581e4, rel=1e-4)


def test_kappa_integrals_numeric():
    """The sympy integrands, integrated numerically at 50 digits (no cancellation near x = 0); the piece
    [0, 1e-6] is f(0+) * 1e-6, exact to O(1e-12)."""
    import mpmath

    x0 = mpmath.mpf("1e-6")
    with mpmath.workdps(50):
        for name, value in conductivity.KAPPA_INTEGRALS.items():
            expr = S.KAPPA_INTEGRANDS[name]
            f = sp.lambdify(S.x, expr, "mpmath")
            head = float(sp.limit(expr, S.x, 0, "+")) * float(x0)
            num = head + float(mpmath.quad(f, [x0, 1, 10, mpmath.inf]))
            assert num == pytest.approx(value, rel=1e-11), name


def test_kappa_integrals_symbolic():
    assert S.kappa_integrals() == {"resonant": sp.pi**2, "pair_net": sp.pi**2 / 3, "pair_gross": 2 * sp.zeta(3)}


def test_kappa_closed_form_symbolic_equals_numeric():
    f = S.numeric(S.kappa_closed_form("resonant"), S.T, S.Q_inv, S.c_s)
    assert 3 * f(0.7, Q, CT) == pytest.approx(conductivity.kappa_resonant(0.7, Q, CT), rel=1e-13)
    g = S.numeric(S.kappa_closed_form("pair_net"), S.T, S.K_Fs, S.eps_F, S.c_s)
    assert 3 * g(0.7, Q, EPS, CT) == pytest.approx(conductivity.kappa_pair(0.7, Q, EPS, CT), rel=1e-13)


def test_sympy_derivations():
    assert S.pair_integral(net=True) == S.y
    assert sp.simplify(S.pair_integral(net=False) - S.y / (1 - sp.exp(-S.y))) == 0
    assert S.resonant_factor_identity() == 0
    assert sp.simplify(S.sommerfeld_heat_capacity() - sp.pi**2 / 3 * S.nu * S.k_B**2) == 0
    assert S.bose_integral(3) == sp.pi**4 / 15 and S.fermi_integral(1) == sp.pi**2 / 12


def test_debye_symbolic_equals_numeric():
    f = S.numeric(S.debye_heat_capacity(), S.T, S.c_s)
    assert 3 * f(0.8, CT) == pytest.approx(heat_capacity.debye_heat_capacity(0.8, CT), rel=1e-13)


def test_dominant_phonon_reproduces_kappa():
    x = scattering.dominant_phonon_x()
    T = 0.4
    c_ph = heat_capacity.debye_heat_capacity(T, CT)
    w = x * c.k_B * T / c.hbar
    kappa_dom = c_ph * CT**2 / (3 * scattering.rate_resonant(w, T, Q))
    assert kappa_dom == pytest.approx(conductivity.kappa_resonant(T, Q, CT), rel=1e-12)
    assert abs(x - scattering.thermal_phonon_peak_x()) < 0.15


def test_eq13_limits_and_exponents():
    assert dipolar.dos_log_correction(1.0, 5.0, 1.0) == 1.0                  # no correction at T_Q
    assert dipolar.dos_log_correction(0.1, 0.0, 1.0) == 1.0                  # no coupling
    T = np.geomspace(0.01, 0.9, 9)
    u, h = 0.7, 1e-5

    def slope(f):
        return (np.log(f(T * np.exp(h))) - np.log(f(T * np.exp(-h)))) / (2 * h)

    C = lambda T: T * dipolar.dos_log_correction(T, u, 1.0)  # noqa: E731
    kappa = lambda T: T**2 / dipolar.dos_log_correction(T, u, 1.0)  # noqa: E731
    np.testing.assert_allclose(slope(C), dipolar.heat_capacity_exponent(T, u, 1.0), rtol=1e-8)
    np.testing.assert_allclose(slope(kappa), dipolar.kappa_exponent(T, u, 1.0), rtol=1e-8)
    # log regime: alpha -> 1/ln(T_Q/T)
    assert dipolar.heat_capacity_exponent(0.01, 1e9, 1.0) - 1 == pytest.approx(1 / np.log(100), rel=1e-6)


def test_eq13_rejects_T_above_T_Q():
    with pytest.raises(ValueError, match="T must not exceed T_Q"):
        dipolar.dos_log_correction(2.0, 0.1, 1.0)


def test_nu0_printed_forms():
    forms = S.nu0_printed_forms()
    assert forms == {"p_F m_F/hbar^3": sp.pi**2, "rho C_v/(k_B T)": sp.pi**2 / 3}


@pytest.mark.parametrize("name, status", [("9", "consistent"), ("10", "consistent"), ("11", "inconsistent"),
                                          ("12", "inconsistent"), ("13", "natural-units"), ("nu0", "natural-units")])
def test_dimensions(name, status):
    assert S.dimension_check(S.printed(name)).status == status


@pytest.mark.parametrize("net", [True, False])
def test_pair_factor_closed_form_equals_its_quadrature(net):
    """Eq. (11): the closed form agrees with glasson's own quadrature of the Fermi integral to 1e-12."""
    x = np.concatenate([[0.0, 1e-6], np.linspace(0.01, 40, 60)])
    np.testing.assert_allclose(scattering.pair_factor_quadrature(x, net=net), scattering.pair_factor(x, net=net),
                               rtol=1e-12, atol=1e-14)
