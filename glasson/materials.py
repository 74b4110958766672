"""Material inputs with provenance, read from ``data/materials.toml``.

Each value of each material carries its unit (fixed per parameter, see :data:`PARAMETERS`), a BibTeX key of
``book/references.bib`` (``source``), the place in that source (``where``) and a ``status``: ``paper`` (the
paper's stated input), ``measured``, ``assumption`` or ``unverified``. Formulas take CGS floats;
:meth:`Material.cgs` converts a stored value to CGS.
"""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from types import MappingProxyType

from . import constants as const

__all__ = ["PARAMETERS", "Parameter", "Value", "Material", "UnknownMaterialError",
           "data_dir", "load", "get", "names", "DEFAULT_MATERIAL", "load_table", "atomic_weights", "parse_formula",
           "mean_atomic_mass", "atomic_spacing", "missing_inputs", "REQUIRED_FOR_CHAPTERS",
           "CV_SLOPE_RANGE_ACROSS_GLASSES", "CV_SLOPE_RANGE_SOURCE"]

#: The material every chapter uses unless told otherwise: the paper's own inputs for vitreous silica.
DEFAULT_MATERIAL = "vitreous_silica"

STATUSES = ("paper", "measured", "assumption", "unverified", "override")


@dataclass(frozen=True)
class Parameter:
    """A material input: its unit as stored, the factor to CGS, and what it is."""

    unit: str
    to_cgs: float
    cgs_unit: str
    description: str


#: The inputs a material may have. Stored units are those a physicist quotes; ``to_cgs`` converts.
PARAMETERS: Mapping[str, Parameter] = MappingProxyType({
    "rho": Parameter("g/cm^3", 1.0, "g/cm^3", "mass density ρ"),
    "c_t": Parameter("cm/s", 1.0, "cm/s", "transverse sound velocity c_t"),
    "c_l": Parameter("cm/s", 1.0, "cm/s", "longitudinal sound velocity c_l"),
    "Lambda": Parameter("eV", const.eV, "erg", "bare (chemical-bonding) coupling Λ"),
    "eps_F": Parameter("K", const.k_B, "erg", "glasson Fermi energy ε_F"),
    "cv_slope": Parameter("erg/(g K^2)", 1.0, "erg/(g K^2)", "linear specific-heat slope C_v/T per unit mass"),
    "a": Parameter("angstrom", const.angstrom, "cm", "inter-atomic distance a"),
    "xi_mro": Parameter("angstrom", const.angstrom, "cm", "medium-range-order length ξ_MRO"),
    "T_Q": Parameter("K", 1.0, "K", "quantum crossover temperature T_Q"),
    "kappa_exponent": Parameter("1", 1.0, "1", "measured exponent of the thermal conductivity, kappa ~ T^delta"),
})

#: The inputs every chapter needs; a material without one of them can be rerun only with an override.
REQUIRED_FOR_CHAPTERS = ("rho", "c_t", "Lambda", "eps_F", "cv_slope", "a", "xi_mro", "T_Q")

#: The measured range of the linear specific-heat slope C_v/T across glasses [erg/(g K^2)], with its source.
CV_SLOPE_RANGE_ACROSS_GLASSES = (7.0, 50.0)
CV_SLOPE_RANGE_SOURCE = ("stephens1973low", "abstract: c1 varies from 7 to 50 erg/(g K^2) across twelve glasses")


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


class UnknownMaterialError(KeyError):
    """A material name that is not in ``data/materials.toml``."""

    def __str__(self) -> str:  # KeyError quotes its argument; give the plain message
        return str(self.args[0])


