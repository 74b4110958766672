"""Constants against the CODATA 2018 table that SciPy ships; conversions against exact relations."""

import math

import pytest
from scipy.constants import _codata

from glasson.core import constants as c

CODATA_2018 = _codata._physical_constants_2018
# glasson name -> (CODATA 2018 quantity, SI -> CGS factor)
CHECKED = {
    "h": ("Planck constant", 1e7),
    "hbar": ("reduced Planck constant", 1e7),
    "k_B": ("Boltzmann constant", 1e7),
    "eV": ("electron volt", 1e7),
    "u": ("atomic mass constant", 1e3),
    "m_e": ("electron mass", 1e3),
    "m_helion": ("helion mass", 1e3),
}


@pytest.mark.parametrize("name", sorted(CHECKED))
def test_constant_is_codata_2018(name):
    quantity, factor = CHECKED[name]
    value, _unit, _uncertainty = CODATA_2018[quantity]
    assert getattr(c, name) == pytest.approx(value * factor, rel=1e-15)
    assert c.SOURCES[name] == f"CODATA 2018: {quantity}"


def test_every_constant_has_a_source():
    for name in ("hbar", "h", "k_B", "eV", "u", "m_e", "m_helion", "m_He3", "angstrom"):
        assert name in c.SOURCES


def test_he3_atom_mass_in_u_is_close_to_mass_number():
    """m(3He) = helion + 2 electrons is 3.016 u; neglecting 79 eV of binding changes it by 3e-8."""
    assert c.m_He3 / c.u == pytest.approx(3.01603, abs=2e-5)


def test_hbar_is_h_over_two_pi():
    assert c.hbar == pytest.approx(c.h / (2 * math.pi), rel=1e-16)


@pytest.mark.parametrize("x", [1e-3, 1.0, 1e5])
def test_conversions_round_trip(x):
    assert c.erg_to_K(c.K_to_erg(x)) == pytest.approx(x, rel=1e-15)
    assert c.erg_to_eV(c.eV_to_erg(x)) == pytest.approx(x, rel=1e-15)
    assert c.K_to_eV(c.eV_to_K(x)) == pytest.approx(x, rel=1e-15)
    assert c.cm_to_angstrom(c.angstrom_to_cm(x)) == pytest.approx(x, rel=1e-15)


def test_ten_kelvin_in_erg_matches_paper_rounding():
    """The paper's eps_F = 10 K = 1.4e-15 erg (Sec. 4.1): 1.38e-15 erg, 1.4e-15 to two digits."""
    assert c.K_to_erg(10.0) == pytest.approx(1.380649e-15, rel=1e-12)
    assert round(c.K_to_erg(10.0), 16) == pytest.approx(1.4e-15, rel=0.02)


def test_one_ev_in_kelvin():
    assert c.eV_to_K(1.0) == pytest.approx(1.602176634e-12 / 1.380649e-16, rel=1e-15)
