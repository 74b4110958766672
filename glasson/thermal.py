"""Specific heat and phonon thermal conductivity (Section 3.1, Eqns 9–13).

CGS: temperatures in K, energies in erg, frequencies in rad/s, velocities in cm/s, heat capacities per unit
volume in erg/(cm³ K), thermal conductivity in erg/(s cm K). Phonons are Debye (linear dispersion) with two
transverse and one longitudinal branch; when no longitudinal velocity is known all three branches get c_t
(an upper bound on the phonon heat capacity, since c_l > c_t). Scattering rates are written with a
dimensionless coupling: the resonant (Eq. 12) branch as :math:`\\tau^{-1} = Q^{-1}\\, \\omega \\tanh(\\hbar\\omega/2k_BT)`,
where :math:`Q^{-1}` is the internal friction of Section 3.2 (its ħω ≫ k_BT limit), and the pair (Eq. 11)
branch as :math:`\\tau^{-1} = g\\, \\omega\\, I(\\omega, T)/\\epsilon_F` with :math:`I` the fermion-pair integral.
The sympy derivations of the closed forms are in :mod:`glasson.symbolic`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from scipy import integrate, special

from ._validation import checked
from .constants import hbar, k_B

__all__ = [
    "glasson_heat_capacity", "debye_heat_capacity", "crossover_temperature", "inverse_sound_cubes",
    "fermi_dirac_integral", "fermi_gas_chemical_potential", "fermi_gas_heat_capacity_ratio",
    "sommerfeld_correction", "phonon_mode_heat_capacity", "pair_factor", "pair_factor_quadrature",
    "resonant_factor",
    "rate_resonant", "rate_pair", "kappa_resonant", "kappa_pair", "kappa_spectral", "KAPPA_INTEGRALS",
    "dominant_phonon_x", "thermal_phonon_peak_x", "closed_form_check", "dos_log_correction", "heat_capacity_exponent",
    "kappa_exponent", "dipolar_coupling", "dipolar_u_dd", "NU_CONVENTIONS",
]

#: The dimensionless integrals of the κ closed forms (proved by sympy in glasson.symbolic.kappa_integrals).
KAPPA_INTEGRALS: dict[str, float] = {
    "resonant": float(np.pi**2),           # ∫ x³ eˣ(eˣ+1)/(eˣ−1)³ dx
    "pair_net": float(np.pi**2 / 3),       # ∫ x² eˣ/(eˣ−1)² dx
    "pair_gross": float(2 * special.zeta(3)),  # ∫ x²/(eˣ−1) dx
}


# --- specific heat ---------------------------------------------------------------------------------------
@checked(positive=("T", "rho", "cv_slope"))
def glasson_heat_capacity(T: Any, rho: Any, cv_slope: Any) -> Any:
    r"""Linear glasson specific heat per volume, :math:`C_{gl} = \rho (C_v/T)\, T`.

    Parameters
    ----------
    T : float or array_like
        Temperature [K].
    rho : float or array_like
        Mass density [g/cm³].
    cv_slope : float or array_like
        Linear slope per unit mass C_v/T [erg/(g K²)].

    Returns
    -------
    float or numpy.ndarray
        :math:`C_{gl}` [erg/(cm³ K)].

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


@checked(positive=("c_t", "c_l"))
def inverse_sound_cubes(c_t: Any, c_l: Any = None) -> Any:
    r"""Sum over the three acoustic branches of :math:`1/c^3` [s³/cm³]: :math:`2/c_t^3 + 1/c_l^3`.

    With ``c_l`` absent every branch gets ``c_t`` (3/c_t³), an upper bound on phonon heat capacity.

    Examples
    --------
    >>> inverse_sound_cubes(1.0, 2.0)
    2.125
    """
    c_l = c_t if c_l is None else c_l
    return 2 / c_t**3 + 1 / c_l**3


