"""Specific heat (Section 3.1): the linear glasson term, the Debye phonons, the temperature where they cross,
and the exact free Fermi gas against the Sommerfeld law.

CGS: temperatures in K, heat capacities per unit volume in erg cm⁻³ K⁻¹, velocities in cm s⁻¹. Phonons are Debye
(linear dispersion) with two transverse and one longitudinal branch; when no longitudinal velocity is known all
three branches get c_t (an upper bound on the phonon heat capacity, since c_l > c_t).
"""

from __future__ import annotations

import numpy as np

from glasson.core.constants import hbar, k_B
from glasson.core.units import CmPerS, ErgPerGramK2, GramPerCm3, Kelvin, NonNegative, Real, Second
from glasson.core.validation import checked
from glasson.formulas.numerics import fermi_dirac_integral

__all__ = ["glasson_heat_capacity", "inverse_sound_cubes", "debye_heat_capacity", "crossover_temperature",
           "fermi_gas_chemical_potential", "fermi_gas_heat_capacity_ratio", "sommerfeld_correction",
           "phonon_mode_heat_capacity"]


@checked
def glasson_heat_capacity(T: Kelvin, rho: GramPerCm3, cv_slope: ErgPerGramK2) -> Real:
    r"""Linear glasson specific heat per volume, :math:`C_{gl} = \rho (C_v/T)\, T`.

    Parameters
    ----------
    T : float or array_like
        Temperature (K).
    rho : float or array_like
        Mass density (g cm⁻³).
    cv_slope : float or array_like
        Linear slope per unit mass C_v/T (erg g⁻¹ K⁻²).

    Returns
    -------
    float or numpy.ndarray
        :math:`C_{gl}` (erg cm⁻³ K⁻¹).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    The Sommerfeld result of Sec. 3.1 of :cite:`turlakov2022fermion` (:func:`glasson.symbolic.thermal.sommerfeld_heat_capacity`),
    valid for :math:`k_B T \ll \epsilon_F`:

    .. math:: C_{gl} = \frac{\pi^2}{3} \nu(\epsilon_F) k_B^2 T = \rho \frac{C_v}{T} T

    Examples
    --------
    >>> glasson_heat_capacity(0.5, 2.2, 10.0)
    11.0
    """
    return rho * cv_slope * T


@checked
def inverse_sound_cubes(c_t: CmPerS, c_l: CmPerS | None = None) -> Real:
    r"""Sum over the three acoustic branches of :math:`1/c^3` (s³ cm⁻³): :math:`2/c_t^3 + 1/c_l^3`.

    With ``c_l`` absent every branch gets ``c_t`` (3/c_t³), an upper bound on phonon heat capacity.

    Examples
    --------
    >>> inverse_sound_cubes(1.0, 2.0)
    2.125
    """
    c_l = c_t if c_l is None else c_l
    return 2 / c_t**3 + 1 / c_l**3


@checked
def debye_heat_capacity(T: Kelvin, c_t: CmPerS, c_l: CmPerS | None = None) -> Real:
    r"""Low-temperature (Debye T³) phonon specific heat per volume from the sound velocities.

    Parameters
    ----------
    T : float or array_like
        Temperature (K), well below the Debye temperature.
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹) (two branches).
    c_l : float or array_like, optional
        Longitudinal sound velocity (cm s⁻¹) (one branch); if None, ``c_t`` is used for all three.

    Returns
    -------
    float or numpy.ndarray
        :math:`C_{ph}` (erg cm⁻³ K⁻¹).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Each linear branch contributes :math:`(2\pi^2/15) k_B (k_B T/\hbar c)^3` (the T³ law, no cutoff needed for
    T ≪ Θ_D):

    .. math:: C_{ph} = \frac{2\pi^2}{15} \frac{k_B^4 T^3}{\hbar^3} \left(\frac{2}{c_t^3} + \frac{1}{c_l^3}\right)

    Examples
    --------
    >>> f"{debye_heat_capacity(1.0, 4e5):.4g}"
    '19.11'
    """
    return 2 * np.pi**2 / 15 * k_B**4 * T**3 / hbar**3 * inverse_sound_cubes(c_t, c_l)


