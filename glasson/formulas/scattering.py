r"""Phonon scattering by glassons (Section 3.1, Eqns 10–12): the thermal factors of the pair (Eq. 11) and
resonant (Eq. 12) channels and the rates they give.

The resonant rate is written with the dimensionless coupling of Section 3.2,
:math:`\tau^{-1} = Q^{-1}\,\omega\tanh(\hbar\omega/2k_BT)`, the pair rate as
:math:`\tau^{-1} = g\,\omega\,I(\omega, T)/\epsilon_F` with :math:`I` the fermion-pair integral (closed forms
derived in :mod:`glasson.symbolic.thermal`). CGS: frequencies in rad s⁻¹, energies in erg, temperatures in K.
"""

from __future__ import annotations

import numpy as np
from scipy import integrate, special

from glasson.core.constants import hbar, k_B
from glasson.core.units import Dimensionless, Erg, Kelvin, NonNegative, RadPerS, Real
from glasson.core.validation import checked

__all__ = ["pair_factor", "pair_factor_quadrature", "resonant_factor", "rate_resonant", "rate_pair", "dominant_phonon_x",
           "thermal_phonon_peak_x"]


@checked
def pair_factor(x: NonNegative, net: bool = True) -> Real:
    r"""The fermion-pair integral of Eq. (11) in units of k_BT, as a function of :math:`x = \hbar\omega/k_BT`.

    Parameters
    ----------
    x : float or array_like
        :math:`\hbar\omega/k_B T` (dimensionless).
    net : bool
        True: absorption minus stimulated emission (detailed balance), ``x``. False: absorption alone, as
        printed, :math:`x/(1-e^{-x})`.

    Returns
    -------
    float or numpy.ndarray
        :math:`I/(k_BT)` (dimensionless).

    Notes
    -----
    With :math:`f` the Fermi function and energies from ε_F (closed form: :func:`glasson.symbolic.thermal.pair_integral`):

    .. math::

        \int d\epsilon_1 \bigl(1-f(\epsilon_1)\bigr) f(\epsilon_1-\hbar\omega)
            &= \frac{\hbar\omega}{1-e^{-\hbar\omega/k_BT}}, \\
        \int d\epsilon_1 \bigl[f(\epsilon_1-\hbar\omega) - f(\epsilon_1)\bigr] &= \hbar\omega

    Examples
    --------
    >>> pair_factor(0.0, net=False)
    1.0
    """
    x = np.asarray(x, dtype=float)
    if net:
        return x
    xs = np.where(x == 0, 1.0, x)
    return np.where(x == 0, 1.0, xs / (-np.expm1(-xs)))


@checked
def pair_factor_quadrature(x: NonNegative, net: bool = True) -> Real:
    r"""The fermion-pair integral of Eq. (11) by direct quadrature (:func:`scipy.integrate.quad`), for checking.

    The same integral as :func:`pair_factor`, in units of :math:`k_BT`, integrated numerically over the
    fermion energy at each ``x`` (slow: one adaptive quadrature per element; for tests and benchmarks).

    .. math::

        &\int d\epsilon \, f(\epsilon)\bigl(1-f(\epsilon+x)\bigr) \quad\text{or} \\
        &\int d\epsilon \, \bigl[f(\epsilon) - f(\epsilon+x)\bigr]

    Parameters
    ----------
    x : float or array_like
        :math:`\hbar\omega/k_B T` (dimensionless).
    net : bool
        As in :func:`pair_factor`.

    Returns
    -------
    float or numpy.ndarray
        :math:`I/(k_BT)` (dimensionless).

    Examples
    --------
    >>> round(float(pair_factor_quadrature(1.0, net=False)), 12) == round(float(pair_factor(1.0, net=False)), 12)
    True
    """
    def fermi(e: float) -> float:
        return float(special.expit(-e))

    def one(xv: float) -> float:
        # 1 - f(y) = f(-y); and f(e) - f(e+x) = (1 - e^{-x}) f(e) f(-(e+x)), which keeps full precision
        # at small x where the difference of two Fermi functions would cancel.
        weight = -np.expm1(-xv) if net else 1.0
        integrand = lambda e: weight * fermi(e) * fermi(-(e + xv))  # noqa: E731 - a one-line integrand read as the formula
        value, _ = integrate.quad(integrand, -60.0 - xv, 60.0, points=[-xv, 0.0], epsabs=0.0, epsrel=1e-13,
                                  limit=200)
        return value

    x = np.asarray(x, dtype=float)
    out = np.vectorize(one, otypes=[float])(x)
    return float(out) if out.ndim == 0 else out


