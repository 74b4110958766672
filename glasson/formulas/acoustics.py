"""Sound attenuation by glassons (Section 3.2, Eqns 14–15): coupling, K_F-s, and the internal friction Q⁻¹.

CGS throughout: energies in erg, masses in g, lengths in cm, velocities in cm s⁻¹. The paper's second form of
K_F-s replaces ρ by M_atom/a³ (one atom of mass M_atom per volume a³); :func:`atomic_mass` returns that mass
from the paper's own inputs ρ and a. The sympy twins are in :mod:`glasson.symbolic`.
"""

from __future__ import annotations

import numpy as np

from glasson.core.constants import hbar
from glasson.core.units import Cm, CmPerS, Dimensionless, Erg, Gram, GramPerCm3, PerCm, PerErgCm3, RadPerS, Real, Second
from glasson.core.validation import checked

__all__ = [
    "atomic_mass", "coupling_scale", "K_Fs", "K_Fs_as_printed", "internal_friction_from_K_Fs", "internal_friction",
    "internal_friction_from_mean_free_path", "K_Qt_implied", "a_for_internal_friction",
    "internal_friction_golden_rule", "internal_friction_broadened", "internal_friction_pair", "K_Qt_conventions",
]


@checked
def atomic_mass(rho: GramPerCm3, a: Cm) -> Real:
    r"""Mass per atom :math:`M_{atom} = \rho a^3`: one atom per volume a³.

    Parameters
    ----------
    rho : float or array_like
        Mass density (g cm⁻³).
    a : float or array_like
        Inter-atomic distance (cm).

    Returns
    -------
    float or numpy.ndarray
        :math:`M_{atom}` (g).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    The relation that turns the first form of :math:`K_{F-s}` in Sec. 3.2 of :cite:`turlakov2022fermion` into
    the second (ρ = M_atom/a³):

    .. math:: M_{atom} = \rho a^3

    Examples
    --------
    >>> f"{atomic_mass(2.2, 2.5e-8):.4e}"
    '3.4375e-23'
    """
    return rho * a**3


@checked
def coupling_scale(eps_F: Erg, M_atom: Gram, c_t: CmPerS) -> Real:
    r"""The glasson–phonon coupling of the paper's conjecture, :math:`\lambda_{gl-ph} = \sqrt{\epsilon_F M_{atom} c_t^2}`.

    Parameters
    ----------
    eps_F : float or array_like
        Fermi energy (erg).
    M_atom : float or array_like
        Atomic mass (g).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        :math:`\lambda_{gl-ph}` (erg).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Sec. 3.2 of :cite:`turlakov2022fermion`, by analogy with simple metals :cite:`abrikosov1988fundamentals`:

    .. math:: \lambda_{gl-ph}^2 \simeq \epsilon_F M_{atom} c_t^2

    Examples
    --------
    >>> coupling_scale(4.0, 1.0, 1.0)
    2.0
    """
    return np.sqrt(eps_F * M_atom * c_t**2)


@checked
def K_Fs(nu: PerErgCm3, lambda_glph: Erg, rho: GramPerCm3, c_t: CmPerS) -> Real:
    r"""The dimensionless coupling :math:`K_{F-s} = \nu(\epsilon_F) \lambda^2/(\rho c_t^2)` (first printed form).

    Parameters
    ----------
    nu : float or array_like
        Density of states at the Fermi energy [1/(erg cm³)].
    lambda_glph : float or array_like
        Glasson–phonon coupling λ (erg).
    rho : float or array_like
        Mass density (g cm⁻³).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        :math:`K_{F-s}` (dimensionless).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Definition below Eq. (14) of :cite:`turlakov2022fermion`:

    .. math:: K_{F-s} \equiv \frac{\nu(\epsilon_F) \lambda_{gl-ph}^2}{\rho c_t^2}

    With ν of free spin-1/2 fermions and ρ = M_atom/a³ it equals (k_F a)³ λ²/(2π² ε_F M_atom c_t²):
    the second printed form (:func:`K_Fs_as_printed`) lacks the factor 1/(2π²).

    Examples
    --------
    >>> K_Fs(2.0, 3.0, 1.0, 3.0)
    2.0
    """
    return nu * lambda_glph**2 / (rho * c_t**2)


