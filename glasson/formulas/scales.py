"""Energy and length scales of Section 2 (Eqns 4–8): phonon, kinetic and dipole energies and the crossover.

All inputs and outputs are CGS: lengths in cm, energies in erg, masses in g, velocities in cm s⁻¹, Λ in erg.
Use :mod:`glasson.core.constants` to convert (``eV_to_erg``, ``erg_to_K``, ``angstrom_to_cm``).
The sympy twins of these formulas are in :mod:`glasson.symbolic`; ``tests/test_scales.py`` ties them.
"""

from __future__ import annotations

import numpy as np

from glasson.core.constants import hbar
from glasson.core.units import Cm, CmPerS, Erg, Gram, GramPerCm3, Real
from glasson.core.validation import checked

__all__ = [
    "phonon_energy", "kinetic_energy", "dipole_energy", "glasson_bohr_radius", "kinetic_dipole_ratio",
    "crossover_constant_H", "crossover_length", "crossover_mass", "crossover_energy", "mro_energy",
    "coupling_for_length",
]


@checked
def phonon_energy(R: Cm, c_t: CmPerS) -> Real:
    r"""Energy of a transverse phonon of wavelength ~R, :math:`E_s = \hbar c_t / R`.

    Parameters
    ----------
    R : float or array_like
        Length scale (size of the blob) (cm).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        :math:`E_s` (erg).

    Raises
    ------
    ValueError
        If an input is not positive and finite (the message names it).

    Notes
    -----
    First energy of the hierarchy of Eq. (4) of :cite:`turlakov2022fermion`:

    .. math:: E_s = \frac{\hbar c_t}{R}

    Examples
    --------
    >>> from glasson.core.constants import erg_to_K
    >>> round(erg_to_K(phonon_energy(30e-8, 4e5)), 2)
    10.18
    """
    return hbar * c_t / R


@checked
def kinetic_energy(R: Cm, m: Gram) -> Real:
    r"""Kinetic localisation energy of a glasson of mass ``m`` in a blob of size ``R``.

    Parameters
    ----------
    R : float or array_like
        Length scale (cm).
    m : float or array_like
        Glasson mass :math:`m_{gl}` (g).

    Returns
    -------
    float or numpy.ndarray
        :math:`E_{kin}` (erg).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Second energy of Eq. (4):

    .. math:: E_{kin} = \frac{\hbar^2}{2 m_{gl} R^2}

    Examples
    --------
    >>> kinetic_energy(1.0, hbar**2 / 2)
    1.0
    """
    return hbar**2 / (2 * m * R**2)


@checked
def dipole_energy(R: Cm, Lambda: Erg, rho: GramPerCm3, c_t: CmPerS) -> Real:
    r"""Elastic dipole–dipole interaction energy of two blobs a distance ``R`` apart.

    Parameters
    ----------
    R : float or array_like
        Distance (cm).
    Lambda : float or array_like
        Bare coupling (chemical-bonding energy) Λ (erg).
    rho : float or array_like
        Mass density (g cm⁻³).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        :math:`E_{int\text{-}dipole}` (erg).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Third energy of Eq. (4), and the left side of Eq. (7):

    .. math:: E_{int\text{-}dipole} = \frac{\Lambda^2}{\rho c_t^2 R^3}

    Examples
    --------
    >>> dipole_energy(1.0, 2.0, 1.0, 1.0)
    4.0
    """
    return Lambda**2 / (rho * c_t**2 * R**3)


@checked
def glasson_bohr_radius(Lambda: Erg, m: Gram, rho: GramPerCm3, c_t: CmPerS) -> Real:
    r"""The length :math:`a_{gl}` of Eq. (5), the dipolar analogue of the Bohr radius.

    Parameters
    ----------
    Lambda : float or array_like
        Bare coupling Λ (erg).
    m : float or array_like
        Glasson mass (g).
    rho : float or array_like
        Mass density (g cm⁻³).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        :math:`a_{gl}` (cm).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Eq. (5):

    .. math:: a_{gl} = \frac{2 \Lambda^2 m_{gl}}{\hbar^2 \rho c_t^2}

    Examples
    --------
    >>> glasson_bohr_radius(1.0, hbar**2, 2.0, 1.0)
    1.0
    """
    return 2 * Lambda**2 * m / (hbar**2 * rho * c_t**2)


@checked
def kinetic_dipole_ratio(R: Cm, Lambda: Erg, m: Gram, rho: GramPerCm3, c_t: CmPerS) -> Real:
    r"""Ratio of kinetic to dipole energy, Eq. (5): :math:`E_{kin}/E_{int\text{-}dipole} = R/a_{gl}`.

    Parameters
    ----------
    R : float or array_like
        Inter-glasson distance, :math:`n_{gl}^{-1/3}` (cm).
    Lambda, m, rho, c_t : float or array_like
        As in :func:`glasson_bohr_radius` (erg, g, g cm⁻³, cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        The dimensionless ratio.

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Eq. (5):

    .. math:: \frac{E_{kin}}{E_{int\text{-}dipole}} = \frac{R}{a_{gl}} = \frac{1}{a_{gl} n_{gl}^{1/3}}

    Examples
    --------
    >>> kinetic_dipole_ratio(3.0, 1.0, hbar**2, 2.0, 1.0)
    3.0
    """
    return R / glasson_bohr_radius(Lambda, m, rho, c_t)


