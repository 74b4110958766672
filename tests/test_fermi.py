"""Section 4.1: Eqs. (16)-(18) by hand, against sympy, scaling, and the printed Eq. (17)."""

import numpy as np
import pytest
import sympy as sp

from glasson import symbolic as S
from glasson.core import constants as c
from glasson.formulas import fermi, scales

EPS, RHO, SLOPE = c.K_to_erg(10.0), 2.2, 10.0


def test_k_F_by_hand():
    # k_F^3 = 6 * 1.380649e-15 erg * 22 erg/(cm^3 K^2) / (1.380649e-16)^2 = 9.5607e18 cm^-3
    assert fermi.fermi_wavevector(EPS, RHO, SLOPE) == pytest.approx(9.5607e18 ** (1 / 3), rel=1e-4)
    assert fermi.fermi_wavevector(EPS, RHO, SLOPE) == pytest.approx(2.1224e6, rel=1e-4)


def test_m_F_by_hand():
    # m = hbar^2 k_F^2 / (2 eps_F) = 1.11212e-54 * 4.5046e12 / 2.7613e-15
    assert fermi.fermi_mass(EPS, RHO, SLOPE) == pytest.approx(1.8143e-27, rel=1e-4)


def test_printed_eq17_is_cube_root_of_3_lighter():
    ratio = fermi.fermi_mass(EPS, RHO, SLOPE) / fermi.fermi_mass_as_printed(EPS, RHO, SLOPE)
    assert ratio == pytest.approx(3 ** (1 / 3), rel=1e-14)


def test_mass_consistent_with_fermi_energy():
    k, m = fermi.fermi_wavevector(EPS, RHO, SLOPE), fermi.fermi_mass(EPS, RHO, SLOPE)
    assert fermi.fermi_energy(k, m) == pytest.approx(EPS, rel=1e-13)


def test_sommerfeld_slope_round_trip():
    """nu(k_F, m_F) of Eqs. 16-17 gives back the measured slope rho C_v/T."""
    k, m = fermi.fermi_wavevector(EPS, RHO, SLOPE), fermi.fermi_mass(EPS, RHO, SLOPE)
    gamma_V = fermi.sommerfeld_coefficient(fermi.density_of_states(k, m))
    assert gamma_V == pytest.approx(RHO * SLOPE, rel=1e-13)


def test_density_of_states_equals_3n_over_2eF():
    k, m = 1.7e6, 2e-27
    n = k**3 / (3 * np.pi**2)
    assert fermi.density_of_states(k, m) == pytest.approx(3 * n / (2 * fermi.fermi_energy(k, m)), rel=1e-13)


@pytest.mark.parametrize("func, exponent", [
    (fermi.fermi_wavevector, 1 / 3), (fermi.fermi_mass, -1 / 3),
])
def test_scaling_in_eps_F(func, exponent):
    e = EPS * np.geomspace(0.1, 3, 7)
    slope = np.gradient(np.log(func(e, RHO, SLOPE)), np.log(e))
    np.testing.assert_allclose(slope, exponent, atol=1e-12)


def test_v_F_scaling():
    e = EPS * np.geomspace(0.1, 3, 7)
    v = fermi.fermi_velocity(fermi.fermi_wavevector(e, RHO, SLOPE), fermi.fermi_mass(e, RHO, SLOPE))
    np.testing.assert_allclose(np.gradient(np.log(v), np.log(e)), 2 / 3, atol=1e-12)


def test_symbolic_solution_equals_numeric():
    sol = S.solve_fermi()
    f_k = S.numeric(sol[S.k_F], S.eps_F, S.rho, S.gamma_m)
    f_m = S.numeric(sol[S.m_F], S.eps_F, S.rho, S.gamma_m)
    rng = np.random.default_rng(3)
    e, r, g = c.K_to_erg(rng.uniform(1, 30, 20)), rng.uniform(1, 8, 20), rng.uniform(1, 50, 20)
    np.testing.assert_allclose(f_k(e, r, g), fermi.fermi_wavevector(e, r, g), rtol=1e-13)
    np.testing.assert_allclose(f_m(e, r, g), fermi.fermi_mass(e, r, g), rtol=1e-13)


def test_printed_eq16_is_derived_with_kB_one():
    assert sp.simplify(S.solve_fermi()[S.k_F].subs(S.k_B, 1) - S.eq16_printed.rhs) == 0


def test_eq17_coefficient_ratio_symbolic():
    assert S.eq17_coefficient_ratio() == sp.root(3, 3)


def test_free_fermion_dos_symbolic():
    assert sp.simplify(S.free_fermion_dos() - S.k_F * S.m_F / (sp.pi**2 * S.hbar**2)) == 0


def test_eq18_identity_with_eq8_mass_only():
    assert S.eq18_identity("eq8") == 0
    assert S.eq18_identity("eq17") != 0


def test_eq18_numeric():
    lam = 10 * c.eV
    k = fermi.fermi_wavevector(EPS, RHO, SLOPE)
    xi = scales.crossover_length(lam, RHO, 4e5)
    E_F = fermi.fermi_energy(k, scales.crossover_mass(lam, RHO, 4e5))
    assert E_F / scales.crossover_energy(lam, RHO, 4e5) == pytest.approx(fermi.fermi_to_crossover_energy_ratio(k, xi), rel=1e-12)


@pytest.mark.parametrize("name, status", [("16", "natural-units"), ("17", "natural-units"), ("18", "consistent")])
def test_printed_dimensions(name, status):
    assert S.dimension_check(S.printed(name)).status == status


@pytest.mark.parametrize("name", ["16", "17"])
def test_derived_forms_are_consistent_in_cgs(name):
    assert S.dimension_check(S.derived(name)).status == "consistent"
