"""Figures of the chapters: one function per figure, each returning a matplotlib Figure with labelled axes.

Every function takes the model of a glass (:class:`glasson.models.model.GlassonModel`, and the calibrated
:class:`glasson.models.model.TunnelingModel` where the tunnelling model is drawn) and nothing else that is physics: a
figure never re-derives what the model computes. Axis labels carry their unit in square brackets (or
``[dimensionless]``) through :func:`glasson.presentation.formatting.axis_label`; frequencies, times and numbers in titles and
legends are written in human units (90 kHz, 1 µs). Figures are drawn 6 inches wide, with panels stacked
vertically and legends outside the data, so that they stay legible in a phone's column.
``tests/test_figures.py`` checks the labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import numpy.typing as npt
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogFormatterSciNotation, LogLocator, NullFormatter

from glasson.core import constants as const
from glasson.core.text import frequency, number
from glasson.core.units import Real
from glasson.formulas import acoustics, dipolar, fermi, heat_capacity, scales, scattering
from glasson.models.derived import thermal_conductivity
from glasson.models.model import GlassonModel
from glasson.presentation.formatting import axis_label

__all__ = ["energy_scales", "energy_ratios", "crossover_vs_coupling", "specific_heat", "fermi_gas_linearity",
           "scattering_rates", "kappa_curves", "kappa_spectrum", "log_correction_exponents", "alpha_vs_coupling",
           "internal_friction_vs_eps_F", "internal_friction_vs_a", "velocity_ratio", "absorption_vs_ql",
           "fermi_parameters", "coupling_bands", "FIGURES", "STYLE",
           "use_style"]

#: The compendium's figure style (a matplotlib style file beside this module): the book's kernels read it as their
#: matplotlibrc, and :func:`glasson.presentation.chapter.setup` applies it wherever a reader runs a chapter.
STYLE = Path(__file__).resolve().parent / "glasson.mplstyle"
#: Every figure's width (inches). Shown at the column's width, about 380 px on a phone: a 5-inch figure (480 px) is
#: scaled by 0.79 there, which keeps the smallest text (10.5 pt legends) above 8 pt (tests/test_figures.py).
FIG_WIDTH = 5.0


def use_style() -> None:
    """Apply :data:`STYLE` to every figure drawn from now on in this process."""
    import matplotlib

    matplotlib.style.use(str(STYLE))

_GPP: dict[str, str] = {"color": "C0"}


def _legend_below(fig: Figure, ax: Axes, ncol: int = 2) -> None:
    """The legend of ``ax`` under the figure, outside the data."""
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=ncol)


def _plain_or_sci(value: float, _: object = None) -> str:
    """A tick label: ``0.6``, ``2``, ``300`` as plain numbers, powers of ten outside 10⁻³–10⁴ in mathtext."""
    if value <= 0:
        return ""
    if 1e-3 <= value < 1e4:
        return f"{value:g}"
    return LogFormatterSciNotation(labelOnlyBase=False)(value)


def _decades(ax: Axes, axis: str = "y") -> None:
    """Log ticks at whole decades, minor ticks unlabelled (no overlapping labels); an axis spanning less than two
    and a half decades is labelled at 1, 2 and 5 times each power of ten instead, as plain numbers where they are
    short (``0.6``, ``2``, not ``6 × 10⁻¹``), so that it carries at least three labels."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    lo, hi = sorted(ax.get_ylim() if axis == "y" else ax.get_xlim())
    if lo > 0 and hi / lo < 300:
        target.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
        target.set_major_formatter(FuncFormatter(_plain_or_sci))
    else:
        target.set_major_locator(LogLocator(base=10, numticks=6))
    target.set_minor_formatter(NullFormatter())


