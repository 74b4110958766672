"""Fermi parameters of the glasson Fermi glass from experiment (Section 4.1, Eqns 16–18).

Free spin-1/2 fermions in three dimensions: density n = k_F³/(3π²), density of states at the Fermi energy
(both spins, per volume) ν = m k_F/(π² ħ²), Sommerfeld specific heat per volume C = (π²/3) ν k_B² T, and the
per-volume slope ρ C_v/T from the per-mass slope. The paper writes Eqs. (16)–(17) with k_B = 1; here k_B is
restored, so ε_F is an energy in erg and C_v/T is in erg/(g K²). The sympy derivations are in
:mod:`glasson.symbolic` (:func:`glasson.symbolic.fermi.solve_fermi`).
"""

from __future__ import annotations

import numpy as np

from glasson.core.constants import hbar, k_B
from glasson.core.units import Cm, Erg, ErgPerGramK2, Gram, GramPerCm3, PerCm, PerErgCm3, Real
from glasson.core.validation import checked

__all__ = [
    "fermi_wavevector", "fermi_mass", "fermi_mass_as_printed", "fermi_velocity", "fermi_energy",
    "density_of_states", "sommerfeld_coefficient", "fermi_to_crossover_energy_ratio",
]


@checked
def fermi_wavevector(eps_F: Erg, rho: GramPerCm3, cv_slope: ErgPerGramK2) -> Real:
    r"""Fermi wave-vector from the Fermi energy and the linear specific-heat slope, Eq. (16).

    Parameters
    ----------
    eps_F : float or array_like
        Fermi energy ε_F (erg) (use :func:`glasson.core.constants.K_to_erg` for kelvin).
    rho : float or array_like
        Mass density ρ (g cm⁻³).
    cv_slope : float or array_like
        Linear specific-heat slope per unit mass, C_v/T (erg g⁻¹ K⁻²).

    Returns
    -------
    float or numpy.ndarray
        :math:`k_F` (cm⁻¹).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Eq. (16) of :cite:`turlakov2022fermion` with k_B restored (the paper sets k_B = 1); it follows from
    ε_F = ħ²k_F²/(2m) and ρ C_v/T = (π²/3) ν k_B² with ν = m k_F/(π²ħ²) for spin-1/2 fermions:

    .. math:: k_F = \left( \frac{6 \epsilon_F}{k_B^2} \rho \frac{C_v}{T} \right)^{1/3}

    Examples
    --------
    >>> from glasson.core.constants import K_to_erg
    >>> f"{fermi_wavevector(K_to_erg(10.0), 2.2, 10.0):.4e}"
    '2.1224e+06'
    """
    return np.cbrt(6 * eps_F * rho * cv_slope / k_B**2)


@checked
def fermi_mass(eps_F: Erg, rho: GramPerCm3, cv_slope: ErgPerGramK2) -> Real:
    r"""Glasson Fermi mass from ε_F and the specific-heat slope, Eq. (17) as derived.

    Parameters
    ----------
    eps_F : float or array_like
        Fermi energy ε_F (erg).
    rho : float or array_like
        Mass density ρ (g cm⁻³).
    cv_slope : float or array_like
        Linear specific-heat slope per unit mass, C_v/T (erg g⁻¹ K⁻²).

    Returns
    -------
    float or numpy.ndarray
        :math:`m_F` (g).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    From ε_F = ħ²k_F²/(2m) with k_F of Eq. (16); the numerical coefficient is 9/2, where Eq. (17) of
    :cite:`turlakov2022fermion` prints 3/2 (see :func:`fermi_mass_as_printed`, a factor 3^{1/3} lighter):

    .. math:: m_F = \frac{\hbar^2 k_F^2}{2\epsilon_F}
        = \hbar^2 \left( \frac{9}{2\epsilon_F\, k_B^4} \left(\rho \frac{C_v}{T}\right)^2 \right)^{1/3}

    Examples
    --------
    >>> from glasson.core.constants import K_to_erg
    >>> f"{fermi_mass(K_to_erg(10.0), 2.2, 10.0):.4e}"
    '1.8143e-27'
    """
    return hbar**2 * np.cbrt(9 * (rho * cv_slope) ** 2 / (2 * eps_F * k_B**4))


@checked
def fermi_mass_as_printed(eps_F: Erg, rho: GramPerCm3, cv_slope: ErgPerGramK2) -> Real:
    r"""Eq. (17) exactly as printed (coefficient 3/2, k_B restored), for comparison with :func:`fermi_mass`.

    Parameters
    ----------
    eps_F : float or array_like
        Fermi energy ε_F (erg).
    rho : float or array_like
        Mass density ρ (g cm⁻³).
    cv_slope : float or array_like
        Linear specific-heat slope per unit mass, C_v/T (erg g⁻¹ K⁻²).

    Returns
    -------
    float or numpy.ndarray
        The printed Eq. (17) (g).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Eq. (17) of :cite:`turlakov2022fermion` as printed, with k_B restored:

    .. math:: m_{gl} = \hbar^2 \left( \frac{3}{2\epsilon_F\, k_B^4} \left(\rho \frac{C_v}{T}\right)^2 \right)^{1/3}

    It is not consistent with Eq. (16) and ε_F = ħ²k_F²/(2m), which give the coefficient 9/2.

    Examples
    --------
    >>> from glasson.core.constants import K_to_erg
    >>> round(fermi_mass(K_to_erg(10.0), 2.2, 10.0) / fermi_mass_as_printed(K_to_erg(10.0), 2.2, 10.0), 6)
    1.44225
    """
    return hbar**2 * np.cbrt(3 * (rho * cv_slope) ** 2 / (2 * eps_F * k_B**4))


