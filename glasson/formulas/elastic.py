"""Elastic inputs of a glass: sound velocities from elastic moduli, the mean inter-atomic distance, and the Debye
temperature and Debye specific-heat coefficient from density and velocities.

CGS: moduli in dyn cm⁻² (1 GPa = 10¹⁰ dyn cm⁻²), densities in g cm⁻³, velocities in cm s⁻¹, masses in g, lengths in
cm. The sympy twins are in :mod:`glasson.symbolic.elastic`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from glasson.core.constants import hbar, k_B
from glasson.core.units import Cm, CmPerS, DynPerCm2, Finite, Gram, GramPerCm3, Real
from glasson.core.validation import GlassonInputError, checked

__all__ = ["transverse_velocity", "longitudinal_velocity", "atomic_spacing", "debye_velocity",
           "debye_temperature", "debye_coefficient"]


def _poisson_in_range(poisson_ratio: Any) -> None:
    if np.any((poisson_ratio <= -1.0) | (poisson_ratio >= 0.5)):
        raise GlassonInputError("poisson_ratio must be in (-1, 0.5): an isotropic solid is stable only there")


@checked
def transverse_velocity(youngs_modulus: DynPerCm2, poisson_ratio: Finite, rho: GramPerCm3) -> Real:
    r"""Transverse (shear) sound velocity of an isotropic solid from E and ν, :math:`c_t = \sqrt{E/2\rho(1+\nu)}`.

    Parameters
    ----------
    youngs_modulus : float or array_like
        Young's modulus E (dyn cm⁻²).
    poisson_ratio : float or array_like
        Poisson's ratio ν (dimensionless), in (−1, 1/2).
    rho : float or array_like
        Mass density (g cm⁻³).

    Returns
    -------
    float or numpy.ndarray
        :math:`c_t` (cm s⁻¹).

    Raises
    ------
    ValueError
        If an input is not finite, E or ρ not positive, or ν outside (−1, 1/2).

    Notes
    -----
    The shear modulus is μ = E/2(1+ν) and :math:`c_t^2 = \mu/\rho` (:func:`glasson.symbolic.elastic.elastic_velocities`):

    .. math:: c_t = \sqrt{\frac{E}{2\rho(1+\nu)}}

    Examples
    --------
    >>> round(transverse_velocity(82e10, 0.206, 2.51) / 1e5, 4)
    3.6803
    """
    _poisson_in_range(poisson_ratio)
    return np.sqrt(youngs_modulus / (2 * rho * (1 + poisson_ratio)))


@checked
def longitudinal_velocity(youngs_modulus: DynPerCm2, poisson_ratio: Finite, rho: GramPerCm3) -> Real:
    r"""Longitudinal sound velocity of an isotropic solid from E and ν.

    Parameters
    ----------
    youngs_modulus : float or array_like
        Young's modulus E (dyn cm⁻²).
    poisson_ratio : float or array_like
        Poisson's ratio ν (dimensionless), in (−1, 1/2).
    rho : float or array_like
        Mass density (g cm⁻³).

    Returns
    -------
    float or numpy.ndarray
        :math:`c_l` (cm s⁻¹).

    Raises
    ------
    ValueError
        If an input is not finite, E or ρ not positive, or ν outside (−1, 1/2).

    Notes
    -----
    :math:`c_l^2 = (\lambda_L + 2\mu)/\rho` with the Lamé constants of E and ν
    (:func:`glasson.symbolic.elastic.elastic_velocities`):

    .. math:: c_l = \sqrt{\frac{E(1-\nu)}{\rho(1+\nu)(1-2\nu)}}

    Examples
    --------
    >>> round(longitudinal_velocity(82e10, 0.206, 2.51) / 1e5, 4)
    6.0481
    """
    _poisson_in_range(poisson_ratio)
    return np.sqrt(youngs_modulus * (1 - poisson_ratio) / (rho * (1 + poisson_ratio) * (1 - 2 * poisson_ratio)))


@checked
def atomic_spacing(mean_atomic_mass: Gram, rho: GramPerCm3) -> Real:
    r"""Mean inter-atomic distance from the mean mass per atom and the density, :math:`a = (\bar M/\rho)^{1/3}`.

    Parameters
    ----------
    mean_atomic_mass : float or array_like
        Mean mass per atom :math:`\bar M = M/(n_{atoms} N_A)` of a formula unit of molar mass M (g).
    rho : float or array_like
        Mass density (g cm⁻³).

    Returns
    -------
    float or numpy.ndarray
        a (cm): the edge of the volume per atom.

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    One atom per volume a³:

    .. math:: a = \left(\frac{M}{\rho N_A n_{atoms}}\right)^{1/3}

    Examples
    --------
    >>> from glasson.core.constants import u
    >>> round(atomic_spacing(20.0277 * u, 2.2) / 1e-8, 3)
    2.473
    """
    return np.cbrt(mean_atomic_mass / rho)


@checked
def debye_velocity(c_t: CmPerS, c_l: CmPerS) -> Real:
    r"""The Debye mean velocity, :math:`3/c_D^3 = 2/c_t^3 + 1/c_l^3` (cm s⁻¹).

    Examples
    --------
    >>> debye_velocity(2.0, 2.0)
    2.0
    """
    return np.cbrt(3 / (2 / c_t**3 + 1 / c_l**3))


@checked
def debye_temperature(c_t: CmPerS, c_l: CmPerS, a: Cm) -> Real:
    r"""Debye temperature of an isotropic solid with n = 1/a³ atoms per volume (K).

    Parameters
    ----------
    c_t, c_l : float or array_like
        Transverse and longitudinal sound velocities (cm s⁻¹).
    a : float or array_like
        Mean inter-atomic distance (cm) (:func:`atomic_spacing`).

    Returns
    -------
    float or numpy.ndarray
        Θ_D (K).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    The Debye sphere holds 3n modes, :math:`k_D^3 = 6\pi^2 n`, and :math:`k_B\Theta_D = \hbar c_D k_D` with
    :func:`debye_velocity`:

    .. math:: \Theta_D = \frac{\hbar c_D}{k_B}\left(\frac{6\pi^2}{a^3}\right)^{1/3}

    Examples
    --------
    >>> round(debye_temperature(3.75e5, 5.93e5, 2.474e-8), 0)
    496.0
    """
    return hbar * debye_velocity(c_t, c_l) / k_B * np.cbrt(6 * np.pi**2) / a


@checked
def debye_coefficient(c_t: CmPerS, c_l: CmPerS, rho: GramPerCm3) -> Real:
    r"""Coefficient of the Debye T³ specific heat per unit mass, :math:`C/T^3` (erg g⁻¹ K⁻⁴).

    Parameters
    ----------
    c_t, c_l : float or array_like
        Transverse and longitudinal sound velocities (cm s⁻¹).
    rho : float or array_like
        Mass density (g cm⁻³).

    Returns
    -------
    float or numpy.ndarray
        :math:`c_{Deb} = C/(\rho T^3)` (erg g⁻¹ K⁻⁴).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    From the velocities alone (no atomic density): each linear branch gives :math:`(2\pi^2/15)k_B^4T^3/(\hbar c)^3`
    per volume, the same as :math:`(12\pi^4/5) n k_B (T/\Theta_D)^3` (:func:`glasson.symbolic.elastic.debye_identity`):

    .. math:: c_{Deb} = \frac{2\pi^2 k_B^4}{15\hbar^3\rho}\left(\frac{2}{c_t^3} + \frac{1}{c_l^3}\right)

    Examples
    --------
    >>> round(debye_coefficient(3.75e5, 5.93e5, 2.2), 3)
    7.917
    """
    return 2 * np.pi**2 * k_B**4 / (15 * hbar**3 * rho) * (2 / c_t**3 + 1 / c_l**3)