# --- Section 2 ---------------------------------------------------------------------------------------------
def energy_scales(model: GlassonModel, R_angstrom: npt.ArrayLike | None = None) -> Figure:
    """The three energies of Eq. (4) versus the length scale R, log–log, with ξ and E_ξ marked."""
    R_A = np.geomspace(1.0, 1.0e4, 400) if R_angstrom is None else np.asarray(R_angstrom, dtype=float)
    R = const.angstrom_to_cm(R_A)
    xi_A = const.cm_to_angstrom(model.xi)
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 4.6))
    ax.loglog(R_A, const.erg_to_K(scales.phonon_energy(R, model.c_t)), label=r"$E_s = \hbar c_t/R$")
    ax.loglog(R_A, const.erg_to_K(scales.kinetic_energy(R, model.m_gl)), label=r"$E_{kin} = \hbar^2/(2 m_{gl} R^2)$")
    ax.loglog(R_A, const.erg_to_K(scales.dipole_energy(R, model.Lambda, model.rho, model.c_t)),
              label=r"$E_{int\mathrm{-}dipole} = \Lambda^2/(\rho c_t^2 R^3)$")
    ax.axvline(float(xi_A), color="0.3", ls="--", lw=1)
    ax.plot([float(xi_A)], [float(const.erg_to_K(model.E_xi))], "ko", ms=5)
    ax.annotate(r"$\xi$", (xi_A, ax.get_ylim()[0]), xytext=(4, 8), textcoords="offset points")
    ax.set_xlabel(axis_label("length scale $R$", "angstrom"))
    ax.set_ylabel(axis_label("energy", "K"))
    _decades(ax)
    _legend_below(fig, ax, ncol=1)
    return fig


def energy_ratios(model: GlassonModel, R_angstrom: npt.ArrayLike | None = None) -> Figure:
    """The ratios E_kin/E_dd = R/a_gl (Eq. 5) and E_s/E_kin versus R: both cross 1 at ξ."""
    R_A = np.geomspace(1.0, 1.0e4, 400) if R_angstrom is None else np.asarray(R_angstrom, dtype=float)
    R = const.angstrom_to_cm(R_A)
    a_gl_A = const.cm_to_angstrom(scales.glasson_bohr_radius(model.Lambda, model.m_gl, model.rho, model.c_t))
    fig, ax = plt.subplots()
    ax.loglog(R_A, scales.kinetic_dipole_ratio(R, model.Lambda, model.m_gl, model.rho, model.c_t), lw=4, alpha=0.5,
              label=r"$E_{kin}/E_{int\mathrm{-}dipole} = R/a_{gl}$ (Eq. 5)")
    ax.loglog(R_A, scales.phonon_energy(R, model.c_t) / scales.kinetic_energy(R, model.m_gl), ls="--",
              label=r"$E_s/E_{kin}$")
    ax.axhline(1.0, color="0.3", lw=1)
    ax.axvline(float(a_gl_A), color="0.3", ls="--", lw=1)
    ax.annotate(r"$a_{gl} = \xi$", (a_gl_A, 1.0), xytext=(4, -16), textcoords="offset points")
    ax.set_xlabel(axis_label("length scale $R$", "angstrom"))
    ax.set_ylabel(axis_label("energy ratio"))
    _decades(ax)
    _legend_below(fig, ax)
    return fig


def crossover_vs_coupling(model: GlassonModel, Lambda_eV: npt.ArrayLike | None = None,
                          printed: Mapping[str, float] | None = None) -> Figure:
    """ξ and m_gl of Eq. (8) over the bare coupling Λ (two stacked panels), with the paper's printed values."""
    lam_eV = np.linspace(1.0, 10.0, 200) if Lambda_eV is None else np.asarray(Lambda_eV, dtype=float)
    lam = const.eV_to_erg(lam_eV)
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(FIG_WIDTH, 6.6), sharex=True)
    ax1.plot(lam_eV, const.cm_to_angstrom(scales.crossover_length(lam, model.rho, model.c_t)), label="Eq. (8), recomputed")
    ax2.semilogy(lam_eV, scales.crossover_mass(lam, model.rho, model.c_t), label="Eq. (8), recomputed")
    if printed:
        ax1.plot([printed["Lambda_eV"]], [printed["xi_angstrom"]], "s", color="C1", label="paper (printed)")
        ax2.plot([printed["Lambda_eV"]], [printed["m_gl_g"]], "s", color="C1", label="paper (printed)")
    ax1.set_ylabel(axis_label(r"crossover length $\xi$", "angstrom"))
    ax2.set_xlabel(axis_label(r"bare coupling $\Lambda$", "eV"))
    ax2.set_ylabel(axis_label(r"glasson mass $m_{gl}$", "g"))
    ax1.tick_params(labelbottom=True)
    ax1.set_xlabel(axis_label(r"bare coupling $\Lambda$", "eV"))
    _legend_below(fig, ax1)
    return fig


