"""The standard tunnelling model's acoustics and heat transport: the resonant and relaxational internal friction, the
sound-velocity shifts they imply, and the thermal conductivity of resonant scattering, for the same two-level systems
as :mod:`glasson.formulas.tunneling` (their definitions, density and relaxation time are there). CGS throughout:
T in K, ω in rad s⁻¹, energies in erg."""

from __future__ import annotations

import numpy as np
from scipy import special

from glasson.core.constants import hbar, k_B
from glasson.core.units import (
    CmPerS,
    Dimensionless,
    Kelvin,
    NonNegative,
    PerErgCm3,
    RadPerS,
    Real,
)
from glasson.core.validation import checked
from glasson.formulas.conductivity import kappa_resonant
from glasson.formulas.numerics import sech2_energy_nodes
from glasson.formulas.tunneling import tau_min

__all__ = ["Q_resonant", "relaxation_kernels", "Q_relaxation", "velocity_shift_resonant",
           "velocity_shift_relaxation", "kappa_stm"]


@checked
def Q_resonant(omega: RadPerS, T: Kelvin, C: Dimensionless) -> Real:
    r"""Resonant internal friction of TLS (low intensity): :math:`Q^{-1} = \pi C \tanh(\hbar\omega/2k_BT)`.

    Parameters
    ----------
    omega : float or array_like
        Angular frequency (rad s⁻¹).
    T : float or array_like
        Temperature (K).
    C : float or array_like
        Tunnelling strength (dimensionless).

    Returns
    -------
    float or numpy.ndarray
        Q⁻¹ (dimensionless).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    :cite:`jackle1972ultrasonic` (saturation by sound intensity neglected); the same form as Eq. (12):

    .. math:: Q^{-1}_{res} = \pi C \tanh\frac{\hbar\omega}{2k_BT}

    Examples
    --------
    >>> round(Q_resonant(1e15, 1e-3, 1e-4) / 3.141592653589793e-4, 9)
    1.0
    """
    return np.pi * C * np.tanh(hbar * omega / (2 * k_B * T))


#: Above this :math:`\omega\tau_{min}` the closed forms lose digits to cancellation and the large-a series take over.
_A_SERIES = 300.0


@checked
def relaxation_kernels(a: NonNegative) -> tuple[np.ndarray, np.ndarray]:
    r"""The u-integrals of the relaxational absorption and velocity shift, in closed form, for :math:`a = \omega\tau_{min} \ge 0`.

    .. math::

        I(a) &= \int_0^1 du\,\frac{\sqrt{1-u^2}}{u}\frac{\omega\tau}{1+\omega^2\tau^2}, \\
        J(a) &= \int_0^1 du\,\frac{\sqrt{1-u^2}}{u}\frac{1}{1+\omega^2\tau^2}, \\
        \omega\tau &= a/u^2.

    With :math:`s = 1 - u^2`, partial fractions at :math:`s = \pm ia` and
    :math:`\int_0^1 \sqrt{1-s}\,ds/(s-z) = -2 + b\ln\frac{b+1}{b-1}` with :math:`b = \sqrt{1-z}`
    (:func:`glasson.symbolic.tunneling.stm_relaxation_kernel`) give
    :math:`I = \tfrac12 \mathrm{Im}[b\ln((b+1)/(b-1))]` and :math:`J = \tfrac12 \mathrm{Re}[-2 + b\ln((b+1)/(b-1))]`
    at :math:`z = ia`. :math:`I \to \pi/4` (the plateau) and :math:`J \to \tfrac12\ln(4/a) - 1` for
    :math:`a \to 0`; for :math:`a > 300` the series :math:`I = 1/(3a) - 8/(105a^3)`,
    :math:`J = 2/(15a^2) - 16/(315a^4)` are used.

    Examples
    --------
    >>> import math
    >>> I, J = relaxation_kernels([1e-14, 1e6])
    >>> round(float(I[0]) / (math.pi / 4), 12), round(float(J[1]) * 15e12 / 2, 9)
    (1.0, 1.0)
    """
    a = np.atleast_1d(np.asarray(a, dtype=float))
    small = a <= _A_SERIES
    b = np.sqrt(1 - 1j * np.where(small, a, 1.0))
    L = b * np.log((b + 1) / (b - 1))
    big = np.where(small, _A_SERIES, a)
    I = np.where(small, 0.5 * L.imag, 1 / (3 * big) - 8 / (105 * big**3))
    J = np.where(small, 0.5 * (L.real - 2), 2 / (15 * big**2) - 16 / (315 * big**4))
    return I, J