@checked(positive=("T", "c_t", "c_l"))
def debye_heat_capacity(T: Any, c_t: Any, c_l: Any = None) -> Any:
    r"""Low-temperature (Debye T³) phonon specific heat per volume from the sound velocities.

    Parameters
    ----------
    T : float or array_like
        Temperature [K], well below the Debye temperature.
    c_t : float or array_like
        Transverse sound velocity [cm/s] (two branches).
    c_l : float or array_like, optional
        Longitudinal sound velocity [cm/s] (one branch); if None, ``c_t`` is used for all three.

    Returns
    -------
    float or numpy.ndarray
        :math:`C_{ph}` [erg/(cm³ K)].

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


@checked(positive=("rho", "cv_slope", "c_t", "c_l"))
def crossover_temperature(rho: Any, cv_slope: Any, c_t: Any, c_l: Any = None) -> Any:
    r"""Temperature at which the linear glasson and the Debye phonon specific heats are equal.

    Parameters
    ----------
    rho : float or array_like
        Mass density [g/cm³].
    cv_slope : float or array_like
        Linear slope per unit mass C_v/T [erg/(g K²)].
    c_t : float or array_like
        Transverse sound velocity [cm/s].
    c_l : float or array_like, optional
        Longitudinal sound velocity [cm/s]; if None, ``c_t`` for all branches.

    Returns
    -------
    float or numpy.ndarray
        :math:`T_\times` [K].

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


