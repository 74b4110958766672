"""The standard tunnelling model (STM) of two-level systems, for comparison with the glasson phenomenology.

Two-level systems (TLS) with asymmetry Δ and tunnel splitting Δ₀, energy E = (Δ² + Δ₀²)^{1/2}, distributed as
P(Δ, Δ₀) = P̄/Δ₀ :cite:`anderson1972anomalous,phillips1972tunneling`, coupled to strain by a deformation
potential γ; the tunnelling strength is C = P̄γ²/(ρv²). With u = Δ₀/E the relaxation time of a TLS is
τ = τ_min(E)/u², where the fastest rate, for one-phonon processes on three branches of velocity c, is
τ_min⁻¹ = 3 C E³ coth(E/2k_BT)/(2π P̄ ħ⁴ c³) :cite:`jackle1972ultrasonic`. The formulas below follow from these
definitions (their sympy derivations are in :mod:`glasson.symbolic`, ``stm_*``); reviews that state them are
:cite:`phillips1987two` and :cite:`pohl2002low`. CGS throughout: T in K, ω in rad s⁻¹, energies in erg.
"""

from __future__ import annotations

import numpy as np
from scipy import special

from glasson.core.constants import hbar, k_B
from glasson.core.units import (
    CmPerS,
    Dimensionless,
    Erg,
    ErgPerGramK2,
    GramPerCm3,
    Kelvin,
    NonNegative,
    PerErgCm3,
    PerErgCm3OrZero,
    Real,
    Second,
)
from glasson.core.validation import checked
from glasson.formulas.numerics import sech2_energy_nodes

__all__ = ["tls_density_from_slope", "tls_heat_capacity", "tau_min", "tls_density_at_time", "calibrate_P_bar",
           "calibrate_P_bar_leading_log", "relaxed_fraction", "heat_capacity_at_time",
           "heat_capacity_at_time_leading_log"]


@checked
def tls_density_from_slope(rho: GramPerCm3, cv_slope: ErgPerGramK2) -> Real:
    r"""TLS density of states n₀ [1/(erg cm³)] that gives the measured linear specific heat.

    Parameters
    ----------
    rho : float or array_like
        Mass density (g cm⁻³).
    cv_slope : float or array_like
        Measured C_v/T per unit mass (erg g⁻¹ K⁻²).

    Returns
    -------
    float or numpy.ndarray
        n₀ [1/(erg cm³)].

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Inverting :func:`tls_heat_capacity`. For the same slope a Fermi glass needs ν = n₀/2 (each fermion level at
    ±E is a TLS of splitting E; :func:`glasson.symbolic.tunneling.stm_fermion_dos_ratio`):

    .. math:: n_0 = \frac{6\, \rho\, C_v/T}{\pi^2 k_B^2}

    Examples
    --------
    >>> f"{tls_density_from_slope(2.2, 10.0):.3e}"
    '7.016e+32'
    """
    return 6 * rho * cv_slope / (np.pi**2 * k_B**2)


@checked
def tls_heat_capacity(T: Kelvin, n0: PerErgCm3OrZero) -> Real:
    r"""Specific heat per volume of TLS with a constant density of states n₀: :math:`(\pi^2/6) n_0 k_B^2 T`.

    Parameters
    ----------
    T : float or array_like
        Temperature (K).
    n0 : float or array_like
        TLS density of states [1/(erg cm³)]; zero when no TLS has relaxed within the measuring time.

    Returns
    -------
    float or numpy.ndarray
        C (erg cm⁻³ K⁻¹).

    Raises
    ------
    ValueError
        If T is not positive and finite, or n0 is negative or not finite.

    Notes
    -----
    The Schottky heat capacity :math:`k_B (E/2k_BT)^2 \mathrm{sech}^2(E/2k_BT)` summed over a flat density of states
    (:func:`glasson.symbolic.tunneling.stm_heat_capacity`):

    .. math:: C = \frac{\pi^2}{6} n_0 k_B^2 T

    Examples
    --------
    >>> import math
    >>> round(tls_heat_capacity(1.0, 6 / (math.pi**2 * k_B**2)), 12)
    1.0
    """
    return np.pi**2 / 6 * n0 * k_B**2 * T


