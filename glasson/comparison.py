"""The glasson phenomenology (GPP) beside the standard tunnelling model (STM), observable by observable.

Both models are set up for the same glass from the same data: GPP as a :class:`~glasson.model.GlassonModel`,
the STM as a :class:`~glasson.model.TunnelingModel` with the tunnelling strength C of ``data/tunneling.toml`` and
a distribution constant P̄ calibrated once so that it reproduces the same measured specific-heat slope. Every
function here takes the two models. Heat capacities are per unit mass [erg/(g K)], thermal conductivities in
erg/(s cm K), frequencies f in Hz (ω = 2πf).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from . import acoustics, fermi, operators, thermal, tunneling
from . import constants as const
from .materials import load_table
from .model import GlassonModel, TunnelingModel

__all__ = ["dos_from_scaling", "heat_capacity", "internal_friction", "velocity_shift", "thermal_conductivity",
           "DEPENDENCES", "discriminating_predictions", "ACCURACY", "PREDICTION_KINDS"]

#: Experimental accuracies assumed when judging whether two predictions can be told apart (compendium choices).
ACCURACY: dict[str, float] = {"internal_friction_relative": 0.10, "heat_capacity_relative": 0.05,
                              "velocity_shift_per_decade": 1e-6, "kappa_exponent": 0.1}


def dos_from_scaling(model: GlassonModel) -> dict[str, float]:
    """The glasson density of states that Sec. 4.2 says is "derived from the single crossover length", against
    the one the measured C_v/T requires.

    With k_F ξ = 1 and the Eq. (8) mass, ν = m_gl k_F/(π²ħ²) = m_gl/(π²ħ²ξ); the measured slope needs
    ν = 3ρ(C_v/T)/(π²k_B²) (Sommerfeld). Since ν_scaling ∝ Λ⁻², the Λ at which they agree is also returned [eV].
    """
    nu_scaling = fermi.density_of_states(1 / model.xi, model.m_gl)
    nu_measured = 3 * model.rho * model.cv_slope / (np.pi**2 * const.k_B**2)
    Lambda_match = const.erg_to_eV(model.Lambda) * np.sqrt(nu_scaling / nu_measured)
    return {"nu_scaling": float(nu_scaling), "nu_measured": float(nu_measured),
            "ratio": float(nu_scaling / nu_measured), "Lambda_match_eV": float(Lambda_match)}


def heat_capacity(model: GlassonModel, stm: TunnelingModel, T: Any,
                  times: tuple[float, ...] = (1e-6, 1.0, 3600.0)) -> dict[str, Any]:
    """Specific heat per unit mass [erg/(g K)]: GPP (time-independent) and the STM at several measuring times,
    exact in the measuring time and averaged over the TLS energies (:func:`glasson.tunneling.heat_capacity_at_time`)."""
    debye = thermal.debye_heat_capacity(T, model.c_t, model.c_l) / model.rho
    out = {"GPP": thermal.glasson_heat_capacity(T, model.rho, model.cv_slope) / model.rho + debye}
    for t in times:
        out[t] = tunneling.heat_capacity_at_time(T, t, stm.C, stm.P_bar, stm.c) / model.rho + debye
    out["Debye phonons"] = debye
    return out


def internal_friction(model: GlassonModel, stm: TunnelingModel, T: Any, f: float) -> dict[str, Any]:
    """Q⁻¹(T) at frequency f: GPP resonant (Eq. 12 with Q_t⁻¹ of Eq. 15) and pair (Eq. 11, net); STM resonant,
    relaxational and total."""
    omega = 2 * np.pi * f
    stm_res = tunneling.Q_resonant(omega, T, stm.C)
    stm_rel = tunneling.Q_relaxation(omega, T, stm.C, stm.P_bar, stm.c)
    return {
        "GPP resonant": model.Q_inv_t * thermal.resonant_factor(const.hbar * omega / (const.k_B * np.asarray(T))),
        "GPP pair": acoustics.internal_friction_pair(omega, model.Q_inv_t, model.eps_F) * np.ones_like(T),
        "STM resonant": stm_res, "STM relaxation": stm_rel, "STM total": stm_res + stm_rel,
    }


def velocity_shift(model: GlassonModel, stm: TunnelingModel, T: Any, f: float, T_ref: float) -> dict[str, Any]:
    """Δv/v(T) − Δv/v(T_ref) at frequency f: STM resonant + relaxational, and the resonant shift implied by
    Eq. (12) through Kramers–Kronig (the paper states none)."""
    omega = 2 * np.pi * f
    res = tunneling.velocity_shift_resonant(omega, T, stm.C, T_ref)
    rel = tunneling.velocity_shift_relaxation(omega, T, stm.C, stm.P_bar, stm.c, T_ref)
    return {"STM total": res + rel, "STM resonant": res, "STM relaxation": rel,
            "GPP implied": tunneling.velocity_shift_resonant(omega, T, model.Q_inv_t / np.pi, T_ref)}


def thermal_conductivity(model: GlassonModel, stm: TunnelingModel, T: Any) -> dict[str, Any]:
    """κ(T): GPP resonant branch (coupling Q_t⁻¹ of Eq. 15) and STM resonant scattering (coupling πC)."""
    return {"GPP": thermal.kappa_resonant(T, model.Q_inv_t, model.c_t, model.c_l),
            "STM": thermal.kappa_resonant(T, np.pi * stm.C, model.c_t, model.c_l)}


#: Temperature and frequency dependences predicted by the two models (model statements, not numbers).
DEPENDENCES: tuple[dict[str, str], ...] = (
    {"observable": "specific heat C(T)", "STM": "∝ T ln(4t/τ_min): grows with the measuring time t",
     "GPP": "∝ T (Sommerfeld); T/ln(T_Q/T) with Eq. 13; no time dependence derived"},
    {"observable": "thermal conductivity κ(T)", "STM": "∝ T² (resonant scattering)",
     "GPP": "∝ T² (resonant branch, Eq. 12); ∝ T (pair branch, Eq. 11); T^(2−α) with Eq. 13"},
    {"observable": "resonant absorption Q⁻¹(T, ω)", "STM": "πC tanh(ħω/2k_BT)",
     "GPP": "Q_t⁻¹ tanh(ħω/2k_BT) (Eq. 12): the same form, with Q_t⁻¹ of Eq. 15"},
    {"observable": "relaxational absorption, ħω ≪ k_BT", "STM": "plateau πC/2 for ωτ_min ≪ 1; ∝ T³/ω below",
     "GPP": "silent: no relaxation channel is derived; the pair branch gives ∝ ω, independent of T"},
    {"observable": "sound velocity Δv/v(T)", "STM": "+C ln T (low T), −(C/2) ln T (high T): a maximum",
     "GPP": "silent; Eq. 12 implies +(Q_t⁻¹/π) ln T by Kramers–Kronig, with no maximum"},
    {"observable": "two interacting defects", "STM": "pseudo-spin coupling",
     "GPP": "fermions: the same spectrum as the pseudo-spins on two sites (Jordan–Wigner is local)"},
    {"observable": "three defects in a loop", "STM": "hard-core bosons",
     "GPP": "fermions: the spectrum differs at order of the coupling t (string on the closing bond)"},
    {"observable": "nonlinear (saturated) absorption", "STM": "resonant part saturates with sound intensity",
     "GPP": "silent (Sec. 4.3 names nonlinear response as the test, without a formula)"},
)


def discriminating_predictions(material: Material, T_window: tuple[float, float] = (0.05, 1.0)) -> list[dict[str, Any]]:
    """Measurable differences between the two models for ``material``, each with the range where it exceeds the
    assumed experimental accuracy (:data:`ACCURACY`). Every number is computed here."""
    tun = load_table("tunneling")
    T = np.geomspace(*T_window, 60)
    rows: list[dict[str, Any]] = []

    # 1. low-frequency internal friction
    f = tun["f_torsional"].value
    q = internal_friction(material, T, f)
    gpp = q["GPP resonant (Eq. 12)"] + q["GPP pair, net (Eq. 11)"]
    ratio = q["STM total"] / gpp
    rows.append({
        "observable": f"internal friction at {f / 1e3:g} kHz, {T_window[0]:g}–{T_window[1]:g} K",
        "STM": f"{np.min(q['STM total']):.1e} – {np.max(q['STM total']):.1e}",
        "GPP": f"{np.min(gpp):.1e} – {np.max(gpp):.1e}",
        "discriminates": bool(np.all(np.abs(ratio - 1) > ACCURACY["internal_friction_relative"])),
        "where": f"everywhere in the window: STM/GPP = {np.min(ratio):.1e} – {np.max(ratio):.1e}",
    })

    # 2. time-dependent specific heat
    p = stm_parameters(material)
    t1, t2 = 1e-6, 1e2
    c1 = tunneling.heat_capacity_at_time(T, t1, p["C"], p["P_bar"], p["c"])
    c2 = tunneling.heat_capacity_at_time(T, t2, p["C"], p["P_bar"], p["c"])
    with np.errstate(divide="ignore"):
        growth = np.where(c1 > 0, c2 / np.where(c1 > 0, c1, 1.0) - 1, np.inf)
    ok = growth > ACCURACY["heat_capacity_relative"]
    rows.append({
        "observable": f"specific heat measured at {t1:g} s and {t2:g} s",
        "STM": f"grows by {np.min(growth[np.isfinite(growth)]) * 100:.0f} % or more",
        "GPP": "no change derived",
        "discriminates": bool(np.any(ok)),
        "where": (f"T = {T[ok].min():.2g} – {T[ok].max():.2g} K (growth > "
                  f"{ACCURACY['heat_capacity_relative'] * 100:g} %)") if np.any(ok) else "nowhere",
    })

    # 3. velocity shift above its maximum
    T_ref = T_window[1]
    v = velocity_shift(material, T, f, T_ref)
    decade = np.log(10.0)
    slope_stm_hot = float(np.gradient(v["STM total"], np.log(T))[-1] * decade)
    slope_gpp = float(np.gradient(v["GPP, implied by Eq. 12 (not in the paper)"], np.log(T))[-1] * decade)
    rows.append({
        "observable": f"slope of Δv/v per decade of T at {T_window[1]:g} K, {f / 1e3:g} kHz",
        "STM": f"{slope_stm_hot:.1e}", "GPP": f"{slope_gpp:.1e} (implied, no maximum)",
        "discriminates": abs(slope_stm_hot - slope_gpp) > ACCURACY["velocity_shift_per_decade"],
        "where": f"resolution better than {abs(slope_stm_hot - slope_gpp):.0e} per decade",
    })

    # 4. spectroscopy of coupled defects
    two = operators.ring_spectra(2, 1, t=1)
    three = operators.ring_spectra(3, 2, t=1)
    gap = float(min(three["TLS"]) - min(three["fermions"]))
    rows.append({
        "observable": "spectra of coupled defects (coupling t)",
        "STM": f"3 in a loop, 2 excitations: ground state {float(min(three['TLS'])):g} t",
        "GPP": f"{float(min(three['fermions'])):g} t; on 2 sites both give {[float(e) for e in two['fermions']]} t",
        "discriminates": True,
        "where": f"loops of 3 or more, when |t| exceeds the linewidth (difference {abs(gap):g} t); never for 2",
    })

    # 5. thermal conductivity exponent
    rows.append({
        "observable": "thermal conductivity exponent",
        "STM": "2", "GPP": "2 (resonant), 2 − α with Eq. 13",
        "discriminates": False,
        "where": f"only if α exceeds the exponent accuracy ({ACCURACY['kappa_exponent']:g})",
    })
    return rows
