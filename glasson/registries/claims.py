"""The claims registry: every number the paper prints, recomputed from the paper's own inputs, with a verdict.

The claims are data (``data/claims.toml``, :mod:`glasson.data.printed`): where the paper prints each number, its
value and relation sign, how the compendium reads its words, and which named function of
:mod:`glasson.registries.recompute` recomputes it. A row (:func:`rows`) has the fields of :data:`FIELDS`: ``id,
section, equation, quantity, unit, paper_value, recomputed, ratio, kind, verdict, note`` and, describing the
verdict, ``symbol``, ``bounds``, ``log10_ratio``, ``severity``, ``trivial``, ``convention`` and ``chapter``/``anchor``
(where a chapter discusses it). The rule of the verdict is set by ``kind`` (:mod:`glasson.registries.rules`):

* ``value``: the paper states an estimate ("≈", "≃", "=", or a power law "∝"): **reproduced** within 10 %;
* ``order``: the paper says "∼" or "order of magnitude": **reproduced** within a factor 3;
* ``bound``: the paper states an inequality (m_e < m_gl < M_atom, "α ≪ 1"): **reproduced** when the recomputed
  value lies between ``bounds``; a "≪" is read as "at most a tenth", and the row's ``convention`` says so;

otherwise **discrepant**; **not-checkable** when the paper gives no number to compare or an input is missing (the
paper's own inputs are listed as not-checkable too: they are used, not derived). ``severity`` grades a disagreement
by the size of the absolute log₁₀ ratio (:func:`~glasson.registries.rules.severity`); ``trivial`` marks the rows
that check only a unit conversion, arithmetic on stated numbers, an identity or a duplicate of another row.
Recomputed values come from the paper's inputs (:data:`PAPER_MATERIAL`) unless a rerun passes its own; no input
is ever tuned to match.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TypedDict

from glasson.data import materials
from glasson.data.materials import Material
from glasson.data.printed import PrintedClaim, printed_claims
from glasson.models.model import MissingInputError
from glasson.registries import recompute as named
from glasson.registries.reconcile import Solution, reconcile, target
from glasson.registries.rules import (
    KINDS,
    MUCH_LESS,
    ORDER_FACTOR,
    QUOTED_Q_RANGE,
    RULES,
    SEVERITIES,
    VERDICTS,
    across_conventions,
    severity,
    verdict,
)

__all__ = ["Claim", "ClaimRow", "ConventionRow", "CLAIMS", "PAPER_MATERIAL", "FIELDS", "VERDICTS", "KINDS",
           "SEVERITIES", "CHAPTERS", "CLAIMS_ANCHORS", "verdict", "severity", "rows", "row", "get", "summary",
           "RULES", "MUCH_LESS", "ORDER_FACTOR", "QUOTED_Q_RANGE"]

#: The material whose inputs are the paper's own.
PAPER_MATERIAL = materials.DEFAULT_MATERIAL
#: The fields of a registry row (:func:`rows`), in the order of ``claims --json`` and ``claims.csv``.
FIELDS = ("id", "section", "equation", "quantity", "unit", "paper_value", "recomputed", "ratio", "kind",
          "verdict", "note", "symbol", "bounds", "log10_ratio", "severity", "trivial", "convention", "chapter",
          "anchor", "reconcile", "by_convention")
#: The chapter (notebook path without suffix) that discusses the claims of each section of the paper.
CHAPTERS = {"1": "notebooks/sec2_scales", "2.1": "notebooks/sec2_scales", "2.2": "notebooks/sec2_scales",
            "3.1": "notebooks/sec3_1_thermal", "3.2": "notebooks/sec3_2_sound", "4.1": "notebooks/sec4_1_fermi",
            "4.2": "notebooks/sec4_2_tunneling", "4.3": "notebooks/sec4_2_tunneling",
            "5": "notebooks/sec4_1_fermi"}
#: The label of each chapter's claims (the default place a claim links to).
CLAIMS_ANCHORS = {"notebooks/sec2_scales": "claims-sec2", "notebooks/sec3_1_thermal": "claims-sec31",
                  "notebooks/sec3_2_sound": "claims-sec32", "notebooks/sec4_1_fermi": "claims-sec41",
                  "notebooks/sec4_2_tunneling": "claims-sec42"}


class ConventionRow(TypedDict):
    """A claim judged in one reading of a convention the paper leaves open."""

    convention: str
    recomputed: float | None
    verdict: str


class ClaimRow(TypedDict):
    """One row of the registry, as ``claims --json`` prints it."""

    id: str
    section: str
    equation: int | None
    quantity: str
    unit: str
    paper_value: float | None
    recomputed: float | None
    ratio: float | None
    kind: str
    verdict: str
    note: str
    symbol: str
    bounds: list[float] | None
    log10_ratio: float | None
    severity: str | None
    trivial: str
    convention: str
    chapter: str
    anchor: str
    reconcile: list[Solution]
    by_convention: list[ConventionRow]


def _compute(name: str) -> Callable[[Material], float] | None:
    if not name:
        return None
    if name.startswith("derived:"):
        key = name.removeprefix("derived:")
        return lambda m: named.derived(m)[key]
    return named.RECOMPUTE[name]


@dataclass(frozen=True)
class Claim:
    """One printed number (its data, :class:`~glasson.data.printed.PrintedClaim`) with the functions that recompute
    it, fill its note and give its bounds."""

    data: PrintedClaim
    compute: Callable[[Material], float] | None
    explain: Callable[[Material], dict[str, str]] | None
    bounds: Callable[[Material], tuple[float, float]] | None

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def section(self) -> str:
        return self.data.section

    @property
    def paper_value(self) -> float | None:
        return self.data.paper

    @classmethod
    def from_data(cls, data: PrintedClaim) -> Claim:
        """The claim of a row of ``data/claims.toml``; ``KeyError`` names a function the data refers to that does
        not exist."""
        names: list[tuple[str, str, Mapping[str, object]]] = [
            ("recompute", data.recompute, named.RECOMPUTE), ("explain", data.explain, named.EXPLAIN),
            ("bounds", data.bounds, named.BOUNDS),
            *(("conventions", function, named.RECOMPUTE) for _, function in data.conventions)]
        for field, name, table in names:
            if name and not name.startswith("derived:") and name not in table:
                raise KeyError(f"claim {data.id}: {field} {name!r} is not a function of glasson.registries.recompute")
        return cls(data, _compute(data.recompute), named.EXPLAIN.get(data.explain), named.BOUNDS.get(data.bounds))


@cache
def _claims() -> tuple[Claim, ...]:
    return tuple(Claim.from_data(d) for d in printed_claims())


#: Every claim, in paper order.
CLAIMS: tuple[Claim, ...] = _claims()


def _fill(template: str, values: dict[str, str]) -> str:
    """Put the computed values into a note's «placeholders» (a note holds TeX braces, so not str.format)."""
    return re.sub("«(\\w+)»", lambda m: str(values[m.group(1)]), template)


