"""Derived parameters of a material: the values ``python -m glasson params`` prints, from one place.

The keys are part of the CLI contract (they carry their unit in the name) and must not change.
"""

from __future__ import annotations

import math

from . import acoustics, fermi, scales, thermal
from . import constants as const
from .materials import Material

__all__ = ["derived_parameters", "describe", "KEYS", "thermal_conductivity", "SCATTERING",
           "eps_F_for_internal_friction"]

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


def derived_parameters(material: Material) -> dict[str, float]:
    """All derived values of ``material`` that the compendium defines, keyed as in :data:`KEYS`.

    Examples
    --------
    >>> from glasson import materials
    >>> d = derived_parameters(materials.get("vitreous_silica"))
    >>> f"{d['xi_cm']:.3e}"
    '1.315e-06'
    """
    rho, c_t, Lam = material.cgs("rho"), material.cgs("c_t"), material.cgs("Lambda")
    out = {
        "H_g_per_s": scales.crossover_constant_H(rho, c_t),
        "xi_cm": scales.crossover_length(Lam, rho, c_t),
        "m_gl_g": scales.crossover_mass(Lam, rho, c_t),
        "E_xi_K": const.erg_to_K(scales.crossover_energy(Lam, rho, c_t)),
        "Lambda_K": const.erg_to_K(Lam),
    }
    if "xi_mro" in material:
        out["E_int_K"] = const.erg_to_K(scales.mro_energy(material.cgs("xi_mro"), c_t))
    if "eps_F" in material and "cv_slope" in material:
        out.update(_fermi_parameters(material, out["xi_cm"], out["m_gl_g"], out["E_xi_K"]))
    return {k: float(out[k]) for k in KEYS if k in out}


def _fermi_parameters(material: Material, xi: float, m_gl: float, E_xi_K: float) -> dict[str, float]:
    """Sections 3.1, 3.2 and 4.1 values (need eps_F and C_v/T; a for the Fermi volume and Q)."""
    rho, c_t, eps_F, gamma = (material.cgs(k) for k in ("rho", "c_t", "eps_F", "cv_slope"))
    c_l = material.cgs("c_l") if "c_l" in material else None
    kF = fermi.fermi_wavevector(eps_F, rho, gamma)
    mF = fermi.fermi_mass(eps_F, rho, gamma)
    vF = fermi.fermi_velocity(kF, mF)
    E_F = fermi.fermi_energy(kF, m_gl)
    out = {
        "k_F_per_cm": kF, "m_F_g": mF, "m_F_printed_g": fermi.fermi_mass_as_printed(eps_F, rho, gamma),
        "v_F_cm_per_s": vF, "eps_F_erg": eps_F, "a_F_cm": 1 / kF, "kF_xi": kF * xi,
        "E_F_eq18_K": const.erg_to_K(E_F), "E_F_over_E_xi": fermi.eq18_ratio(kF, xi),
        "m_F_over_m_He3": mF / const.m_He3, "cs_over_vF": c_t / vF,
        "T_cross_K": thermal.crossover_temperature(rho, material.value("cv_slope").value, c_t, c_l),
    }
    if "a" in material:
        a = material.cgs("a")
        M = acoustics.atomic_mass(rho, a)
        lam = acoustics.coupling_scale(eps_F, M, c_t)
        K = acoustics.K_Fs(fermi.density_of_states(kF, mF), lam, rho, c_t)
        out.update({
            "kF_a": kF * a, "kF_a_cubed": (kF * a) ** 3, "M_atom_g": M, "Mc2_K": const.erg_to_K(M * c_t**2),
            "lambda_K": const.erg_to_K(lam), "lambda_over_Lambda": lam / material.cgs("Lambda"), "K_Fs": K,
            "Q_inv_t": acoustics.internal_friction(kF, a, c_t, vF),
            "Q_inv_t_eq14": acoustics.internal_friction_eq14(K, c_t, vF),
        })
    return out


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