@dataclass(frozen=True)
class Material:
    """A material: a name and its sourced input values."""

    key: str
    name: str
    formula: str
    values: Mapping[str, Value] = field(default_factory=dict)

    def __contains__(self, key: str) -> bool:
        return key in self.values

    def value(self, key: str) -> Value:
        """The sourced :class:`Value` of input ``key`` (``KeyError`` naming the material if absent)."""
        if key not in PARAMETERS:
            raise KeyError(f"unknown parameter {key!r}; known: {', '.join(PARAMETERS)}")
        try:
            return self.values[key]
        except KeyError:
            raise KeyError(f"material {self.key!r} has no value for {key!r}") from None

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
        ValueError
            If an override is not a positive finite number, naming the parameter.
        """
        values = dict(self.values)
        for key, val in overrides.items():
            if val is None:
                continue
            if key not in PARAMETERS:
                raise ValueError(f"{key}: unknown parameter; known: {', '.join(PARAMETERS)}")
            try:
                x = float(val)
            except (TypeError, ValueError):
                raise ValueError(f"{key} must be a number, got {val!r}") from None
            if not math.isfinite(x) or x <= 0:
                raise ValueError(f"{key} must be positive and finite, got {val!r}")
            values[key] = Value(key, x, PARAMETERS[key].unit, "override", "set by the user", "override")
        return replace(self, values=MappingProxyType(values))


def data_dir() -> Path:
    """The folder holding ``materials.toml``: ``$GLASSON_DATA`` or the repository's ``data/``."""
    env = os.environ.get("GLASSON_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "data"


def _parse(key: str, table: Mapping[str, object]) -> Material:
    values = {}
    for pkey, entry in table.items():
        if pkey in ("name", "formula", "note"):
            continue
        if pkey not in PARAMETERS or not isinstance(entry, dict):
            raise ValueError(f"materials.toml [{key}]: unknown parameter {pkey!r}")
        unit = entry.get("unit")
        if unit != PARAMETERS[pkey].unit:
            raise ValueError(f"materials.toml [{key}.{pkey}]: unit {unit!r}, expected {PARAMETERS[pkey].unit!r}")
        status = entry.get("status")
        if status not in STATUSES[:-1]:
            raise ValueError(f"materials.toml [{key}.{pkey}]: status {status!r} not in {STATUSES[:-1]}")
        for required in ("value", "source", "where"):
            if not entry.get(required):
                raise ValueError(f"materials.toml [{key}.{pkey}]: missing {required!r}")
        values[pkey] = Value(pkey, float(entry["value"]), unit, str(entry["source"]), str(entry["where"]),
                             status, entry.get("uncertainty"), str(entry.get("note", "")))
    return Material(key, str(table["name"]), str(table.get("formula", "")), MappingProxyType(values))


@cache
def _load_cached(path: Path) -> Mapping[str, Material]:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    return MappingProxyType({key: _parse(key, table) for key, table in raw.items()})


def load(path: Path | None = None) -> Mapping[str, Material]:
    """All materials of ``materials.toml``, keyed by name."""
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
def load_table(name: str) -> Mapping[str, Value]:
    """A flat table of sourced values in ``data/<name>.toml`` (each entry: value, unit, source, where, status)."""
    with open(data_dir() / f"{name}.toml", "rb") as fh:
        raw = tomllib.load(fh)
    out = {}
    for key, e in raw.items():
        for required in ("value", "source", "where"):
            if not e.get(required):
                raise ValueError(f"{name}.toml [{key}]: missing {required!r}")
        status = e.get("status", "measured")
        if status not in STATUSES[:-1]:
            raise ValueError(f"{name}.toml [{key}]: status {status!r} not in {STATUSES[:-1]}")
        out[key] = Value(key, float(e["value"]), str(e.get("unit", "1")), e["source"], e["where"], status,
                         e.get("uncertainty"))
    return MappingProxyType(out)


def atomic_weights() -> Mapping[str, Value]:
    """Standard atomic weights (relative atomic masses) of ``data/atomic_weights.toml``, with their sources."""
    return load_table("atomic_weights")


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


def mean_atomic_mass(formula: str) -> float:
    """Mean mass per atom [g] of a formula unit, from the standard atomic weights.

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


def atomic_spacing(material: Material) -> float:
    """Mean inter-atomic spacing [cm] from density and formula: a = (mean atomic mass / ρ)^(1/3).

    Examples
    --------
    >>> round(atomic_spacing(get("vitreous_silica")) / const.angstrom, 2)
    2.47
    """
    return (mean_atomic_mass(material.formula) / material.cgs("rho")) ** (1 / 3)


def missing_inputs(material: Material, required: tuple[str, ...] = REQUIRED_FOR_CHAPTERS) -> list[str]:
    """The required inputs that ``material`` lacks."""
    return [k for k in required if k not in material]