def row(claim: Claim, material: Material | None = None, reconciled: bool = True) -> ClaimRow:
    """One registry row for ``claim``, recomputed from ``material`` (default: the paper's inputs). A claim the
    material lacks an input for (a glass of no definite composition has no inter-atomic distance) is not
    checkable for it."""
    mat = material or materials.get(PAPER_MATERIAL)
    d = claim.data
    try:
        recomputed = float(claim.compute(mat)) if claim.compute is not None else None
        bounds: tuple[float, float] | None = None
        if claim.bounds is not None:
            lo_bound, hi_bound = claim.bounds(mat)
            bounds = (float(lo_bound), float(hi_bound))
        values = claim.explain(mat) if claim.explain else {}
        note, convention = _fill(d.note, values), _fill(d.convention, values)
    except (KeyError, MissingInputError, TypeError):
        recomputed, bounds = None, None
        note, convention = "not checkable for this material: it lacks an input the recomputation needs", ""
    ratio = recomputed / d.paper if (recomputed is not None and d.paper) else None
    if ratio is not None:
        log10_ratio: float | None = math.log10(ratio)
    elif bounds is not None and recomputed is not None:  # distance to the bound that is violated (0 inside)
        lo, hi = bounds
        log10_ratio = (math.log10(recomputed / hi) if recomputed >= hi else
                       math.log10(recomputed / lo) if 0 < lo and recomputed <= lo else 0.0)
    else:
        log10_ratio = None
    chapter = CHAPTERS[d.section]
    verdict_ = verdict(d.paper, recomputed, d.kind, bounds)
    by_convention: list[ConventionRow] = []
    for name, function in d.conventions:
        compute = _compute(function)
        try:
            value = float(compute(mat)) if compute is not None else None
        except (KeyError, MissingInputError, TypeError):
            value = None
        by_convention.append(ConventionRow(convention=name, recomputed=value,
                                           verdict=verdict(d.paper, value, d.kind, bounds)))
    if by_convention:
        verdict_ = across_conventions([c["verdict"] for c in by_convention])
    solutions = (reconcile(claim.compute, mat, target(d.paper, bounds, recomputed), d.id)
                 if verdict_ == "discrepant" and reconciled else [])
    return {
        "id": d.id, "section": d.section, "equation": d.equation, "quantity": d.quantity, "unit": d.unit,
        "paper_value": d.paper, "recomputed": recomputed, "ratio": ratio, "kind": d.kind,
        "verdict": verdict_, "note": note, "symbol": d.symbol,
        "bounds": list(bounds) if bounds is not None else None, "log10_ratio": log10_ratio,
        "severity": severity(log10_ratio), "trivial": d.trivial, "convention": convention, "chapter": chapter,
        "anchor": d.anchor or CLAIMS_ANCHORS[chapter], "reconcile": solutions, "by_convention": by_convention,
    }


@cache
def _rows() -> tuple[ClaimRow, ...]:
    return tuple(row(c) for c in _claims())


def rows(section: str | None = None, material: Material | None = None, reconciled: bool = True) -> list[ClaimRow]:
    """The registry as a list of row dicts, optionally only the claims of one section (prefix match), recomputed
    from ``material`` (default: the paper's inputs; a rerun's book passes its own).

    Examples
    --------
    >>> r = {x["id"]: x for x in rows("2.2")}
    >>> r["sec2.2-xi"]["verdict"]
    'discrepant'
    """
    out: list[ClaimRow] = ([ClaimRow(**r) for r in _rows()] if material is None
                           else [row(c, material, reconciled) for c in _claims()])
    return [r for r in out if section is None or r["section"] == section or r["section"].startswith(section + ".")]


def get(claim_id: str) -> ClaimRow:
    """The registry row of one claim (``KeyError`` listing the known ids if absent).

    Examples
    --------
    >>> get("sec2.2-H")["verdict"]
    'discrepant'
    """
    for r in _rows():
        if r["id"] == claim_id:
            return ClaimRow(**r)
    raise KeyError(f"unknown claim {claim_id!r}; known: {', '.join(r['id'] for r in _rows())}")


def summary(section: str | None = None, substantive: bool = False,
            table: Sequence[ClaimRow] | None = None) -> dict[str, int]:
    """Count of rows per verdict (of ``table``, default the registry); with ``substantive``, only the rows that are
    not trivial."""
    counts = dict.fromkeys(VERDICTS, 0)
    for r in (rows(section) if table is None else table):
        if not (substantive and r["trivial"]):
            counts[r["verdict"]] += 1
    return counts