# --- Section 3.1 ---------------------------------------------------------------------------------------------
def specific_heat(model: GlassonModel, T_max: float = 3.0) -> Figure:
    """C/T versus T² (per unit mass): the constant glasson term, the Debye T² term, their sum and crossover."""
    T = np.linspace(0.0, T_max, 300)[1:]
    debye = heat_capacity.debye_heat_capacity(T, model.c_t, model.c_l) / (model.rho * T)
    T_x = model.T_cross
    slope = np.full_like(T, float(model.cv_slope))
    fig, ax = plt.subplots()
    ax.plot(T**2, slope, label=r"glasson, $C_v/T$ (linear $C$)")
    ax.plot(T**2, debye, label=r"Debye phonons, $\propto T^2$")
    ax.plot(T**2, slope + debye, color="k", label="sum")
    ax.axvline(float(T_x**2), color="0.3", ls="--", lw=1)
    ax.annotate(rf"$T_\times$ = {number(float(T_x), 3)} K", (T_x**2, float(model.cv_slope)), xytext=(6, -18),
                textcoords="offset points")
    ax.set_xlabel(axis_label("$T^2$", "K^2"))
    ax.set_ylabel(axis_label("$C/T$", "erg/(g K^2)"))
    ax.set_xlim(0, T_max**2)
    ax.set_ylim(0, None)
    _legend_below(fig, ax, ncol=3)
    return fig


def fermi_gas_linearity(model: GlassonModel) -> Figure:
    """Exact heat capacity of the ideal Fermi gas over its Sommerfeld (linear) limit versus T/T_F."""
    t = np.geomspace(0.01, 3.0, 120)
    exact = heat_capacity.fermi_gas_heat_capacity_ratio(t)
    t_Q = model.T_Q / const.erg_to_K(model.eps_F)
    fig, ax = plt.subplots()
    ax.semilogx(t, exact, color="k", label="ideal Fermi gas (exact)")
    ax.semilogx(t[t < 0.35], heat_capacity.sommerfeld_correction(t[t < 0.35]), ls="--",
                label=r"Sommerfeld, $1 - \frac{3\pi^2}{10}(T/T_F)^2$")
    ax.semilogx(t[t > 0.5], 3 / (np.pi**2 * t[t > 0.5]), ls=":", label=r"classical, $C = \frac{3}{2}Nk_B$")
    ax.axvline(t_Q, color="0.3", ls="--", lw=1)
    ax.annotate(r"$T_Q/T_F$", (t_Q, 0.05), xytext=(4, 0), textcoords="offset points")
    ax.set_xlabel(axis_label(r"$T/T_F = k_BT/\epsilon_F$"))
    ax.set_ylabel(axis_label(r"$C/(\gamma T)$"))
    ax.set_ylim(0, 1.1)
    _legend_below(fig, ax, ncol=1)
    return fig


def scattering_rates(model: GlassonModel) -> Figure:
    """Scattering rates of Eqs. (11)–(12) versus x = ħω/k_BT, in units that make them functions of x only."""
    x = np.geomspace(0.01, 30.0, 300)
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(FIG_WIDTH, 7.6), sharex=True)
    ax1.loglog(x, x * scattering.pair_factor(x, net=False), label="absorption only (as printed)")
    ax1.loglog(x, x * scattering.pair_factor(x, net=True), ls="--", label="absorption − emission")
    ax1.loglog(x, x, color="0.5", lw=1, ls=":", label=r"$\propto T\omega$")
    ax1.set_title("pair branch, Eq. (11)")
    ax1.set_ylabel(axis_label(r"$\tau^{-1}\,\hbar\epsilon_F/(g\,k_B^2T^2)$"))
    ax1.legend(loc="upper left")
    ax2.loglog(x, x * scattering.resonant_factor(x), label=r"$x\,\tanh(x/2)$, Eq. (12)")
    ax2.loglog(x, x, color="0.5", lw=1, ls=":", label=r"$x$ ($\hbar\omega \gg k_BT$)")
    ax2.loglog(x, x**2 / 2, color="0.5", lw=1, ls="-.", label=r"$x^2/2$ ($\hbar\omega \ll k_BT$)")
    ax2.set_ylim(1e-5, 50)
    ax2.set_title("resonant branch, Eq. (12)")
    ax2.set_xlabel(axis_label(r"$x = \hbar\omega/k_BT$"))
    ax2.set_ylabel(axis_label(r"$\tau^{-1}\,\hbar/(Q^{-1} k_BT)$"))
    ax2.legend(loc="upper left")
    ax1.tick_params(labelbottom=True)
    ax1.set_xlabel(axis_label(r"$x = \hbar\omega/k_BT$"))
    for ax in (ax1, ax2):
        _decades(ax)
    return fig