@checked
def fermi_velocity(k_F: PerCm, m: Gram) -> Real:
    r"""Fermi velocity :math:`v_F = \hbar k_F / m`.

    Parameters
    ----------
    k_F : float or array_like
        Fermi wave-vector (cm⁻¹).
    m : float or array_like
        Fermi mass (g).

    Returns
    -------
    float or numpy.ndarray
        :math:`v_F` (cm s⁻¹).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Section 4.1 of :cite:`turlakov2022fermion`, :math:`v_F = p_F/m_{gl}` with :math:`p_F = \hbar k_F`:

    .. math:: v_F = \frac{\hbar k_F}{m}

    Examples
    --------
    >>> fermi_velocity(1.0, hbar)
    1.0
    """
    return hbar * k_F / m


@checked
def fermi_energy(k_F: PerCm, m: Gram) -> Real:
    r"""Fermi energy :math:`E_F = \hbar^2 k_F^2/(2m)` of free fermions of mass ``m``.

    Parameters
    ----------
    k_F : float or array_like
        Fermi wave-vector (cm⁻¹).
    m : float or array_like
        Mass (g) (the Eq. 8 mass in Eq. 18; the Eq. 17 mass returns ε_F).

    Returns
    -------
    float or numpy.ndarray
        :math:`E_F` (erg).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Section 4.1 of :cite:`turlakov2022fermion`:

    .. math:: E_F = \frac{p_F^2}{2 m} = \frac{\hbar^2 k_F^2}{2m}

    Examples
    --------
    >>> fermi_energy(2.0, hbar**2)
    2.0
    """
    return hbar**2 * k_F**2 / (2 * m)


@checked
def density_of_states(k_F: PerCm, m: Gram) -> Real:
    r"""Density of states at the Fermi energy of free spin-1/2 fermions, per volume (both spins).

    Parameters
    ----------
    k_F : float or array_like
        Fermi wave-vector (cm⁻¹).
    m : float or array_like
        Fermi mass (g).

    Returns
    -------
    float or numpy.ndarray
        ν(ε_F) [1/(erg cm³)].

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Derived by :func:`glasson.symbolic.fermi.free_fermion_dos` from counting states, n = k_F³/(3π²). The paper's
    ν₀ = p_F m_F/ħ³ (Sec. 3.1) is π² times this:

    .. math:: \nu(\epsilon_F) = \frac{m k_F}{\pi^2 \hbar^2} = \frac{3 n}{2 \epsilon_F}

    Examples
    --------
    >>> import math
    >>> density_of_states(math.pi**2, hbar**2)
    1.0
    """
    return m * k_F / (np.pi**2 * hbar**2)


@checked
def sommerfeld_coefficient(nu: PerErgCm3) -> Real:
    r"""Linear specific-heat coefficient per volume, :math:`\gamma_V = (\pi^2/3)\, \nu\, k_B^2`.

    Parameters
    ----------
    nu : float or array_like
        Density of states at the Fermi energy [1/(erg cm³)].

    Returns
    -------
    float or numpy.ndarray
        :math:`\gamma_V = C/T` (erg cm⁻³ K⁻²).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    The Sommerfeld result, derived by :func:`glasson.symbolic.thermal.sommerfeld_heat_capacity`:

    .. math:: \frac{C}{T} = \frac{\pi^2}{3} \nu(\epsilon_F) k_B^2

    Examples
    --------
    >>> import math
    >>> round(sommerfeld_coefficient(3 / (math.pi**2 * k_B**2)), 12)
    1.0
    """
    return np.pi**2 / 3 * nu * k_B**2


@checked
def fermi_to_crossover_energy_ratio(k_F: PerCm, xi: Cm) -> Real:
    r"""The ratio of Eq. (18), :math:`E_F/E_\xi = (k_F \xi)^2`.

    Parameters
    ----------
    k_F : float or array_like
        Fermi wave-vector (cm⁻¹).
    xi : float or array_like
        Crossover length of Eq. (8) (cm).

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
    Eq. (18) of :cite:`turlakov2022fermion`. It is an identity when E_F = ħ²k_F²/(2 m_gl) uses the mass of
    Eq. (8) (:func:`glasson.symbolic.fermi.eq18_identity`), not the Fermi mass of Eq. (17):

    .. math:: \frac{E_F}{E_\xi} = (k_F \xi)^2

    Examples
    --------
    >>> fermi_to_crossover_energy_ratio(2.0, 1.5)
    9.0
    """
    return (k_F * xi) ** 2

#: Short names after the paper's symbols (PlasmaPy's convention: a trailing underscore, so that an alias never
#: shadows an argument called ``k_F``).
k_F_ = fermi_wavevector
m_F_ = fermi_mass
v_F_ = fermi_velocity
__aliases__ = ["k_F_", "m_F_", "v_F_"]
__all__ += __aliases__
