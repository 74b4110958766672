"""Measured thermal conductivity κ(T) of amorphous and glass-like solids below about 2 K (``data/lowT_kappa.toml``
and the CSV files of ``data/lowT-kappa/``), read and checked at load.

Each data set names its file, the material, what it is, its class (``amorphous``, ``filled``, ``semicrystalline``
or ``glass-ceramic``), the publication it was digitised from and the compilation it was read from. The CSV files
are read as numbers only (the csv module; nothing is evaluated); κ is stored in W m⁻¹ K⁻¹ in the files and given
here in CGS, erg s⁻¹ cm⁻¹ K⁻¹.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from glasson.core.paths import data_dir
from glasson.data.fields import MaterialsDataError, read_toml, source_field, text_field

__all__ = ["KappaData", "CLASSES", "load", "get", "names", "W_PER_M_K"]

FILE = "lowT_kappa.toml"
FOLDER = "lowT-kappa"
#: The classes a sample may belong to; only ``amorphous`` samples are clean tests of a glass's law.
CLASSES = ("amorphous", "filled", "semicrystalline", "glass-ceramic")
#: 1 W m⁻¹ K⁻¹ in erg s⁻¹ cm⁻¹ K⁻¹.
W_PER_M_K = 1.0e5
_FIELDS = {"file", "material", "what", "class", "source", "compilation", "where", "note"}


@dataclass(frozen=True)
class KappaData:
    """One measured κ(T) data set: its points (T in K, κ in erg s⁻¹ cm⁻¹ K⁻¹, sorted by T) and provenance."""

    key: str
    material: str
    what: str
    kind: str
    source: str
    compilation: str
    where: str
    note: str
    file: str
    T: NDArray[np.float64]
    kappa: NDArray[np.float64]

    @property
    def clean(self) -> bool:
        """An unfilled amorphous solid: a clean test of glass-like behaviour."""
        return self.kind == "amorphous"


def _points(path: Path, where: str) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except OSError as err:
        raise MaterialsDataError(f"{where}: cannot read {path.name} ({err.strerror or err})") from None
    T, kappa = [], []
    for i, row in enumerate(rows[2:], start=3):  # line 1 names the publication, line 2 the columns
        if not row or not "".join(row).strip():
            continue
        try:
            t, k = float(row[0]), float(row[1])
        except (IndexError, ValueError):
            raise MaterialsDataError(f"{where}: {path.name} line {i}: T and kappa must be numbers") from None
        if not (math.isfinite(t) and math.isfinite(k) and t > 0 and k > 0):
            raise MaterialsDataError(f"{where}: {path.name} line {i}: T and kappa must be positive and finite")
        T.append(t)
        kappa.append(k * W_PER_M_K)
    if len(T) < 3:
        raise MaterialsDataError(f"{where}: {path.name} holds fewer than three points")
    order = np.argsort(T)
    return np.asarray(T)[order], np.asarray(kappa)[order]


@cache
def _load(folder: Path) -> dict[str, KappaData]:
    raw = read_toml(folder / FILE)
    if not raw:
        raise MaterialsDataError(f"{FILE}: no data sets")
    out = {}
    for key, table in raw.items():
        where = f"{FILE} [{key}]"
        if not isinstance(table, dict):
            raise MaterialsDataError(f"{where}: must be a table")
        unknown = set(table) - _FIELDS
        if unknown:
            raise MaterialsDataError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
        kind = text_field(where, "class", table.get("class"))
        if kind not in CLASSES:
            raise MaterialsDataError(f"{where}: class {kind!r} not in {CLASSES}")
        file = text_field(where, "file", table.get("file"))
        if Path(file).name != file or not file.endswith(".csv"):
            raise MaterialsDataError(f"{where}: file must be a CSV file name in {FOLDER}/, got {file!r}")
        T, kappa = _points(folder / FOLDER / file, where)
        out[key] = KappaData(key, text_field(where, "material", table.get("material")),
                             text_field(where, "what", table.get("what")), kind,
                             source_field(where, table.get("source")), source_field(where, table.get("compilation")),
                             text_field(where, "where", table.get("where")),
                             text_field(where, "note", table.get("note", ""), required=False), file, T, kappa)
    return out


def load() -> dict[str, KappaData]:
    """Every data set, keyed by name, in file order."""
    return dict(_load(data_dir().resolve()))


def names() -> list[str]:
    """The data sets' keys, in file order."""
    return list(load())


def get(key: str) -> KappaData:
    """One data set (``KeyError`` listing the known keys)."""
    sets = load()
    if key not in sets:
        raise KeyError(f"unknown data set {key!r}; known: {', '.join(sets)}")
    return sets[key]