def kappa_curves(model: GlassonModel, T: npt.ArrayLike | None = None, coupling: float | None = None) -> Figure:
    """κ(T) for the resonant (∝ T²) and pair (∝ T) branches with the model's coupling (or ``coupling``)."""
    T = np.geomspace(0.03, 1.0, 100) if T is None else np.asarray(T, dtype=float)
    fig, ax = plt.subplots()
    for branch, label in (("resonant", r"resonant, Eq. (12): $\propto T^2$"),
                          ("pair", r"pair with detailed balance, Eq. (11): $\propto T$")):
        ax.loglog(T, np.asarray(thermal_conductivity(model, T, branch, coupling)) * 1e-7, label=label)
    ax.set_xlabel(axis_label("temperature $T$", "K"))
    ax.set_ylabel(axis_label(r"$\kappa$", "W/(cm K)"))
    _decades(ax)
    _legend_below(fig, ax, ncol=1)
    return fig


def kappa_spectrum(model: GlassonModel) -> Figure:
    """The spectral integrand of κ for the resonant branch, with the single 'dominant phonon' that reproduces it."""
    x = np.linspace(0.01, 15.0, 400)
    integrand = x * heat_capacity.phonon_mode_heat_capacity(x) / np.tanh(x / 2) / np.pi**2
    x_dom = scattering.dominant_phonon_x()
    x_peak = scattering.thermal_phonon_peak_x()
    energy = x**3 / np.expm1(x)
    fig, ax = plt.subplots()
    ax.plot(x, integrand, label=r"spectral weight of $\kappa$, $x^3e^x(e^x+1)/(e^x-1)^3\pi^2$")
    ax.plot(x, energy / energy.max() * integrand.max(), ls=":", label=r"phonon energy density $x^3/(e^x-1)$, scaled")
    ax.axvline(x_dom, color="0.3", ls="--", lw=1)
    ax.annotate(rf"$x^*$ = {number(x_dom, 3)}", (x_dom, 0.01), xytext=(6, 0), textcoords="offset points")
    ax.axvline(x_peak, color="0.6", ls=":", lw=1)
    ax.set_xlabel(axis_label(r"$x = \hbar\omega/k_BT$"))
    ax.set_ylabel(axis_label(r"spectral weight of $\kappa$"))
    _legend_below(fig, ax, ncol=1)
    return fig


def log_correction_exponents(model: GlassonModel, couplings: Sequence[float] = (0.01, 0.1, 1.0, 10.0)) -> Figure:
    """Effective exponents of C ∝ T^(1+α) and κ ∝ T^(2−α) from Eq. (13), for several couplings u = ν₀α_dd."""
    T_Q = float(model.T_Q)
    T = np.geomspace(1e-3 * T_Q, T_Q, 200)
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(FIG_WIDTH, 7.0), sharex=True)
    for u in couplings:
        ax1.semilogx(T, dipolar.heat_capacity_exponent(T, u, T_Q), label=f"u = {number(u, 2, trim=True)}")
        ax2.semilogx(T, dipolar.kappa_exponent(T, u, T_Q), label=f"u = {number(u, 2, trim=True)}")
    low = T <= T_Q / 2  # the log-regime curve diverges at T_Q
    ax1.semilogx(T[low], 1 + 1 / np.log(T_Q / T[low]), color="k", ls=":", lw=1, label=r"$1 + 1/\ln(T_Q/T)$")
    ax1.set_ylabel(axis_label(r"$d\ln C/d\ln T = 1 + \alpha$"))
    ax2.set_ylabel(axis_label(r"$d\ln\kappa/d\ln T = 2 - \alpha$"))
    for ax in (ax1, ax2):
        ax.set_xlabel(axis_label("temperature $T$", "K"))
    ax1.tick_params(labelbottom=True)
    ax1.set_ylim(0.95, 2.0)
    ax2.set_ylim(1.0, 2.05)
    _legend_below(fig, ax1, ncol=3)
    return fig