@checked
def resonant_factor(x: NonNegative) -> Real:
    r"""The thermal factor of Eq. (12), :math:`1 - 2 n_F(x) = \tanh(x/2)` with :math:`x = \hbar\omega/k_BT`.

    Examples
    --------
    >>> round(resonant_factor(2.0), 6)
    0.761594
    """
    return np.tanh(np.asarray(x, dtype=float) / 2)


@checked
def rate_resonant(omega: RadPerS, T: Kelvin, Q_inv: Dimensionless) -> Real:
    r"""Resonant (Eq. 12) scattering rate of a phonon, :math:`\tau^{-1} = Q^{-1} \omega \tanh(\hbar\omega/2k_BT)`.

    Parameters
    ----------
    omega : float or array_like
        Angular frequency (rad s⁻¹).
    T : float or array_like
        Temperature (K).
    Q_inv : float or array_like
        Dimensionless coupling: the internal friction :math:`Q^{-1}` at ħω ≫ k_BT (Eq. 15).

    Returns
    -------
    float or numpy.ndarray
        :math:`\tau^{-1}` (s⁻¹).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Eq. (12) of :cite:`turlakov2022fermion` with detailed balance already in its factor 1 − 2n_F; the
    prefactor is fixed by :math:`Q^{-1} = \lambda/(2\pi l) = 1/(\omega\tau)` at ħω ≫ k_BT:

    .. math:: \frac{1}{\tau^x} = Q^{-1}\, \omega \tanh\frac{\hbar\omega}{2 k_B T}

    Examples
    --------
    >>> rate_resonant(1e12, 1e-3, 1e-4)
    100000000.0
    """
    return Q_inv * omega * np.tanh(hbar * omega / (2 * k_B * T))


@checked
def rate_pair(omega: RadPerS, T: Kelvin, g: Dimensionless, eps_F: Erg, net: bool = True) -> Real:
    r"""Pair (Eq. 11) scattering rate, :math:`\tau^{-1} = g\, \omega\, I(\omega,T)/\epsilon_F`.

    Parameters
    ----------
    omega : float or array_like
        Angular frequency (rad s⁻¹).
    T : float or array_like
        Temperature (K).
    g : float or array_like
        Dimensionless coupling (the squared matrix element of Sᶻ times the fermion densities of states, in units of 1/ε_F).
    eps_F : float or array_like
        Fermi energy (erg).
    net : bool
        True (default): absorption minus stimulated emission, I = ħω, T-independent. False: absorption only,
        as printed, :math:`I = \hbar\omega/(1-e^{-\hbar\omega/k_BT})`, which is ≈ k_BT (the paper's "∼ Tω")
        only for ħω ≪ k_BT.

    Returns
    -------
    float or numpy.ndarray
        :math:`\tau^{-1}` (s⁻¹).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Eq. (11) of :cite:`turlakov2022fermion`, with the pair integral of :func:`pair_factor`:

    .. math:: \frac{1}{\tau^z} = g\, \frac{\omega}{\epsilon_F} \int d\epsilon_1\, (1-n_F(\epsilon_1)) n_F(\epsilon_2)

    Examples
    --------
    >>> round(rate_pair(2.0, 1.0, 1.0, hbar), 12)
    4.0
    """
    x = hbar * omega / (k_B * T)
    return g * omega * k_B * T * pair_factor(x, net=net) / eps_F


def dominant_phonon_x() -> float:
    r"""The :math:`x = \hbar\omega/k_BT` at which the dominant-phonon form of Eq. (9) equals the resonant κ exactly.

    Eq. (9) with one phonon frequency, :math:`\kappa = \frac13 C_{ph}(T)\, c^2 \tau(\omega_{dom})`, reproduces
    :func:`glasson.formulas.conductivity.kappa_resonant` when :math:`x \tanh(x/2) = 4\pi^2/15`.

    Examples
    --------
    >>> round(dominant_phonon_x(), 4)
    2.9291
    """
    from scipy.optimize import brentq

    return float(brentq(lambda x: x * np.tanh(x / 2) - 4 * np.pi**2 / 15, 0.1, 20.0, xtol=1e-14))


def thermal_phonon_peak_x() -> float:
    r"""The usual 'dominant thermal phonon': the maximum of the phonon energy density :math:`x^3/(e^x-1)`.

    Solves :math:`x = 3(1 - e^{-x})`.

    Examples
    --------
    >>> round(thermal_phonon_peak_x(), 4)
    2.8214
    """
    from scipy.optimize import brentq

    return float(brentq(lambda x: x - 3 * (1 - np.exp(-x)), 0.5, 10.0, xtol=1e-14))
