"""Figures of the chapters: one function per figure, each returning a matplotlib Figure with labelled axes.

Every axis label carries its unit in square brackets (or says ``[dimensionless]``); ``tests/test_figures.py``
checks it. Notebooks call these and glue the figure with a caption (:func:`glue_figure`).
"""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from . import acoustics, fermi, scales, thermal
from . import constants as const
from .derived import derived_parameters, thermal_conductivity
from .materials import Material

__all__ = ["glue_figure", "energy_scales", "energy_ratios", "crossover_vs_coupling", "specific_heat",
           "fermi_gas_linearity", "scattering_rates", "kappa_curves", "kappa_spectrum", "log_correction_exponents",
           "internal_friction_vs_eps_F", "internal_friction_vs_a", "velocity_ratio", "fermi_parameters",
           "coupling_bands", "universality_ranges", "compare_heat_capacity", "compare_internal_friction",
           "compare_velocity_shift", "compare_kappa"]


def glue_figure(name: str, fig: Figure) -> None:
    """Glue ``fig`` under ``name`` for a ``{glue:figure}`` directive, without displaying it in place."""
    from myst_nb import glue

    glue(name, fig, display=False)
    plt.close(fig)


def _sec2_inputs(material: Material) -> tuple[float, float, float]:
    return material.cgs("rho"), material.cgs("c_t"), material.cgs("Lambda")


def energy_scales(material: Material, R_angstrom: Any = None) -> Figure:
    """The three energies of Eq. (4) versus the length scale R, log–log, with ξ and E_ξ marked."""
    rho, c_t, lam = _sec2_inputs(material)
    R_A = np.geomspace(1.0, 1.0e4, 400) if R_angstrom is None else np.asarray(R_angstrom, dtype=float)
    R = const.angstrom_to_cm(R_A)
    m = scales.crossover_mass(lam, rho, c_t)
    xi_A = const.cm_to_angstrom(scales.crossover_length(lam, rho, c_t))
    fig, ax = plt.subplots()
    ax.loglog(R_A, const.erg_to_K(scales.phonon_energy(R, c_t)), label=r"$E_s = \hbar c_t/R$")
    ax.loglog(R_A, const.erg_to_K(scales.kinetic_energy(R, m)), label=r"$E_{kin} = \hbar^2/(2 m_{gl} R^2)$")
    ax.loglog(R_A, const.erg_to_K(scales.dipole_energy(R, lam, rho, c_t)),
              label=r"$E_{int\text{-}dipole} = \Lambda^2/(\rho c_t^2 R^3)$")
    ax.axvline(xi_A, color="0.3", ls="--", lw=1)
    ax.plot([xi_A], [const.erg_to_K(scales.crossover_energy(lam, rho, c_t))], "ko", ms=5)
    ax.annotate(r"$\xi$", (xi_A, ax.get_ylim()[0]), xytext=(4, 8), textcoords="offset points")
    ax.set_xlabel("length scale $R$ [Å]")
    ax.set_ylabel("energy [K]")
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig


def energy_ratios(material: Material, R_angstrom: Any = None) -> Figure:
    """The ratios E_kin/E_dd = R/a_gl (Eq. 5) and E_s/E_kin versus R: both cross 1 at ξ."""
    rho, c_t, lam = _sec2_inputs(material)
    R_A = np.geomspace(1.0, 1.0e4, 400) if R_angstrom is None else np.asarray(R_angstrom, dtype=float)
    R = const.angstrom_to_cm(R_A)
    m = scales.crossover_mass(lam, rho, c_t)
    a_gl_A = const.cm_to_angstrom(scales.glasson_bohr_radius(lam, m, rho, c_t))
    fig, ax = plt.subplots()
    ax.loglog(R_A, scales.kinetic_dipole_ratio(R, lam, m, rho, c_t), lw=4, alpha=0.5,
              label=r"$E_{kin}/E_{int\text{-}dipole} = R/a_{gl}$ (Eq. 5)")
    ax.loglog(R_A, scales.phonon_energy(R, c_t) / scales.kinetic_energy(R, m), ls="--", label=r"$E_s/E_{kin}$")
    ax.axhline(1.0, color="0.3", lw=1)
    ax.axvline(a_gl_A, color="0.3", ls="--", lw=1)
    ax.annotate(r"$a_{gl} = \xi$", (a_gl_A, 1.0), xytext=(4, -14), textcoords="offset points")
    ax.set_xlabel("length scale $R$ [Å]")
    ax.set_ylabel("energy ratio [dimensionless]")
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig


