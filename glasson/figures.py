"""Figures of the chapters: one function per figure, each returning a matplotlib Figure with labelled axes.

Every axis label carries its unit in square brackets (or says ``[dimensionless]``); ``tests/test_figures.py``
checks it. Notebooks call these and glue the figure with a caption (:func:`glue_figure`).
"""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from . import constants as const
from . import scales
from .materials import Material

__all__ = ["glue_figure", "energy_scales", "energy_ratios", "crossover_vs_coupling"]


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
