"""Derived parameters of a material: the values ``python -m glasson params`` prints, from one place.

The keys are part of the CLI contract (they carry their unit in the name) and must not change.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from . import acoustics, fermi, scales, thermal
from . import constants as const
from .materials import Material

__all__ = ["derived_parameters", "derived_from_inputs", "parameter_ranges", "describe", "KEYS",
           "thermal_conductivity", "SCATTERING", "eps_F_for_internal_friction", "EPS_F_RANGE_K", "LAMBDA_RANGE_EV"]

#: Each key of :func:`derived_parameters` with its description (unit in the key's name).
KEYS: dict[str, str] = {
    "H_g_per_s": "H = sqrt(hbar rho c_t), Eq. 8 (as derived from Eqs. 6-7)",
    "xi_cm": "crossover length xi = Lambda/(c_t H), Eq. 8",
    "m_gl_g": "glasson mass m_gl = hbar H/(2 Lambda), Eq. 8",
    "E_xi_K": "crossover energy E_xi = hbar c_t/xi, in kelvin",
    "E_int_K": "MRO energy E_int = hbar c_t/xi_MRO (Sec. 2.1), in kelvin",
    "Lambda_K": "bare coupling Lambda in kelvin",
    "k_F_per_cm": "Fermi wave-vector k_F = (6 eps_F rho C_v/T / k_B^2)^(1/3), Eq. 16",
    "m_F_g": "Fermi mass m_F = hbar^2 k_F^2/(2 eps_F), Eq. 17 as derived (coefficient 9/2)",
    "m_F_printed_g": "Eq. 17 exactly as printed (coefficient 3/2), for comparison",
    "v_F_cm_per_s": "Fermi velocity v_F = hbar k_F/m_F",
    "eps_F_erg": "Fermi energy eps_F in erg",
    "a_F_cm": "glasson de Broglie length a_F = 1/k_F",
    "kF_xi": "k_F xi, with xi from Eq. 8",
    "kF_a": "k_F a",
    "kF_a_cubed": "(k_F a)^3, the dimensionless Fermi volume",
    "E_F_eq18_K": "E_F = hbar^2 k_F^2/(2 m_gl) with the Eq. 8 mass (Eq. 18), in kelvin",
    "E_F_over_E_xi": "E_F/E_xi = (k_F xi)^2, Eq. 18",
    "m_F_over_m_He3": "m_F divided by the mass of a 3He atom",
    "M_atom_g": "atomic mass M_atom = rho a^3 (one atom per a^3)",
    "Mc2_K": "M_atom c_t^2 in kelvin",
    "lambda_K": "glasson-phonon coupling lambda = sqrt(eps_F M_atom c_t^2), in kelvin",
    "lambda_over_Lambda": "lambda / Lambda",
    "K_Fs": "K_F-s = nu lambda^2/(rho c_t^2) with free-fermion nu (first printed form)",
    "cs_over_vF": "c_t / v_F",
    "Q_inv_t": "internal friction Q_t^-1 = (k_F a)^3 c_t/v_F, Eq. 15 with K_Q,t = 1",
    "Q_inv_t_eq14": "Q_t^-1 = pi K_F-s c_t/v_F, Eq. 14 (equals Eq. 15 with K_Q,t = 1/(2 pi))",
    "T_cross_K": "temperature where the glasson and Debye specific heats are equal",
}


def derived_from_inputs(inputs: Mapping[str, Any]) -> dict[str, Any]:
    """The derived values of :data:`KEYS` from CGS inputs (keys of :data:`glasson.materials.PARAMETERS`).

    Every input may be a float or a numpy array (broadcast together): one call evaluates a whole grid of
    inputs, which is how :func:`parameter_ranges` propagates uncertainties without Python loops. A value is
    present only when the inputs it needs are.
    """
    rho, c_t, Lam = inputs["rho"], inputs["c_t"], inputs["Lambda"]
    out: dict[str, Any] = {
        "H_g_per_s": scales.crossover_constant_H(rho, c_t),
        "xi_cm": scales.crossover_length(Lam, rho, c_t),
        "m_gl_g": scales.crossover_mass(Lam, rho, c_t),
        "E_xi_K": const.erg_to_K(scales.crossover_energy(Lam, rho, c_t)),
        "Lambda_K": const.erg_to_K(Lam),
    }
    if "xi_mro" in inputs:
        out["E_int_K"] = const.erg_to_K(scales.mro_energy(inputs["xi_mro"], c_t))
    if "eps_F" in inputs and "cv_slope" in inputs:
        eps_F, gamma = inputs["eps_F"], inputs["cv_slope"]
        kF = fermi.fermi_wavevector(eps_F, rho, gamma)
        mF = fermi.fermi_mass(eps_F, rho, gamma)
        vF = fermi.fermi_velocity(kF, mF)
        out.update({
            "k_F_per_cm": kF, "m_F_g": mF, "m_F_printed_g": fermi.fermi_mass_as_printed(eps_F, rho, gamma),
            "v_F_cm_per_s": vF, "eps_F_erg": eps_F, "a_F_cm": 1 / kF, "kF_xi": kF * out["xi_cm"],
            "E_F_eq18_K": const.erg_to_K(fermi.fermi_energy(kF, out["m_gl_g"])),
            "E_F_over_E_xi": fermi.eq18_ratio(kF, out["xi_cm"]),
            "m_F_over_m_He3": mF / const.m_He3, "cs_over_vF": c_t / vF,
            "T_cross_K": thermal.crossover_temperature(rho, gamma, c_t, inputs.get("c_l")),
        })
        if "a" in inputs:
            a = inputs["a"]
            M = acoustics.atomic_mass(rho, a)
            lam = acoustics.coupling_scale(eps_F, M, c_t)
            K = acoustics.K_Fs(fermi.density_of_states(kF, mF), lam, rho, c_t)
            out.update({
                "kF_a": kF * a, "kF_a_cubed": (kF * a) ** 3, "M_atom_g": M,
                "Mc2_K": const.erg_to_K(M * c_t**2), "lambda_K": const.erg_to_K(lam),
                "lambda_over_Lambda": lam / Lam, "K_Fs": K,
                "Q_inv_t": acoustics.internal_friction(kF, a, c_t, vF),
                "Q_inv_t_eq14": acoustics.internal_friction_eq14(K, c_t, vF),
            })
    return {k: out[k] for k in KEYS if k in out}


def derived_parameters(material: Material) -> dict[str, float]:
    """All derived values of ``material`` that the compendium defines, keyed as in :data:`KEYS`.

    Examples
    --------
    >>> from glasson import materials
    >>> d = derived_parameters(materials.get("vitreous_silica"))
    >>> f"{d['xi_cm']:.3e}"
    '1.315e-06'
    """
    values = derived_from_inputs({k: material.cgs(k) for k in material.values})
    return {k: float(v) for k, v in values.items()}


#: The paper's ranges of its two guessed inputs (Secs. 2.1 and 4.1), propagated by :func:`parameter_ranges`.
EPS_F_RANGE_K = (3.0, 30.0)
LAMBDA_RANGE_EV = (1.0, 10.0)


def parameter_ranges(material: Material, eps_F_K: tuple[float, float] = EPS_F_RANGE_K,
                     Lambda_eV: tuple[float, float] = LAMBDA_RANGE_EV, n: int = 25,
                     cv_relative_uncertainty: float | None = None,
                     cv_slope_range: tuple[float, float] | None = None) -> dict[str, tuple[float, float, float]]:
    """Each derived value as (min, central, max) over ε_F and Λ in the given ranges, and over C_v/T.

    C_v/T spans ± its relative uncertainty (the material's ``uncertainty`` field unless
    ``cv_relative_uncertainty`` is given), or the whole ``cv_slope_range`` [erg/(g K²)] when that is given or
    the material has no slope (then the range must be given). A material without ``a`` gets the mean atomic
    spacing of its formula (:func:`glasson.materials.atomic_spacing`). All other inputs are kept. The grid is
    evaluated in one vectorised call of :func:`derived_from_inputs`; every value is a power law of each input,
    so the extremes lie on the grid's corners. The central value is at the geometric centre of each range.
    """
    from .materials import atomic_spacing

    inputs: dict[str, Any] = {k: material.cgs(k) for k in material.values}
    if "a" not in inputs and material.formula:
        inputs["a"] = atomic_spacing(material)
    if cv_slope_range is not None or "cv_slope" not in material:
        if cv_slope_range is None:
            raise ValueError(f"material {material.key!r} has no C_v/T; give cv_slope_range")
        gammas = np.geomspace(*cv_slope_range, n)
    else:
        gamma = material.value("cv_slope").value
        unc = material.value("cv_slope").uncertainty
        rel = cv_relative_uncertainty if cv_relative_uncertainty is not None else (unc / gamma if unc else 0.0)
        gammas = np.array([gamma * (1 - rel), gamma, gamma * (1 + rel)]) if rel else np.array([gamma])
    eps = const.K_to_erg(np.geomspace(*eps_F_K, n))
    lam = const.eV_to_erg(np.geomspace(*Lambda_eV, n))
    E, L, G = np.meshgrid(eps, lam, gammas, indexing="ij")
    grid = derived_from_inputs({**inputs, "eps_F": E, "Lambda": L, "cv_slope": G})
    centre = derived_from_inputs({**inputs, "eps_F": const.K_to_erg(math.sqrt(eps_F_K[0] * eps_F_K[1])),
                                  "Lambda": const.eV_to_erg(math.sqrt(Lambda_eV[0] * Lambda_eV[1])),
                                  "cv_slope": float(np.sqrt(gammas.min() * gammas.max()))})
    return {k: (float(np.min(v)), float(centre[k]), float(np.max(v))) for k, v in grid.items()}


def describe(values: dict[str, float]) -> list[dict[str, object]]:
    """Rows ``{key, value, meaning}`` for a table of :func:`derived_parameters` output."""
    return [{"key": k, "value": v, "meaning": KEYS[k]} for k, v in values.items()]


#: The scattering branches of :func:`thermal_conductivity`.
SCATTERING = ("resonant", "pair")


def thermal_conductivity(material: Material, T: object, scattering: str = "resonant",
                         coupling: float | None = None) -> object:
    """Phonon thermal conductivity κ(T) [erg/(s cm K)] of ``material`` for one scattering branch.

    ``resonant`` is the Eq. 12 branch (κ ∝ T², :func:`glasson.thermal.kappa_resonant`), ``pair`` the Eq. 11
    branch with detailed balance (κ ∝ T, :func:`glasson.thermal.kappa_pair`). ``coupling`` is the
    dimensionless strength; by default the material's internal friction Q_t⁻¹ of Eq. 15 (K_Q,t = 1), the
    Section 3.2 value, for both branches. Three phonon branches: two at c_t and one at c_l if the material
    has c_l, else at c_t.
    """
    if scattering not in SCATTERING:
        raise ValueError(f"scattering must be one of {', '.join(SCATTERING)}, got {scattering!r}")
    g = derived_parameters(material).get("Q_inv_t") if coupling is None else coupling
    if g is None:
        raise ValueError(f"material {material.key!r} needs eps_F, cv_slope and a for the default coupling; "
                         "give one explicitly")
    c_t = material.cgs("c_t")
    c_l = material.cgs("c_l") if "c_l" in material else None
    if scattering == "resonant":
        return thermal.kappa_resonant(T, g, c_t, c_l)
    return thermal.kappa_pair(T, g, material.cgs("eps_F"), c_t, c_l)


def eps_F_for_internal_friction(material: Material, Q_target: float) -> float:
    """The Fermi energy [K] at which Eq. 15 (K_Q,t = 1) gives ``Q_target``, other inputs fixed.

    With k_F ∝ ε_F^{1/3} (Eq. 16) and v_F = ħk_F/m_F ∝ ε_F^{2/3} (Eq. 17), Q_t⁻¹ ∝ k_F³/v_F ∝ ε_F^{1/3}
    exactly, so ε_F scales as the cube of the wanted increase.
    """
    if not (isinstance(Q_target, (int, float)) and math.isfinite(Q_target) and Q_target > 0):
        raise ValueError(f"Q_target must be positive and finite, got {Q_target!r}")
    Q_now = derived_parameters(material)["Q_inv_t"]
    return material.value("eps_F").value * (Q_target / Q_now) ** 3
