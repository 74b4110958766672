"""The dipolar logarithmic correction of Eq. (13) (Section 3.1) and the coupling u = ν₀α_dd it needs,
estimated from the paper's own numbers; the local exponents of C(T) and κ(T) it implies.
"""

from __future__ import annotations

import numpy as np

from glasson.core.constants import k_B
from glasson.core.units import CmPerS, Erg, ErgPerGramK2, GramPerCm3, Kelvin, NonNegative, Real
from glasson.core.validation import checked

__all__ = ["dos_log_correction", "heat_capacity_exponent", "kappa_exponent", "NU_CONVENTIONS", "dipolar_coupling",
           "dipolar_u_dd"]


@checked
def dos_log_correction(T: Kelvin, u_dd: NonNegative, T_Q: Kelvin) -> Real:
    r"""Suppression of the density of states by dipolar interactions, Eq. (13): :math:`\nu/\nu_0`.

    Parameters
    ----------
    T : float or array_like
        Temperature (K), at most T_Q.
    u_dd : float or array_like
        Dimensionless coupling :math:`\nu_0 \alpha_{d-d}` (≥ 0).
    T_Q : float or array_like
        Quantum crossover temperature (K) (E_Q = k_B T_Q).

    Returns
    -------
    float or numpy.ndarray
        :math:`\nu(T)/\nu_0` (dimensionless).

    Raises
    ------
    ValueError
        If an input is invalid, or T > T_Q (where the logarithm changes sign and Eq. 13 does not apply).

    Notes
    -----
    Eq. (13) of :cite:`turlakov2022fermion`, with ε ~ k_BT:

    .. math:: \frac{\nu}{\nu_0} = \frac{1}{1 + \nu_0 \alpha_{d-d} \ln(E_Q/k_B T)}

    Examples
    --------
    >>> import math
    >>> dos_log_correction(1.0 / math.e, 1.0, 1.0)
    0.5
    """
    if np.any(T > T_Q):
        raise ValueError("T must not exceed T_Q: Eq. (13) holds below the crossover")
    return 1 / (1 + u_dd * np.log(T_Q / T))


@checked
def heat_capacity_exponent(T: Kelvin, u_dd: NonNegative, T_Q: Kelvin) -> Real:
    r"""Effective exponent :math:`d\ln C/d\ln T = 1 + \alpha` of :math:`C \propto \nu(T)\, T` with Eq. (13).

    Notes
    -----
    .. math:: 1 + \alpha_{eff} = 1 + \frac{u}{1 + u \ln(T_Q/T)}, \qquad u = \nu_0\alpha_{d-d}

    Examples
    --------
    >>> heat_capacity_exponent(1.0, 0.1, 1.0)
    1.1
    """
    return 1 + u_dd / (1 + u_dd * np.log(T_Q / T))


@checked
def kappa_exponent(T: Kelvin, u_dd: NonNegative, T_Q: Kelvin) -> Real:
    r"""Effective exponent :math:`d\ln\kappa/d\ln T = 2 - \alpha` of :math:`\kappa \propto T^2 \nu_0/\nu(T)` with Eq. (13).

    Notes
    -----
    The mean free path is :math:`l \propto 1/(\nu(T) T)`, so κ ∝ T²(1 + u ln(T_Q/T)):

    .. math:: 2 - \alpha_{eff} = 2 - \frac{u}{1 + u \ln(T_Q/T)}

    Examples
    --------
    >>> kappa_exponent(1.0, 0.1, 1.0)
    1.9
    """
    return 2 - u_dd / (1 + u_dd * np.log(T_Q / T))


#: The two readings of the density of states in u = ν₀α_d-d (:func:`dipolar_u_dd`): the paper's printed
#: ν₀ = ρC_v/(k_BT) (k_B restored: ρ(C_v/T)/k_B²) and the free-fermion (Sommerfeld) ν = 3ρ(C_v/T)/(π²k_B²).
NU_CONVENTIONS = {"paper": 1.0, "sommerfeld": 3 / np.pi**2}


@checked
def dipolar_coupling(Lambda: Erg, rho: GramPerCm3, c_t: CmPerS) -> Real:
    r"""The dipolar coupling :math:`\alpha_{d\text{-}d} = \Lambda^2/(\rho c_t^2)` of Eq. (13) (erg cm³).

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
        :math:`\alpha_{d\text{-}d}` (erg cm³).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    The dipole energy of two blobs at a distance R, Eq. (4), is :math:`\alpha_{d\text{-}d}/R^3`
    (:func:`glasson.symbolic.thermal.dipolar_coupling_estimate`):

    .. math:: \alpha_{d\text{-}d} = \frac{\Lambda^2}{\rho c_t^2}

    Examples
    --------
    >>> dipolar_coupling(2.0, 1.0, 2.0)
    1.0
    """
    return Lambda**2 / (rho * c_t**2)


@checked
def dipolar_u_dd(cv_slope: ErgPerGramK2, Lambda: Erg, c_t: CmPerS, convention: str = "paper") -> Real:
    r"""The dimensionless dipolar coupling :math:`u = \nu_0\alpha_{d\text{-}d}` of Eq. (13) from measured inputs.

    Parameters
    ----------
    cv_slope : float or array_like
        Linear specific-heat slope per unit mass C_v/T (erg g⁻¹ K⁻²).
    Lambda : float or array_like
        Bare coupling Λ (erg).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).
    convention : {"paper", "sommerfeld"}
        The density of states: the paper's printed ν₀ = ρC_v/(k_BT), or the free-fermion ν that the same
        slope requires, 3/π² times smaller (:data:`NU_CONVENTIONS`).

    Returns
    -------
    float or numpy.ndarray
        u (dimensionless).

    Raises
    ------
    ValueError
        If an input is not positive and finite, or the convention is unknown.

    Notes
    -----
    With :func:`dipolar_coupling` and ν₀ = ρ(C_v/T)/k_B² the density cancels
    (:func:`glasson.symbolic.thermal.dipolar_coupling_estimate`):

    .. math:: u = \nu_0\alpha_{d\text{-}d} = \frac{(C_v/T)\,\Lambda^2}{k_B^2 c_t^2}

    Examples
    --------
    >>> from glasson.core.constants import eV
    >>> round(dipolar_u_dd(10.0, 10 * eV, 4e5), 3)
    0.842
    """
    if convention not in NU_CONVENTIONS:
        raise ValueError(f"convention must be one of {', '.join(NU_CONVENTIONS)}, got {convention!r}")
    return NU_CONVENTIONS[convention] * cv_slope * Lambda**2 / (k_B * c_t) ** 2