@checked
def K_Fs_as_printed(lambda_glph: Erg, eps_F: Erg, M_atom: Gram, c_t: CmPerS, k_F: PerCm, a: Cm) -> Real:
    r"""The second printed form :math:`K_{F-s} = \lambda^2 (k_F a)^3/(\epsilon_F M_{atom} c_t^2)`.

    Parameters
    ----------
    lambda_glph : float or array_like
        Glasson–phonon coupling λ (erg).
    eps_F : float or array_like
        Fermi energy (erg).
    M_atom : float or array_like
        Atomic mass (g).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).
    k_F : float or array_like
        Fermi wave-vector (cm⁻¹).
    a : float or array_like
        Inter-atomic distance (cm).

    Returns
    -------
    float or numpy.ndarray
        The printed second form (dimensionless).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    As printed below Eq. (14) of :cite:`turlakov2022fermion`:

    .. math:: K_{F-s} = \frac{\lambda_{gl-ph}^2}{\epsilon_F M_{atom} c_t^2} (k_F a)^3

    Examples
    --------
    >>> K_Fs_as_printed(1.0, 1.0, 1.0, 1.0, 2.0, 1.0)
    8.0
    """
    return lambda_glph**2 * (k_F * a) ** 3 / (eps_F * M_atom * c_t**2)


@checked
def internal_friction_from_K_Fs(K: Dimensionless, c_t: CmPerS, v_F: CmPerS) -> Real:
    r"""Internal friction of transverse sound, Eq. (14): :math:`Q_t^{-1} \simeq \pi K_{F-s}\, c_t/v_F`.

    Parameters
    ----------
    K : float or array_like
        The coupling :math:`K_{F-s}` (dimensionless).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).
    v_F : float or array_like
        Fermi velocity (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        :math:`Q_t^{-1}` (dimensionless).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Eq. (14) of :cite:`turlakov2022fermion`:

    .. math:: Q_t^{-1} \simeq \pi K_{F-s} \frac{c_t}{v_F}

    Examples
    --------
    >>> import math
    >>> internal_friction_from_K_Fs(1 / math.pi, 1.0, 2.0)
    0.5
    """
    return np.pi * K * c_t / v_F


@checked
def internal_friction(k_F: PerCm, a: Cm, c_t: CmPerS, v_F: CmPerS, K_Qt: Dimensionless = 1.0) -> Real:
    r"""Internal friction of transverse sound, Eq. (15): :math:`Q_t^{-1} = K_{Q,t}(k_F a)^3 c_t/v_F`.

    Parameters
    ----------
    k_F : float or array_like
        Fermi wave-vector (cm⁻¹).
    a : float or array_like
        Inter-atomic distance (cm).
    c_t : float or array_like
        Transverse sound velocity (cm s⁻¹).
    v_F : float or array_like
        Fermi velocity (cm s⁻¹).
    K_Qt : float or array_like, optional
        The "number of order 1" :math:`K_{Q,t}` (default 1). Eq. (14) with the paper's coupling gives
        :func:`K_Qt_implied` = 1/(2π).

    Returns
    -------
    float or numpy.ndarray
        :math:`Q_t^{-1}` (dimensionless).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Eq. (15) of :cite:`turlakov2022fermion`:

    .. math:: Q_t^{-1} = K_{Q,t} (k_F a)^3 \frac{c_t}{v_F}

    Examples
    --------
    >>> internal_friction(0.1, 1.0, 1.0, 1.0)
    0.0010000000000000002
    """
    return K_Qt * (k_F * a) ** 3 * c_t / v_F


@checked
def internal_friction_from_mean_free_path(l_over_lambda: Dimensionless) -> Real:
    r"""Internal friction from the ratio of mean free path to wavelength, :math:`Q^{-1} = \lambda/(2\pi l)`.

    Parameters
    ----------
    l_over_lambda : float or array_like
        Phonon mean free path over wavelength, :math:`l/\lambda` (dimensionless).

    Returns
    -------
    float or numpy.ndarray
        :math:`Q^{-1}` (dimensionless).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Sec. 3.2 of :cite:`turlakov2022fermion`:

    .. math:: Q^{-1} = \frac{1}{2\pi} \frac{\lambda}{l}

    Examples
    --------
    >>> round(internal_friction_from_mean_free_path(150.0), 6)
    0.001061
    """
    return 1 / (2 * np.pi * l_over_lambda)


