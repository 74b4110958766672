"""The glasson phenomenology (GPP) beside the standard tunnelling model (STM), observable by observable.

Both models are set up for the same glass from the same data: GPP as a :class:`~glasson.models.model.GlassonModel`,
the STM as a :class:`~glasson.models.model.TunnelingModel` with the tunnelling strength C of ``data/tunneling.toml`` and
a distribution constant P̄ calibrated once so that it reproduces the same measured specific-heat slope. Every
function here takes the two models. Heat capacities are per unit mass (erg g⁻¹ K⁻¹), thermal conductivities in
erg/(s cm K), frequencies f in Hz (ω = 2πf).
"""

from __future__ import annotations

import numpy as np

from glasson.core import constants as const
from glasson.core.text import duration, frequency, number, percent
from glasson.core.units import Real, Row
from glasson.data.materials import get as get_material
from glasson.data.materials import load_table, stephens_set
from glasson.formulas import (
    acoustics,
    conductivity,
    dipolar,
    fermi,
    operators,
    scattering,
    tunneling,
    tunneling_acoustics,
)
from glasson.formulas import heat_capacity as hc
from glasson.models.model import GlassonModel, TunnelingModel

__all__ = ["dos_from_scaling", "heat_capacity", "internal_friction", "kappa_ratio", "velocity_shift", "thermal_conductivity",
           "DEPENDENCES", "discriminating_predictions", "ACCURACY", "PREDICTION_KINDS", "PLATEAU_WINDOW_K"]

#: The temperatures (K) over which the internal friction at the torsional frequency is compared with the plateau.
PLATEAU_WINDOW_K: tuple[float, float] = (0.05, 1.0)
#: Experimental accuracies assumed when judging whether two predictions can be told apart (compendium choices).
ACCURACY: dict[str, float] = {"internal_friction_relative": 0.10, "heat_capacity_relative": 0.05,
                              "velocity_shift_per_decade": 1e-6, "kappa_exponent": 0.1}


def dos_from_scaling(model: GlassonModel) -> dict[str, float]:
    """The glasson density of states that Sec. 4.2 says is "derived from the single crossover length", against
    the one the measured C_v/T requires.

    With k_F ξ = 1 and the Eq. (8) mass, ν = m_gl k_F/(π²ħ²) = m_gl/(π²ħ²ξ); the measured slope needs
    ν = 3ρ(C_v/T)/(π²k_B²) (Sommerfeld). Since ν_scaling ∝ Λ⁻², the Λ at which they agree is also returned (eV).
    """
    nu_scaling = fermi.density_of_states(1 / model.xi, model.m_gl)
    nu_measured = 3 * model.rho * model.cv_slope / (np.pi**2 * const.k_B**2)
    Lambda_match = const.erg_to_eV(model.Lambda) * np.sqrt(nu_scaling / nu_measured)
    return {"nu_scaling": float(nu_scaling), "nu_measured": float(nu_measured),
            "ratio": float(nu_scaling / nu_measured), "Lambda_match_eV": float(Lambda_match)}


def heat_capacity(model: GlassonModel, stm: TunnelingModel, T: Real,
                  times: tuple[float, ...] = (1e-6, 1.0, 3600.0)) -> dict[str | float, Real]:
    """Specific heat per unit mass (erg g⁻¹ K⁻¹): GPP (time-independent) and the STM at several measuring times,
    exact in the measuring time and averaged over the TLS energies (:func:`glasson.formulas.tunneling.heat_capacity_at_time`)."""
    debye = hc.debye_heat_capacity(T, model.c_t, model.c_l) / model.rho
    out: dict[str | float, Real] = {"GPP": hc.glasson_heat_capacity(T, model.rho, model.cv_slope) / model.rho + debye}
    for t in times:
        out[t] = tunneling.heat_capacity_at_time(T, t, stm.C, stm.P_bar, stm.v) / model.rho + debye
    out["Debye phonons"] = debye
    return out


def internal_friction(model: GlassonModel, stm: TunnelingModel, T: Real, f: float) -> dict[str, Real]:
    """Q⁻¹(T) at frequency f: GPP in the paper's two readings, Eq. (15) as stated (the golden rule's net rate,
    independent of ω and T, as the paper says twice) and its resonant branch with the tanh(ħω/2k_BT) of Eq. (12),
    plus the pair branch (Eq. 11, net); STM resonant, relaxational and total."""
    omega = 2 * np.pi * f
    stm_res = tunneling_acoustics.Q_resonant(omega, T, stm.C)
    stm_rel = tunneling_acoustics.Q_relaxation(omega, T, stm.C, stm.P_bar, stm.v)
    return {
        "GPP net rate": model.Q_inv_t * np.ones_like(np.asarray(T, dtype=float)),
        "GPP resonant": model.Q_inv_t * scattering.resonant_factor(const.hbar * omega / (const.k_B * np.asarray(T))),
        "GPP pair": acoustics.internal_friction_pair(omega, model.Q_inv_t, model.eps_F) * np.ones_like(T),
        "STM resonant": stm_res, "STM relaxation": stm_rel, "STM total": stm_res + stm_rel,
    }