def crossover_vs_coupling(material: Material, Lambda_eV: Any = None,
                          printed: dict[str, float] | None = None) -> Figure:
    """ξ and m_gl of Eq. (8) over the bare coupling Λ, with the paper's printed values (if given) marked."""
    rho, c_t, _ = _sec2_inputs(material)
    lam_eV = np.linspace(1.0, 10.0, 200) if Lambda_eV is None else np.asarray(Lambda_eV, dtype=float)
    lam = const.eV_to_erg(lam_eV)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8.4, 3.6))
    ax1.plot(lam_eV, const.cm_to_angstrom(scales.crossover_length(lam, rho, c_t)), label="Eq. 8, recomputed")
    ax2.semilogy(lam_eV, scales.crossover_mass(lam, rho, c_t), label="Eq. 8, recomputed")
    if printed:
        ax1.plot([printed["Lambda_eV"]], [printed["xi_angstrom"]], "s", color="C1", label="paper (printed)")
        ax2.plot([printed["Lambda_eV"]], [printed["m_gl_g"]], "s", color="C1", label="paper (printed)")
    ax1.set_xlabel(r"bare coupling $\Lambda$ [eV]")
    ax1.set_ylabel(r"crossover length $\xi$ [Å]")
    ax2.set_xlabel(r"bare coupling $\Lambda$ [eV]")
    ax2.set_ylabel(r"glasson mass $m_{gl}$ [g]")
    for ax in (ax1, ax2):
        ax.legend(loc="best")
    fig.tight_layout()
    return fig


# --- Section 3.1 ---------------------------------------------------------------------------------------------
def _c_l(material: Material) -> float | None:
    return material.cgs("c_l") if "c_l" in material else None


def specific_heat(material: Material, T_max: float = 3.0) -> Figure:
    """C/T versus T² (per unit mass): the constant glasson term, the Debye T² term, their sum and crossover."""
    rho, c_t, slope = material.cgs("rho"), material.cgs("c_t"), material.value("cv_slope").value
    T = np.linspace(0.0, T_max, 300)[1:]
    debye = thermal.debye_heat_capacity(T, c_t, _c_l(material)) / (rho * T)
    T_x = thermal.crossover_temperature(rho, slope, c_t, _c_l(material))
    fig, ax = plt.subplots()
    ax.plot(T**2, np.full_like(T, slope), label=r"glasson, $C_v/T$ (linear $C$)")
    ax.plot(T**2, debye, label=r"Debye phonons, $\propto T^2$")
    ax.plot(T**2, slope + debye, color="k", label="sum")
    ax.axvline(T_x**2, color="0.3", ls="--", lw=1)
    ax.annotate(rf"$T_\times = {T_x:.2f}$ K", (T_x**2, slope), xytext=(6, -16), textcoords="offset points")
    ax.set_xlabel(r"$T^2$ [K$^2$]")
    ax.set_ylabel(r"$C/T$ [erg g$^{-1}$ K$^{-2}$]")
    ax.set_xlim(0, T_max**2)
    ax.set_ylim(0, None)
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig


def fermi_gas_linearity(material: Material) -> Figure:
    """Exact heat capacity of the ideal Fermi gas over its Sommerfeld (linear) limit versus T/T_F."""
    t = np.geomspace(0.01, 3.0, 120)
    exact = thermal.fermi_gas_heat_capacity_ratio(t)
    t_Q = material.value("T_Q").value / material.value("eps_F").value
    fig, ax = plt.subplots()
    ax.semilogx(t, exact, color="k", label="ideal Fermi gas (exact)")
    ax.semilogx(t[t < 0.35], thermal.sommerfeld_correction(t[t < 0.35]), ls="--",
                label=r"Sommerfeld, $1 - \frac{3\pi^2}{10}(T/T_F)^2$")
    ax.semilogx(t[t > 0.5], 3 / (np.pi**2 * t[t > 0.5]), ls=":", label=r"classical, $C = \frac{3}{2}Nk_B$")
    ax.axvline(t_Q, color="0.3", ls="--", lw=1)
    ax.annotate(r"$T_Q/T_F$", (t_Q, 0.05), xytext=(4, 0), textcoords="offset points")
    ax.set_xlabel(r"$T/T_F = k_BT/\epsilon_F$ [dimensionless]")
    ax.set_ylabel(r"$C/(\gamma T)$ [dimensionless]")
    ax.set_ylim(0, 1.1)
    ax.legend(loc="lower left")
    fig.tight_layout()
    return fig