def alpha_vs_coupling(model: GlassonModel, T: float = 0.1, Lambda_eV: npt.ArrayLike | None = None) -> Figure:
    """α of Eq. (13) at temperature T over the bare coupling Λ, with u = ν₀α_dd from the glass's own numbers."""
    lam_eV = np.geomspace(1.0, 10.0, 200) if Lambda_eV is None else np.asarray(Lambda_eV, dtype=float)
    lam = const.eV_to_erg(lam_eV)
    fig, ax = plt.subplots()
    for convention, label, style in (("paper", r"$\nu_0 = \rho C_v/(k_BT)$ as printed", "-"),
                                     ("sommerfeld", r"free-fermion $\nu$", "--")):
        u = dipolar.dipolar_u_dd(model.cv_slope, lam, model.c_t, convention)
        ax.loglog(lam_eV, dipolar.heat_capacity_exponent(T, u, model.T_Q) - 1, ls=style, label=label)
    ax.axhline(0.1, color="C3", lw=1, ls=":", label=r"$\alpha$ = 0.1 (“$\alpha \ll 1$”)")
    ax.axvline(float(const.erg_to_eV(model.Lambda)), color="0.5", lw=1, ls="--")
    ax.set_xlabel(axis_label(r"bare coupling $\Lambda$", "eV"))
    ax.set_ylabel(axis_label(rf"$\alpha$ at {number(T, 2, trim=True)} K"))
    _decades(ax)
    _legend_below(fig, ax, ncol=1)
    return fig


# --- Section 3.2 ---------------------------------------------------------------------------------------------
def _Q(model: GlassonModel, eps_F: Real | None = None, a: Real | None = None, K: float = 1.0) -> Real:
    """Eq. (15) for the model's density and slope at other ε_F or a."""
    eps = model.eps_F if eps_F is None else eps_F
    kF = fermi.fermi_wavevector(eps, model.rho, model.cv_slope)
    vF = fermi.fermi_velocity(kF, fermi.fermi_mass(eps, model.rho, model.cv_slope))
    return acoustics.internal_friction(kF, model.a if a is None else a, model.c_t, vF, K)


def internal_friction_vs_eps_F(model: GlassonModel, eps_F_K: npt.ArrayLike | None = None,
                               quoted: tuple[float, float] | None = None,
                               measured: tuple[float, float] | None = None) -> Figure:
    """Q_t⁻¹ of Eq. (15) over ε_F: K_Q,t = 1, the band of K_Q,t over its readings (from the golden rule's 1/4π to
    the second printed form's π), Eq. (14) (K_Q,t = 1/2π); with the measured plateau and the range the paper quotes
    (outlined: a hatch does not survive the scaling to a column)."""
    eps_K = np.geomspace(1.0, 30.0, 100) if eps_F_K is None else np.asarray(eps_F_K, dtype=float)
    eps = const.K_to_erg(eps_K)
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 4.8))
    readings = acoustics.K_Qt_conventions()
    K_lo, K_hi = min(readings.values()), max(readings.values())
    ax.fill_between(eps_K, _Q(model, eps, K=K_lo), _Q(model, eps, K=K_hi), alpha=0.25,
                    label=r"Eq. (15), $K_{Q,t}$ from $1/4\pi$ (golden rule) to $\pi$")
    ax.loglog(eps_K, _Q(model, eps), label=r"Eq. (15), $K_{Q,t}$ = 1")
    ax.loglog(eps_K, _Q(model, eps, K=acoustics.K_Qt_implied()), ls="--", label=r"Eq. (14), $K_{Q,t} = 1/2\pi$")
    if measured:
        ax.axhspan(*measured, color="C2", alpha=0.18, label="measured plateau")
    if quoted:
        ax.axhspan(*quoted, facecolor="C3", alpha=0.10, edgecolor="none")
        for edge in quoted:
            ax.axhline(edge, color="C3", lw=1.2, ls=(0, (4, 2)))
        ax.plot([], [], color="C3", lw=1.2, ls=(0, (4, 2)), label="range the paper quotes (between the lines)")
    ax.set_xlabel(axis_label(r"Fermi energy $\epsilon_F$", "K"))
    ax.set_ylabel(axis_label(r"internal friction $Q_t^{-1}$"))
    _decades(ax)
    _legend_below(fig, ax)
    return fig