def kappa_ratio(model: GlassonModel, stm: TunnelingModel, C: float | None = None, K_Qt: float = 1.0,
                coupling: float | None = None) -> float:
    r"""κ of the glasson phenomenology over the STM's, both limited by resonant scattering (both ∝ T²): the ratio of
    the STM's coupling πC to the glasson coupling :math:`K_{Q,t}(k_Fa)^3c_t/v_F` of Eq. (15) (or ``coupling``, a
    reader's choice). It depends on the STM's acoustic coupling ``C`` (default the model's) and on the glasson
    coupling only, not on the specific heat."""
    glasson = K_Qt * model.Q_inv_t if coupling is None else coupling
    return float(np.pi * (stm.C if C is None else C) / glasson)


def velocity_shift(model: GlassonModel, stm: TunnelingModel, T: Real, f: float, T_ref: float) -> dict[str, Real]:
    """Δv/v(T) − Δv/v(T_ref) at frequency f: STM resonant + relaxational, and the resonant shift implied by
    Eq. (12) through Kramers–Kronig (the paper states none)."""
    omega = 2 * np.pi * f
    res = tunneling_acoustics.velocity_shift_resonant(omega, T, stm.C, T_ref)
    rel = tunneling_acoustics.velocity_shift_relaxation(omega, T, stm.C, stm.P_bar, stm.v, T_ref)
    return {"STM total": res + rel, "STM resonant": res, "STM relaxation": rel,
            "GPP implied": tunneling_acoustics.velocity_shift_resonant(omega, T, model.Q_inv_t / np.pi, T_ref)}


def thermal_conductivity(model: GlassonModel, stm: TunnelingModel, T: Real) -> dict[str, Real]:
    """κ(T): GPP resonant branch (coupling Q_t⁻¹ of Eq. 15) and STM resonant scattering (coupling πC)."""
    return {"GPP": conductivity.kappa_resonant(T, model.Q_inv_t, model.c_t, model.c_l),
            "STM": conductivity.kappa_resonant(T, np.pi * stm.C, model.c_t, model.c_l)}


#: Temperature and frequency dependences predicted by the two models (statements of the models, in MyST).
DEPENDENCES: tuple[dict[str, str], ...] = (
    {"observable": "specific heat $C(T)$",
     "STM": r"$\propto T\ln(4t/\tau_{min})$: grows with the measuring time $t$",
     "GPP": r"$\propto T$ (Sommerfeld); $\propto T^{1+\alpha}$ with Eq. (13); no time dependence derived"},
    {"observable": r"thermal conductivity $\kappa(T)$", "STM": r"$\propto T^2$ (resonant scattering)",
     "GPP": r"$\propto T^2$ (resonant branch, Eq. 12), $T^{2-\alpha}$ with Eq. (13); $\propto T$ (pair branch, Eq. 11)"},
    {"observable": r"resonant absorption $Q^{-1}(T, \omega)$", "STM": r"$\pi C\tanh(\hbar\omega/2k_BT)$",
     "GPP": r"$Q_t^{-1}\tanh(\hbar\omega/2k_BT)$ (Eq. 12): the same form, with $Q_t^{-1}$ of Eq. (15)"},
    {"observable": r"relaxational absorption, $\hbar\omega \ll k_BT$",
     "STM": r"plateau $\pi C/2$ for $\omega\tau_{min} \ll 1$; $\propto T^3/\omega$ below",
     "GPP": r"silent: no relaxation is derived; the pair branch gives $\propto \omega$, independent of $T$"},
    {"observable": r"sound velocity $\Delta v/v\,(T)$",
     "STM": r"$+C\ln T$ at low $T$, $-(C/2)\ln T$ at high $T$: a maximum",
     "GPP": r"silent; Eq. (12) implies $+(Q_t^{-1}/\pi)\ln T$ through Kramers–Kronig, with no maximum"},
    {"observable": "nonlinear (saturated) absorption", "STM": "the resonant part saturates with sound intensity",
     "GPP": "silent: Sec. 4.3 names the nonlinear response as the test, without a formula"},
)

#: The three kinds of prediction, as Sections 4.2–4.3 frame them.
PREDICTION_KINDS = ("derived by the paper, and different from the STM",
                    "left open by the paper, and already measured",
                    "spectroscopy of coupled defects")