def scattering_rates(material: Material) -> Figure:
    """Scattering rates of Eqs. (11)–(12) versus x = ħω/k_BT, in units that make them functions of x only."""
    x = np.geomspace(0.01, 30.0, 300)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8.6, 3.7))
    ax1.loglog(x, x * thermal.pair_factor(x, net=False), label="absorption only (as printed)")
    ax1.loglog(x, x * thermal.pair_factor(x, net=True), ls="--", label="absorption − emission")
    ax1.loglog(x, x, color="0.5", lw=1, ls=":", label=r"$\propto T\omega$")
    ax1.set_title("pair branch, Eq. (11)")
    ax1.set_xlabel(r"$x = \hbar\omega/k_BT$ [dimensionless]")
    ax1.set_ylabel(r"$\tau^{-1}\,\hbar\epsilon_F/(g\,k_B^2T^2)$ [dimensionless]")
    ax2.loglog(x, x * thermal.resonant_factor(x), label=r"$x\tanh(x/2)$, Eq. (12)")
    ax2.loglog(x, x, color="0.5", lw=1, ls=":", label=r"$x$ ($\hbar\omega \gg k_BT$)")
    ax2.loglog(x, x**2 / 2, color="0.5", lw=1, ls="-.", label=r"$x^2/2$ ($\hbar\omega \ll k_BT$)")
    ax2.set_ylim(1e-5, 50)
    ax2.set_title("resonant branch, Eq. (12)")
    ax2.set_xlabel(r"$x = \hbar\omega/k_BT$ [dimensionless]")
    ax2.set_ylabel(r"$\tau^{-1}\,\hbar/(Q^{-1} k_BT)$ [dimensionless]")
    for ax in (ax1, ax2):
        ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return fig


def kappa_curves(material: Material, T: Any = None) -> Figure:
    """κ(T) for the resonant (∝ T²) and pair (∝ T) branches with the material's default coupling."""
    T = np.geomspace(0.03, 1.0, 100) if T is None else np.asarray(T, dtype=float)
    fig, ax = plt.subplots()
    for branch, label in (("resonant", r"resonant, Eq. (12): $\propto T^2$"),
                          ("pair", r"pair with detailed balance, Eq. (11): $\propto T$")):
        ax.loglog(T, np.asarray(thermal_conductivity(material, T, branch)) * 1e-7, label=label)
    ax.set_xlabel("temperature $T$ [K]")
    ax.set_ylabel(r"$\kappa$ [W cm$^{-1}$ K$^{-1}$]")
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig


def kappa_spectrum(material: Material) -> Figure:
    """The spectral integrand of κ for the resonant branch, with the single 'dominant phonon' that reproduces it."""
    x = np.linspace(0.01, 15.0, 400)
    integrand = x * thermal.phonon_mode_heat_capacity(x) / np.tanh(x / 2) / np.pi**2
    x_dom = thermal.dominant_phonon_x()
    x_peak = thermal.thermal_phonon_peak_x()
    energy = x**3 / np.expm1(x)
    fig, ax = plt.subplots()
    ax.plot(x, integrand, label=r"spectral weight of $\kappa$: $x^3e^x(e^x+1)/(e^x-1)^3\,/\,\pi^2$")
    ax.plot(x, energy / energy.max() * integrand.max(), ls=":", label=r"phonon energy density $x^3/(e^x-1)$ (scaled)")
    ax.axvline(x_dom, color="0.3", ls="--", lw=1)
    ax.annotate(rf"$x^* = {x_dom:.2f}$", (x_dom, 0.01), xytext=(6, 0), textcoords="offset points")
    ax.axvline(x_peak, color="0.6", ls=":", lw=1)
    ax.set_xlabel(r"$x = \hbar\omega/k_BT$ [dimensionless]")
    ax.set_ylabel(r"spectral weight of $\kappa$ [dimensionless]")
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig


