"""Figures beyond the paper's own sections: the standard tunnelling model beside the glassons (Sections 4.2–4.3),
every glass the data allow, and every checkable claim at once. The same conventions as :mod:`glasson.presentation.figures`
(whose helpers and style they use): labelled axes with units, legends off the data, 6 inches wide."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from glasson.core import constants as const
from glasson.core.text import duration, frequency, number_tex
from glasson.core.units import Row
from glasson.data.materials import load_table
from glasson.models.model import GlassonModel, TunnelingModel
from glasson.presentation.figures import _GPP, FIG_WIDTH, _decades, _legend_below
from glasson.presentation.formatting import axis_label
from glasson.registries import comparison

__all__ = ["glass_bands", "compare_heat_capacity", "compare_internal_friction", "compare_velocity_shift",
           "compare_kappa", "measured_kappa", "claims_overview", "FIGURES"]


#: The quantities of :func:`glass_bands`: key of :data:`glasson.models.derived.KEYS`, axis label, unit, scale.
GLASS_BAND_PANELS = (
    ("k_F_per_cm", "$k_F$", "1/cm", 1.0),
    ("m_F_g", r"$m_F/m_e$", "1", 1 / const.m_e),
    ("kF_a", "$k_F a$", "1", 1.0),
    ("Q_inv_t", r"$Q_t^{-1}$", "1", 1.0),
    ("E_F_over_E_xi", r"$E_F/E_\xi$", "1", 1.0),
    ("T_cross_K", r"$T_\times$", "K", 1.0),
)


def glass_bands(rows: Sequence[tuple[str, Mapping[str, tuple[float, float, float]]]],
                reference: Mapping[str, float] | None = None,
                measured_Q: tuple[float, float] | None = None, C: float | None = None) -> Figure:
    """Per glass, the band (min–max) and centre of k_F, m_F/m_e, k_F a, Q_t⁻¹, E_F/E_ξ and T_× (six stacked
    panels), with the paper's silica values (``reference``, keys of KEYS) marked inside, the measured plateau
    and πC overlaid on the Q_t⁻¹ panel. ``rows`` are (glass name, :func:`glasson.models.derived.parameter_ranges`)."""
    fig, axes = plt.subplots(len(GLASS_BAND_PANELS), 1, figsize=(FIG_WIDTH, 13.5), sharex=True)
    x = np.arange(len(rows))
    for ax, (key, label, unit, scale) in zip(axes, GLASS_BAND_PANELS, strict=True):
        have = [i for i, (_, r) in enumerate(rows) if key in r]
        lo = np.array([rows[i][1][key][0] for i in have]) * scale
        mid = np.array([rows[i][1][key][1] for i in have]) * scale
        hi = np.array([rows[i][1][key][2] for i in have]) * scale
        ax.vlines(x[have], lo, hi, lw=8, alpha=0.45, color="C0", label="band (guesses, $C_v/T$, sources)")
        ax.plot(x[have], mid, "o", color="C0", ms=5, label="centre")
        if reference and key in reference:
            ax.axhline(reference[key] * scale, color="k", lw=1, ls="--", label="the paper's silica")
        if key == "Q_inv_t" and measured_Q:
            ax.axhspan(*measured_Q, color="C2", alpha=0.2, label="measured plateau")
        if key == "Q_inv_t" and C:
            ax.axhline(np.pi * C, color="C1", lw=1.5, label=rf"$\pi C$, $C = {number_tex(C, 2)}$")
        if key in ("kF_a",):
            ax.axhspan(1e-3, 1.0, color="0.5", alpha=0.08)
        ax.set_yscale("log")
        ax.set_ylabel(axis_label(label, unit))
        _decades(ax)
    axes[-1].set_xticks(x, [name for name, _ in rows], rotation=30, ha="right")
    axes[-1].set_xlabel(axis_label("glass", None))
    fig.align_ylabels(axes)
    handles, labels = [], []
    for ax in axes:
        for h, lab in zip(*ax.get_legend_handles_labels(), strict=True):
            if lab not in labels:
                handles.append(h)
                labels.append(lab)
    fig.legend(handles, labels, loc="outside lower center", ncol=2)
    return fig


# --- Sections 4.2-4.3: GPP beside the tunnelling model --------------------------------------------------------------
_STM_COLORS = ("C1", "C2", "C4", "C5")


def compare_heat_capacity(model: GlassonModel, stm: TunnelingModel) -> Figure:
    """C/T (per mass) versus T: GPP (no time dependence) and the STM at three measuring times (exact)."""
    T = np.geomspace(0.03, 1.5, 120)
    curves = comparison.heat_capacity(model, stm, T)
    fig, ax = plt.subplots()
    ax.semilogx(T, curves.pop("GPP") / T, lw=2.5, label="GPP", **_GPP)
    debye = curves.pop("Debye phonons")
    for color, (t, values) in zip(_STM_COLORS, curves.items(), strict=False):  # more colours than curves
        ax.semilogx(T, values / T, ls="--", color=color, label=f"STM, measured after {duration(float(t))}")
    ax.semilogx(T, debye / T, color="0.5", ls=":", label="Debye phonons alone")
    ax.set_xlabel(axis_label("temperature $T$", "K"))
    ax.set_ylabel(axis_label("$C/T$", "erg/(g K^2)"))
    ax.set_ylim(0, None)
    _legend_below(fig, ax)
    return fig


def compare_internal_friction(model: GlassonModel, stm: TunnelingModel,
                              frequencies: tuple[float, ...] | None = None,
                              measured: tuple[float, float] | None = None) -> Figure:
    """Q⁻¹(T) of both models at a low (torsional) and a high (GHz) frequency, with the measured plateau band
    (both from ``data/tunneling.toml`` unless given)."""
    tun = load_table("tunneling")
    frequencies = frequencies or (tun["f_torsional"].value, tun["f_ultrasonic"].value)
    measured = measured or (tun["Q_plateau_low"].value, tun["Q_plateau_high"].value)
    T = np.geomspace(0.01, 3.0, 150)
    fig, axes = plt.subplots(len(frequencies), 1, figsize=(FIG_WIDTH, 3.6 * len(frequencies) + 1.2), sharex=True)
    labels = {"GPP net rate": "GPP, Eq. (15) as stated (no ω, no T)",
              "GPP resonant": "GPP, resonant (Eq. 12)", "GPP pair": "GPP, pair with detailed balance (Eq. 11)",
              "STM resonant": "STM, resonant", "STM relaxation": "STM, relaxation", "STM total": "STM, total"}
    styles: dict[str, dict[str, Any]] = {"GPP net rate": dict(color="C4", lw=1.6, ls=(0, (6, 2))),
              "GPP resonant": dict(color="C0", lw=2.2), "GPP pair": dict(color="C0", ls=":"),
              "STM resonant": dict(color="C1", ls="--"), "STM relaxation": dict(color="C2", ls="-."),
              "STM total": dict(color="C1", lw=2.2)}
    for ax, f in zip(np.atleast_1d(axes), frequencies, strict=True):
        for key, values in comparison.internal_friction(model, stm, T, f).items():
            ax.loglog(T, values, label=labels[key], **styles[key])
        ax.axhspan(*measured, color="C3", alpha=0.12, label="measured plateau")
        ax.set_ylim(1e-11, 1e-2)
        ax.set_title(frequency(f))
        ax.set_ylabel(axis_label("$Q^{-1}$"))
        ax.set_xlabel(axis_label("temperature $T$", "K"))
        ax.tick_params(labelbottom=True)
        _decades(ax)
    _legend_below(fig, np.atleast_1d(axes)[0])
    return fig


def compare_velocity_shift(model: GlassonModel, stm: TunnelingModel, f: float | None = None) -> Figure:
    """Δv/v(T) at a low frequency (the torsional one of ``data/tunneling.toml`` unless given): the STM's maximum,
    and the monotonic shift implied by Eq. (12)."""
    f = f or load_table("tunneling")["f_torsional"].value
    T = np.geomspace(0.01, 3.0, 150)
    curves = comparison.velocity_shift(model, stm, T, f, T_ref=0.01)
    labels = {"STM total": "STM, total", "STM resonant": "STM, resonant", "STM relaxation": "STM, relaxation",
              "GPP implied": "GPP, implied by Eq. (12) (not in the paper)"}
    styles: dict[str, dict[str, Any]] = {"STM total": dict(color="C1", lw=2.2), "STM resonant": dict(color="C1", ls="--"),
              "STM relaxation": dict(color="C2", ls="-."), "GPP implied": dict(color="C0", lw=2.2)}
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 4.6))
    for key, values in curves.items():
        ax.semilogx(T, values * 1e4, label=labels[key], **styles[key])
    ax.set_xlabel(axis_label("temperature $T$", "K"))
    ax.set_ylabel(r"$[\Delta v/v](T) - [\Delta v/v](10\,\mathrm{mK})$ [$10^{-4}$]")
    ax.set_title(frequency(f))
    _legend_below(fig, ax)
    return fig


def compare_kappa(model: GlassonModel, stm: TunnelingModel) -> Figure:
    """κ(T) of both models (resonant scattering; couplings Q_t⁻¹ of Eq. 15 and πC)."""
    T = np.geomspace(0.03, 1.0, 100)
    curves = comparison.thermal_conductivity(model, stm, T)
    fig, ax = plt.subplots()
    ax.loglog(T, curves["GPP"] * 1e-7, lw=2.2, label=r"GPP, coupling $Q_t^{-1}$ (Eq. 15)", **_GPP)
    ax.loglog(T, curves["STM"] * 1e-7, ls="--", color="C1", label=r"STM, coupling $\pi C$")
    ax.set_xlabel(axis_label("temperature $T$", "K"))
    ax.set_ylabel(axis_label(r"$\kappa$", "W/(cm K)"))
    _decades(ax)
    _legend_below(fig, ax)
    return fig


# --- measured kappa(T) below 1 K -------------------------------------------------------------------------------------
_KIND_STYLE: dict[str, dict[str, Any]] = {
    "amorphous": dict(marker="o", ms=5), "filled": dict(marker="s", ms=3.5, mfc="none"),
    "semicrystalline": dict(marker="^", ms=4, mfc="none"), "glass-ceramic": dict(marker="D", ms=3.5, mfc="none")}


def measured_kappa(model: GlassonModel, sets: Sequence[Any]) -> Figure:
    """Every measured κ(T) data set (:class:`glasson.data.kappa_data.KappaData`) on log–log axes, marked by class,
    with two slope guides through one point below the data: the tunnelling model's T² and Eq. (13)'s T^(2−α(T))
    for ``model``'s inputs (its Λ). The guides show slopes, not magnitudes."""
    from glasson.formulas import dipolar

    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 5.2))
    for i, d in enumerate(sets):
        style = {**_KIND_STYLE[d.kind], "color": f"C{i % 10}"}
        ax.loglog(d.T, d.kappa * 1e-7, ls="-" if d.kind == "amorphous" else ":", lw=1.2 if d.kind == "amorphous"
                  else 0.8, label=d.material, **style)
    T = np.geomspace(0.05, model.T_Q, 100)  # Eq. (13) holds below T_Q
    floor = min(float(np.min(d.kappa)) for d in sets) * 1e-7
    anchor_T, anchor = 0.05, floor / 3
    ax.loglog(T, anchor * (T / anchor_T) ** 2, "k--", lw=1.5, label=r"slope guide $T^2$ (tunnelling model)")
    u = dipolar.dipolar_u_dd(model.cv_slope, model.Lambda, model.c_t)
    # Eq. (13): kappa ∝ T^2 (1 + u ln(T_Q/T)); its local slope is 2 − α(T)
    eq13 = T**2 * (1 + u * np.log(model.T_Q / T)) / (anchor_T**2 * (1 + u * np.log(model.T_Q / anchor_T)))
    ax.loglog(T, anchor * eq13, "k-.", lw=1.5, label=r"slope guide, Eq. (13): $T^{2-\alpha(T)}$")
    for kind, style in _KIND_STYLE.items():  # the classes, by marker
        ax.plot([], [], ls="-" if kind == "amorphous" else ":", color="0.3", label=f"marker: {kind}", **style)
    ax.set_xlabel(axis_label("temperature $T$", "K"))
    ax.set_ylabel(axis_label(r"$\kappa$", "W/(cm K)"))
    ax.axvline(1.0, color="0.6", lw=0.8)
    _decades(ax)
    _legend_below(fig, ax)
    return fig


