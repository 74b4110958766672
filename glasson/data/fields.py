"""Reading the files of ``data/``: a TOML file, a number, a text and a source field, each checked, with a
:class:`MaterialsDataError` naming the file, the table and the field of anything wrong; the bibliography's keys; and
the kind of every data source (``data/sources.toml``), which decides which of several sources of an input is used."""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from glasson.core.paths import BIBLIOGRAPHY, data_dir

__all__ = ["MaterialsDataError", "read_toml", "number_field", "text_field", "source_field", "SOURCE_KEY",
           "bibliography_keys", "SOURCE_KINDS", "Source", "sources"]


class MaterialsDataError(ValueError):
    """A file of ``data/`` is missing or malformed; the message names the file, the table and the field."""


#: The kinds of source, most primary first (``data/sources.toml``): an input with several sources uses the most
#: primary (a measuring paper, a product's data sheet, the paper's own statement), the others show the spread.
SOURCE_KINDS: Mapping[str, int] = MappingProxyType({
    "the paper": 0, "paper": 0, "data sheet": 0, "standard": 1, "handbook": 1, "handbook copy": 2,
    "encyclopedia": 3, "compendium": 4})


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise MaterialsDataError(f"{path.name}: file not found in {path.parent}") from None
    except tomllib.TOMLDecodeError as err:
        raise MaterialsDataError(f"{path.name}: not valid TOML ({err})") from None
    except OSError as err:
        raise MaterialsDataError(f"{path.name}: cannot be read ({err.strerror})") from None


def number_field(where: str, name: str, x: Any, lower: float = -math.inf, upper: float = math.inf,
            strict: bool = True) -> float:
    """A finite number strictly (or not) inside (lower, upper), else a MaterialsDataError naming ``where.name``."""
    if isinstance(x, bool) or not isinstance(x, (int, float)):
        raise MaterialsDataError(f"{where}: {name} must be a number, got {x!r}")
    value = float(x)
    inside = (lower < value < upper) if strict else (lower <= value <= upper)
    if not math.isfinite(value) or not inside:
        raise MaterialsDataError(f"{where}: {name} must be a finite number in ({lower:g}, {upper:g}), got {x!r}")
    return value


def text_field(where: str, name: str, x: Any, required: bool = True) -> str:
    if not isinstance(x, str) or (required and not x.strip()):
        raise MaterialsDataError(f"{where}: {name} must be a non-empty text, got {x!r}")
    return x


#: A bibliography key: what a ``source`` field must be (it is written into pages as a citation).
SOURCE_KEY = re.compile(r"[A-Za-z][A-Za-z0-9_:-]*")
_BIB_ENTRY = re.compile(r"^@\w+\s*\{\s*([^,\s]+)\s*,", re.MULTILINE)


@cache
def _bibliography_keys(path: Path) -> frozenset[str] | None:
    try:
        return frozenset(_BIB_ENTRY.findall(path.read_text(encoding="utf-8")))
    except OSError:
        return None


@dataclass(frozen=True)
class Source:
    """What kind of source a bibliography key is (:data:`SOURCE_KINDS`) and how it was read."""

    key: str
    kind: str
    read: str

    @property
    def rank(self) -> int:
        """0 for the most primary kinds; larger for a handbook, a copy of one, an encyclopedia."""
        return SOURCE_KINDS[self.kind]


@cache
def _sources(path: Path) -> Mapping[str, Source]:
    out = {}
    for key, e in read_toml(path).items():
        where = f"{path.name} [{key}]"
        if not isinstance(e, dict) or set(e) - {"kind", "read"}:
            raise MaterialsDataError(f"{where}: must be a table with kind and read")
        kind = text_field(where, "kind", e.get("kind"))
        if kind not in SOURCE_KINDS:
            raise MaterialsDataError(f"{where}: kind {kind!r} not in {tuple(SOURCE_KINDS)}")
        out[key] = Source(key, kind, text_field(where, "read", e.get("read")))
    return MappingProxyType(out)


def sources() -> Mapping[str, Source]:
    """Every data source's kind and how it was read (``data/sources.toml``)."""
    return _sources((data_dir() / "sources.toml").resolve())


def bibliography_keys() -> frozenset[str] | None:
    """The keys of ``book/references.bib`` (``None`` where there is no bibliography, as in an installed wheel:
    the data's sources are then checked for their form only)."""
    return _bibliography_keys(BIBLIOGRAPHY)


def source_field(where: str, x: Any) -> str:
    """A ``source`` field: a key of ``book/references.bib``."""
    source = text_field(where, "source", x)
    if not SOURCE_KEY.fullmatch(source):
        raise MaterialsDataError(f"{where}: source must be a key of book/references.bib (letters, digits, _ : -), "
                                 f"got {source!r}")
    keys = bibliography_keys()
    if keys is not None and source not in keys:
        raise MaterialsDataError(f"{where}: source {source!r} is not a key of book/references.bib")
    return source