def log_correction_exponents(material: Material, couplings: Any = (0.01, 0.1, 1.0, 10.0)) -> Figure:
    """Effective exponents of C ∝ T^(1+α) and κ ∝ T^(2−α) from Eq. (13), for several couplings u = ν₀α_dd."""
    T_Q = material.value("T_Q").value
    T = np.geomspace(1e-3 * T_Q, T_Q, 200)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8.6, 3.6))
    for u in couplings:
        ax1.semilogx(T, thermal.heat_capacity_exponent(T, u, T_Q), label=f"u = {u:g}")
        ax2.semilogx(T, thermal.kappa_exponent(T, u, T_Q), label=f"u = {u:g}")
    low = T <= T_Q / 2  # the log-regime curve diverges at T_Q
    ax1.semilogx(T[low], 1 + 1 / np.log(T_Q / T[low]), color="k", ls=":", lw=1,
                 label=r"log regime, $1 + 1/\ln(T_Q/T)$")
    for ax, label in ((ax1, r"$d\ln C/d\ln T = 1 + \alpha$ [dimensionless]"),
                      (ax2, r"$d\ln\kappa/d\ln T = 2 - \alpha$ [dimensionless]")):
        ax.set_xlabel("temperature $T$ [K]")
        ax.set_ylabel(label)
        ax.legend(loc="best", fontsize=8)
    ax1.set_ylim(0.95, 2.0)
    ax2.set_ylim(1.0, 2.05)
    fig.tight_layout()
    return fig


# --- Section 3.2 ---------------------------------------------------------------------------------------------
def _Q(material: Material, eps_F: Any, a: Any, K: Any = 1.0) -> Any:
    rho, c_t, slope = material.cgs("rho"), material.cgs("c_t"), material.value("cv_slope").value
    kF = fermi.fermi_wavevector(eps_F, rho, slope)
    vF = fermi.fermi_velocity(kF, fermi.fermi_mass(eps_F, rho, slope))
    return acoustics.internal_friction(kF, a, c_t, vF, K)


def internal_friction_vs_eps_F(material: Material, eps_F_K: Any = None,
                               quoted: tuple[float, float] | None = None) -> Figure:
    """Q_t⁻¹ of Eq. (15) over ε_F: K_Q,t = 1, the band K_Q,t ∈ [1/π, π], and Eq. (14) (K_Q,t = 1/2π)."""
    eps_K = np.geomspace(1.0, 30.0, 100) if eps_F_K is None else np.asarray(eps_F_K, dtype=float)
    eps, a = const.K_to_erg(eps_K), material.cgs("a")
    fig, ax = plt.subplots()
    ax.fill_between(eps_K, _Q(material, eps, a, 1 / np.pi), _Q(material, eps, a, np.pi), alpha=0.25,
                    label=r"Eq. (15), $K_{Q,t} \in [1/\pi, \pi]$")
    ax.loglog(eps_K, _Q(material, eps, a), label=r"Eq. (15), $K_{Q,t} = 1$")
    ax.loglog(eps_K, _Q(material, eps, a, acoustics.K_Qt_implied()), ls="--",
              label=r"Eq. (14), i.e. $K_{Q,t} = 1/2\pi$")
    if quoted:
        ax.axhspan(*quoted, color="C3", alpha=0.15, label="range quoted by the paper (not checked)")
    ax.set_xlabel(r"Fermi energy $\epsilon_F$ [K]")
    ax.set_ylabel(r"internal friction $Q_t^{-1}$ [dimensionless]")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    return fig


