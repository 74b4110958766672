"""Material inputs with provenance, read from ``data/materials.toml`` (and the other tables of ``data/``).

Each sourced value carries its unit (fixed per parameter, see :data:`PARAMETERS`), a BibTeX key of
``book/references.bib`` (``source``), the place in that source (``where``) and a ``status``: ``paper`` (the
paper's stated input), ``measured``, ``assumption`` or ``unverified``. A parameter may have several sources:
the first entry is the one the chapters use (:meth:`Material.value`), the others show the spread
(:meth:`Material.entries`). Values derived from these (an inter-atomic distance from a formula, velocities from
elastic moduli, the band of C_v/T) are not stored: :mod:`glasson.models.inputs` derives them.

The loader checks the type and domain of every field and names the file, table and field of anything wrong
(:class:`~glasson.data.fields.MaterialsDataError`); a material that is not in the file is an :class:`UnknownMaterialError`.
Formulas take CGS floats; :meth:`Material.cgs` converts a stored value to CGS.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from glasson.core import constants as const
from glasson.core.paths import data_dir
from glasson.core.validation import GlassonInputError
from glasson.data.fields import (
    MaterialsDataError,
    number_field,
    read_toml,
    source_field,
    sources,
    text_field,
)

__all__ = ["PARAMETERS", "Parameter", "Value", "Material", "Band", "UnknownMaterialError", "MaterialsDataError",
           "STATUSES", "data_dir", "load", "get", "names", "DEFAULT_MATERIAL", "load_table", "atomic_weights",
           "parse_formula", "mean_atomic_mass", "atoms_per_formula_unit", "stephens_set", "stephens_membership",
           "cv_slope_band", "spread"]

#: The material every chapter uses unless told otherwise: the paper's own inputs for vitreous silica.
DEFAULT_MATERIAL = "vitreous_silica"

#: Statuses a stored value may have; ``derived``, ``band`` and ``override`` are given by glasson.models.inputs.
STATUSES = ("paper", "measured", "assumption", "unverified")


@dataclass(frozen=True)
class Parameter:
    """A material input: its unit as stored, the factor to CGS, what it is, and its allowed range (stored unit)."""

    unit: str
    to_cgs: float
    cgs_unit: str
    description: str
    lower: float = 0.0          #: exclusive lower bound
    upper: float = math.inf     #: exclusive upper bound


#: The inputs a material may have. Stored units are those a physicist quotes; ``to_cgs`` converts.
PARAMETERS: Mapping[str, Parameter] = MappingProxyType({
    "rho": Parameter("g/cm^3", 1.0, "g/cm^3", "mass density ρ"),
    "c_t": Parameter("cm/s", 1.0, "cm/s", "transverse sound velocity c_t"),
    "c_l": Parameter("cm/s", 1.0, "cm/s", "longitudinal sound velocity c_l"),
    "youngs_modulus": Parameter("GPa", 1e10, "dyn/cm^2", "Young's modulus E"),
    "poisson_ratio": Parameter("1", 1.0, "1", "Poisson's ratio", lower=-1.0, upper=0.5),
    "Lambda": Parameter("eV", const.eV, "erg", "bare (chemical-bonding) coupling Λ"),
    "eps_F": Parameter("K", const.k_B, "erg", "glasson Fermi energy ε_F"),
    "cv_slope": Parameter("erg/(g K^2)", 1.0, "erg/(g K^2)", "linear specific-heat slope C_v/T per unit mass"),
    "a": Parameter("angstrom", const.angstrom, "cm", "inter-atomic distance a"),
    "xi_mro": Parameter("angstrom", const.angstrom, "cm", "medium-range-order length ξ_MRO"),
    "T_Q": Parameter("K", 1.0, "K", "quantum crossover temperature T_Q"),
    "kappa_exponent": Parameter("1", 1.0, "1", "measured exponent of the thermal conductivity, kappa ~ T^delta"),
})


@dataclass(frozen=True)
class Value:
    """One sourced input value, in the unit of its :class:`Parameter`."""

    key: str
    value: float
    unit: str
    source: str
    where: str
    status: str
    uncertainty: float | None = None
    note: str = ""

    @property
    def cgs(self) -> float:
        """The value in CGS units."""
        return self.value * PARAMETERS[self.key].to_cgs


@dataclass(frozen=True)
class Band:
    """A measured range that stands in for a per-glass value (both ends, in the parameter's stored unit)."""

    key: str
    low: float
    high: float
    unit: str
    source: str
    where: str


class UnknownMaterialError(GlassonInputError):
    """A material name that is not in ``data/materials.toml`` (a usage error: the message lists the known ones)."""


@dataclass(frozen=True)
class Material:
    """A material: a name, a formula (empty when it has no definite one) and its sourced input values."""

    key: str
    name: str
    formula: str
    sources: Mapping[str, tuple[Value, ...]] = field(default_factory=dict)
    #: A short name for figures and tables ("fused silica"); the name when none is given.
    label: str = ""

    def __post_init__(self) -> None:
        if not self.label:
            object.__setattr__(self, "label", self.name)

    @property
    def values(self) -> Mapping[str, Value]:
        """The value the chapters use for each input: the first source of each."""
        return MappingProxyType({k: v[0] for k, v in self.sources.items()})

    def __contains__(self, key: str) -> bool:
        return key in self.sources

    def value(self, key: str) -> Value:
        """The sourced :class:`Value` of input ``key`` (the first source; ``KeyError`` naming the material if absent)."""
        if key not in PARAMETERS:
            raise KeyError(f"unknown parameter {key!r}; known: {', '.join(PARAMETERS)}")
        try:
            return self.sources[key][0]
        except KeyError:
            raise KeyError(f"material {self.key!r} has no value for {key!r}") from None

    def entries(self, key: str) -> tuple[Value, ...]:
        """Every sourced value of ``key`` (empty when there is none)."""
        return self.sources.get(key, ())

    def cgs(self, key: str) -> float:
        """Input ``key`` in CGS units (Λ and ε_F in erg, a and ξ_MRO in cm).

        Examples
        --------
        >>> round(get("vitreous_silica").cgs("a"), 12)
        2.5e-08
        """
        return self.value(key).cgs

    def with_overrides(self, **overrides: float | None) -> Material:
        """A copy with some inputs replaced (in the stored units); ``None`` leaves an input unchanged.

        Raises
        ------
        GlassonInputError
            If an override is not a positive finite number, naming the parameter.
        """
        sources = dict(self.sources)
        for key, val in overrides.items():
            if val is None:
                continue
            if key not in PARAMETERS:
                raise GlassonInputError(f"{key}: unknown parameter; known: {', '.join(PARAMETERS)}")
            if isinstance(val, bool):
                raise GlassonInputError(f"{key} must be a number, got {val!r}")
            try:
                x = float(val)
            except (TypeError, ValueError):
                raise GlassonInputError(f"{key} must be a number, got {val!r}") from None
            par = PARAMETERS[key]
            if not math.isfinite(x) or not par.lower < x < par.upper:
                rule = "positive and finite" if par.lower == 0.0 else f"finite, in ({par.lower:g}, {par.upper:g})"
                raise GlassonInputError(f"{key} must be {rule}, got {val!r}")
            sources[key] = (Value(key, x, par.unit, "override", "set by the user", "override"),)
        return replace(self, sources=MappingProxyType(sources))


#: A material's key: a plain identifier (it is written into pages, commands, file names and JSON as it is).
_MATERIAL_KEY = re.compile(r"[a-z][a-z0-9_]*")
_ENTRY_FIELDS = {"value", "unit", "source", "where", "status", "uncertainty", "note"}


def _entry(where: str, pkey: str, e: Any) -> Value:
    if not isinstance(e, dict):
        raise MaterialsDataError(f"{where}: must be a table with value, unit, source, where and status")
    unknown = set(e) - _ENTRY_FIELDS
    if unknown:
        raise MaterialsDataError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    for required in ("value", "unit", "source", "where", "status"):
        if required not in e:
            raise MaterialsDataError(f"{where}: missing {required!r}")
    par = PARAMETERS[pkey]
    value = number_field(where, "value", e["value"], par.lower, par.upper)
    if e["unit"] != par.unit:
        raise MaterialsDataError(f"{where}: unit {e['unit']!r}, expected {par.unit!r}")
    if e["status"] not in STATUSES:
        raise MaterialsDataError(f"{where}: status {e['status']!r} not in {STATUSES}")
    unc = None if e.get("uncertainty") is None else number_field(where, "uncertainty", e["uncertainty"], 0.0,
                                                            strict=False)
    source = source_field(where, e["source"])
    return Value(pkey, value, par.unit, source, text_field(where, "where", e["where"]),
                 e["status"], unc, text_field(where, "note", e.get("note", ""), required=False))


def _parse(file: str, key: str, table: Any) -> Material:
    if not isinstance(table, dict):
        raise MaterialsDataError(f"{file} [{key}]: must be a table")
    name = text_field(f"{file} [{key}]", "name", table.get("name"))
    label = text_field(f"{file} [{key}]", "label", table.get("label", name))
    formula = text_field(f"{file} [{key}]", "formula", table.get("formula", ""), required=False)
    if formula:
        try:
            mean_atomic_mass(formula)  # every element known, with its atomic weight
        except ValueError as err:
            raise MaterialsDataError(f"{file} [{key}]: formula: {err}") from None
    sources_of: dict[str, tuple[Value, ...]] = {}
    for pkey, entry in table.items():
        if pkey in ("name", "formula", "note", "label"):
            continue
        if pkey not in PARAMETERS:
            raise MaterialsDataError(f"{file} [{key}]: unknown parameter {pkey!r}; known: {', '.join(PARAMETERS)}")
        entries = entry if isinstance(entry, list) else [entry]
        if not entries:
            raise MaterialsDataError(f"{file} [{key}.{pkey}]: no entry")
        parsed = [_entry(f"{file} [{key}.{pkey}]" + (f" (entry {i + 1})" if len(entries) > 1 else ""), pkey, e)
                  for i, e in enumerate(entries)]
        known = sources()
        for v in parsed:
            if v.source not in known:
                raise MaterialsDataError(f"{file} [{key}.{pkey}]: source {v.source!r} has no kind in sources.toml")
        # the most primary source first (a stable sort: the file's order among sources of one kind)
        sources_of[pkey] = tuple(sorted(parsed, key=lambda v: known[v.source].rank))
    return Material(key, name, formula, MappingProxyType(sources_of), label)


@cache
def _load_cached(path: Path) -> Mapping[str, Material]:
    raw = read_toml(path)
    if not raw:
        raise MaterialsDataError(f"{path.name}: no materials (the file needs at least one [table])")
    for key in raw:
        if not _MATERIAL_KEY.fullmatch(key):
            raise MaterialsDataError(f"{path.name} [{key!r}]: a material's key must be a plain identifier "
                                     "(lower-case letters, digits and _, starting with a letter)")
    return MappingProxyType({key: _parse(path.name, key, table) for key, table in raw.items()})


def load(path: Path | None = None) -> Mapping[str, Material]:
    """All materials of ``materials.toml``, keyed by name (:class:`~glasson.data.fields.MaterialsDataError` if it is
    malformed)."""
    return _load_cached((path or data_dir() / "materials.toml").resolve())


def names() -> list[str]:
    """The known material names, in file order."""
    return list(load())


def get(name: str) -> Material:
    """The material ``name``.

    Raises
    ------
    UnknownMaterialError
        Listing the known materials.

    Examples
    --------
    >>> get("vitreous_silica").value("rho").value
    2.2
    """
    try:
        return load()[name]
    except KeyError:
        raise UnknownMaterialError(f"unknown material {name!r}; known: {', '.join(names())}") from None


@cache
def _load_table(path: Path) -> Mapping[str, Value]:
    raw = read_toml(path)
    out = {}
    for key, e in raw.items():
        where = f"{path.name} [{key}]"
        if not isinstance(e, dict):
            raise MaterialsDataError(f"{where}: must be a table")
        for required in ("value", "source", "where"):
            if required not in e:
                raise MaterialsDataError(f"{where}: missing {required!r}")
        status = e.get("status", "measured")
        if status not in STATUSES:
            raise MaterialsDataError(f"{where}: status {status!r} not in {STATUSES}")
        unc = None if e.get("uncertainty") is None else number_field(where, "uncertainty", e["uncertainty"], 0.0,
                                                                strict=False)
        source = source_field(where, e["source"])
        out[key] = Value(key, number_field(where, "value", e["value"], 0.0), text_field(where, "unit", e.get("unit", "1")),
                         source, text_field(where, "where", e["where"]), status, unc)
    return MappingProxyType(out)


def load_table(name: str) -> Mapping[str, Value]:
    """A flat table of sourced values in ``data/<name>.toml`` (each entry: value, unit, source, where, status)."""
    return _load_table((data_dir() / f"{name}.toml").resolve())


def atomic_weights() -> Mapping[str, Value]:
    """Standard atomic weights (relative atomic masses) of ``data/atomic_weights.toml``, with their sources."""
    return load_table("atomic_weights")


@cache
def _stephens(path: Path) -> tuple[tuple[str, ...], Band, tuple[str, ...], dict[str, str]]:
    raw = read_toml(path)
    try:
        measured = raw["set"]["measured"]
        glasses = measured + raw["set"]["previously_measured"]
        members = dict(raw["set"].get("materials", {}))
        cv = raw["cv_slope"]
        where = f"{path.name} [cv_slope]"
        band = Band("cv_slope", number_field(where, "low", cv["low"], 0.0), number_field(where, "high", cv["high"], 0.0),
                    cv["unit"], source_field(where, cv["source"]), cv["where"])
    except (KeyError, TypeError) as err:
        raise MaterialsDataError(f"{path.name}: missing or malformed field {err}") from None
    if not (isinstance(glasses, list) and all(isinstance(g, str) and g for g in glasses)) or band.low >= band.high:
        raise MaterialsDataError(f"{path.name}: the set must list glass names and the band must have low < high")
    if band.unit != PARAMETERS["cv_slope"].unit:
        raise MaterialsDataError(f"{path.name} [cv_slope]: unit {band.unit!r}, expected {PARAMETERS['cv_slope'].unit!r}")
    unknown = [name for name in members.values() if name not in glasses]
    if unknown:
        raise MaterialsDataError(f"{path.name} [set.materials]: {unknown[0]!r} is not a glass of the set")
    return tuple(glasses), band, tuple(measured), members


def stephens_set() -> tuple[str, ...]:
    """The glasses of Stephens (1973): the six measured there and the eight previously measured ones.

    Examples
    --------
    >>> len(stephens_set())
    14
    """
    return _stephens((data_dir() / "stephens1973.toml").resolve())[0]


def stephens_membership(key: str) -> str | None:
    """Where a glass of ``data/materials.toml`` stands in Stephens' set: ``"measured"`` (one of the six he measured,
    which the abstract's range of C_v/T covers), ``"previously measured"`` (one of the eight he compares), or
    ``None`` (outside the set: the band is an extrapolation for it).

    Examples
    --------
    >>> stephens_membership("pyrex_7740"), stephens_membership("n_bk7")
    ('previously measured', None)
    """
    _, _, measured, members = _stephens((data_dir() / "stephens1973.toml").resolve())
    if key not in members:
        return None
    return "measured" if members[key] in measured else "previously measured"


def cv_slope_band() -> Band:
    """The range of C_v/T measured across Stephens' glasses (erg g⁻¹ K⁻²), which stands in for a per-glass value.

    Examples
    --------
    >>> b = cv_slope_band(); (b.low, b.high)
    (7.0, 50.0)
    """
    return _stephens((data_dir() / "stephens1973.toml").resolve())[1]


_TOKEN = re.compile(r"([A-Z][a-z]?)(\d*\.?\d*)")


def parse_formula(formula: str) -> dict[str, float]:
    """Element counts of a formula such as ``"SiO2"`` or ``"As2S3"`` (no brackets).

    Examples
    --------
    >>> parse_formula("SiO2")
    {'Si': 1.0, 'O': 2.0}
    """
    if not formula or _TOKEN.sub("", formula):
        raise ValueError(f"formula must be element symbols with counts, got {formula!r}")
    counts: dict[str, float] = {}
    for element, count in _TOKEN.findall(formula):
        counts[element] = counts.get(element, 0.0) + (float(count) if count else 1.0)
    return counts


def atoms_per_formula_unit(formula: str) -> float:
    """Number of atoms in one formula unit.

    Examples
    --------
    >>> atoms_per_formula_unit("C5H8O2")
    15.0
    """
    return sum(parse_formula(formula).values())


def mean_atomic_mass(formula: str) -> float:
    """Mean mass per atom (g) of a formula unit, from the standard atomic weights: M/(n_atoms N_A).

    Raises
    ------
    ValueError
        If the formula is malformed or an element has no atomic weight in ``data/atomic_weights.toml``.

    Examples
    --------
    >>> round(mean_atomic_mass("SiO2") / const.u, 4)
    20.0277
    """
    counts = parse_formula(formula)
    weights = atomic_weights()
    missing = [el for el in counts if el not in weights]
    if missing:
        raise ValueError(f"formula {formula!r}: no atomic weight for {', '.join(missing)} in atomic_weights.toml")
    total = sum(n * weights[el].value for el, n in counts.items())
    return total / sum(counts.values()) * const.u


def spread(values: Sequence[Value]) -> tuple[float, float]:
    """(min, max) of several sources of one input, in its stored unit."""
    xs = [v.value for v in values]
    return min(xs), max(xs)
