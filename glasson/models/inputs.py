"""The inputs of a material as the chapters use them: sourced where a source gives them, derived where the
compendium computes them from sourced values, or a measured band where a glass has no value of its own.

:func:`resolve` turns a :class:`~glasson.data.materials.Material` into one :class:`Input` per parameter, each with its
status:

* ``paper``, ``measured``, ``assumption``, ``unverified``, ``override``: the first sourced value (or the user's);
  ``spread`` is the range over all sources of that input;
* ``derived``: computed from sourced values by a formula of :mod:`glasson.formulas.elastic`, named in ``where``: the
  velocities from Young's modulus and Poisson's ratio, the inter-atomic distance a from the density and the
  formula. A velocity derived beside a measured one joins its spread instead;
* ``band``: C_v/T of a glass without a value of its own, one end (``band_end``) of the range measured across
  Stephens' glasses (:func:`glasson.data.materials.cv_slope_band`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from glasson.core.text import formula_tex, number, quantity
from glasson.data import fields, materials
from glasson.data.materials import PARAMETERS, Material, Value
from glasson.formulas import elastic

__all__ = ["Input", "BAND_ENDS", "resolve", "provenance", "needs_band", "BAND_KEYS"]

#: The ends of a band a run may take.
BAND_ENDS = ("low", "high")
#: Inputs that may come from a band when a glass has no value of its own.
BAND_KEYS = ("cv_slope",)


@dataclass(frozen=True)
class Input:
    """One input of a run: its value (stored unit), status, source and where it comes from."""

    key: str
    value: float
    status: str
    source: str
    where: str
    uncertainty: float | None = None
    spread: tuple[float, float] | None = None

    @property
    def unit(self) -> str:
        return PARAMETERS[self.key].unit

    @property
    def cgs(self) -> float:
        """The value in CGS units."""
        return self.value * PARAMETERS[self.key].to_cgs


def _sourced(values: tuple[Value, ...], extra: tuple[float, ...] = ()) -> Input:
    first = values[0]
    xs = [v.value for v in values] + list(extra)
    spread = (min(xs), max(xs)) if len(xs) > 1 else None
    return Input(first.key, first.value, first.status, first.source, first.where, first.uncertainty, spread)


def _density_for(material: Material, source: str) -> Value:
    """The density given by ``source`` (the one its moduli were measured with), else the first density."""
    return next((v for v in material.entries("rho") if v.source == source), material.value("rho"))


def _velocities_from_moduli(material: Material) -> dict[str, tuple[float, str, str]]:
    """c_t and c_l (cm s⁻¹) from Young's modulus and Poisson's ratio, with the source and the formula used."""
    if "youngs_modulus" not in material or "poisson_ratio" not in material or "rho" not in material:
        return {}
    E, nu = material.value("youngs_modulus"), material.value("poisson_ratio")
    rho = _density_for(material, E.source)
    made_from = (f"from $E$ = {number(E.value, 4, trim=True)} GPa, $\\nu_P$ = {number(nu.value, 4, trim=True)} and "
                 f"$\\rho$ = {quantity(rho.value, 'g/cm^3', 4)} (the same source)")
    return {
        "c_t": (float(elastic.transverse_velocity(E.cgs, nu.value, rho.cgs)), E.source,
                "$c_t = \\sqrt{E/2\\rho(1+\\nu_P)}$ " + made_from),
        "c_l": (float(elastic.longitudinal_velocity(E.cgs, nu.value, rho.cgs)), E.source,
                "$c_l = \\sqrt{E(1-\\nu_P)/\\rho(1+\\nu_P)(1-2\\nu_P)}$ " + made_from),
    }


def needs_band(material: Material) -> tuple[str, ...]:
    """The inputs of ``material`` that only a band can give (no value of its own)."""
    return tuple(k for k in BAND_KEYS if k not in material)


def resolve(material: Material, band_end: str | None = None) -> Mapping[str, Input]:
    """Every input of ``material`` with its status; a band input only when ``band_end`` names an end.

    Examples
    --------
    >>> inputs = resolve(materials.get("n_bk7"), band_end="low")
    >>> inputs["c_t"].status, round(inputs["c_t"].value / 1e5, 4), inputs["cv_slope"].status
    ('derived', 3.6803, 'band')
    """
    if band_end is not None and band_end not in BAND_ENDS:
        raise ValueError(f"band_end must be one of {', '.join(BAND_ENDS)}, got {band_end!r}")
    out: dict[str, Input] = {}
    derived = _velocities_from_moduli(material)
    kinds = fields.sources()
    for key, values in material.sources.items():
        if key in derived and kinds[derived[key][1]].rank < kinds[values[0].source].rank:
            # the moduli's source is more primary than the velocity's (a data sheet against a handbook's copy):
            # the derived velocity is used, the stored one shows the spread
            value, source, formula = derived.pop(key)
            xs = [value] + [v.value for v in values]
            out[key] = Input(key, value, "derived", source, formula, spread=(min(xs), max(xs)))
            continue
        extra = (derived.pop(key)[0],) if key in derived else ()
        out[key] = _sourced(values, extra)
    for key, (value, source, formula) in derived.items():
        out[key] = Input(key, value, "derived", source, formula)
    if "a" not in out and material.formula and "rho" in out:
        m_bar = materials.mean_atomic_mass(material.formula)
        spacings = [float(elastic.atomic_spacing(m_bar, v.cgs)) / PARAMETERS["a"].to_cgs
                    for v in material.entries("rho")]
        n_atoms = materials.atoms_per_formula_unit(material.formula)
        out["a"] = Input("a", spacings[0], "derived", "prohaska2022standard",
                         f"$a = (M/\\rho N_A n)^{{1/3}}$ from the formula ${formula_tex(material.formula)}$ "
                         f"($n$ = {n_atoms:g} atoms of total mass $M$), the IUPAC 2021 atomic weights and the density",
                         spread=(min(spacings), max(spacings)) if len(spacings) > 1 else None)
    if band_end is not None:
        for key in needs_band(material):
            band = materials.cv_slope_band()
            n = len(materials.stephens_set())
            out[key] = Input(key, band.low if band_end == "low" else band.high, "band", band.source,
                             f"{band_end} end of the range {number(band.low, 2)} to "
                             f"{quantity(band.high, band.unit, 2)} measured across Stephens' {n} glasses (no value "
                             "of this glass could be read)", spread=(band.low, band.high))
    return MappingProxyType({k: out[k] for k in PARAMETERS if k in out})


def provenance(material: Material) -> dict[str, list[str]]:
    """Which inputs of ``material`` are sourced, derived, assumed or come from a band (for ``materials --json``).

    Examples
    --------
    >>> provenance(materials.get("n_bk7"))["derived"]
    ['c_t', 'c_l']
    """
    inputs = resolve(material, band_end="low")
    groups: dict[str, list[str]] = {"sourced": [], "derived": [], "assumed": [], "band": []}
    for key, inp in inputs.items():
        group = {"derived": "derived", "band": "band", "assumption": "assumed"}.get(inp.status, "sourced")
        groups[group].append(key)
    return groups