def internal_friction_vs_a(material: Material, a_angstrom: Any = None) -> Figure:
    """Q_t⁻¹ of Eq. (15) (K_Q,t = 1) over the inter-atomic distance a, ∝ a³."""
    a_A = np.linspace(1.5, 8.0, 100) if a_angstrom is None else np.asarray(a_angstrom, dtype=float)
    fig, ax = plt.subplots()
    ax.semilogy(a_A, _Q(material, material.cgs("eps_F"), const.angstrom_to_cm(a_A)),
                label=r"Eq. (15), $K_{Q,t}=1$, $\propto a^3$")
    ax.axvline(material.value("a").value, color="0.3", ls="--", lw=1)
    ax.set_xlabel(r"inter-atomic distance $a$ [Å]")
    ax.set_ylabel(r"internal friction $Q_t^{-1}$ [dimensionless]")
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig


def velocity_ratio(material: Material, eps_F_K: Any = None) -> Figure:
    """c_t/v_F over ε_F: ∝ ε_F^(−2/3)."""
    eps_K = np.geomspace(1.0, 30.0, 100) if eps_F_K is None else np.asarray(eps_F_K, dtype=float)
    rho, c_t, slope = material.cgs("rho"), material.cgs("c_t"), material.value("cv_slope").value
    eps = const.K_to_erg(eps_K)
    kF = fermi.fermi_wavevector(eps, rho, slope)
    vF = fermi.fermi_velocity(kF, fermi.fermi_mass(eps, rho, slope))
    fig, ax = plt.subplots()
    ax.loglog(eps_K, c_t / vF, label=r"$c_t/v_F$, $v_F = \hbar k_F/m_F$")
    ax.axhspan(1 / 3, 3, color="0.5", alpha=0.15, label="within a factor 3 of 1")
    ax.set_xlabel(r"Fermi energy $\epsilon_F$ [K]")
    ax.set_ylabel(r"$c_t/v_F$ [dimensionless]")
    ax.legend(loc="upper right")
    fig.tight_layout()
    return fig


# --- Section 4.1 ---------------------------------------------------------------------------------------------
def fermi_parameters(material: Material, eps_F_K: Any = None, printed: dict[str, float] | None = None) -> Figure:
    """k_F (Eq. 16) and m_F (Eq. 17 derived and as printed) over ε_F, for the material's specific-heat slope."""
    eps_K = np.geomspace(1.0, 30.0, 100) if eps_F_K is None else np.asarray(eps_F_K, dtype=float)
    rho, slope = material.cgs("rho"), material.value("cv_slope").value
    eps = const.K_to_erg(eps_K)
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8.6, 3.6))
    ax1.loglog(eps_K, fermi.fermi_wavevector(eps, rho, slope), label="Eq. (16)")
    ax2.loglog(eps_K, fermi.fermi_mass(eps, rho, slope), label="Eq. (17), derived (9/2)")
    ax2.loglog(eps_K, fermi.fermi_mass_as_printed(eps, rho, slope), ls="--", label="Eq. (17) as printed (3/2)")
    if printed:
        ax1.plot([printed["eps_F_K"]], [printed["k_F"]], "s", color="C3", label="paper (printed)")
        ax2.plot([printed["eps_F_K"]], [printed["m_F"]], "s", color="C3", label="paper (printed)")
    ax1.set_ylabel(r"Fermi wave-vector $k_F$ [cm$^{-1}$]")
    ax2.set_ylabel(r"Fermi mass $m_F$ [g]")
    for ax in (ax1, ax2):
        ax.set_xlabel(r"Fermi energy $\epsilon_F$ [K]")
        ax.legend(loc="best", fontsize=8)
    fig.tight_layout()
    return fig