def K_Qt_implied() -> float:
    r"""The constant :math:`K_{Q,t}` that Eq. (14) gives with the paper's own coupling: :math:`1/(2\pi)`.

    With ν = k_F³/(2π²ε_F) (free spin-1/2 fermions), λ² = ε_F M_atom c_t² and ρ = M_atom/a³, Eq. (14) becomes
    Eq. (15) with :math:`K_{Q,t} = \pi/(2\pi^2) = 1/(2\pi)` (derived by :func:`glasson.symbolic.acoustics.K_Qt_from_eq14`).

    Examples
    --------
    >>> round(K_Qt_implied(), 6)
    0.159155
    """
    return 1 / (2 * np.pi)


def K_Qt_conventions() -> dict[str, float]:
    r"""The constant :math:`K_{Q,t}` of Eq. (15) in each reading of Eq. (14), with the paper's coupling.

    Keys as in :func:`glasson.symbolic.acoustics.K_Qt_conventions`, which derives each value: ``golden rule``
    (Eq. 14 as derived, :func:`internal_friction_golden_rule`) 1/(4π); ``free-fermion nu`` (Eq. 14 as printed
    with the free-fermion ν) 1/(2π); ``paper nu_0`` (with the paper's ν₀ = p_F m_F/ħ³) π/2; ``second form``
    (with the second printed form of K_F-s) π.

    Examples
    --------
    >>> {k: round(v, 4) for k, v in K_Qt_conventions().items()}
    {'golden rule': 0.0796, 'free-fermion nu': 0.1592, 'paper nu_0': 1.5708, 'second form': 3.1416}
    """
    return {"golden rule": 1 / (4 * np.pi), "free-fermion nu": 1 / (2 * np.pi), "paper nu_0": np.pi / 2,
            "second form": float(np.pi)}


@checked
def a_for_internal_friction(Q_inv_target: Dimensionless, k_F: PerCm, c_t: CmPerS, v_F: CmPerS,
                            K_Qt: Dimensionless = 1.0) -> Real:
    r"""The inter-atomic distance for which Eq. (15) gives ``Q_inv_target``: Eq. (15) solved for a.

    Parameters
    ----------
    Q_inv_target : float or array_like
        Internal friction to reach (dimensionless).
    k_F, c_t, v_F, K_Qt : float or array_like
        As in :func:`internal_friction` (cm⁻¹, cm s⁻¹, cm s⁻¹, dimensionless).

    Returns
    -------
    float or numpy.ndarray
        a (cm).

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    .. math:: a = \frac{1}{k_F} \left(\frac{Q^{-1} v_F}{K_{Q,t}\, c_t}\right)^{1/3}

    Examples
    --------
    >>> round(a_for_internal_friction(1e-3, 0.1, 1.0, 1.0), 12)
    1.0
    """
    return np.cbrt(Q_inv_target * v_F / (K_Qt * c_t)) / k_F