@checked
def Q_relaxation(omega: RadPerS, T: Kelvin, C: Dimensionless, P_bar: PerErgCm3, v: CmPerS) -> Real:
    r"""Relaxational internal friction of TLS (one-phonon process), averaged over energy and tunnel splitting.

    Parameters
    ----------
    omega : float or array_like
        Angular frequency (rad s⁻¹).
    T : float or array_like
        Temperature (K).
    C, P_bar, v : float or array_like
        As in :func:`~glasson.formulas.tunneling.tau_min`.

    Returns
    -------
    float or numpy.ndarray
        Q⁻¹ (dimensionless): the plateau πC/2 for :math:`\omega\tau_{min} \ll 1`, ∝ T³/ω for :math:`\omega\tau_{min} \gg 1`.

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    With :math:`\tau = \tau_{min}(E)/u^2` :cite:`jackle1972ultrasonic`:

    .. math::

        Q^{-1}_{rel} = \frac{C}{k_BT}&\int_0^\infty dE\,\mathrm{sech}^2\frac{E}{2k_BT} \\
            \times &\int_0^1 du\,\frac{\sqrt{1-u^2}}{u}\frac{\omega\tau}{1+\omega^2\tau^2}

    Examples
    --------
    >>> import math
    >>> round(Q_relaxation(1.0, 1.0, 1e-4, 1e30, 4e5) / (math.pi / 2 * 1e-4), 6)
    1.0
    """
    omega, T, C, P_bar, v = np.broadcast_arrays(omega, T, C, P_bar, v)
    x, weights = sech2_energy_nodes(omega.ndim)
    E = 2 * k_B * T * x
    a = omega * tau_min(E, T, C, P_bar, v)
    I, _ = relaxation_kernels(a)
    return 2 * C * np.sum(weights * I, axis=0)


@checked
def velocity_shift_resonant(omega: RadPerS, T: Kelvin, C: Dimensionless, T_ref: Kelvin) -> Real:
    r"""Resonant change of sound velocity, Δv/v(T) − Δv/v(T_ref): C ln(T/T_ref) for k_BT ≫ ħω.

    Parameters
    ----------
    omega : float or array_like
        Angular frequency (rad s⁻¹).
    T, T_ref : float or array_like
        Temperature and reference temperature (K).
    C : float or array_like
        Tunnelling strength (dimensionless).

    Returns
    -------
    float or numpy.ndarray
        Relative velocity change (dimensionless).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    The Kramers–Kronig partner of :func:`Q_resonant`, with ψ the digamma function :cite:`phillips1987two`:

    .. math:: \frac{\Delta v}{v}\Big|_{res} = C\left[\mathrm{Re}\,\psi\!\left(\tfrac12 + \frac{\hbar\omega}{2\pi i k_BT}\right)
              - \ln\frac{\hbar\omega}{k_BT}\right] + \mathrm{const}

    Examples
    --------
    >>> import math
    >>> round(velocity_shift_resonant(1.0, math.e, 1e-3, 1.0) / 1e-3, 9)
    1.0
    """
    def g(temp: Real) -> Real:
        z = 0.5 + hbar * omega / (2j * np.pi * k_B * temp)
        return np.real(special.digamma(z)) - np.log(hbar * omega / (k_B * temp))

    return C * (g(T) - g(T_ref))


@checked
def velocity_shift_relaxation(omega: RadPerS, T: Kelvin, C: Dimensionless, P_bar: PerErgCm3, v: CmPerS, T_ref: Kelvin) -> Real:
    r"""Relaxational change of sound velocity, :math:`\Delta v/v(T) - \Delta v/v(T_{ref})`:
    :math:`-\tfrac32 C \ln(T/T_{ref})` for :math:`\omega\tau_{min} \ll 1`.

    Parameters
    ----------
    omega : float or array_like
        Angular frequency (rad s⁻¹).
    T, T_ref : float or array_like
        Temperature and reference temperature (K).
    C, P_bar, v : float or array_like
        As in :func:`~glasson.formulas.tunneling.tau_min`.

    Returns
    -------
    float or numpy.ndarray
        Relative velocity change (dimensionless).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    The real partner of :func:`Q_relaxation`:

    .. math::

        \frac{\Delta v}{v}\Big|_{rel} = -\frac{C}{2k_BT}&\int_0^\infty dE\,\mathrm{sech}^2\frac{E}{2k_BT} \\
            \times &\int_0^1 du\,\frac{\sqrt{1-u^2}}{u}\frac{1}{1+\omega^2\tau^2} + \mathrm{const}

    Examples
    --------
    >>> import math
    >>> s = velocity_shift_relaxation(1.0, math.e, 1e-3, 1e30, 4e5, 1.0)
    >>> round(s / 1e-3, 4)
    -1.5
    """
    def total(temp: Real) -> Real:
        om, tt, CC, PP, cc = np.broadcast_arrays(omega, temp, C, P_bar, v)
        x, weights = sech2_energy_nodes(om.ndim)
        a = om * tau_min(2 * k_B * tt * x, tt, CC, PP, cc)
        _, J = relaxation_kernels(a)
        return -CC * np.sum(weights * J, axis=0)

    return total(T) - total(T_ref)


@checked
def kappa_stm(T: Kelvin, C: Dimensionless, v: CmPerS) -> Real:
    r"""Thermal conductivity limited by resonant TLS scattering (erg s⁻¹ cm⁻¹ K⁻¹): κ ∝ T².

    Notes
    -----
    The resonant rate τ⁻¹ = πCω tanh(ħω/2k_BT) is that of :func:`glasson.formulas.scattering.rate_resonant` with Q⁻¹ = πC,
    so the closed form is :func:`glasson.formulas.conductivity.kappa_resonant` (three branches of velocity v):

    .. math:: \kappa = \frac{k_B^3 T^2}{6\hbar^2\, \pi C}\sum_{pol}\frac{1}{v}

    Examples
    --------
    >>> import math
    >>> kappa_stm(1.0, 1e-4 / math.pi, 4e5) == kappa_resonant(1.0, 1e-4, 4e5)
    True
    """
    return kappa_resonant(T, np.pi * C, v)