# --- Beyond the paper -------------------------------------------------------------------------------------------
def coupling_bands(material: Material, Lambda_eV: tuple[float, float] = (1.0, 10.0)) -> Figure:
    """k_F ξ and E_F/E_ξ over ε_F, as bands over the bare coupling Λ (the paper's two guessed inputs)."""
    from .derived import derived_from_inputs

    eps_K = np.geomspace(3.0, 30.0, 60)
    inputs = {k: material.cgs(k) for k in material.values}
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(8.6, 3.6))
    for key, ax, label in (("kF_xi", ax1, r"$k_F\xi$"), ("E_F_over_E_xi", ax2, r"$E_F/E_\xi = (k_F\xi)^2$")):
        curves = [derived_from_inputs({**inputs, "eps_F": const.K_to_erg(eps_K), "Lambda": const.eV_to_erg(L)})[key]
                  for L in (Lambda_eV[0], material.value("Lambda").value, Lambda_eV[1])]
        ax.fill_between(eps_K, curves[0], curves[2], alpha=0.25,
                        label=rf"$\Lambda$ = {Lambda_eV[0]:g}–{Lambda_eV[1]:g} eV")
        ax.loglog(eps_K, curves[1], label=rf"$\Lambda$ = {material.value('Lambda').value:g} eV")
        ax.axhspan(1 / 3, 3, color="0.5", alpha=0.15, label="within a factor 3 of 1")
        ax.set_xlabel(r"Fermi energy $\epsilon_F$ [K]")
        ax.set_ylabel(f"{label} [dimensionless]")
        ax.legend(loc="best", fontsize=8)
    fig.tight_layout()
    return fig


def universality_ranges(material: Material,
                        rows: list[tuple[str, dict[str, tuple[float, float, float]]]] | None = None,
                        quoted_Q: tuple[float, float] | None = None) -> Figure:
    """Per glass, the range of k_F ξ, c_t/v_F and Q_t⁻¹ (bars: min–max; dots: central values), against the
    paper's statements (k_F ξ ~ 1, c_s/v_F ~ 1, Q⁻¹ ~ 1e-3–1e-2). Without ``rows``, every glass of the
    materials table with the default ranges (:func:`glasson.derived.parameter_ranges`); ``material`` is then
    unused."""
    if rows is None:
        from . import materials
        from .derived import parameter_ranges

        rows = [(m.key, parameter_ranges(m, cv_slope_range=None if "cv_slope" in m
                                         else materials.CV_SLOPE_RANGE_ACROSS_GLASSES))
                for m in materials.load().values()]
    panels = (("kF_xi", r"$k_F\xi$", (1 / 3, 3), "∼ 1 (factor 3)"),
              ("cs_over_vF", r"$c_t/v_F$", (1 / 3, 3), "∼ 1 (factor 3)"),
              ("Q_inv_t", r"$Q_t^{-1}$ (Eq. 15, $K_{Q,t}=1$)", quoted_Q, "quoted by the paper"))
    fig, axes = plt.subplots(3, 1, figsize=(6.4, 8.4), sharex=True)
    x = np.arange(len(rows))
    for ax, (key, label, band, band_label) in zip(axes, panels):
        lo = np.array([r[key][0] for _, r in rows])
        mid = np.array([r[key][1] for _, r in rows])
        hi = np.array([r[key][2] for _, r in rows])
        ax.vlines(x, lo, hi, lw=6, alpha=0.5, color="C0", label="range")
        ax.plot(x, mid, "o", color="C0", ms=5, label="central")
        if band:
            ax.axhspan(*band, color="C3", alpha=0.15, label=band_label)
        ax.set_yscale("log")
        ax.set_xticks(x, [name for name, _ in rows])
        ax.set_xlim(-0.6, len(rows) - 0.4)
        ax.set_xlabel("glass [-]")
        ax.set_ylabel(f"{label}\n[dimensionless]")
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), fontsize=8)
    fig.tight_layout()
    return fig


# --- Sections 4.2-4.3: GPP beside the tunnelling model --------------------------------------------------------------
_GPP_STYLE = {"color": "C0"}
_STM_COLORS = ("C1", "C2", "C4", "C5")


def compare_heat_capacity(material: Material) -> Figure:
    """C/T (per mass) versus T: GPP (no time dependence) and the STM at three measuring times."""
    from .comparison import heat_capacity

    T = np.geomspace(0.03, 1.5, 120)
    curves = heat_capacity(material, T)
    fig, ax = plt.subplots()
    ax.semilogx(T, curves.pop("GPP") / T, lw=2.5, label="GPP", **_GPP_STYLE)
    debye = curves.pop("Debye phonons")
    for color, (label, values) in zip(_STM_COLORS, curves.items()):
        ax.semilogx(T, values / T, ls="--", color=color, label=label)
    ax.semilogx(T, debye / T, color="0.5", ls=":", label="Debye phonons alone")
    ax.set_xlabel("temperature $T$ [K]")
    ax.set_ylabel(r"$C/T$ [erg g$^{-1}$ K$^{-2}$]")
    ax.set_ylim(0, None)
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return fig


