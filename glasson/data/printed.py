"""The numbers and statements the paper prints that the compendium checks, read from ``data/claims.toml`` and
checked field by field (a fault is a :class:`~glasson.data.fields.MaterialsDataError` naming the file, the claim
and the field). What each one is recomputed with lives in :mod:`glasson.registries.recompute`, by name."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from glasson.core.paths import data_dir
from glasson.data.fields import MaterialsDataError

__all__ = ["PrintedClaim", "printed_claims", "KINDS", "FILE"]

FILE = "claims.toml"
#: How a claim's words are read: ``value`` (≈, ≃, =, ∝: within 10 %), ``order`` (∼: within a factor 3), ``bound``.
KINDS = ("value", "order", "bound")


@dataclass(frozen=True)
class PrintedClaim:
    """One row of ``data/claims.toml`` (see the file's header for the fields)."""

    id: str
    section: str
    quantity: str
    unit: str
    kind: str
    note: str
    equation: int | None = None
    paper: float | None = None
    symbol: str = "∼"
    recompute: str = ""
    explain: str = ""
    bounds: str = ""
    trivial: str = ""
    convention: str = ""
    anchor: str = ""
    #: The readings of a convention the paper leaves open, ``(name, recompute)``; the first is the main one.
    conventions: tuple[tuple[str, str], ...] = ()


_REQUIRED = ("id", "section", "quantity", "unit", "kind", "note")
_OPTIONAL_TEXT = ("symbol", "recompute", "explain", "bounds", "trivial", "convention", "anchor")


def _claim(raw: object, index: int) -> PrintedClaim:
    where = f"{FILE} [[claim]] #{index + 1}"
    if not isinstance(raw, dict):
        raise MaterialsDataError(f"{where}: not a table")
    where = f"{FILE} [[claim]] {raw.get('id', f'#{index + 1}')!r}"
    unknown = set(raw) - set(_REQUIRED) - set(_OPTIONAL_TEXT) - {"equation", "paper", "conventions"}
    if unknown:
        raise MaterialsDataError(f"{where}: unknown field {sorted(unknown)[0]!r}")
    for key in _REQUIRED:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            raise MaterialsDataError(f"{where}: field {key!r} must be non-empty text")
    for key in _OPTIONAL_TEXT:
        if key in raw and not isinstance(raw[key], str):
            raise MaterialsDataError(f"{where}: field {key!r} must be text")
    if raw["kind"] not in KINDS:
        raise MaterialsDataError(f"{where}: field 'kind' must be one of {', '.join(KINDS)}, got {raw['kind']!r}")
    equation = raw.get("equation")
    if equation is not None and (not isinstance(equation, int) or isinstance(equation, bool) or equation < 1):
        raise MaterialsDataError(f"{where}: field 'equation' must be an equation number")
    paper = raw.get("paper")
    if paper is not None and (isinstance(paper, bool) or not isinstance(paper, int | float) or not paper > 0):
        raise MaterialsDataError(f"{where}: field 'paper' must be a positive number")
    if (raw["kind"] == "bound") != bool(raw.get("bounds")):
        raise MaterialsDataError(f"{where}: a bound claim needs 'bounds', and only a bound claim has them")
    conventions = raw.get("conventions", [])
    if not isinstance(conventions, list) or not all(
            isinstance(c, dict) and set(c) == {"name", "recompute"} and all(isinstance(v, str) and v for v in c.values())
            for c in conventions):
        raise MaterialsDataError(f"{where}: field 'conventions' must be a list of tables with a name and a recompute")
    if conventions and conventions[0]["recompute"] != raw.get("recompute"):
        raise MaterialsDataError(f"{where}: the first of 'conventions' must be the claim's own 'recompute'")
    return PrintedClaim(**{**raw, "paper": None if paper is None else float(paper),
                           "conventions": tuple((c["name"], c["recompute"]) for c in conventions)})


@cache
def _load(path: str) -> tuple[PrintedClaim, ...]:
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as err:
        raise MaterialsDataError(f"{FILE}: cannot be read ({err.strerror or err})") from None
    except tomllib.TOMLDecodeError as err:
        raise MaterialsDataError(f"{FILE}: not valid TOML ({err})") from None
    rows = data.get("claim")
    if not isinstance(rows, list) or not rows:
        raise MaterialsDataError(f"{FILE}: no [[claim]] table")
    claims = tuple(_claim(raw, i) for i, raw in enumerate(rows))
    seen: set[str] = set()
    for c in claims:
        if c.id in seen:
            raise MaterialsDataError(f"{FILE} [[claim]] {c.id!r}: field 'id' repeats another claim's")
        seen.add(c.id)
    return claims


def printed_claims() -> tuple[PrintedClaim, ...]:
    """Every claim of ``data/claims.toml``, in the paper's order.

    Examples
    --------
    >>> next(c for c in printed_claims() if c.id == "sec2.2-xi").paper
    44.0
    """
    return _load(str(data_dir() / FILE))
