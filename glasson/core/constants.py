"""Physical constants (CODATA 2018) in CGS units, and unit conversions K, eV, Å ↔ erg, cm.

Every value is the CODATA 2018 recommended value :cite:`tiesinga2021codata`, converted exactly from SI
(1 J = 1e7 erg, 1 kg = 1e3 g, 1 m = 1e2 cm). ``tests/test_constants.py`` checks each against the
CODATA 2018 table that SciPy ships (``scipy.constants._codata``), so none is typed from memory.
"""

from __future__ import annotations

import math

from glasson.core.units import AngstromValue, CmValue, ElectronVoltValue, ErgValue, KelvinValue, Real
from glasson.core.validation import checked

__all__ = [
    "hbar", "h", "k_B", "eV", "u", "m_e", "m_helion", "m_He3", "angstrom",
    "SOURCES",
    "K_to_erg", "erg_to_K", "eV_to_erg", "erg_to_eV", "eV_to_K", "K_to_eV",
    "angstrom_to_cm", "cm_to_angstrom",
]

#: Planck constant h, in erg s (exact in the 2019 SI).
h: float = 6.62607015e-27
#: Reduced Planck constant ħ = h/2π, in erg s (exact).
hbar: float = h / (2 * math.pi)
#: Boltzmann constant k_B, in erg K⁻¹ (exact).
k_B: float = 1.380649e-16
#: Electron volt, in erg (exact).
eV: float = 1.602176634e-12
#: Atomic mass constant u = m(¹²C)/12 (g).
u: float = 1.66053906660e-24
#: Electron mass (g).
m_e: float = 9.1093837015e-28
#: Helion (³He nucleus) mass (g).
m_helion: float = 5.0064127796e-24
#: Mass of the neutral ³He atom (g): helion plus two electrons. The electrons' binding energy
#: (79.0 eV, a relative 3 × 10⁻⁸ of the mass) is neglected.
m_He3: float = m_helion + 2 * m_e
#: One ångström, in cm (definition).
angstrom: float = 1e-8

#: Where each constant comes from (the CODATA 2018 quantity name, as printed in the table).
SOURCES: dict[str, str] = {
    "hbar": "CODATA 2018: reduced Planck constant",
    "h": "CODATA 2018: Planck constant",
    "k_B": "CODATA 2018: Boltzmann constant",
    "eV": "CODATA 2018: electron volt",
    "u": "CODATA 2018: atomic mass constant",
    "m_e": "CODATA 2018: electron mass",
    "m_helion": "CODATA 2018: helion mass",
    "m_He3": "derived: helion mass + 2 electron masses (CODATA 2018), electron binding neglected",
    "angstrom": "definition: 1 Å = 1e-8 cm",
}


@checked
def K_to_erg(T: KelvinValue) -> Real:
    """Energy k_B T (erg) of a temperature ``T`` (K).

    Examples
    --------
    >>> round(K_to_erg(10.0) / 1e-15, 4)
    1.3806
    """
    return k_B * T


@checked
def erg_to_K(E: ErgValue) -> Real:
    """Temperature E / k_B (K) of an energy ``E`` (erg).

    Examples
    --------
    >>> erg_to_K(k_B)
    1.0
    """
    return E / k_B


@checked
def eV_to_erg(E: ElectronVoltValue) -> Real:
    """Energy (erg) of ``E`` electron volts.

    Examples
    --------
    >>> eV_to_erg(1.0) == eV
    True
    """
    return E * eV


@checked
def erg_to_eV(E: ErgValue) -> Real:
    """Energy (eV) of ``E`` erg.

    Examples
    --------
    >>> erg_to_eV(eV)
    1.0
    """
    return E / eV


@checked
def eV_to_K(E: ElectronVoltValue) -> Real:
    """Temperature (K) equivalent to ``E`` electron volts (E / k_B).

    Examples
    --------
    >>> round(eV_to_K(1.0), 1)
    11604.5
    """
    return E * eV / k_B


@checked
def K_to_eV(T: KelvinValue) -> Real:
    """Energy (eV) of a temperature ``T`` (K) (k_B T / eV).

    Examples
    --------
    >>> round(K_to_eV(11604.518), 6)
    1.0
    """
    return T * k_B / eV


@checked
def angstrom_to_cm(x: AngstromValue) -> Real:
    """Length (cm) of ``x`` ångström.

    Examples
    --------
    >>> angstrom_to_cm(2.5)
    2.5e-08
    """
    return x * angstrom


@checked
def cm_to_angstrom(x: CmValue) -> Real:
    """Length [Å] of ``x`` centimetres.

    Examples
    --------
    >>> round(cm_to_angstrom(4.4e-7), 6)
    44.0
    """
    return x / angstrom