@checked(finite=("eta",))
def fermi_dirac_integral(j: float, eta: Any) -> Any:
    r"""Complete Fermi–Dirac integral :math:`\mathcal F_j(\eta) = \frac{1}{\Gamma(j+1)}\int_0^\infty \frac{x^j\,dx}{e^{x-\eta}+1}`.

    Vectorised over ``eta`` (one adaptive quadrature for the whole array, :func:`scipy.integrate.quad_vec`),
    for j > −1; the substitution x = s² removes the x^{−1/2} end-point singularity. Relative accuracy ~1e-12.

    Examples
    --------
    >>> import math
    >>> abs(fermi_dirac_integral(0.0, 0.0) - math.log(2)) < 1e-13
    True
    """
    shape = np.shape(eta)
    eta = np.atleast_1d(eta)
    if j <= -1:
        raise ValueError(f"j must be greater than -1, got {j}")
    upper = np.sqrt(max(float(eta.max()), 0.0) + 60.0)

    def integrand(s: float) -> np.ndarray:
        x = s * s
        with np.errstate(over="ignore"):
            occ = special.expit(eta - x)  # 1/(e^{x-η}+1)
        return 2 * s ** (2 * j + 1) * occ

    breaks = np.sqrt(np.clip(eta[(eta > 0) & (eta < upper**2)], 0, None))
    pts = np.unique(breaks)[:: max(1, len(breaks) // 50)] if breaks.size else None
    value, _ = integrate.quad_vec(integrand, 0.0, upper, epsrel=1e-13, epsabs=0.0, points=pts, limit=20000)
    return (value / special.gamma(j + 1)).reshape(shape)


@checked(positive=("t",))
def fermi_gas_chemical_potential(t: Any) -> Any:
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


@checked(positive=("t",))
def fermi_gas_heat_capacity_ratio(t: Any) -> Any:
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
    From the Fermi–Dirac integrals (:func:`fermi_dirac_integral`) at the η of :func:`fermi_gas_chemical_potential`:

    .. math:: \frac{C_V}{N k_B} = \frac{15}{4}\frac{\mathcal F_{3/2}(\eta)}{\mathcal F_{1/2}(\eta)}
              - \frac{9}{4}\frac{\mathcal F_{1/2}(\eta)}{\mathcal F_{-1/2}(\eta)}
    """
    if np.any(t < 0.01):
        raise ValueError("t must be at least 0.01 (use sommerfeld_correction below)")
    eta = fermi_gas_chemical_potential(t)
    f32, f12, fm12 = (fermi_dirac_integral(j, eta) for j in (1.5, 0.5, -0.5))
    c_per_nk = 3.75 * f32 / f12 - 2.25 * f12 / fm12
    return c_per_nk / (np.pi**2 / 2 * t)


@checked(nonnegative=("t",))
def sommerfeld_correction(t: Any) -> Any:
    r"""Next order of the Sommerfeld expansion: :math:`C/(\gamma T) \approx 1 - \frac{3\pi^2}{10} t^2`, t = T/T_F.

    Examples
    --------
    >>> round(sommerfeld_correction(0.1), 4)
    0.9704
    """
    return 1 - 3 * np.pi**2 / 10 * t**2


# --- phonon spectrum and scattering -------------------------------------------------------------------------
@checked(nonnegative=("x",))
def phonon_mode_heat_capacity(x: Any) -> Any:
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


@checked(nonnegative=("x",))
def pair_factor(x: Any, net: bool = True) -> Any:
    r"""The fermion-pair integral of Eq. (11) in units of k_BT, as a function of :math:`x = \hbar\omega/k_BT`.

    Parameters
    ----------
    x : float or array_like
        :math:`\hbar\omega/k_B T` [dimensionless].
    net : bool
        True: absorption minus stimulated emission (detailed balance), ``x``. False: absorption alone, as
        printed, :math:`x/(1-e^{-x})`.

    Returns
    -------
    float or numpy.ndarray
        :math:`I/(k_BT)` [dimensionless].

    Notes
    -----
    With :math:`f` the Fermi function and energies from ε_F (closed form: :func:`glasson.symbolic.thermal.pair_integral`):

    .. math:: \int d\epsilon_1 \bigl(1-f(\epsilon_1)\bigr) f(\epsilon_1-\hbar\omega)
              = \frac{\hbar\omega}{1-e^{-\hbar\omega/k_BT}}, \qquad
              \int d\epsilon_1 \bigl[f(\epsilon_1-\hbar\omega) - f(\epsilon_1)\bigr] = \hbar\omega

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


@checked(nonnegative=("x",))
def pair_factor_quadrature(x: Any, net: bool = True) -> Any:
    r"""The fermion-pair integral of Eq. (11) by direct quadrature (:func:`scipy.integrate.quad`), for checking.

    The same integral as :func:`pair_factor`, in units of :math:`k_BT`, integrated numerically over the
    fermion energy at each ``x`` (slow: one adaptive quadrature per element; for tests and benchmarks).

    .. math:: \int d\epsilon \, f(\epsilon)\bigl(1-f(\epsilon+x)\bigr) \quad\text{or}\quad
              \int d\epsilon \, \bigl[f(\epsilon) - f(\epsilon+x)\bigr]

    Parameters
    ----------
    x : float or array_like
        :math:`\hbar\omega/k_B T` [dimensionless].
    net : bool
        As in :func:`pair_factor`.

    Returns
    -------
    float or numpy.ndarray
        :math:`I/(k_BT)` [dimensionless].

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
        integrand = lambda e: weight * fermi(e) * fermi(-(e + xv))  # noqa: E731
        value, _ = integrate.quad(integrand, -60.0 - xv, 60.0, points=[-xv, 0.0], epsabs=0.0, epsrel=1e-13,
                                  limit=200)
        return value

    x = np.asarray(x, dtype=float)
    out = np.vectorize(one, otypes=[float])(x)
    return float(out) if out.ndim == 0 else out


@checked(nonnegative=("x",))
def resonant_factor(x: Any) -> Any:
    r"""The thermal factor of Eq. (12), :math:`1 - 2 n_F(x) = \tanh(x/2)` with :math:`x = \hbar\omega/k_BT`.

    Examples
    --------
    >>> round(resonant_factor(2.0), 6)
    0.761594
    """
    return np.tanh(np.asarray(x, dtype=float) / 2)


@checked(positive=("omega", "T", "Q"))
def rate_resonant(omega: Any, T: Any, Q: Any) -> Any:
    r"""Resonant (Eq. 12) scattering rate of a phonon, :math:`\tau^{-1} = Q^{-1} \omega \tanh(\hbar\omega/2k_BT)`.

    Parameters
    ----------
    omega : float or array_like
        Angular frequency [rad/s].
    T : float or array_like
        Temperature [K].
    Q : float or array_like
        Dimensionless coupling: the internal friction :math:`Q^{-1}` at ħω ≫ k_BT (Eq. 15).

    Returns
    -------
    float or numpy.ndarray
        :math:`\tau^{-1}` [1/s].

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
    return Q * omega * np.tanh(hbar * omega / (2 * k_B * T))


@checked(positive=("omega", "T", "g", "eps_F"))
def rate_pair(omega: Any, T: Any, g: Any, eps_F: Any, net: bool = True) -> Any:
    r"""Pair (Eq. 11) scattering rate, :math:`\tau^{-1} = g\, \omega\, I(\omega,T)/\epsilon_F`.

    Parameters
    ----------
    omega : float or array_like
        Angular frequency [rad/s].
    T : float or array_like
        Temperature [K].
    g : float or array_like
        Dimensionless coupling (the squared matrix element of Sᶻ times the fermion densities of states, in units of 1/ε_F).
    eps_F : float or array_like
        Fermi energy [erg].
    net : bool
        True (default): absorption minus stimulated emission, I = ħω, T-independent. False: absorption only,
        as printed, :math:`I = \hbar\omega/(1-e^{-\hbar\omega/k_BT})`, which is ≈ k_BT (the paper's "∼ Tω")
        only for ħω ≪ k_BT.

    Returns
    -------
    float or numpy.ndarray
        :math:`\tau^{-1}` [1/s].

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


@checked(positive=("T", "Q", "c_t", "c_l"))
def kappa_resonant(T: Any, Q: Any, c_t: Any, c_l: Any = None) -> Any:
    r"""Phonon thermal conductivity limited by resonant (Eq. 12) scattering, closed form: κ ∝ T².

    Parameters
    ----------
    T : float or array_like
        Temperature [K].
    Q : float or array_like
        Dimensionless coupling :math:`Q^{-1}` (same for every branch).
    c_t : float or array_like
        Transverse sound velocity [cm/s].
    c_l : float or array_like, optional
        Longitudinal velocity [cm/s]; if None all three branches use ``c_t``.

    Returns
    -------
    float or numpy.ndarray
        κ [erg/(s cm K)].

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    The spectral form of Eq. (9), :math:`\kappa = \frac13\sum_{pol}\int C(\omega) c^2 \tau(\omega)\, d\omega`,
    with :func:`rate_resonant` reduces to :math:`\int_0^\infty x^3 e^x(e^x+1)/(e^x-1)^3 dx = \pi^2`
    (:func:`glasson.symbolic.thermal.kappa_integrals`):

    .. math:: \kappa = \frac{k_B^3 T^2}{6 \hbar^2 Q^{-1}} \sum_{pol} \frac{1}{c_{pol}}

    Examples
    --------
    >>> f"{kappa_resonant(1.0, 1e-4, 4e5):.4e}"
    '2.9581e+04'
    """
    return k_B**3 * T**2 / (6 * hbar**2 * Q) * _inverse_velocities(c_t, c_l)


@checked(positive=("T", "g", "eps_F", "c_t", "c_l"))
def kappa_pair(T: Any, g: Any, eps_F: Any, c_t: Any, c_l: Any = None, net: bool = True) -> Any:
    r"""Phonon thermal conductivity limited by pair (Eq. 11) scattering, closed form: κ ∝ T.

    Parameters
    ----------
    T : float or array_like
        Temperature [K].
    g : float or array_like
        Dimensionless coupling of :func:`rate_pair`.
    eps_F : float or array_like
        Fermi energy [erg].
    c_t : float or array_like
        Transverse sound velocity [cm/s].
    c_l : float or array_like, optional
        Longitudinal velocity [cm/s]; if None all three branches use ``c_t``.
    net : bool
        Detailed balance (default) or absorption only (see :func:`rate_pair`).

    Returns
    -------
    float or numpy.ndarray
        κ [erg/(s cm K)].

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


def _inverse_velocities(c_t: Any, c_l: Any) -> Any:
    c_l = c_t if c_l is None else c_l
    return 2 / c_t + 1 / c_l


@checked(positive=("T", "c_t", "c_l", "x_max"))
def kappa_spectral(T: Any, rate: Callable[[np.ndarray, float], np.ndarray], c_t: Any,
                   c_l: Any = None, x_max: Any = 60.0) -> float:
    r"""κ(T) by direct quadrature of the spectral form of Eq. (9), for checking the closed forms.

    :math:`\kappa = \frac13 \sum_{pol} \int_0^\infty C_{pol}(\omega)\, c_{pol}^2\, \tau(\omega)\, d\omega`, with the
    Debye mode density :math:`\omega^2/(2\pi^2 c^3)` and :func:`phonon_mode_heat_capacity`; ``rate(omega, T)``
    returns :math:`\tau^{-1}`. Uses :func:`scipy.integrate.quad` (slow; for tests and benchmarks).
    """
    T, c_t, x_max = float(T), float(c_t), float(x_max)
    w_T = k_B * T / hbar
    mode_heat_capacity = phonon_mode_heat_capacity.__wrapped__  # x is in range here: skip re-validation

    # The integrand of each polarisation is C(ω) c² τ(ω) ω²/(2π² c³): the velocity enters only as 1/c, so the
    # three polarisations share one integral weighted by Σ 1/c_pol.
    def integrand(x: float) -> float:
        w = x * w_T
        return float(k_B * w**2 / (2 * np.pi**2) * mode_heat_capacity(x) / rate(w, T))

    value, _ = integrate.quad(integrand, 0.0, x_max, epsabs=0.0, epsrel=1e-13, limit=500)
    return float(value * w_T / 3 * _inverse_velocities(c_t, None if c_l is None else float(c_l)))


@checked(positive=("T", "Q", "eps_F", "c_t", "c_l"))
def closed_form_check(T: Any, Q: Any, eps_F: Any, c_t: Any, c_l: Any = None) -> list[dict[str, Any]]:
    """κ of each branch by closed form and by :func:`kappa_spectral` (quadrature), with their relative difference."""
    rows = []
    branches = {
        "resonant": (lambda w, t: rate_resonant(w, t, Q), lambda t: kappa_resonant(t, Q, c_t, c_l)),
        "pair, net": (lambda w, t: rate_pair(w, t, Q, eps_F), lambda t: kappa_pair(t, Q, eps_F, c_t, c_l)),
        "pair, absorption only": (lambda w, t: rate_pair(w, t, Q, eps_F, net=False),
                                  lambda t: kappa_pair(t, Q, eps_F, c_t, c_l, net=False)),
    }
    for t in np.atleast_1d(np.asarray(T, dtype=float)):
        for name, (rate, closed) in branches.items():
            k_closed = float(closed(t))
            k_quad = kappa_spectral(float(t), rate, c_t, c_l)
            rows.append({"T_K": float(t), "branch": name, "closed_form": k_closed, "quadrature": k_quad,
                         "relative_difference": abs(k_quad / k_closed - 1)})
    return rows


def dominant_phonon_x() -> float:
    r"""The :math:`x = \hbar\omega/k_BT` at which the dominant-phonon form of Eq. (9) equals the resonant κ exactly.

    Eq. (9) with one phonon frequency, :math:`\kappa = \frac13 C_{ph}(T)\, c^2 \tau(\omega_{dom})`, reproduces
    :func:`kappa_resonant` when :math:`x \tanh(x/2) = 4\pi^2/15`.

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


# --- Eq. (13): dipolar logarithmic correction -----------------------------------------------------------------
@checked(positive=("T", "T_Q"), nonnegative=("u",))
def dos_log_correction(T: Any, u: Any, T_Q: Any) -> Any:
    r"""Suppression of the density of states by dipolar interactions, Eq. (13): :math:`\nu/\nu_0`.

    Parameters
    ----------
    T : float or array_like
        Temperature [K], at most T_Q.
    u : float or array_like
        Dimensionless coupling :math:`\nu_0 \alpha_{d-d}` (≥ 0).
    T_Q : float or array_like
        Quantum crossover temperature [K] (E_Q = k_B T_Q).

    Returns
    -------
    float or numpy.ndarray
        :math:`\nu(T)/\nu_0` [dimensionless].

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
    return 1 / (1 + u * np.log(T_Q / T))


@checked(positive=("T", "T_Q"), nonnegative=("u",))
def heat_capacity_exponent(T: Any, u: Any, T_Q: Any) -> Any:
    r"""Effective exponent :math:`d\ln C/d\ln T = 1 + \alpha` of :math:`C \propto \nu(T)\, T` with Eq. (13).

    Notes
    -----
    .. math:: 1 + \alpha_{eff} = 1 + \frac{u}{1 + u \ln(T_Q/T)}, \qquad u = \nu_0\alpha_{d-d}

    Examples
    --------
    >>> heat_capacity_exponent(1.0, 0.1, 1.0)
    1.1
    """
    return 1 + u / (1 + u * np.log(T_Q / T))


@checked(positive=("T", "T_Q"), nonnegative=("u",))
def kappa_exponent(T: Any, u: Any, T_Q: Any) -> Any:
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
    return 2 - u / (1 + u * np.log(T_Q / T))


#: The two readings of the density of states in u = ν₀α_d-d (:func:`dipolar_u_dd`): the paper's printed
#: ν₀ = ρC_v/(k_BT) (k_B restored: ρ(C_v/T)/k_B²) and the free-fermion (Sommerfeld) ν = 3ρ(C_v/T)/(π²k_B²).
NU_CONVENTIONS = {"paper": 1.0, "sommerfeld": 3 / np.pi**2}


@checked(positive=("Lambda", "rho", "c_t"))
def dipolar_coupling(Lambda: Any, rho: Any, c_t: Any) -> Any:
    r"""The dipolar coupling :math:`\alpha_{d\text{-}d} = \Lambda^2/(\rho c_t^2)` of Eq. (13) [erg cm³].

    Parameters
    ----------
    Lambda : float or array_like
        Bare coupling Λ [erg].
    rho : float or array_like
        Mass density [g/cm³].
    c_t : float or array_like
        Transverse sound velocity [cm/s].

    Returns
    -------
    float or numpy.ndarray
        :math:`\alpha_{d\text{-}d}` [erg cm³].

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


@checked(positive=("cv_slope", "Lambda", "c_t"))
def dipolar_u_dd(cv_slope: Any, Lambda: Any, c_t: Any, convention: str = "paper") -> Any:
    r"""The dimensionless dipolar coupling :math:`u = \nu_0\alpha_{d\text{-}d}` of Eq. (13) from measured inputs.

    Parameters
    ----------
    cv_slope : float or array_like
        Linear specific-heat slope per unit mass C_v/T [erg/(g K²)].
    Lambda : float or array_like
        Bare coupling Λ [erg].
    c_t : float or array_like
        Transverse sound velocity [cm/s].
    convention : {"paper", "sommerfeld"}
        The density of states: the paper's printed ν₀ = ρC_v/(k_BT), or the free-fermion ν that the same
        slope requires, 3/π² times smaller (:data:`NU_CONVENTIONS`).

    Returns
    -------
    float or numpy.ndarray
        u [dimensionless].

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
    >>> from glasson.constants import eV
    >>> round(dipolar_u_dd(10.0, 10 * eV, 4e5), 3)
    0.842
    """
    if convention not in NU_CONVENTIONS:
        raise ValueError(f"convention must be one of {', '.join(NU_CONVENTIONS)}, got {convention!r}")
    return NU_CONVENTIONS[convention] * cv_slope * Lambda**2 / (k_B * c_t) ** 2
