"""Section 3.2 (Eqs. 14–15): the two forms of K_F-s, the constant K_Q,t in each density-of-states convention,
and Eq. (14) derived from its kinetic ingredients (golden rule with and without momentum conservation)."""

from __future__ import annotations

import sympy as sp

from glasson.symbolic._cache import derivation
from glasson.symbolic._symbols import (
    M_atom,
    M_z,
    T,
    V,
    a,
    c_s,
    c_t,
    eps_F,
    hbar,
    k_B,
    k_F,
    lam,
    m_F,
    nu,
    q,
    rho,
    tau,
    v_F,
    y,
)
from glasson.symbolic.fermi import free_fermion_dos
from glasson.symbolic.thermal import pair_integral

__all__ = ["K_Fs_forms", "K_Qt_from_eq14", "K_Qt_conventions", "golden_rule_absorption",
           "broadened_absorption", "pair_channel_absorption"]


@derivation
def K_Fs_forms() -> dict[str, sp.Expr]:
    """Both printed forms of K_F-s with λ² = ε_F M_atom c_t², ν of free fermions at ε_F and ρ = M_atom/a³.

    Returns ``{"first": ν λ²/(ρ c_t²), "second": λ²(k_F a)³/(ε_F M_atom c_t²), "ratio": second/first}``.

    Examples
    --------
    >>> K_Fs_forms()["ratio"]
    2*pi**2
    """
    nu_at_F = free_fermion_dos().subs(m_F, hbar**2 * k_F**2 / (2 * eps_F))
    lam2 = eps_F * M_atom * c_t**2
    first = sp.simplify((nu_at_F * lam2 / (rho * c_t**2)).subs(rho, M_atom / a**3))
    second = sp.simplify(lam2 * (k_F * a) ** 3 / (eps_F * M_atom * c_t**2))
    return {"first": first, "second": second, "ratio": sp.simplify(second / first)}


def K_Qt_from_eq14() -> sp.Expr:
    """K_Q,t of Eq. (15) implied by Eq. (14) with the first (definition) form of K_F-s and the free-fermion ν.

    Examples
    --------
    >>> K_Qt_from_eq14()
    1/(2*pi)
    """
    Q14 = sp.pi * K_Fs_forms()["first"] * c_t / v_F
    return sp.simplify(Q14 / ((k_F * a) ** 3 * c_t / v_F))


@derivation
def K_Qt_conventions() -> dict[str, sp.Expr]:
    """The constant K_Q,t of Eq. (15) in each reading of Eq. (14), all with the paper's λ² = ε_F M_atom c_t².

    * ``golden rule``: Eq. (14) as derived (:func:`golden_rule_absorption`), ν the free-fermion density of states
      of both spins: 1/(4π);
    * ``free-fermion nu``: Eq. (14) as printed, ν(ε_F) the free-fermion density of states: 1/(2π);
    * ``paper nu_0``: Eq. (14) as printed with the paper's own ν₀ = p_F m_F/ħ³ (Sec. 3.1): π/2;
    * ``second form``: Eq. (14) with the second printed form of K_F-s: π.

    Examples
    --------
    >>> K_Qt_conventions()
    {'golden rule': 1/(4*pi), 'free-fermion nu': 1/(2*pi), 'paper nu_0': pi/2, 'second form': pi}
    """
    forms = K_Fs_forms()
    volume = (k_F * a) ** 3
    nu_free = free_fermion_dos()
    nu_paper = hbar * k_F * m_F / hbar**3
    paper_over_free = sp.simplify(nu_paper / nu_free)
    clean = golden_rule_absorption()["Q_over_K"]
    return {"golden rule": sp.simplify(clean * forms["first"] / volume),
            "free-fermion nu": sp.simplify(sp.pi * forms["first"] / volume),
            "paper nu_0": sp.simplify(sp.pi * paper_over_free * forms["first"] / volume),
            "second form": sp.simplify(sp.pi * forms["second"] / volume)}


def _angular_delta() -> sp.Expr:
    """Fermi-surface average of δ(ħ v_F q cos θ − ħω) at ω = c_s q, for c_s < v_F: 1/(2ħ v_F q)."""
    mu = sp.Symbol("mu", real=True)  # cos θ
    w = sp.Symbol("w", positive=True)  # c_s = v_F/(1 + w) states c_s < v_F, so that sympy can decide the step
    average = sp.integrate(sp.DiracDelta(hbar * v_F * q * mu - hbar * c_s * q), (mu, -1, 1)) / 2
    return sp.simplify(average.subs(c_s, v_F / (1 + w)))