def internal_friction_vs_a(model: GlassonModel, a_angstrom: npt.ArrayLike | None = None) -> Figure:
    """Q_t⁻¹ of Eq. (15) (K_Q,t = 1) over the inter-atomic distance a, ∝ a³."""
    a_A = np.linspace(1.5, 8.0, 100) if a_angstrom is None else np.asarray(a_angstrom, dtype=float)
    fig, ax = plt.subplots()
    ax.semilogy(a_A, _Q(model, a=const.angstrom_to_cm(a_A)), label=r"Eq. (15), $K_{Q,t}$ = 1, $\propto a^3$")
    ax.axvline(float(const.cm_to_angstrom(model.a)), color="0.3", ls="--", lw=1, label="$a$ of this glass")
    ax.set_xlabel(axis_label("inter-atomic distance $a$", "angstrom"))
    ax.set_ylabel(axis_label(r"internal friction $Q_t^{-1}$"))
    _legend_below(fig, ax)
    return fig


def velocity_ratio(model: GlassonModel, eps_F_K: npt.ArrayLike | None = None) -> Figure:
    """c_t/v_F over ε_F: ∝ ε_F^(−2/3)."""
    eps_K = np.geomspace(1.0, 30.0, 100) if eps_F_K is None else np.asarray(eps_F_K, dtype=float)
    eps = const.K_to_erg(eps_K)
    kF = fermi.fermi_wavevector(eps, model.rho, model.cv_slope)
    vF = fermi.fermi_velocity(kF, fermi.fermi_mass(eps, model.rho, model.cv_slope))
    fig, ax = plt.subplots()
    ax.loglog(eps_K, model.c_t / vF, label=r"$c_t/v_F$, $v_F = \hbar k_F/m_F$")
    ax.axhspan(1 / 3, 3, color="0.5", alpha=0.15, label="within a factor 3 of 1")
    ax.set_xlabel(axis_label(r"Fermi energy $\epsilon_F$", "K"))
    ax.set_ylabel(axis_label(r"$c_t/v_F$"))
    _decades(ax)
    _legend_below(fig, ax)
    return fig


def absorption_vs_ql(model: GlassonModel, frequencies: Sequence[float] = (9e4, 1e9)) -> Figure:
    """Eq. (14) with and without momentum conservation: Q⁻¹/K_F-s over q l, with the clean (c_s/v_F) and dirty
    (ωτ) limits, and q l of the glassons (l ∼ ξ) at the measured frequencies marked."""
    ql = np.geomspace(1e-4, 1e4, 400)
    c, vF = float(model.c_t), float(model.v_F)
    omega_tau = ql * c / vF  # ω τ = q l · c/v_F
    omega = 1.0  # the ratio depends on ω only through ωτ = q l c/v_F
    Q = acoustics.internal_friction_broadened(1.0, c, vF, omega, omega_tau / omega)
    fig, ax = plt.subplots(figsize=(FIG_WIDTH, 4.6))
    ax.loglog(ql, Q, color="k", label="golden rule, δ broadened by $1/\\tau$")
    ax.loglog(ql, np.full_like(ql, acoustics.internal_friction_golden_rule(1.0, c, vF)), ls="--",
              label=r"clean limit $(\pi/2)\,c_t/v_F$ (Eq. 14)")
    ax.loglog(ql, omega_tau, ls=":", label=r"dirty limit $\omega\tau$")
    for f in frequencies:
        ql_f = 2 * np.pi * f / c * float(model.xi)
        ax.axvline(ql_f, color="C2", lw=1)
        ax.annotate(frequency(f), (ql_f, ax.get_ylim()[0]), xytext=(3, 6), textcoords="offset points",
                    rotation=90, color="C2")
    ax.set_xlabel(axis_label(r"$q\,l$"))
    ax.set_ylabel(axis_label(r"$Q^{-1}/K_{F\mathrm{-}s}$"))
    _decades(ax)
    _legend_below(fig, ax, ncol=1)
    return fig


