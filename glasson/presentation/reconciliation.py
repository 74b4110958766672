"""Which inputs would make the paper right, in words and tables: for each discrepant claim the value of each single
input that reproduces the printed number (:mod:`glasson.registries.reconcile`), and what follows for a section."""

from __future__ import annotations

from collections.abc import Sequence

from glasson.core.text import number, unit
from glasson.core.units import Row
from glasson.presentation.formatting import PARAMETER_DISPLAY, math, table, value_math
from glasson.presentation.tables import claim_ref, count_word, paper_to_recomputed
from glasson.registries import claims as claim_registry
from glasson.registries.reconcile import RANGED, Solution, consistency

__all__ = ["reconcile_table", "reconcile_summary", "paragraph"]


def _solution(s: Solution) -> str:
    """``$\\Lambda = 3.35\\,\\mathrm{eV}$, inside 1–10 eV (the paper's range)`` for one reconciling input."""
    d = PARAMETER_DISPLAY[s["input"]]
    if s["value"] is None:
        return f"{math(d.symbol)}: no value reproduces it"
    head = math(f"{d.symbol} = " + value_math(s["value"], d.unit, 3).strip("$"))
    if s["range"] is None:
        return f"{head} (no range stated)"
    lo, hi = s["range"]
    where = "inside" if s["inside_range"] else "**outside**"
    return (f"{head}, {where} {number(lo, 3, trim=True)}–{number(hi, 3, trim=True)} {unit(d.unit)} "
            f"({s['range_is']})")


def reconcile_table(rows: Sequence[Row], here: str = "notebooks") -> str:
    """For each discrepant claim of ``rows``: the value of each single input that reproduces the printed number,
    and whether it lies inside the range the paper allows (:mod:`glasson.registries.reconcile`)."""
    body = []
    for r in rows:
        if r["verdict"] != "discrepant":
            continue
        needs = "<br>".join(_solution(s) for s in r["reconcile"]) or (
            "no input changes it: the recomputed number does not depend on the paper's inputs")
        body.append((f"{r['quantity']} {{ref}}`§ <{r['anchor']}>` {claim_ref(r, here)}", paper_to_recomputed(r),
                     needs))
    return table(("claim", "paper → recomputed", "the single input that would reproduce the printed number"),
                 body) if body else ""


def reconcile_summary(rows: Sequence[Row]) -> str:
    """What follows from the reconciliations of ``rows`` (their substantive discrepant claims): for each input
    whose range is stated and that several claims need, whether one value of it serves them all, or the printed
    numbers are mutually inconsistent."""
    by_id = {r["id"]: r for r in rows}
    out = []
    for c in consistency([r for r in rows if r["verdict"] == "discrepant" and not r["trivial"]]):
        if c["input"] not in RANGED:
            continue
        d = PARAMETER_DISPLAY[c["input"]]
        verdict = ("one value reconciles them all" if c["one_value_serves"] else
                   f"**no single value reconciles them** (they need values a factor {number(c['factor'], 2)} "
                   "apart): these printed numbers disagree with each other, not only with the inputs")
        items = [f"  - {by_id[i]['quantity']}: {value_math(v, d.unit, 3)}" for i, v in c["needs"]]
        out.append("\n".join([f"- {math(d.symbol)}: {verdict}.", *items]))
    return "\n".join(out) + ("\n" if out else "")


def paragraph(sections: Sequence[str], registry: Sequence[Row] | None = None, fold: bool = True,
              lead: str = "**Which inputs would make the printed numbers right.** ", here: str = "notebooks") -> str:
    """The paragraph "which inputs would make the printed numbers right" for the claims of ``sections`` (of
    ``registry``, default the paper's): what follows, then the table of every discrepant claim (folded in a
    chapter, ``fold``)."""
    rows = [r for r in (claim_registry.rows() if registry is None else registry) if r["section"] in sections]
    discrepant = [r for r in rows if r["verdict"] == "discrepant"]
    if not discrepant:
        return ""
    solved = sum(1 for r in discrepant if any(s["value"] is not None for s in r["reconcile"]))
    methods = {s["method"] for r in discrepant for s in r["reconcile"]}
    how = {frozenset({"sympy"}): "sympy solves each closed form for the input",
           frozenset({"numeric"}): "a root finder solves for it",
           frozenset({"sympy", "numeric"}): "sympy solves the closed forms, a root finder the others"}.get(
               frozenset(methods), "")
    many = len(discrepant) > 1
    head = (f"{lead}For "
            f"{'each of the ' + count_word(len(discrepant)) + ' discrepant claims' if many else 'the discrepant claim'}"
            ", each input it depends on is varied alone until the recomputed number equals the printed one"
            f"{' (' + how + '; put back, each value reproduces the printed number)' if how else ''}. "
            f"{count_word(solved, capital=True)} of {count_word(len(discrepant))} can be reconciled by some input; "
            "whether that input lies in the range the paper allows is said beside it.")
    summary = reconcile_summary(rows)
    body = reconcile_table(discrepant, here)
    table_text = f":::{{dropdown}} The input each discrepant claim would need\n{body}\n:::\n" if fold else body
    return "\n\n".join(p for p in (head, summary.strip(), table_text) if p) + "\n"
