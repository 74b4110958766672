"""Material inputs with provenance, read from ``data/materials.toml`` (and the other tables of ``data/``).

Each sourced value carries its unit (fixed per parameter, see :data:`PARAMETERS`), a BibTeX key of
``book/references.bib`` (``source``), the place in that source (``where``) and a ``status``: ``paper`` (the
paper's stated input), ``measured``, ``assumption`` or ``unverified``. A parameter may have several sources:
the first entry is the one the chapters use (:meth:`Material.value`), the others show the spread
(:meth:`Material.entries`). Values derived from these (an inter-atomic distance from a formula, velocities from
elastic moduli, the band of C_v/T) are not stored: :mod:`glasson.models.inputs` derives them.

The loader checks the type and domain of every field and names the file, table and field of anything wrong
(:class:`MaterialsDataError`); a material that is not in the file is an :class:`UnknownMaterialError`.
Formulas take CGS floats; :meth:`Material.cgs` converts a stored value to CGS.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from glasson.core import constants as const
from glasson.core.paths import BIBLIOGRAPHY, data_dir
from glasson.core.validation import GlassonInputError

__all__ = ["PARAMETERS", "Parameter", "Value", "Material", "Band", "UnknownMaterialError", "MaterialsDataError",
           "STATUSES", "data_dir", "load", "get", "names", "DEFAULT_MATERIAL", "load_table", "atomic_weights",
           "parse_formula", "mean_atomic_mass", "atoms_per_formula_unit", "stephens_set", "cv_slope_band", "spread",
           "bibliography_keys"]

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


class MaterialsDataError(ValueError):
    """A file of ``data/`` is missing or malformed; the message names the file, the table and the field."""


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


def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise MaterialsDataError(f"{path.name}: file not found in {path.parent}") from None
    except tomllib.TOMLDecodeError as err:
        raise MaterialsDataError(f"{path.name}: not valid TOML ({err})") from None
    except OSError as err:
        raise MaterialsDataError(f"{path.name}: cannot be read ({err.strerror})") from None


def _number(where: str, name: str, x: Any, lower: float = -math.inf, upper: float = math.inf,
            strict: bool = True) -> float:
    """A finite number strictly (or not) inside (lower, upper), else a MaterialsDataError naming ``where.name``."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise MaterialsDataError(f"{where}: {name} must be a number, got {x!r}")
    value = float(x)
    inside = (lower < value < upper) if strict else (lower <= value <= upper)
    if not math.isfinite(value) or not inside:
        raise MaterialsDataError(f"{where}: {name} must be a finite number in ({lower:g}, {upper:g}), got {x!r}")
    return value


def _text(where: str, name: str, x: Any, required: bool = True) -> str:
    if not isinstance(x, str) or (required and not x.strip()):
        raise MaterialsDataError(f"{where}: {name} must be a non-empty text, got {x!r}")
    return x


#: A bibliography key: what a ``source`` field must be (it is written into pages as a citation).
_SOURCE_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_:-]*")
#: A material's key: a plain identifier (it is written into pages, commands, file names and JSON as it is).
_MATERIAL_KEY = re.compile(r"[a-z][a-z0-9_]*")
_BIB_ENTRY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


@cache
def _bibliography_keys(path: Path) -> frozenset[str] | None:
    try:
        return frozenset(_BIB_ENTRY.findall(path.read_text(encoding="utf-8")))
    except OSError:
        return None


def bibliography_keys() -> frozenset[str] | None:
    """The keys of ``book/references.bib`` (``None`` where there is no bibliography, as in an installed wheel:
    the data's sources are then checked for their form only)."""
    return _bibliography_keys(BIBLIOGRAPHY)


def _source(where: str, x: Any) -> str:
    """A ``source`` field: a key of ``book/references.bib``."""
    source = _text(where, "source", x)
    if not _SOURCE_KEY.fullmatch(source):
        raise MaterialsDataError(f"{where}: source must be a key of book/references.bib (letters, digits, _ : -), "
                                 f"got {source!r}")
    keys = bibliography_keys()
    if keys is not None and source not in keys:
        raise MaterialsDataError(f"{where}: source {source!r} is not a key of book/references.bib")
    return source
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
    value = _number(where, "value", e["value"], par.lower, par.upper)
    if e["unit"] != par.unit:
        raise MaterialsDataError(f"{where}: unit {e['unit']!r}, expected {par.unit!r}")
    if e["status"] not in STATUSES:
        raise MaterialsDataError(f"{where}: status {e['status']!r} not in {STATUSES}")
    unc = None if e.get("uncertainty") is None else _number(where, "uncertainty", e["uncertainty"], 0.0,
                                                            strict=False)
    source = _source(where, e["source"])
    return Value(pkey, value, par.unit, source, _text(where, "where", e["where"]),
                 e["status"], unc, _text(where, "note", e.get("note", ""), required=False))


