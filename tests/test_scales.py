"""Section 2 formulas: hand calculations from the paper's inputs, limits, scaling, sympy twins."""

import numpy as np
import pytest
import sympy as sp

from glasson import symbolic as S
from glasson.core import constants as c
from glasson.formulas import scales

RHO, CT, LAM = 2.2, 4.0e5, 10 * c.eV  # the paper's inputs (Secs. 2.1, 2.2, 4.1)


def test_H_by_hand():
    # sqrt(1.05457e-27 erg s * 2.2 g/cm^3 * 4e5 cm/s) = sqrt(9.2802e-22) g/s
    assert scales.crossover_constant_H(RHO, CT) == pytest.approx(3.0463e-11, rel=1e-4)


def test_xi_m_gl_E_xi_by_hand():
    # xi = 1.60218e-11 erg / (4e5 cm/s * 3.0463e-11 g/s) = 1.3148e-6 cm = 131.5 A
    assert scales.crossover_length(LAM, RHO, CT) == pytest.approx(1.3148e-6, rel=1e-4)
    # m_gl = 1.05457e-27 * 3.0463e-11 / (2 * 1.60218e-11) = 1.0026e-27 g
    assert scales.crossover_mass(LAM, RHO, CT) == pytest.approx(1.0026e-27, rel=1e-4)
    # E_xi = 1.05457e-27 * 4e5 / 1.3148e-6 = 3.2083e-16 erg = 2.3237 K
    assert c.erg_to_K(scales.crossover_energy(LAM, RHO, CT)) == pytest.approx(2.3237, rel=1e-4)


def test_mro_energy_by_hand():
    # hbar c_t / 30 A = 1.05457e-27 * 4e5 / 3e-7 = 1.40610e-15 erg = 10.184 K
    assert c.erg_to_K(scales.mro_energy(30e-8, CT)) == pytest.approx(10.184, rel=1e-4)


def test_three_energies_meet_at_xi():
    """Eqs. (6)-(7): with m_gl of Eq. (8), E_s = E_kin = E_dd at R = xi."""
    xi = scales.crossover_length(LAM, RHO, CT)
    m = scales.crossover_mass(LAM, RHO, CT)
    e_s = scales.phonon_energy(xi, CT)
    assert scales.kinetic_energy(xi, m) == pytest.approx(e_s, rel=1e-12)
    assert scales.dipole_energy(xi, LAM, RHO, CT) == pytest.approx(e_s, rel=1e-12)
    assert scales.crossover_energy(LAM, RHO, CT) == pytest.approx(e_s, rel=1e-12)


@pytest.mark.parametrize("factor", [3.0, 10.0, 100.0])
def test_hierarchy_of_eq4_above_xi(factor):
    xi = scales.crossover_length(LAM, RHO, CT)
    m = scales.crossover_mass(LAM, RHO, CT)
    R = factor * xi
    e_s, e_kin, e_dd = (scales.phonon_energy(R, CT), scales.kinetic_energy(R, m),
                        scales.dipole_energy(R, LAM, RHO, CT))
    assert e_s > e_kin > e_dd
    assert e_s / e_kin == pytest.approx(factor, rel=1e-12)  # E_s/E_kin = 2 m_gl c_t R / hbar = R / xi
    assert e_kin / e_dd == pytest.approx(factor, rel=1e-12)


def test_a_gl_equals_xi_with_eq8_mass():
    m = scales.crossover_mass(LAM, RHO, CT)
    assert scales.glasson_bohr_radius(LAM, m, RHO, CT) == pytest.approx(
        scales.crossover_length(LAM, RHO, CT), rel=1e-12)


def test_eq5_ratio_is_R_over_a_gl():
    m, R = 1e-27, 5e-7
    ratio = scales.kinetic_energy(R, m) / scales.dipole_energy(R, LAM, RHO, CT)
    assert scales.kinetic_dipole_ratio(R, LAM, m, RHO, CT) == pytest.approx(ratio, rel=1e-12)