@checked
def crossover_constant_H(rho: GramPerCm3, c_t: CmPerS) -> Real:
    r"""The constant :math:`H = \sqrt{\hbar \rho c_t}` (g s⁻¹) that Eqs. (6–7) produce.

    Parameters
    ----------
    rho : float or array_like
        Mass density (g cm⁻³).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        H (g s⁻¹).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    The paper prints :math:`H \equiv \sqrt{\hbar\rho}\, c_t` and quotes H in g s⁻¹. That printed form has
    the dimension :math:`\mathrm{g\,cm^{1/2}\,s^{-3/2}}`; solving Eqs. (6–7)
    (:func:`glasson.symbolic.scales.solve_crossover`) gives Eq. (8) with

    .. math:: H = \sqrt{\hbar \rho c_t},

    which is in g s⁻¹. This function implements the derived form.

    Examples
    --------
    >>> f"{crossover_constant_H(2.2, 4e5):.3e}"
    '3.046e-11'
    """
    return np.sqrt(hbar * rho * c_t)


@checked
def crossover_length(Lambda: Erg, rho: GramPerCm3, c_t: CmPerS) -> Real:
    r"""The single crossover length ξ of Eq. (8), where :math:`E_s = E_{kin} = E_{int\text{-}dipole}`.

    Parameters
    ----------
    Lambda : float or array_like
        Bare coupling Λ (erg).
    rho : float or array_like
        Mass density (g cm⁻³).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        ξ (cm).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Eq. (8), with H from :func:`crossover_constant_H`:

    .. math:: \xi = \frac{\Lambda}{c_t H}

    Examples
    --------
    >>> from glasson.core.constants import eV, cm_to_angstrom
    >>> round(cm_to_angstrom(crossover_length(10 * eV, 2.2, 4e5)), 1)
    131.5
    """
    return Lambda / (c_t * crossover_constant_H(rho, c_t))


@checked
def crossover_mass(Lambda: Erg, rho: GramPerCm3, c_t: CmPerS) -> Real:
    r"""The glasson mass :math:`m_{gl}` of Eq. (8) (the scaling estimate, not the Fermi mass of Eq. 17).

    Parameters
    ----------
    Lambda : float or array_like
        Bare coupling Λ (erg).
    rho : float or array_like
        Mass density (g cm⁻³).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        :math:`m_{gl}` (g).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Eq. (8):

    .. math:: m_{gl} = \frac{\hbar H}{2 \Lambda}

    Examples
    --------
    >>> from glasson.core.constants import eV
    >>> f"{crossover_mass(10 * eV, 2.2, 4e5):.3e}"
    '1.003e-27'
    """
    return hbar * crossover_constant_H(rho, c_t) / (2 * Lambda)


@checked
def crossover_energy(Lambda: Erg, rho: GramPerCm3, c_t: CmPerS) -> Real:
    r"""The crossover energy :math:`E_\xi = \hbar c_t / \xi` (Sections 2.2 and 4.1).

    Parameters
    ----------
    Lambda : float or array_like
        Bare coupling Λ (erg).
    rho : float or array_like
        Mass density (g cm⁻³).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        :math:`E_\xi` (erg).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    With ξ from Eq. (8):

    .. math:: E_\xi = \frac{\hbar c_t}{\xi} = \frac{\hbar c_t^2 H}{\Lambda}

    Examples
    --------
    >>> from glasson.core.constants import eV, erg_to_K
    >>> round(erg_to_K(crossover_energy(10 * eV, 2.2, 4e5)), 3)
    2.324
    """
    return phonon_energy(crossover_length(Lambda, rho, c_t), c_t)


@checked
def mro_energy(xi_mro: Cm, c_t: CmPerS) -> Real:
    r"""The interaction energy scale :math:`E_{int} \simeq \hbar c_t/\xi` set by the medium-range order (Sec. 2.1).

    Parameters
    ----------
    xi_mro : float or array_like
        Medium-range-order length :math:`\xi_{MRO}` (cm).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        :math:`E_{int}` (erg).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Section 2.1 of :cite:`turlakov2022fermion`:

    .. math:: E_{int} \simeq \frac{\hbar c_t}{\xi_{MRO}}

    Examples
    --------
    >>> from glasson.core.constants import erg_to_K
    >>> round(erg_to_K(mro_energy(30e-8, 4e5)), 2)
    10.18
    """
    return phonon_energy(xi_mro, c_t)


@checked
def coupling_for_length(xi: Cm, rho: GramPerCm3, c_t: CmPerS) -> Real:
    r"""The bare coupling Λ for which Eq. (8) gives the crossover length ``xi``: Eq. (8) solved for Λ.

    Parameters
    ----------
    xi : float or array_like
        Crossover length (cm).
    rho : float or array_like
        Mass density (g cm⁻³).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        Λ (erg).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Inverting Eq. (8); at this Λ the three energies of Eq. (4) meet at ``xi`` (Eqs. 6–7):

    .. math:: \Lambda = \xi\, c_t H = \xi \sqrt{\hbar \rho c_t^3}

    Examples
    --------
    >>> from glasson.core.constants import eV
    >>> round(coupling_for_length(30e-8, 2.2, 4e5) / eV, 2)
    2.28
    """
    return xi * c_t * crossover_constant_H(rho, c_t)


# Short aliases, as physicists write them.

#: Short names after the paper's symbols (PlasmaPy's convention: a trailing underscore).
H_ = crossover_constant_H
xi_ = crossover_length
m_gl_ = crossover_mass
E_xi_ = crossover_energy
__aliases__ = ["H_", "xi_", "m_gl_", "E_xi_"]
__all__ += __aliases__
