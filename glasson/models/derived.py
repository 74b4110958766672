"""Derived parameters of a material: the values ``python -m glasson params`` prints, from one place.

The keys of :data:`KEYS` are part of the CLI contract (they carry their unit in the name) and must not change;
:func:`as_parameters` is the one place where the model's CGS values are converted to those units.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Mapping

import numpy as np

from glasson.core import constants as const
from glasson.core.units import MaybeReal, Real
from glasson.core.validation import GlassonInputError
from glasson.data import materials
from glasson.data.materials import Material
from glasson.formulas import conductivity, elastic
from glasson.models.inputs import resolve
from glasson.models.model import QUANTITIES, GlassonModel

__all__ = ["derived_parameters", "derived_from_inputs", "as_parameters", "parameter_ranges", "describe", "KEYS",
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
    "theta_D_K": "Debye temperature from c_t, c_l and the atomic density 1/a^3",
    "debye_coefficient_erg_per_g_K4": "Debye T^3 specific-heat coefficient per unit mass, from rho, c_t and c_l",
}

#: How each key is computed from a model: the quantity it needs (:data:`glasson.models.model.QUANTITIES`, or a tuple
#: of inputs) and the conversion to the unit in its name.
_FROM_MODEL: dict[str, tuple[str | tuple[str, ...], Callable[[GlassonModel], Real]]] = {
    "H_g_per_s": ("H", lambda m: m.H),
    "xi_cm": ("xi", lambda m: m.xi),
    "m_gl_g": ("m_gl", lambda m: m.m_gl),
    "E_xi_K": ("E_xi", lambda m: const.erg_to_K(m.E_xi)),
    "E_int_K": ("E_int", lambda m: const.erg_to_K(m.E_int)),
    "Lambda_K": (("Lambda",), lambda m: const.erg_to_K(m.Lambda)),
    "k_F_per_cm": ("k_F", lambda m: m.k_F),
    "m_F_g": ("m_F", lambda m: m.m_F),
    "m_F_printed_g": ("m_F_printed", lambda m: m.m_F_printed),
    "v_F_cm_per_s": ("v_F", lambda m: m.v_F),
    "eps_F_erg": ("k_F", lambda m: m.eps_F),
    "a_F_cm": ("a_F", lambda m: m.a_F),
    "kF_xi": ("kF_xi", lambda m: m.kF_xi),
    "kF_a": ("kF_a", lambda m: m.kF_a),
    "kF_a_cubed": ("kF_a", lambda m: m.kF_a**3),
    "E_F_eq18_K": ("E_F_eq18", lambda m: const.erg_to_K(m.E_F_eq18)),
    "E_F_over_E_xi": ("E_F_over_E_xi", lambda m: m.E_F_over_E_xi),
    "m_F_over_m_He3": ("m_F", lambda m: m.m_F / const.m_He3),
    "M_atom_g": ("kF_a", lambda m: m.M_atom),
    "Mc2_K": ("kF_a", lambda m: const.erg_to_K(m.Mc2)),
    "lambda_K": ("K_Fs", lambda m: const.erg_to_K(m.lambda_glph)),
    "lambda_over_Lambda": ("K_Fs", lambda m: m.lambda_glph / m.Lambda),
    "K_Fs": ("K_Fs", lambda m: m.K_Fs),
    "cs_over_vF": ("cs_over_vF", lambda m: m.cs_over_vF),
    "Q_inv_t": ("Q_inv_t", lambda m: m.Q_inv_t),
    "Q_inv_t_eq14": ("Q_inv_t_eq14", lambda m: m.Q_inv_t_eq14),
    "T_cross_K": ("k_F", lambda m: m.T_cross),
    "theta_D_K": ("theta_D", lambda m: m.theta_D),
    "debye_coefficient_erg_per_g_K4": ("debye_coefficient", lambda m: m.debye_coefficient),
}


def _can(model: GlassonModel, need: str | tuple[str, ...]) -> bool:
    return model.has(*need) if isinstance(need, tuple) else model.has(*QUANTITIES[need])


def as_parameters(model: GlassonModel) -> dict[str, Real]:
    """The values of :data:`KEYS` that ``model`` can compute, in the units their names carry (floats or arrays)."""
    return {k: fn(model) for k, (need, fn) in _FROM_MODEL.items() if _can(model, need)}


def derived_from_inputs(inputs: Mapping[str, MaybeReal]) -> dict[str, Real]:
    """The derived values of :data:`KEYS` from CGS inputs (keys of :data:`glasson.data.materials.PARAMETERS`).

    Every input may be a float or a numpy array (broadcast together): one call evaluates a whole grid of
    inputs. A value is present only when the inputs it needs are.
    """
    return as_parameters(GlassonModel.from_inputs(inputs))


def derived_parameters(material: Material, band_end: str | None = None) -> dict[str, float]:
    """All derived values of ``material`` that the compendium defines, keyed as in :data:`KEYS`.

    A glass without a C_v/T of its own gets the Fermi parameters only with ``band_end`` (``"low"`` or
    ``"high"``, the ends of the range measured across Stephens' glasses).

    Examples
    --------
    >>> d = derived_parameters(materials.get("vitreous_silica"))
    >>> f"{d['xi_cm']:.3e}"
    '1.315e-06'
    """
    return {k: float(v) for k, v in as_parameters(GlassonModel.from_material(material, band_end)).items()}


#: The ranges of the two guessed inputs propagated by :func:`parameter_ranges`: Λ over the paper's own 1–10 eV
#: (Sec. 2.1); ε_F over the compendium's reading of the paper's "within one order of magnitude" around 10 K (Sec. 4.1).
EPS_F_RANGE_K = (3.0, 30.0)
LAMBDA_RANGE_EV = (1.0, 10.0)


def parameter_ranges(material: Material, eps_F_K: tuple[float, float] = EPS_F_RANGE_K,
                     Lambda_eV: tuple[float, float] = LAMBDA_RANGE_EV,
                     cv_slope_range: tuple[float, float] | None = None) -> dict[str, tuple[float, float, float]]:
    """Each derived value as (min, central, max) over ε_F and Λ in the given ranges, over C_v/T, and over the
    spread of the material's sources.

    C_v/T spans the material's uncertainty, or ``cv_slope_range`` (erg g⁻¹ K⁻²) when given, or the band measured
    across Stephens' glasses when the material has no slope of its own. ρ, c_t and c_l span their sources; a
    derived inter-atomic distance follows the density. Every value is monotonic in each input (products of
    powers, and the crossover temperature), so the extremes lie on the corners of the box of inputs, which are
    evaluated in one vectorised call. The central value is at the geometric centre of every range.
    """
    inputs = resolve(material)
    ranges: dict[str, tuple[float, float]] = {}
    for key in ("rho", "c_t", "c_l"):
        if key in inputs:
            lo, hi = inputs[key].spread or (inputs[key].value, inputs[key].value)
            ranges[key] = (lo * materials.PARAMETERS[key].to_cgs, hi * materials.PARAMETERS[key].to_cgs)
    if cv_slope_range is not None:
        ranges["cv_slope"] = cv_slope_range
    elif "cv_slope" in inputs:
        v = inputs["cv_slope"]
        ranges["cv_slope"] = (v.value - (v.uncertainty or 0.0), v.value + (v.uncertainty or 0.0))
    else:
        band = materials.cv_slope_band()
        ranges["cv_slope"] = (band.low, band.high)
    ranges["eps_F"] = (float(const.K_to_erg(eps_F_K[0])), float(const.K_to_erg(eps_F_K[1])))
    ranges["Lambda"] = (float(const.eV_to_erg(Lambda_eV[0])), float(const.eV_to_erg(Lambda_eV[1])))
    fixed = {k: inputs[k].cgs for k in ("xi_mro", "T_Q") if k in inputs}
    a_derived = "a" in inputs and inputs["a"].status == "derived"
    if "a" in inputs and not a_derived:
        fixed["a"] = inputs["a"].cgs
    keys = list(ranges)

    def evaluate(points: dict[str, MaybeReal]) -> dict[str, Real]:
        if a_derived:
            points = {**points, "a": elastic.atomic_spacing(materials.mean_atomic_mass(material.formula),
                                                            points["rho"])}
        return derived_from_inputs({**fixed, **points})

    corners = np.array(list(itertools.product((0, 1), repeat=len(keys))))
    grid = evaluate({k: np.array(ranges[k])[corners[:, i]] for i, k in enumerate(keys)})
    centre = evaluate({k: math.sqrt(ranges[k][0] * ranges[k][1]) for k in keys})
    return {k: (float(np.min(v)), float(centre[k]), float(np.max(v))) for k, v in grid.items()}


def describe(values: dict[str, float]) -> list[dict[str, object]]:
    """Rows ``{key, value, meaning}`` for a table of :func:`derived_parameters` output."""
    return [{"key": k, "value": v, "meaning": KEYS[k]} for k, v in values.items()]


#: The scattering branches of :func:`thermal_conductivity`.
SCATTERING = ("resonant", "pair")


def thermal_conductivity(model: GlassonModel, T: Real, scattering: str = "resonant",
                         coupling: float | None = None) -> Real:
    """Phonon thermal conductivity κ(T) (erg s⁻¹ cm⁻¹ K⁻¹) of a glass for one scattering branch.

    ``resonant`` is the Eq. 12 branch (κ ∝ T², :func:`glasson.formulas.conductivity.kappa_resonant`), ``pair`` the Eq. 11
    branch with detailed balance (κ ∝ T, :func:`glasson.formulas.conductivity.kappa_pair`). ``coupling`` is the
    dimensionless strength; by default the model's internal friction Q_t⁻¹ of Eq. 15 (K_Q,t = 1), the
    Section 3.2 value, for both branches. Three phonon branches: two at c_t and one at c_l if the glass has
    c_l, else at c_t.
    """
    if scattering not in SCATTERING:
        raise GlassonInputError(f"scattering must be one of {', '.join(SCATTERING)}, got {scattering!r}")
    if coupling is None and not model.available("Q_inv_t"):
        raise GlassonInputError(f"material {model.material!r} needs eps_F, cv_slope and a for the default coupling; "
                                "give one explicitly")
    g = model.Q_inv_t if coupling is None else coupling
    if scattering == "resonant":
        return conductivity.kappa_resonant(T, g, model.c_t, model.c_l)
    return conductivity.kappa_pair(T, g, model.eps_F, model.c_t, model.c_l)


def eps_F_for_internal_friction(model: GlassonModel, Q_inv_target: float) -> float:
    """The Fermi energy (K) at which Eq. 15 (K_Q,t = 1) gives ``Q_inv_target``, other inputs fixed.

    With k_F ∝ ε_F^{1/3} (Eq. 16) and v_F = ħk_F/m_F ∝ ε_F^{2/3} (Eq. 17), Q_t⁻¹ ∝ k_F³/v_F ∝ ε_F^{1/3}
    exactly, so ε_F scales as the cube of the wanted increase.
    """
    if not (isinstance(Q_inv_target, (int, float)) and math.isfinite(Q_inv_target) and Q_inv_target > 0):
        raise GlassonInputError(f"Q_inv_target must be positive and finite, got {Q_inv_target!r}")
    return float(const.erg_to_K(model.eps_F) * (Q_inv_target / model.Q_inv_t) ** 3)