def slope(f, x):
    """Logarithmic derivative d ln f / d ln x, numerically."""
    x = np.asarray(x, dtype=float)
    return np.gradient(np.log(f(x)), np.log(x))


@pytest.mark.parametrize("func, var, exponent", [
    (lambda L: scales.crossover_length(L, RHO, CT), "Lambda", 1.0),
    (lambda L: scales.crossover_mass(L, RHO, CT), "Lambda", -1.0),
    (lambda L: scales.crossover_energy(L, RHO, CT), "Lambda", -1.0),
    (lambda r: scales.crossover_constant_H(r, CT), "rho", 0.5),
    (lambda v: scales.crossover_constant_H(RHO, v), "c_t", 0.5),
    (lambda v: scales.crossover_length(LAM, RHO, v), "c_t", -1.5),
    (lambda R: scales.dipole_energy(R, LAM, RHO, CT), "R", -3.0),
])
def test_scaling_exponents(func, var, exponent, silica):
    x = np.geomspace(0.3, 3.0, 20) * {"Lambda": LAM, "rho": RHO, "c_t": CT, "R": 1e-6}[var]
    np.testing.assert_allclose(slope(func, x), exponent, atol=1e-9)


@pytest.mark.parametrize("name, func, args", [
    ("xi", scales.crossover_length, (S.Lambda, S.rho, S.c_t)),
    ("m_gl", scales.crossover_mass, (S.Lambda, S.rho, S.c_t)),
])
def test_sympy_solution_equals_numeric(name, func, args):
    """The sympy solution of Eqs. (6)-(7) evaluates to the numeric function, over random inputs."""
    sym = {"xi": S.xi, "m_gl": S.m_gl}[name]
    f = S.numeric(S.solve_crossover()[sym], *args)
    rng = np.random.default_rng(1)
    lam, rho, ct = c.eV * rng.uniform(1, 10, 50), rng.uniform(1, 8, 50), rng.uniform(1e5, 6e5, 50)
    np.testing.assert_allclose(f(lam, rho, ct), func(lam, rho, ct), rtol=1e-13)


def test_sympy_twins_of_energies_equal_numeric():
    R, m = 7e-7, 2e-27
    pairs = [(S.E_s, (S.c_t, S.R), (CT, R), scales.phonon_energy(R, CT)),
             (S.E_kin, (S.m_gl, S.R), (m, R), scales.kinetic_energy(R, m)),
             (S.E_dd, (S.Lambda, S.rho, S.c_t, S.R), (LAM, RHO, CT, R), scales.dipole_energy(R, LAM, RHO, CT))]
    for expr, syms, vals, expected in pairs:
        assert S.numeric(expr, *syms)(*vals) == pytest.approx(expected, rel=1e-14)


def test_crossover_energy_twin():
    f = S.numeric(S.crossover_energy(), S.Lambda, S.rho, S.c_t)
    assert f(LAM, RHO, CT) == pytest.approx(scales.crossover_energy(LAM, RHO, CT), rel=1e-13)


def test_coupling_for_length_inverts_eq8():
    xi = scales.crossover_length(LAM, RHO, CT)
    assert scales.coupling_for_length(xi, RHO, CT) == pytest.approx(LAM, rel=1e-13)


def test_symbolic_a_gl_is_xi():
    sol = S.solve_crossover()
    assert sp.simplify(S.a_gl_printed.subs(S.m_gl, sol[S.m_gl]) - sol[S.xi]) == 0


@pytest.mark.parametrize("R", [1e-7, 1e-6, 3e-5])
def test_both_ratios_are_R_over_xi(R):
    """With m_gl of Eq. (8), E_s/E_kin and E_kin/E_dd are the same function of R: R/xi."""
    xi = scales.crossover_length(LAM, RHO, CT)
    m = scales.crossover_mass(LAM, RHO, CT)
    assert scales.phonon_energy(R, CT) / scales.kinetic_energy(R, m) == pytest.approx(R / xi, rel=1e-12)
    assert scales.kinetic_dipole_ratio(R, LAM, m, RHO, CT) == pytest.approx(R / xi, rel=1e-12)