def _parse(file: str, key: str, table: Any) -> Material:
    if not isinstance(table, dict):
        raise MaterialsDataError(f"{file} [{key}]: must be a table")
    name = _text(f"{file} [{key}]", "name", table.get("name"))
    label = _text(f"{file} [{key}]", "label", table.get("label", name))
    formula = _text(f"{file} [{key}]", "formula", table.get("formula", ""), required=False)
    if formula:
        try:
            mean_atomic_mass(formula)  # every element known, with its atomic weight
        except ValueError as err:
            raise MaterialsDataError(f"{file} [{key}]: formula: {err}") from None
    sources: dict[str, tuple[Value, ...]] = {}
    for pkey, entry in table.items():
        if pkey in ("name", "formula", "note", "label"):
            continue
        if pkey not in PARAMETERS:
            raise MaterialsDataError(f"{file} [{key}]: unknown parameter {pkey!r}; known: {', '.join(PARAMETERS)}")
        entries = entry if isinstance(entry, list) else [entry]
        if not entries:
            raise MaterialsDataError(f"{file} [{key}.{pkey}]: no entry")
        sources[pkey] = tuple(_entry(f"{file} [{key}.{pkey}]" + (f" (entry {i + 1})" if len(entries) > 1 else ""),
                                     pkey, e) for i, e in enumerate(entries))
    return Material(key, name, formula, MappingProxyType(sources), label)


@cache
def _load_cached(path: Path) -> Mapping[str, Material]:
    raw = _read(path)
    if not raw:
        raise MaterialsDataError(f"{path.name}: no materials (the file needs at least one [table])")
    for key in raw:
        if not _MATERIAL_KEY.fullmatch(key):
            raise MaterialsDataError(f"{path.name} [{key!r}]: a material's key must be a plain identifier "
                                     "(lower-case letters, digits and _, starting with a letter)")
    return MappingProxyType({key: _parse(path.name, key, table) for key, table in raw.items()})


def load(path: Path | None = None) -> Mapping[str, Material]:
    """All materials of ``materials.toml``, keyed by name (:class:`MaterialsDataError` if it is malformed)."""
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
    raw = _read(path)
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
        unc = None if e.get("uncertainty") is None else _number(where, "uncertainty", e["uncertainty"], 0.0,
                                                                strict=False)
        source = _source(where, e["source"])
        out[key] = Value(key, _number(where, "value", e["value"], 0.0), _text(where, "unit", e.get("unit", "1")),
                         source, _text(where, "where", e["where"]), status, unc)
    return MappingProxyType(out)


def load_table(name: str) -> Mapping[str, Value]:
    """A flat table of sourced values in ``data/<name>.toml`` (each entry: value, unit, source, where, status)."""
    return _load_table((data_dir() / f"{name}.toml").resolve())


def atomic_weights() -> Mapping[str, Value]:
    """Standard atomic weights (relative atomic masses) of ``data/atomic_weights.toml``, with their sources."""
    return load_table("atomic_weights")


@cache
def _stephens(path: Path) -> tuple[tuple[str, ...], Band]:
    raw = _read(path)
    try:
        glasses = raw["set"]["measured"] + raw["set"]["previously_measured"]
        cv = raw["cv_slope"]
        where = f"{path.name} [cv_slope]"
        band = Band("cv_slope", _number(where, "low", cv["low"], 0.0), _number(where, "high", cv["high"], 0.0),
                    cv["unit"], _source(where, cv["source"]), cv["where"])
    except (KeyError, TypeError) as err:
        raise MaterialsDataError(f"{path.name}: missing or malformed field {err}") from None
    if not (isinstance(glasses, list) and all(isinstance(g, str) and g for g in glasses)) or band.low >= band.high:
        raise MaterialsDataError(f"{path.name}: the set must list glass names and the band must have low < high")
    if band.unit != PARAMETERS["cv_slope"].unit:
        raise MaterialsDataError(f"{path.name} [cv_slope]: unit {band.unit!r}, expected {PARAMETERS['cv_slope'].unit!r}")
    return tuple(glasses), band


def stephens_set() -> tuple[str, ...]:
    """The glasses of Stephens (1973): the six measured there and the eight previously measured ones.

    Examples
    --------
    >>> len(stephens_set())
    14
    """
    return _stephens((data_dir() / "stephens1973.toml").resolve())[0]


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
