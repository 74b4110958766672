"""Section 3.2: K_F-s forms, Eqs. (14)-(15), the coupling and M_atom."""

import numpy as np
import pytest
import sympy as sp

from glasson import symbolic as S
from glasson.core import constants as c
from glasson.formulas import acoustics as A
from glasson.formulas import fermi

EPS, RHO, SLOPE, CT, a = c.K_to_erg(10.0), 2.2, 10.0, 4.0e5, 2.5e-8


@pytest.fixture(scope="module")
def silica_values():
    k = fermi.fermi_wavevector(EPS, RHO, SLOPE)
    m = fermi.fermi_mass(EPS, RHO, SLOPE)
    return k, m, fermi.fermi_velocity(k, m)


def test_atomic_mass_by_hand():
    assert A.atomic_mass(RHO, a) == pytest.approx(2.2 * 1.5625e-23, rel=1e-14)  # 20.70 u
    assert A.atomic_mass(RHO, a) / c.u == pytest.approx(20.701, rel=1e-4)


def test_coupling_by_hand():
    M = A.atomic_mass(RHO, a)
    # sqrt(10 K * M c_t^2 / k_B) = sqrt(10 * 39836) K = 631.2 K
    assert c.erg_to_K(A.coupling_scale(EPS, M, CT)) == pytest.approx(631.16, rel=1e-4)


def test_two_forms_of_K_differ_by_2_pi_squared(silica_values):
    k, m, _ = silica_values
    M = A.atomic_mass(RHO, a)
    lam = A.coupling_scale(EPS, M, CT)
    first = A.K_Fs(fermi.density_of_states(k, m), lam, RHO, CT)
    second = A.K_Fs_as_printed(lam, EPS, M, CT, k, a)
    assert second / first == pytest.approx(2 * np.pi**2, rel=1e-12)
    assert first == pytest.approx((k * a) ** 3 / (2 * np.pi**2), rel=1e-12)


def test_eq14_equals_eq15_with_implied_K(silica_values):
    k, m, v = silica_values
    M = A.atomic_mass(RHO, a)
    K = A.K_Fs(fermi.density_of_states(k, m), A.coupling_scale(EPS, M, CT), RHO, CT)
    q14 = A.internal_friction_from_K_Fs(K, CT, v)
    q15 = A.internal_friction(k, a, CT, v, A.K_Qt_implied())
    assert q14 == pytest.approx(q15, rel=1e-12)


def test_Q_t_by_hand(silica_values):
    k, _, v = silica_values
    # (k_F a)^3 c_t / v_F = (0.053060)^3 * 4e5 / 1.23369e6 = 4.8435e-5
    assert A.internal_friction(k, a, CT, v) == pytest.approx(4.8435e-5, rel=1e-4)


def test_Q_from_mean_free_path():
    assert A.internal_friction_from_mean_free_path(150.0) == pytest.approx(1 / (300 * np.pi), rel=1e-14)


def test_a_for_internal_friction_inverts_eq15(silica_values):
    k, _, v = silica_values
    a_needed = A.a_for_internal_friction(1e-3, k, CT, v)
    assert A.internal_friction(k, a_needed, CT, v) == pytest.approx(1e-3, rel=1e-12)


def test_Q_scales_as_a_cubed(silica_values):
    k, _, v = silica_values
    aa = a * np.geomspace(0.5, 2, 5)
    np.testing.assert_allclose(np.gradient(np.log(A.internal_friction(k, aa, CT, v)), np.log(aa)), 3.0, atol=1e-12)


def test_symbolic_K_forms():
    forms = S.K_Fs_forms()
    assert forms["ratio"] == 2 * sp.pi**2
    assert sp.simplify(forms["first"] - (S.k_F * S.a) ** 3 / (2 * sp.pi**2)) == 0
    assert S.K_Qt_from_eq14() == 1 / (2 * sp.pi)
    assert A.K_Qt_implied() == pytest.approx(float(1 / (2 * sp.pi)), rel=1e-15)


@pytest.mark.parametrize("name, status", [("14", "consistent"), ("15", "consistent"), ("lambda", "inconsistent")])
def test_dimensions(name, status):
    assert S.dimension_check(S.printed(name)).status == status