@checked
def crossover_temperature(rho: GramPerCm3, cv_slope: ErgPerGramK2, c_t: CmPerS, c_l: CmPerS | None = None) -> Real:
    r"""Temperature at which the linear glasson and the Debye phonon specific heats are equal.

    Parameters
    ----------
    rho : float or array_like
        Mass density (g cm⁻³).
    cv_slope : float or array_like
        Linear slope per unit mass C_v/T (erg g⁻¹ K⁻²).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).
    c_l : float or array_like, optional
        Longitudinal sound velocity (cm s⁻¹); if None, ``c_t`` for all branches.

    Returns
    -------
    float or numpy.ndarray
        :math:`T_\times` (K).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Solving :math:`\rho (C_v/T) T = A T^3` with A from :func:`debye_heat_capacity`:

    .. math:: T_\times = \left( \frac{\rho\, C_v/T}{(2\pi^2/15)\, k_B^4 \hbar^{-3} \sum_{pol} c^{-3}} \right)^{1/2}

    Examples
    --------
    >>> round(crossover_temperature(2.2, 10.0, 4e5), 3)
    1.073
    """
    A = debye_heat_capacity(1.0, c_t, c_l)
    return np.sqrt(rho * cv_slope / A)


@checked
def fermi_gas_chemical_potential(t: Second) -> Real:
    r"""η = μ/k_BT of an ideal spin-1/2 Fermi gas at reduced temperature t = T/T_F (fixed density).

    Solves :math:`\mathcal F_{1/2}(\eta) = 4/(3\sqrt\pi\, t^{3/2})` by Newton's method on the whole array
    (the derivative of :math:`\mathcal F_j` is :math:`\mathcal F_{j-1}`).
    """
    target = 4 / (3 * np.sqrt(np.pi) * t**1.5)
    # start: Sommerfeld for the degenerate gas, Boltzmann for the classical one
    eta = np.where(t < 0.6, (1 - np.pi**2 * t**2 / 12) / t, np.log(target))
    for _ in range(60):
        f = fermi_dirac_integral(0.5, eta)
        df = fermi_dirac_integral(-0.5, eta)
        step = (f - target) / df
        eta = eta - np.clip(step, -2.0, 2.0)
        if np.all(np.abs(step) < 1e-13 * np.maximum(1.0, np.abs(eta))):
            break
    return eta


@checked
def fermi_gas_heat_capacity_ratio(t: Second) -> Real:
    r"""Exact heat capacity of the ideal spin-1/2 Fermi gas over its Sommerfeld limit, :math:`C/(\gamma T)`.

    Parameters
    ----------
    t : float or array_like
        Reduced temperature :math:`T/T_F = k_B T/\epsilon_F`, 0.01 ≤ t (below, the ratio is 1 to 3e-4).

    Returns
    -------
    float or numpy.ndarray
        :math:`C_V/(\frac{\pi^2}{2} N k_B t)`: 1 in the degenerate limit, :math:`3/(\pi^2 t)` in the classical one.

    Raises
    ------
    ValueError
        If t is not finite or below 0.01.

    Notes
    -----
    From the complete Fermi–Dirac integrals (``glasson.formulas.numerics.fermi_dirac_integral``) at the η of
    :func:`fermi_gas_chemical_potential`:

    .. math:: \frac{C_V}{N k_B} = \frac{15}{4}\frac{\mathcal F_{3/2}(\eta)}{\mathcal F_{1/2}(\eta)}
              - \frac{9}{4}\frac{\mathcal F_{1/2}(\eta)}{\mathcal F_{-1/2}(\eta)}
    """
    if np.any(t < 0.01):
        raise ValueError("t must be at least 0.01 (use sommerfeld_correction below)")
    eta = fermi_gas_chemical_potential(t)
    f32, f12, fm12 = (fermi_dirac_integral(j, eta) for j in (1.5, 0.5, -0.5))
    c_per_nk = 3.75 * f32 / f12 - 2.25 * f12 / fm12
    return c_per_nk / (np.pi**2 / 2 * t)


@checked
def sommerfeld_correction(t: NonNegative) -> Real:
    r"""Next order of the Sommerfeld expansion: :math:`C/(\gamma T) \approx 1 - \frac{3\pi^2}{10} t^2`, t = T/T_F.

    Examples
    --------
    >>> round(sommerfeld_correction(0.1), 4)
    0.9704
    """
    return 1 - 3 * np.pi**2 / 10 * t**2


@checked
def phonon_mode_heat_capacity(x: NonNegative) -> Real:
    r"""Heat capacity of one phonon mode in units of k_B, :math:`x^2 e^x/(e^x-1)^2` with :math:`x = \hbar\omega/k_BT`.

    Examples
    --------
    >>> phonon_mode_heat_capacity(0.0)
    1.0
    """
    x = np.asarray(x, dtype=float)
    small = x < 1e-4
    xs = np.where(small, 1.0, x)
    val = xs**2 * np.exp(-xs) / (-np.expm1(-xs)) ** 2
    return np.where(small, 1 - x**2 / 12, val)