def compare_internal_friction(material: Material, frequencies: tuple[float, ...] | None = None,
                              measured: tuple[float, float] | None = None) -> Figure:
    """Q⁻¹(T) of both models at a low (torsional) and a high (GHz) frequency, with the measured plateau band."""
    from .comparison import internal_friction
    from .materials import load_table

    tun = load_table("tunneling")
    freqs = frequencies or (tun["f_torsional"].value, tun["f_ultrasonic"].value)
    band = measured or (tun["Q_plateau_low"].value, tun["Q_plateau_high"].value)
    T = np.geomspace(0.01, 3.0, 150)
    fig, axes = plt.subplots(len(freqs), 1, figsize=(6.4, 3.5 * len(freqs)), sharex=True)
    styles = {"GPP resonant (Eq. 12)": dict(color="C0", lw=2.2), "GPP pair, net (Eq. 11)": dict(color="C0", ls=":"),
              "STM resonant": dict(color="C1", ls="--"), "STM relaxation": dict(color="C2", ls="-."),
              "STM total": dict(color="C1", lw=2.2)}
    for ax, f in zip(np.atleast_1d(axes), freqs):
        for label, values in internal_friction(material, T, f).items():
            ax.loglog(T, values, label=label, **styles[label])
        ax.axhspan(*band, color="C3", alpha=0.12, label="measured plateau range")
        ax.set_ylim(1e-11, 1e-2)
        ax.set_title(f"f = {f:.3g} Hz", fontsize=10)
        ax.set_ylabel(r"$Q^{-1}$ [dimensionless]")
        ax.set_xlabel("temperature $T$ [K]")
        ax.tick_params(labelbottom=True)
    np.atleast_1d(axes)[0].legend(loc="lower right", fontsize=7, ncol=2)
    fig.tight_layout()
    return fig


def compare_velocity_shift(material: Material, f: float | None = None) -> Figure:
    """Δv/v(T) at a low frequency: the STM's maximum, and the monotonic shift implied by Eq. (12)."""
    from .comparison import velocity_shift
    from .materials import load_table

    f = f or load_table("tunneling")["f_torsional"].value
    T = np.geomspace(0.01, 3.0, 150)
    curves = velocity_shift(material, T, f, T_ref=0.01)
    fig, ax = plt.subplots()
    styles = {"STM total": dict(color="C1", lw=2.2), "STM resonant": dict(color="C1", ls="--"),
              "STM relaxation": dict(color="C2", ls="-."),
              "GPP, implied by Eq. 12 (not in the paper)": dict(color="C0", lw=2.2)}
    for label, values in curves.items():
        ax.semilogx(T, values * 1e4, label=label, **styles[label])
    ax.set_xlabel("temperature $T$ [K]")
    ax.set_ylabel(r"$[\Delta v/v](T) - [\Delta v/v](10\,\mathrm{mK})$ [$10^{-4}$]")
    ax.set_title(f"f = {f:.3g} Hz", fontsize=10)
    ax.legend(loc="lower left", fontsize=8)
    fig.tight_layout()
    return fig


def compare_kappa(material: Material) -> Figure:
    """κ(T) of both models (resonant scattering; couplings Q_t⁻¹ of Eq. 15 and πC)."""
    from .comparison import thermal_conductivity

    T = np.geomspace(0.03, 1.0, 100)
    curves = thermal_conductivity(material, T)
    fig, ax = plt.subplots()
    ax.loglog(T, curves["GPP (Eq. 12)"] * 1e-7, lw=2.2, label=r"GPP, coupling $Q_t^{-1}$ (Eq. 15)", **_GPP_STYLE)
    ax.loglog(T, curves["STM"] * 1e-7, ls="--", color="C1", label=r"STM, coupling $\pi C$")
    ax.set_xlabel("temperature $T$ [K]")
    ax.set_ylabel(r"$\kappa$ [W cm$^{-1}$ K$^{-1}$]")
    ax.legend(loc="upper left")
    fig.tight_layout()
    return fig