def _n(x: Real, sig: int = 2) -> str:
    return number(float(x), sig, sci_below=0.01, trim=True)


def discriminating_predictions(model: GlassonModel, stm: TunnelingModel,
                               T_window: tuple[float, float] = PLATEAU_WINDOW_K) -> list[Row]:
    """Where the two models differ measurably for one glass, in the three kinds of :data:`PREDICTION_KINDS`.

    Each row: ``kind``, ``observable``, ``STM``, ``GPP``, ``measured`` (what experiments show, with a citation;
    MyST), ``discriminates`` (whether the difference exceeds the assumed accuracy, :data:`ACCURACY`) and
    ``where`` (the range in which it does). Every number is computed here. The paper itself says the linear
    resonant response of GPP should match the STM's; the contrasts of the second kind concern what the paper
    does not derive.
    """
    tun = load_table("tunneling")
    T = np.geomspace(*T_window, 60)
    rows: list[Row] = []
    kind_a, kind_b, kind_c = PREDICTION_KINDS

    has_coupling = model.available("Q_inv_t")
    lacking = ("needs the coupling $Q_t^{-1}$ of Eq. (15), hence an inter-atomic distance, which this glass "
               "lacks")
    glass = get_material(model.material) if model.material else None
    kappa_measured = glass.value("kappa_exponent") if glass and "kappa_exponent" in glass else None
    n_stephens = len(stephens_set())

    def not_computable(kind: str, observable: str, stm_text: str, measured: str) -> Row:
        return {"kind": kind, "observable": observable, "STM": stm_text, "GPP": lacking, "measured": measured,
                "discriminates": False, "where": "not computable for this glass"}

    # -- derived by the paper ------------------------------------------------------------------------------------
    measured_C = (rf"$C$ = {_n(tun['C_silica'].value)} in vitreous silica {{cite:p}}`{tun['C_silica'].source}`, "
                  rf"$C \sim$ {_n(tun['C'].value)} in glasses {{cite:p}}`{tun['C'].source}`")
    if not has_coupling:
        rows.append(not_computable(kind_a, r"magnitude of the resonant absorption and of $\kappa$",
                                   rf"$Q^{{-1}} = \pi C$ = {_n(np.pi * stm.C)}", measured_C))
    else:
        ratio = float(np.pi * stm.C / model.Q_inv_t)
        rows.append({
        "kind": kind_a, "observable": r"magnitude of the resonant absorption and of $\kappa$",
            "STM": rf"$Q^{{-1}} = \pi C$ = {_n(np.pi * stm.C)}",
            "GPP": rf"$Q_t^{{-1}}$ = {_n(model.Q_inv_t)} (Eq. 15): resonant absorption {_n(1 / ratio)} times "
                   rf"the STM's, $\kappa$ {_n(ratio)} times",
            "measured": measured_C,
            "discriminates": abs(ratio - 1) > ACCURACY["internal_friction_relative"],
            "where": f"at every temperature: the two couplings differ by a factor {_n(ratio)}",
        })
    u = dipolar.dipolar_u_dd(model.cv_slope, model.Lambda, model.c_t)
    alpha = float(dipolar.heat_capacity_exponent(0.1, u, model.T_Q) - 1)
    rows.append({
        "kind": kind_a, "observable": r"exponent of $\kappa(T)$ at 0.1 K",
        "STM": "2", "GPP": rf"$2 - \alpha$ = {_n(2 - alpha, 3)} (Eq. 13, $u$ from the paper's numbers)",
        "measured": (rf"$\delta$ = {_n(kappa_measured.value)} ± {_n(kappa_measured.uncertainty or 0.0)} across "
                     rf"{n_stephens} glasses {{cite:p}}`{kappa_measured.source}`" if kappa_measured else
                     "no measured exponent sourced for this glass"),
        "discriminates": alpha > ACCURACY["kappa_exponent"],
        "where": (f"when α exceeds the exponent accuracy ({_n(ACCURACY['kappa_exponent'])}): here α = {_n(alpha)}"),
    })

    # -- left open by the paper ----------------------------------------------------------------------------------
    f = tun["f_torsional"].value
    q_observable = f"internal friction at {frequency(f)}, {_n(T_window[0])}–{_n(T_window[1])} K"
    q_measured = (f"plateau {_n(tun['Q_plateau_low'].value)} to {_n(tun['Q_plateau_high'].value)} "
                  f"{{cite:p}}`{tun['Q_plateau_low'].source}`; at {frequency(f)} in silica "
                  f"{{cite:p}}`{tun['f_torsional'].source}`")
    if not has_coupling:
        w = 2 * np.pi * f
        q_stm = (tunneling_acoustics.Q_resonant(w, T, stm.C)
                 + tunneling_acoustics.Q_relaxation(w, T, stm.C, stm.P_bar, stm.v))
        rows.append(not_computable(kind_b, q_observable, f"{_n(float(np.min(q_stm)))} to "
                                   f"{_n(float(np.max(q_stm)))}: the plateau", q_measured))
    else:
        q = internal_friction(model, stm, T, f)
        gpp12 = q["GPP resonant"] + q["GPP pair"]
        net = q["GPP net rate"]
        ratio12, ratio_net = q["STM total"] / gpp12, q["STM total"] / net
        rows.append({
            "kind": kind_b, "observable": q_observable,
            "STM": f"{_n(float(np.min(q['STM total'])))} to {_n(float(np.max(q['STM total'])))}: the plateau",
            "GPP": (f"{_n(float(np.max(net)))} with Eq. (15) as stated (independent of ω and T); "
                    f"{_n(float(np.min(gpp12)))} to {_n(float(np.max(gpp12)))} with the tanh of Eq. (12): "
                    "the paper's two statements disagree"),
            "measured": q_measured,
            "discriminates": bool(np.all(np.abs(ratio12 - 1) > ACCURACY["internal_friction_relative"])
                                  and np.all(np.abs(ratio_net - 1) > ACCURACY["internal_friction_relative"])),
            "where": (f"STM/GPP = {_n(float(np.min(ratio_net)))} to {_n(float(np.max(ratio_net)))} (Eq. 15 as "
                      f"stated), {_n(float(np.min(ratio12)))} to {_n(float(np.max(ratio12)))} (with Eq. 12)"),
        })
    t1, t2 = 1e-6, 1e2
    c1 = tunneling.heat_capacity_at_time(T, t1, stm.C, stm.P_bar, stm.v)
    c2 = tunneling.heat_capacity_at_time(T, t2, stm.C, stm.P_bar, stm.v)
    growth = c2 / c1 - 1
    ok = growth > ACCURACY["heat_capacity_relative"]
    rows.append({
        "kind": kind_b, "observable": f"specific heat measured at {duration(t1)} and at {duration(t2)}",
        "STM": f"grows by {percent(float(np.min(growth)))} to {percent(float(np.max(growth)))} (exact in $t$ and $E$)",
        "GPP": "no time dependence derived",
        "measured": "time-dependent specific heat of amorphous materials {cite:p}`loponen1982measurements`",
        "discriminates": bool(np.any(ok)),
        "where": (f"T = {_n(float(T[ok].min()))}–{_n(float(T[ok].max()))} K (growth above "
                  f"{percent(ACCURACY['heat_capacity_relative'])})") if np.any(ok) else "nowhere",
    })
    v_observable = rf"slope of $\Delta v/v$ per decade of $T$ at {_n(T_window[1])} K, {frequency(f)}"
    v_measured = "the logarithmic rise and the maximum {cite:p}`thompson2000low,fefferman2006anomalous`"
    if not has_coupling:
        rows.append(not_computable(kind_b, v_observable, "past the maximum", v_measured))
    else:
        v = velocity_shift(model, stm, T, f, T_window[1])
        decade = np.log(10.0)
        slope_stm = float(np.gradient(v["STM total"], np.log(T))[-1] * decade)
        slope_gpp = float(np.gradient(v["GPP implied"], np.log(T))[-1] * decade)
        rows.append({
            "kind": kind_b, "observable": v_observable,
            "STM": f"{_n(slope_stm)}: past the maximum", "GPP": f"{_n(slope_gpp)} (implied by Eq. 12; no maximum)",
            "measured": v_measured,
            "discriminates": abs(slope_stm - slope_gpp) > ACCURACY["velocity_shift_per_decade"],
            "where": f"with a resolution better than {_n(abs(slope_stm - slope_gpp))} per decade",
        })

    # -- spectroscopy of coupled defects --------------------------------------------------------------------------
    two = operators.ring_spectra(2, 1)
    ring = operators.ring_discriminates(3)
    rows.append({
        "kind": kind_c, "observable": "spectra of two coupled defects",
        "STM": "pseudo-spins", "GPP": "fermions: the same spectrum on two sites",
        "measured": "interacting defects in superconducting circuits {cite:p}`lisenfeld2015observation`",
        "discriminates": two["fermions"] != two["TLS"], "where": "never (Jordan–Wigner is local on two sites)",
    })
    rows.append({
        "kind": kind_c, "observable": "three defects in a loop, couplings of random sign",
        "STM": "hard-core bosons", "GPP": "fermions: the string closes on the third bond",
        "measured": "not measured",
        "discriminates": ring["one and two together"],
        "where": ("only from the one- and two-excitation spectra of the same loop; two-excitation spectra alone "
                  "coincide over the signs" if not ring["two excitations alone"] else "from the two-excitation spectra"),
    })
    return rows
