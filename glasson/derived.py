"""Derived parameters of a material: the values ``python -m glasson params`` prints, from one place.

The keys are part of the CLI contract (they carry their unit in the name) and must not change.
"""

from __future__ import annotations

from . import constants as const
from . import scales
from .materials import Material

__all__ = ["derived_parameters", "describe", "KEYS"]

#: Each key of :func:`derived_parameters` with its description (unit in the key's name).
KEYS: dict[str, str] = {
    "H_g_per_s": "H = sqrt(hbar rho c_t), Eq. 8 (as derived from Eqs. 6-7)",
    "xi_cm": "crossover length xi = Lambda/(c_t H), Eq. 8",
    "m_gl_g": "glasson mass m_gl = hbar H/(2 Lambda), Eq. 8",
    "E_xi_K": "crossover energy E_xi = hbar c_t/xi, in kelvin",
    "E_int_K": "MRO energy E_int = hbar c_t/xi_MRO (Sec. 2.1), in kelvin",
    "Lambda_K": "bare coupling Lambda in kelvin",
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
    return {k: float(out[k]) for k in KEYS if k in out}


def describe(values: dict[str, float]) -> list[dict[str, object]]:
    """Rows ``{key, value, meaning}`` for a table of :func:`derived_parameters` output."""
    return [{"key": k, "value": v, "meaning": KEYS[k]} for k, v in values.items()]