# --- the landing page ---------------------------------------------------------------------------------------------
_VERDICT_COLORS = {"reproduced": "#009E73", "discrepant": "#D55E00", "convention-dependent": "#E69F00"}


def claims_overview(rows: Sequence[Row]) -> Figure:
    """log₁₀(recomputed/paper) of every checkable claim, coloured by verdict, with the tolerance bands."""
    shown = [r for r in rows if r["log10_ratio"] is not None and r["verdict"] != "not-checkable"]
    y = np.arange(len(shown))[::-1]
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 0.22 * len(shown) + 1.6))
    ax.axvspan(np.log10(1 / 3), np.log10(3), color="0.85", label="within a factor 3 (∼)")
    ax.axvspan(np.log10(0.9), np.log10(1.1), color="0.65", label="within 10 % (≈, ≃)")
    for verdict, color in _VERDICT_COLORS.items():
        idx = [i for i, r in enumerate(shown) if r["verdict"] == verdict]
        dots = ax.scatter([shown[i]["log10_ratio"] for i in idx], y[idx], color=color, s=28, label=verdict, zorder=3)
        # each dot links to its claim's row of the claims page (the SVG is in _images/, beside book/)
        dots.set_urls([f"../book/claims.html#{shown[i]['id']}" for i in idx])
    for i, r in enumerate(shown):  # the outliers, beyond an order of magnitude, named by their identifier
        if abs(r["log10_ratio"]) > 1:
            right = r["log10_ratio"] < 0
            ax.annotate(r["id"], (r["log10_ratio"], y[i]), xytext=(6 if right else -6, 0), textcoords="offset points",
                        ha="left" if right else "right", va="center", fontsize=10.5, color="0.25")
    ax.axvline(0, color="k", lw=0.8)
    sections = [r["section"] for r in shown]
    ax.set_yticks(y, [f"Sec. {sec}" if i == 0 or sections[i - 1] != sec else "" for i, sec in enumerate(sections)],
                  fontsize=10.5)
    ax.set_ylabel(axis_label("claims, by section of the paper", None))
    ax.set_xlabel(axis_label(r"$\log_{10}$(recomputed / printed)"))
    ax.grid(axis="y", alpha=0.15)
    fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncol=2)
    return fig


#: Every figure function of this module and what it needs beyond the glass's model: "stm" (the tunnelling model), or
#: the keyword arguments the tests pass.
FIGURES: dict[str, tuple[str, ...]] = {name: () for name in __all__ if name not in ("FIGURES",)}
FIGURES.update({"compare_heat_capacity": ("stm",), "compare_internal_friction": ("stm",),
                "compare_velocity_shift": ("stm",), "compare_kappa": ("stm",), "glass_bands": ("rows",),
                "claims_overview": ("claims",), "measured_kappa": ("kappa_sets",)})