@checked
def internal_friction_golden_rule(K: Dimensionless, c_s: CmPerS, v_F: CmPerS) -> Real:
    r"""Eq. (14) as derived: sound absorbed by a Fermi sea with momentum conservation, :math:`(\pi/2) K c_s/v_F`.

    Parameters
    ----------
    K : float or array_like
        :math:`K_{F\text{-}s} = \nu\lambda^2/(\rho c_s^2)` with ν the density of states of both spins
        (dimensionless).
    c_s : float or array_like
        Sound velocity (cm s⁻¹) (below ``v_F``).
    v_F : float or array_like
        Fermi velocity (cm s⁻¹).

    Returns
    -------
    float or numpy.ndarray
        :math:`Q^{-1}` (dimensionless).

    Raises
    ------
    ValueError
        If an input is not positive and finite, or c_s ≥ v_F (no Fermi-surface state can absorb the phonon).

    Notes
    -----
    Golden rule with a deformation coupling, momentum conservation and detailed balance
    (:func:`glasson.symbolic.acoustics.golden_rule_absorption`; the collisionless limit q l ≫ 1 of
    :cite:`pippard1955ultrasonic`):

    .. math:: Q^{-1} = \frac{\pi}{2}\,\frac{\nu\lambda^2}{\rho c_s^2}\,\frac{c_s}{v_F}

    The printed coefficient π of Eq. (14) is this result with ν read as the density of states of one spin.

    Examples
    --------
    >>> import math
    >>> round(internal_friction_golden_rule(2 / math.pi, 1.0, 2.0), 12)
    0.5
    """
    if np.any(c_s >= v_F):
        raise ValueError("c_s must be below v_F: a phonon faster than the Fermi velocity is not absorbed")
    return np.pi / 2 * K * c_s / v_F


@checked
def internal_friction_broadened(K: Dimensionless, c_s: CmPerS, v_F: CmPerS, omega: RadPerS, tau: Second) -> Real:
    r"""Eq. (14) without momentum conservation: the energy δ broadened by the transport rate 1/τ.

    Parameters
    ----------
    K : float or array_like
        :math:`K_{F\text{-}s}` as in :func:`internal_friction_golden_rule` (dimensionless).
    c_s, v_F : float or array_like
        Sound and Fermi velocities (cm s⁻¹).
    omega : float or array_like
        Angular frequency of the sound (rad s⁻¹).
    tau : float or array_like
        Transport (momentum) relaxation time of the fermions (s).

    Returns
    -------
    float or numpy.ndarray
        :math:`Q^{-1}` (dimensionless): :func:`internal_friction_golden_rule` for q l ≫ 1 (c_s < v_F), and
        K ωτ for q l ≪ 1, with no c_s/v_F.

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    The exact Fermi-surface average of a Lorentzian of width ħ/τ
    (:func:`glasson.symbolic.acoustics.broadened_absorption`), with q = ω/c_s:

    .. math:: Q^{-1} = \frac{K c_s}{2 v_F}\left[\arctan\bigl((q v_F + \omega)\tau\bigr)
              + \arctan\bigl((q v_F - \omega)\tau\bigr)\right]

    Examples
    --------
    >>> round(internal_friction_broadened(1.0, 1.0, 2.0, 1.0, 1e-6) / 1e-6, 9)
    1.0
    """
    qv = omega * v_F / c_s
    return K * c_s / (2 * v_F) * (np.arctan((qv + omega) * tau) + np.arctan((qv - omega) * tau))


@checked
def internal_friction_pair(omega: RadPerS, g: Dimensionless, eps_F: Erg) -> Real:
    r"""Internal friction of the pair (M^z) channel of Eq. (11) with detailed balance: :math:`g\hbar\omega/\epsilon_F`.

    Parameters
    ----------
    omega : float or array_like
        Angular frequency (rad s⁻¹).
    g : float or array_like
        Dimensionless pair coupling of :func:`glasson.formulas.scattering.rate_pair`.
    eps_F : float or array_like
        Fermi energy (erg).

    Returns
    -------
    float or numpy.ndarray
        :math:`Q^{-1}` (dimensionless), ∝ ω and independent of T.

    Raises
    ------
    ValueError
        If an input is not positive and finite.

    Notes
    -----
    Without momentum conservation any pair of levels ε₁ − ε₂ = ħω absorbs; the net rate of Eq. (11) over ω
    (:func:`glasson.symbolic.acoustics.pair_channel_absorption`):

    .. math:: Q^{-1} = \frac{\tau^{-1}}{\omega} = g\,\frac{\hbar\omega}{\epsilon_F}

    Examples
    --------
    >>> internal_friction_pair(2.0, 1.0, hbar)
    2.0
    """
    return g * hbar * omega / eps_F

#: Short name after the paper's symbol (PlasmaPy's convention: a trailing underscore).
Q_inv_t_ = internal_friction
__aliases__ = ["Q_inv_t_"]
__all__ += __aliases__
