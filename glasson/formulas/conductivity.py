"""Phonon thermal conductivity limited by glasson scattering (Section 3.1, Eq. 9 with the rates of Eqs 11–12):
closed forms (κ ∝ T² resonant, ∝ T pair) and the spectral quadrature they are checked against.

CGS: thermal conductivity in erg s⁻¹ cm⁻¹ K⁻¹, velocities in cm s⁻¹, temperatures in K.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import integrate, special

from glasson.core.constants import hbar, k_B
from glasson.core.units import CmPerS, Dimensionless, Erg, Kelvin, Real, Row
from glasson.core.validation import checked
from glasson.formulas.heat_capacity import phonon_mode_heat_capacity
from glasson.formulas.scattering import rate_pair, rate_resonant

__all__ = ["KAPPA_INTEGRALS", "kappa_resonant", "kappa_pair", "kappa_spectral", "closed_form_check"]


#: The dimensionless integrals of the κ closed forms (proved by sympy in glasson.symbolic.kappa_integrals).
KAPPA_INTEGRALS: dict[str, float] = {
    "resonant": float(np.pi**2),           # ∫ x³ eˣ(eˣ+1)/(eˣ−1)³ dx
    "pair_net": float(np.pi**2 / 3),       # ∫ x² eˣ/(eˣ−1)² dx
    "pair_gross": float(2 * special.zeta(3)),  # ∫ x²/(eˣ−1) dx
}


@checked
def kappa_resonant(T: Kelvin, Q_inv: Dimensionless, c_t: CmPerS, c_l: CmPerS | None = None) -> Real:
    r"""Phonon thermal conductivity limited by resonant (Eq. 12) scattering, closed form: κ ∝ T².

    Parameters
    ----------
    T : float or array_like
        Temperature (K).
    Q_inv : float or array_like
        Dimensionless coupling :math:`Q^{-1}` (same for every branch).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).
    c_l : float or array_like, optional
        Longitudinal velocity (cm s⁻¹); if None all three branches use ``c_t``.

    Returns
    -------
    float or numpy.ndarray
        κ (erg s⁻¹ cm⁻¹ K⁻¹).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    The spectral form of Eq. (9), :math:`\kappa = \frac13\sum_{pol}\int C(\omega) c^2 \tau(\omega)\, d\omega`,
    with :func:`glasson.formulas.scattering.rate_resonant` reduces to :math:`\int_0^\infty x^3 e^x(e^x+1)/(e^x-1)^3 dx = \pi^2`
    (:func:`glasson.symbolic.thermal.kappa_integrals`):

    .. math:: \kappa = \frac{k_B^3 T^2}{6 \hbar^2 Q^{-1}} \sum_{pol} \frac{1}{c_{pol}}

    Examples
    --------
    >>> f"{kappa_resonant(1.0, 1e-4, 4e5):.4e}"
    '2.9581e+04'
    """
    return k_B**3 * T**2 / (6 * hbar**2 * Q_inv) * _inverse_velocities(c_t, c_l)


@checked
def kappa_pair(T: Kelvin, g: Dimensionless, eps_F: Erg, c_t: CmPerS, c_l: CmPerS | None = None, net: bool = True) -> Real:
    r"""Phonon thermal conductivity limited by pair (Eq. 11) scattering, closed form: κ ∝ T.

    Parameters
    ----------
    T : float or array_like
        Temperature (K).
    g : float or array_like
        Dimensionless coupling of :func:`glasson.formulas.scattering.rate_pair`.
    eps_F : float or array_like
        Fermi energy (erg).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).
    c_l : float or array_like, optional
        Longitudinal velocity (cm s⁻¹); if None all three branches use ``c_t``.
    net : bool
        Detailed balance (default) or absorption only (see :func:`glasson.formulas.scattering.rate_pair`).

    Returns
    -------
    float or numpy.ndarray
        κ (erg s⁻¹ cm⁻¹ K⁻¹).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    The dimensionless integral is :math:`\int x^2e^x/(e^x-1)^2 = \pi^2/3` (net) or
    :math:`\int x^2/(e^x-1) = 2\zeta(3)` (absorption only):

    .. math:: \kappa = \frac{k_B^2\, \epsilon_F\, T}{6\pi^2 \hbar^2\, g}\, J \sum_{pol} \frac{1}{c_{pol}}

    Examples
    --------
    >>> f"{kappa_pair(1.0, 1e-4, 1.380649e-15, 4e5):.4e}"
    '9.8602e+04'
    """
    J = KAPPA_INTEGRALS["pair_net" if net else "pair_gross"]
    return k_B**2 * eps_F * T * J / (6 * np.pi**2 * hbar**2 * g) * _inverse_velocities(c_t, c_l)


def _inverse_velocities(c_t: Real, c_l: Real | None) -> Real:
    c_l = c_t if c_l is None else c_l
    return 2 / c_t + 1 / c_l


@checked
def kappa_spectral(T: Kelvin, rate: Callable[[Real, Real], Real], c_t: CmPerS,
                   c_l: CmPerS | None = None, x_max: Dimensionless = 60.0) -> float:
    r"""κ(T) by direct quadrature of the spectral form of Eq. (9), for checking the closed forms.

    :math:`\kappa = \frac13 \sum_{pol} \int_0^\infty C_{pol}(\omega)\, c_{pol}^2\, \tau(\omega)\, d\omega`, with the
    Debye mode density :math:`\omega^2/(2\pi^2 c^3)` and :func:`glasson.formulas.heat_capacity.phonon_mode_heat_capacity`;
    ``rate(omega, T)`` returns :math:`\tau^{-1}`. Uses :func:`scipy.integrate.quad` (slow; for tests and benchmarks).
    """
    T, c_t, x_max = float(T), float(c_t), float(x_max)
    w_T = k_B * T / hbar
    # x is in range here: skip re-validation (``__wrapped__`` is set by the checked decorator)
    mode_heat_capacity = phonon_mode_heat_capacity.__wrapped__  # type: ignore[attr-defined]  # set by checked()

    # The integrand of each polarisation is C(ω) c² τ(ω) ω²/(2π² c³): the velocity enters only as 1/c, so the
    # three polarisations share one integral weighted by Σ 1/c_pol.
    def integrand(x: float) -> float:
        w = x * w_T
        return float(k_B * w**2 / (2 * np.pi**2) * mode_heat_capacity(x) / rate(w, T))

    value, _ = integrate.quad(integrand, 0.0, x_max, epsabs=0.0, epsrel=1e-13, limit=500)
    return float(value * w_T / 3 * _inverse_velocities(c_t, None if c_l is None else float(c_l)))


@checked
def closed_form_check(T: Kelvin, Q_inv: Dimensionless, eps_F: Erg, c_t: CmPerS,
                      c_l: CmPerS | None = None) -> list[Row]:
    """κ of each branch by closed form and by :func:`kappa_spectral` (quadrature), with their relative difference."""
    rows: list[Row] = []
    branches = {
        "resonant": (lambda w, t: rate_resonant(w, t, Q_inv), lambda t: kappa_resonant(t, Q_inv, c_t, c_l)),
        "pair, net": (lambda w, t: rate_pair(w, t, Q_inv, eps_F), lambda t: kappa_pair(t, Q_inv, eps_F, c_t, c_l)),
        "pair, absorption only": (lambda w, t: rate_pair(w, t, Q_inv, eps_F, net=False),
                                  lambda t: kappa_pair(t, Q_inv, eps_F, c_t, c_l, net=False)),
    }
    for t in np.atleast_1d(np.asarray(T, dtype=float)):
        for name, (rate, closed) in branches.items():
            k_closed = float(closed(t))
            k_quad = kappa_spectral(float(t), rate, c_t, c_l)
            rows.append({"T_K": float(t), "branch": name, "closed_form": k_closed, "quadrature": k_quad,
                         "relative_difference": abs(k_quad / k_closed - 1)})
    return rows
