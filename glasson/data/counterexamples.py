"""Sourced counterexamples to the universality of amorphous solids (``data/counterexamples.toml``): solids with far
fewer low-energy excitations than the glasses the paper describes, each with its source, read and checked at load."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from glasson.core.paths import data_dir
from glasson.data.fields import MaterialsDataError, number_field, read_toml, source_field, text_field
from glasson.data.materials import STATUSES

__all__ = ["Counterexample", "load"]

FILE = "counterexamples.toml"
_FIELDS = {"glass", "quantity", "value", "unit", "relation", "source", "where", "status"}


@dataclass(frozen=True)
class Counterexample:
    """One sourced counterexample: a glass, the quantity compared, its value (with its relation: a bound, a
    range of orders of magnitude), the source and the words read there."""

    key: str
    glass: str
    quantity: str
    value: float
    unit: str
    relation: str
    source: str
    where: str
    status: str


@cache
def _load(path: Path) -> tuple[Counterexample, ...]:
    raw = read_toml(path)
    out = []
    for key, e in raw.items():
        where = f"{FILE} [{key}]"
        if not isinstance(e, dict):
            raise MaterialsDataError(f"{where}: must be a table")
        unknown = set(e) - _FIELDS
        if unknown:
            raise MaterialsDataError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        status = text_field(where, "status", e.get("status"))
        if status not in STATUSES:
            raise MaterialsDataError(f"{where}: status {status!r} not in {STATUSES}")
        out.append(Counterexample(
            key, text_field(where, "glass", e.get("glass")), text_field(where, "quantity", e.get("quantity")),
            number_field(where, "value", e.get("value"), 0.0), text_field(where, "unit", e.get("unit", "1")),
            text_field(where, "relation", e.get("relation")), source_field(where, e.get("source")),
            text_field(where, "where", e.get("where")), status))
    return tuple(out)


def load() -> tuple[Counterexample, ...]:
    """Every counterexample, in file order."""
    return _load((data_dir() / FILE).resolve())