@checked
def tau_min(E: Erg, T: Kelvin, C: Dimensionless, P_bar: PerErgCm3, v: CmPerS) -> Real:
    r"""Shortest one-phonon relaxation time of TLS of energy E (symmetric TLS, u = 1) (s).

    Parameters
    ----------
    E : float or array_like
        TLS energy (erg).
    T : float or array_like
        Temperature (K).
    C : float or array_like
        Tunnelling strength, the same for the three branches (dimensionless).
    P_bar : float or array_like
        Distribution constant P̄ [1/(erg cm³)].
    v : float or array_like
        Sound velocity of the three branches (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        τ_min (s).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    The one-phonon rate of :cite:`jackle1972ultrasonic`,

    .. math:: \tau_{min}^{-1} = \left(\frac{\gamma_l^2}{v_l^5} + \frac{2\gamma_t^2}{v_t^5}\right)
              \frac{E^3}{2\pi\rho\hbar^4}\coth\frac{E}{2k_BT},

    with :math:`\gamma^2 = C\rho c^2/\bar P` and one velocity for both polarizations, is

    .. math:: \tau_{min}^{-1} = \frac{3 C E^3}{2\pi \bar P \hbar^4 v^3} \coth\frac{E}{2k_BT}

    Examples
    --------
    >>> tau_min(1.0, 1e30, 2 * 3.14159265358979 / 3, 1.0, 1.0) * hbar**4 < 1.0001
    True
    """
    return 2 * np.pi * P_bar * hbar**4 * v**3 / (3 * C * E**3) * np.tanh(E / (2 * k_B * T))


@checked
def tls_density_at_time(t: Second, T: Kelvin, C: Dimensionless, P_bar: PerErgCm3, v: CmPerS) -> Real:
    r"""Density of TLS that relax within a time t, at the thermal energy E = k_BT: :math:`(\bar P/2)\ln(4t/\tau_{min})`.

    Parameters
    ----------
    t : float or array_like
        Measuring time (s).
    T : float or array_like
        Temperature (K).
    C, P_bar, v : float or array_like
        As in :func:`tau_min`.

    Returns
    -------
    float or numpy.ndarray
        n₀(t) [1/(erg cm³)]; zero where t < τ_min/4.

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    ∫ du P̄/(u√(1−u²)) over u > (τ_min/t)^{1/2}, in the limit t ≫ τ_min (:func:`glasson.symbolic.tunneling.stm_time_dependence`):

    .. math:: n_0(t) = \frac{\bar P}{2}\ln\frac{4t}{\tau_{min}(k_BT)}

    Examples
    --------
    >>> import math
    >>> t = tau_min(k_B * 0.1, 0.1, 3e-4, 1e32, 4e5)
    >>> round(tls_density_at_time(t * math.e**2 / 4, 0.1, 3e-4, 1e32, 4e5) / 1e32, 12)
    1.0
    """
    tm = tau_min(k_B * T, T, C, P_bar, v)
    return P_bar / 2 * np.log(np.maximum(4 * t / tm, 1.0))


@checked
def calibrate_P_bar_leading_log(rho: GramPerCm3, cv_slope: ErgPerGramK2, t_exp: Second, T_exp: Kelvin,
                                C: Dimensionless, v: CmPerS) -> Real:
    r"""The P̄ of the leading-log STM (:func:`heat_capacity_at_time_leading_log`) that reproduces a measured C_v/T.

    The leading-log model takes every TLS to have the thermal energy E = k_BT and to have relaxed exactly when
    τ < t (:func:`tls_density_at_time`); valid for t ≫ τ_min(k_BT). :func:`calibrate_P_bar` solves the exact
    model instead.

    Solves :math:`\tfrac{\bar P}{2}\ln(4t_{exp}/\tau_{min}(\bar P)) = n_0`, with n₀ from
    :func:`tls_density_from_slope` and :math:`\tau_{min} = A\bar P` (:func:`tau_min` is linear in P̄), in
    closed form with the lower real branch of the Lambert W function:

    .. math:: \bar P = \frac{2n_0}{u}, \qquad u = -W_{-1}\!\left(-\frac{2 n_0 A}{4 t_{exp}}\right)

    (the branch with :math:`u \ge 1`, i.e. :math:`4t_{exp} \ge e\,\tau_{min}`: the measurement is slower than
    the fastest relaxation). Vectorised.

    Raises
    ------
    ValueError
        If an input is not positive and finite, or if no P̄ exists: :math:`\bar P\ln(4t/A\bar P)` is at most
        :math:`4t/(eA)`, so a slope larger than that cannot be reached at ``t_exp`` (the message says so).

    Examples
    --------
    >>> P = calibrate_P_bar_leading_log(2.2, 10.0, 1.0, 0.5, 3e-4, 4e5)
    >>> round(tls_density_at_time(1.0, 0.5, 3e-4, P, 4e5) / tls_density_from_slope(2.2, 10.0), 10)
    1.0
    """
    n0 = tls_density_from_slope(rho, cv_slope)
    A = tau_min(k_B * np.asarray(T_exp, dtype=float), T_exp, C, 1.0, v)  # τ_min = A·P̄ (s cm³ erg)
    z = -2 * n0 * A / (4 * np.asarray(t_exp, dtype=float))
    if np.any(z < -1 / np.e):
        raise ValueError("t_exp must be long enough for the STM to reach the measured slope: with these inputs "
                         "no P̄ satisfies (P̄/2) ln(4 t_exp/τ_min) = n₀ (it needs 4 t_exp ≥ e·τ_min); "
                         "lengthen t_exp or check cv_slope, C, c and T_exp")
    u = -np.real(special.lambertw(z, k=-1))
    return 2 * n0 / u