# --- Section 4.1 ---------------------------------------------------------------------------------------------
def fermi_parameters(model: GlassonModel, eps_F_K: npt.ArrayLike | None = None,
                     printed: Mapping[str, float] | None = None) -> Figure:
    """k_F (Eq. 16) and m_F (Eq. 17 derived and as printed) over ε_F (two stacked panels)."""
    eps_K = np.geomspace(1.0, 30.0, 100) if eps_F_K is None else np.asarray(eps_F_K, dtype=float)
    eps = const.K_to_erg(eps_K)
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(FIG_WIDTH, 7.0), sharex=True)
    ax1.loglog(eps_K, fermi.fermi_wavevector(eps, model.rho, model.cv_slope), label="Eq. (16)")
    ax2.loglog(eps_K, fermi.fermi_mass(eps, model.rho, model.cv_slope), label="Eq. (17), derived (9/2)")
    ax2.loglog(eps_K, fermi.fermi_mass_as_printed(eps, model.rho, model.cv_slope), ls="--",
               label="Eq. (17) as printed (3/2)")
    if printed:
        ax1.plot([printed["eps_F_K"]], [printed["k_F"]], "s", color="C3", label="paper (printed)")
        ax2.plot([printed["eps_F_K"]], [printed["m_F"]], "s", color="C3", label="paper (printed)")
    ax1.set_ylabel(axis_label("Fermi wave-vector $k_F$", "1/cm"))
    ax2.set_ylabel(axis_label("Fermi mass $m_F$", "g"))
    for ax in (ax1, ax2):
        ax.set_xlabel(axis_label(r"Fermi energy $\epsilon_F$", "K"))
        ax.legend(loc="best")
        _decades(ax)
    ax1.tick_params(labelbottom=True)
    return fig


# --- Beyond the paper -------------------------------------------------------------------------------------------
def coupling_bands(model: GlassonModel, Lambda_eV: tuple[float, float] = (1.0, 10.0)) -> Figure:
    """k_F ξ and E_F/E_ξ over ε_F, as bands over the bare coupling Λ (two stacked panels)."""
    eps_K = np.geomspace(3.0, 30.0, 60)
    eps = const.K_to_erg(eps_K)
    fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(FIG_WIDTH, 7.0), sharex=True)
    L_now = float(const.erg_to_eV(model.Lambda))
    for ax, label, square in ((ax1, r"$k_F\xi$", False), (ax2, r"$E_F/E_\xi = (k_F\xi)^2$", True)):
        curves = []
        for L in (Lambda_eV[0], L_now, Lambda_eV[1]):
            m = GlassonModel.from_inputs({"rho": model.rho, "c_t": model.c_t, "cv_slope": model.cv_slope,
                                          "eps_F": eps, "Lambda": const.eV_to_erg(L)})
            curves.append(m.E_F_over_E_xi if square else m.kF_xi)
        ax.fill_between(eps_K, curves[0], curves[2], alpha=0.25,
                        label=rf"$\Lambda$ from {number(Lambda_eV[0], 2, trim=True)} to {number(Lambda_eV[1], 2, trim=True)} eV")
        ax.loglog(eps_K, curves[1], label=rf"$\Lambda$ = {number(L_now, 2, trim=True)} eV")
        ax.axhspan(1 / 3, 3, color="0.5", alpha=0.15, label="within a factor 3 of 1")
        ax.set_xlabel(axis_label(r"Fermi energy $\epsilon_F$", "K"))
        ax.set_ylabel(axis_label(label))
        _decades(ax)
        _decades(ax, "x")
    ax1.tick_params(labelbottom=True)
    _legend_below(fig, ax1, ncol=2)
    return fig


#: Every figure function of this module and what it needs beyond the glass's model (the keyword arguments the tests
#: pass): none here; :data:`glasson.presentation.figures_beyond.FIGURES` has the others.
FIGURES: dict[str, tuple[str, ...]] = {name: () for name in __all__ if name not in ("FIGURES", "STYLE", "use_style")}