@derivation
def golden_rule_absorption() -> dict[str, sp.Expr]:
    """Eq. (14) derived: internal friction of sound absorbed by a Fermi sea, momentum conserved (Pippard's q l ≫ 1).

    Assumptions, each an ingredient of the kinetic calculation the paper cites :cite:`abrikosov1988fundamentals`:

    1. deformation coupling: one phonon of wave-vector q and frequency ω = c_s q in a volume V has the strain
       amplitude q (ħ/2ρVω)^{1/2}, so the squared matrix element is λ² ħ q²/(2ρVω);
    2. free fermions with density of states ν per volume (both spins) at ε_F, q ≪ k_F and ħω ≪ ε_F, so that
       ε_{k+q} − ε_k = ħ v_F q cos θ;
    3. absorption minus stimulated emission, ∫[f(ε − ħω) − f(ε)] dε = ħω
       (:func:`glasson.symbolic.thermal.pair_integral`, ``net=True``);
    4. momentum conservation: energy conservation selects cos θ = c_s/v_F on the Fermi surface, possible for
       c_s < v_F (the collisionless limit q l ≫ 1 of :cite:`pippard1955ultrasonic`);
    5. the phonon decay rate Γ is the golden-rule rate, and Q⁻¹ = Γ/ω.

    Returns the angular average, Γ, Q⁻¹, and Q⁻¹ in units of K_F-s c_s/v_F with K_F-s = νλ²/(ρc_s²): π/2. The
    printed coefficient π is recovered when ν in K_F-s is read as the density of states of one spin direction.

    Examples
    --------
    >>> golden_rule_absorption()["Q_over_K"]
    pi/2
    """
    omega = c_s * q
    matrix_element = lam**2 * hbar * q**2 / (2 * rho * V * omega)
    energy_window = (k_B * T * pair_integral(net=True)).subs(y, hbar * omega / (k_B * T))
    angle = _angular_delta()
    rate = sp.simplify(2 * sp.pi / hbar * matrix_element * V * nu * energy_window * angle)
    Q = sp.simplify(rate / omega)
    K = nu * lam**2 / (rho * c_s**2)
    return {"angular": angle, "rate": rate, "Q_inv": Q, "Q_over_K": sp.simplify(Q / (K * c_s / v_F))}


@derivation
def broadened_absorption() -> dict[str, sp.Expr]:
    """Eq. (14) when momentum is not conserved: the energy delta broadened by the transport rate 1/τ.

    The δ of :func:`golden_rule_absorption` is replaced by a Lorentzian of width ħ/τ (a model of scattering by
    disorder that keeps the golden-rule structure; a self-consistent kinetic theory gives the same scaling with
    another coefficient :cite:`pippard1955ultrasonic`). Returns

    * ``angular``: the exact Fermi-surface average of the Lorentzian;
    * ``ratio``: that average over the collisionless one, a function of q l = q v_F τ and c_s/v_F;
    * ``clean``: its limit τ → ∞ (1: Eq. 14);
    * ``dirty``: its leading term for q l → 0: (2/π) q l;
    * ``Q_dirty_over_K``: Q⁻¹/K_F-s in the dirty limit: ω τ, with no c_s/v_F. The attenuation rate Q⁻¹ω then
      grows as ω²τ.

    Examples
    --------
    >>> r = broadened_absorption()
    >>> r["clean"], r["Q_dirty_over_K"]
    (1, c_s*q*tau)
    """
    mu = sp.Symbol("mu", real=True)
    w = sp.Symbol("w", positive=True)
    width = hbar / tau
    lorentzian = (width / sp.pi) / ((hbar * v_F * q * mu - hbar * c_s * q) ** 2 + width**2)
    average = sp.simplify(sp.integrate(lorentzian, (mu, -1, 1)) / 2)
    ratio = sp.simplify(average / _angular_delta())
    below = ratio.subs(c_s, v_F / (1 + w))  # c_s < v_F, as in the collisionless result
    clean = sp.simplify(sp.limit(below, tau, sp.oo))
    dirty = sp.simplify(sp.series(ratio, tau, 0, 2).removeO())
    Q_clean_over_K = golden_rule_absorption()["Q_over_K"] * c_s / v_F
    return {"angular": average, "ratio": ratio, "clean": clean, "dirty": dirty,
            "Q_dirty_over_K": sp.simplify(Q_clean_over_K * dirty)}


@derivation
def pair_channel_absorption() -> dict[str, sp.Expr]:
    """The pair (M^z) channel of Eq. (11) as an absorber of sound, without momentum conservation.

    Localised fermions: a phonon of frequency ω is absorbed by any pair of levels ε₁ − ε₂ = ħω, with no
    selection by momentum. Eq. (11) with the fermion pair density ν_pair (erg⁻²) that the printed form lacks,
    and with detailed balance (absorption minus stimulated emission), gives the rate
    Γ = (2πω/ħ)|M^z|² ν_pair ∫dε₁[n_F(ε₁ − ħω) − n_F(ε₁)], and Q⁻¹ = Γ/ω. Returns Q⁻¹, its ω and T exponents,
    and the symbols it depends on (no sound or Fermi velocity).

    Examples
    --------
    >>> r = pair_channel_absorption()
    >>> r["omega_exponent"], r["T_derivative"], r["depends_on"]
    (1, 0, ['M^{z}', 'nu_pair', 'omega'])
    """
    omega = sp.Symbol("omega", positive=True)
    nu_pair = sp.Symbol("nu_pair", positive=True)
    window = (k_B * T * pair_integral(net=True)).subs(y, hbar * omega / (k_B * T))
    rate = 2 * sp.pi * omega / hbar * M_z**2 * nu_pair * window
    Q = sp.simplify(rate / omega)
    return {"Q_inv": Q, "omega_exponent": sp.simplify(omega * sp.diff(sp.log(Q), omega)),
            "T_derivative": sp.diff(Q, T), "depends_on": sorted(str(s) for s in Q.free_symbols)}