@checked
def heat_capacity_at_time_leading_log(T: Kelvin, t: Second, C: Dimensionless, P_bar: PerErgCm3, v: CmPerS) -> Real:
    r"""Leading-log time-dependent STM specific heat per volume, :math:`\frac{\pi^2}{12}\bar P k_B^2 T\ln(4t/\tau_{min})`.

    In erg/(cm³ K), with τ_min at E = k_BT (:func:`tls_density_at_time`): valid only for t ≫ τ_min(k_BT).
    :func:`heat_capacity_at_time` is exact.

    Examples
    --------
    >>> later = heat_capacity_at_time_leading_log(0.5, 1.0, 3e-4, 1e32, 4e5)
    >>> later > heat_capacity_at_time_leading_log(0.5, 1e-6, 3e-4, 1e32, 4e5)
    True
    """
    return tls_heat_capacity(T, tls_density_at_time(t, T, C, P_bar, v))



@checked
def relaxed_fraction(a: NonNegative) -> Real:
    r"""The u-integral of the time-dependent heat capacity, :math:`I(a) = \int_0^1 (1 - e^{-a u^2})\,du/(u\sqrt{1-u^2})`.

    Parameters
    ----------
    a : float or array_like
        t/τ_min(E): measuring time over the shortest relaxation time at the TLS energy (dimensionless).

    Returns
    -------
    float or numpy.ndarray
        I(a) (dimensionless): ≈ a for a ≪ 1, ≈ (ln 4a + γ)/2 for a ≫ 1.

    Raises
    ------
    ValueError
        If ``a`` is negative or not finite.

    Notes
    -----
    TLS with u = Δ₀/E relax in τ = τ_min/u²; measured at time t each contributes the fraction 1 − e^{−t/τ} of
    its heat capacity, and the distribution P̄/(u√(1−u²)) turns the sum into P̄ I(t/τ_min). Sympy shows
    dI/da = F(√a)/√a with F the Dawson function (:func:`glasson.symbolic.tunneling.stm_relaxed_fraction`), so

    .. math:: I(a) = 2\int_0^{\sqrt a} F(s)\,ds,

    evaluated by Gauss–Legendre quadrature of :func:`scipy.special.dawsn` (in ln s beyond s = 10, where
    F(s) ≈ 1/2s).

    Examples
    --------
    >>> import math
    >>> round(relaxed_fraction(1e8) / (0.5 * (math.log(4e8) + 0.5772156649015329)), 9)
    1.0
    """
    X = np.sqrt(np.asarray(a, dtype=float))
    near = np.minimum(X, _S_SPLIT)
    s = 0.5 * near[..., None] * (_GL_X + 1.0)                      # nodes on [0, min(X, 10)]
    inner = 0.5 * near * np.sum(_GL_W * special.dawsn(s), axis=-1)
    far = X > _S_SPLIT
    log_lo, log_hi = np.log(_S_SPLIT), np.log(np.where(far, X, _S_SPLIT))
    r = 0.5 * (log_hi - log_lo)[..., None] * (_GL_X + 1.0) + log_lo  # nodes in ln s on [ln 10, ln X]
    outer = 0.5 * (log_hi - log_lo) * np.sum(_GL_W * np.exp(r) * special.dawsn(np.exp(r)), axis=-1)
    return 2.0 * (inner + np.where(far, outer, 0.0))


#: Gauss–Legendre nodes for :func:`relaxed_fraction` (64 per interval), and where the log-spaced part starts.
_GL_X, _GL_W = np.polynomial.legendre.leggauss(64)
_S_SPLIT = 10.0


@checked
def heat_capacity_at_time(T: Kelvin, t: Second, C: Dimensionless, P_bar: PerErgCm3, v: CmPerS) -> Real:
    r"""STM specific heat per volume measured at a time t after the temperature change (erg cm⁻³ K⁻¹).

    Parameters
    ----------
    T : float or array_like
        Temperature (K).
    t : float or array_like
        Measuring time (s).
    C, P_bar, v : float or array_like
        As in :func:`tau_min`.

    Returns
    -------
    float or numpy.ndarray
        C(T, t) (erg cm⁻³ K⁻¹).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Every TLS of energy E contributes its Schottky heat capacity times the fraction that has relaxed,
    averaged over u exactly (:func:`relaxed_fraction`) and over E by quadrature, with x = E/2k_BT:

    .. math:: C(T, t) = 2\bar P k_B^2 T \int_0^\infty x^2\,\mathrm{sech}^2 x\;
              I\!\left(\frac{t}{\tau_{min}(2k_BTx)}\right) dx

    No approximation in t/τ_min or in E: for t ≫ τ_min(k_BT) it approaches the leading-log form
    (:func:`heat_capacity_at_time_leading_log`), which takes E = k_BT and a sharp relaxation.

    Examples
    --------
    >>> heat_capacity_at_time(0.5, 1.0, 3e-4, 1e32, 4e5) > heat_capacity_at_time(0.5, 1e-6, 3e-4, 1e32, 4e5)
    True
    """
    T, t, C, P_bar, v = np.broadcast_arrays(T, t, C, P_bar, v)
    x, weights = sech2_energy_nodes(T.ndim, power=2)
    a = t / tau_min(2 * k_B * T * x, T, C, P_bar, v)
    return 2 * P_bar * k_B**2 * T * np.sum(weights * relaxed_fraction(a), axis=0)


@checked
def calibrate_P_bar(rho: GramPerCm3, cv_slope: ErgPerGramK2, t_exp: Second, T_exp: Kelvin, C: Dimensionless,
                    v: CmPerS) -> Real:
    r"""The P̄ for which the STM reproduces a measured slope C_v/T at measuring time t_exp and temperature T_exp.

    Parameters
    ----------
    rho : float or array_like
        Mass density (g cm⁻³).
    cv_slope : float or array_like
        Measured C_v/T per unit mass (erg g⁻¹ K⁻²).
    t_exp, T_exp : float or array_like
        Measuring time (s) and temperature (K) of the measurement.
    C, v : float or array_like
        Tunnelling strength (dimensionless) and sound velocity (cm s⁻¹), as in :func:`tau_min`.

    Returns
    -------
    float or numpy.ndarray
        P̄ [1/(erg cm³)].

    Raises
    ------
    ValueError
        If an input is not positive and finite, or if no P̄ reaches the slope at ``t_exp`` (the message says so).

    Notes
    -----
    Solves :func:`heat_capacity_at_time` (T_exp, t_exp) = ρ (C_v/T) T_exp. Since τ_min = A(E) P̄,
    :math:`\bar P\, I(t/A\bar P)` increases monotonically with P̄ towards t/A (I(b)/b decreases) and is
    concave, so the root is unique when it exists and Newton's method from below reaches it, on the whole array
    at once.

    Examples
    --------
    >>> P = calibrate_P_bar(2.2, 10.0, 1.0, 0.5, 3e-4, 4e5)
    >>> round(heat_capacity_at_time(0.5, 1.0, 3e-4, P, 4e5) / (2.2 * 10.0 * 0.5), 10)
    1.0
    """
    rho, cv_slope, t_exp, T_exp, C, v = np.broadcast_arrays(rho, cv_slope, t_exp, T_exp, C, v)
    target = rho * cv_slope * T_exp
    x, weights = sech2_energy_nodes(rho.ndim, power=2)
    A = tau_min(2 * k_B * T_exp * x, T_exp, C, 1.0, v)              # τ_min = A·P̄ at each energy node
    supremum = 2 * k_B**2 * T_exp * np.sum(weights * t_exp / A, axis=0)  # P̄ → ∞: P̄ I(t/AP̄) → t/A
    if np.any(target >= supremum * (1 - 1e-9)):
        raise ValueError("t_exp must be long enough for the STM to reach the measured slope: with these inputs "
                         "no P̄ gives C(T_exp, t_exp) = ρ (C_v/T) T_exp (the TLS cannot relax fast enough); "
                         "lengthen t_exp or check cv_slope, C, c and T_exp")
    # g(P̄) = Σ w x² sech²x P̄ I(t/AP̄) is increasing and concave in P̄, so Newton's method started below the
    # root climbs to it monotonically: g' = Σ w x² sech²x [I(b) − √b F(√b)], b = t/AP̄, F the Dawson function.
    goal = target / (2 * k_B**2 * T_exp)
    P = tls_density_from_slope(rho, cv_slope) * 1e-12
    for _ in range(200):
        b = t_exp / (A * P)
        value = np.sum(weights * P * relaxed_fraction(b), axis=0)
        slope = np.sum(weights * (relaxed_fraction(b) - np.sqrt(b) * special.dawsn(np.sqrt(b))), axis=0)
        step = (goal - value) / slope
        P = P + step
        if np.all(np.abs(step) <= 1e-14 * P):
            return P
    raise RuntimeError("calibrate_P_bar: Newton's method did not converge")  # pragma: no cover
