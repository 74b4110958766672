"""Which inputs would make the paper right: for a discrepant claim, the value of each single input that reproduces
the printed number, and whether it lies inside the range the paper allows.

The paper's inputs are partly guesses (Λ = 1–10 eV, ε_F "within one order of magnitude", a = 2.5 Å). For every
claim whose verdict is ``discrepant``, each input the recomputation depends on is varied alone, the others kept,
until the recomputed number equals the printed one (for a bound, the edge of the bound it violates):

* where the claim's quantity has a closed form in sympy (:data:`CLOSED_FORMS`: the crossover of Eq. (8) and the
  Fermi parameters of Eqs. (16)–(17)), sympy solves it for the input;
* otherwise it is solved numerically: a secant iteration in log–log space from the paper's value (exact in one
  step for a power law), with a bracketing search as fallback; a solution is kept only when putting it back gives
  the printed number to 10⁻⁹.

:func:`consistency` then says what follows for a section: whether one value of an input reconciles all the
section's discrepant claims that depend on it (the printed ξ and the printed m_gl of Section 2.2 need Λ values a
factor 19 apart: the printed numbers are mutually inconsistent, not just off by a guessed input). The ranges:
Λ is the paper's own 1–10 eV (Sec. 2.1); ε_F 3–30 K is the compendium's reading of "within one order of magnitude"
around 10 K, not a range the paper prints; C_v/T is Stephens' measured band; an input with several sources is
judged against their spread; an input with one source has no range (``inside_range`` is ``None``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, TypedDict

import sympy as sp

from glasson.core import constants as const
from glasson.data import materials
from glasson.data.materials import PARAMETERS, Material
from glasson.models.derived import EPS_F_RANGE_K, LAMBDA_RANGE_EV
from glasson.models.model import MissingInputError

__all__ = ["Solution", "InputRange", "INPUTS", "CLOSED_FORMS", "AGREE", "input_range", "target", "solve", "reconcile",
           "consistency", "TOLERANCE", "inverse", "RANGED"]

#: The inputs a reconciliation may vary (each alone), in the order they are reported.
INPUTS = ("Lambda", "eps_F", "a", "xi_mro", "rho", "c_t", "cv_slope", "T_Q")
#: The inputs whose range the paper (or the compendium's reading of it) states: a reader may vary them.
RANGED = ("Lambda", "eps_F", "cv_slope")
#: A solution must reproduce the printed number to this relative accuracy.
TOLERANCE = 1e-9
#: Two solved values of one input "agree" when within this factor (the verdict rule of a value claim, 10 %).
AGREE = 1.10


class Solution(TypedDict):
    """One reconciling input, as ``claims --json`` gives it in a row's ``reconcile`` list."""

    input: str
    value: float | None
    unit: str
    inside_range: bool | None
    range: list[float] | None
    range_is: str
    method: str


@dataclass(frozen=True)
class InputRange:
    """The range an input may take (stored unit) and what the range is."""

    low: float
    high: float
    what: str


def input_range(material: Material, key: str) -> InputRange | None:
    """The range the paper allows for ``key`` (or its sources' spread); ``None`` where none is stated."""
    if key == "Lambda":
        return InputRange(*LAMBDA_RANGE_EV, "the paper's range, Sec. 2.1")
    if key == "eps_F":
        return InputRange(*EPS_F_RANGE_K, "the compendium's reading of “within one order of magnitude”")
    if key == "cv_slope":
        band = materials.cv_slope_band()
        return InputRange(band.low, band.high, "Stephens' measured band")
    if key in material.values and len(material.entries(key)) > 1:
        lo, hi = materials.spread(material.entries(key))
        return InputRange(lo, hi, "the spread of its sources")
    return None


def target(paper: float | None, bounds: Sequence[float] | None, recomputed: float | None) -> float | None:
    """The number a reconciliation aims at: the printed value, or the edge of the bound that is violated."""
    if paper:
        return paper
    if bounds is None or recomputed is None:
        return None
    lo, hi = bounds
    return hi if recomputed >= hi else lo if lo > 0 and recomputed <= lo else None


# --- closed forms: sympy solves them ----------------------------------------------------------------------------
def _crossover() -> dict[sp.Symbol, sp.Expr]:
    from glasson import symbolic as S

    return S.solve_crossover()


def _fermi() -> dict[sp.Symbol, sp.Expr]:
    from glasson import symbolic as S

    return S.solve_fermi()


def _cv_symbol(expr: sp.Expr) -> sp.Symbol:
    return next(s for s in expr.free_symbols if "C_v" in s.name)


def _closed(quantity: Callable[[], sp.Expr], unit_cgs: float) -> Callable[[], tuple[sp.Expr, dict[str, sp.Symbol]]]:
    """A closed form of a claim's quantity (in CGS, divided by ``unit_cgs`` to the claim's unit) and the symbols
    of the inputs in it."""
    def build() -> tuple[sp.Expr, dict[str, sp.Symbol]]:
        from glasson import symbolic as S

        expr = quantity() / sp.nsimplify(unit_cgs)  # 1e-8 cm as 1/10⁸: no float enters the algebra
        symbols = {"Lambda": S.Lambda, "rho": S.rho, "c_t": S.c_t, "eps_F": S.eps_F}
        if any("C_v" in s.name for s in expr.free_symbols):
            symbols["cv_slope"] = _cv_symbol(expr)
        return expr, {k: s for k, s in symbols.items() if s in expr.free_symbols}
    return build


def _S():  # noqa: N802 - the package's short name, as the chapters write it
    from glasson import symbolic as S

    return S


#: Claims whose quantity has a closed form in the inputs, as sympy expressions (CGS over the claim's unit).
CLOSED_FORMS: dict[str, Callable[[], tuple[sp.Expr, dict[str, sp.Symbol]]]] = {
    "sec2.2-H": _closed(lambda: sp.sqrt(_S().hbar * _S().rho * _S().c_t), 1.0),
    "sec2.2-xi": _closed(lambda: _crossover()[_S().xi], const.angstrom),
    "sec2.2-m_gl": _closed(lambda: _crossover()[_S().m_gl], 1.0),
    "sec2.2-E_xi": _closed(lambda: _S().hbar * _S().c_t / _crossover()[_S().xi] / _S().k_B, 1.0),
    "sec4.1-m_gl": _closed(lambda: _fermi()[_S().m_F], 1.0),
    "sec4.1-m_gl_over_m_He3": _closed(lambda: _fermi()[_S().m_F] / sp.Float(const.m_He3), 1.0),
    "sec4.1-v_F": _closed(lambda: _S().hbar * _fermi()[_S().k_F] / _fermi()[_S().m_F], 1.0),
}


@cache
def _closed_form(claim_id: str) -> tuple[sp.Expr, dict[str, sp.Symbol]]:
    return CLOSED_FORMS[claim_id]()


@cache
def inverse(claim_id: str, key: str) -> sp.Expr:
    """Sympy's solution of the closed form of ``claim_id`` for the input ``key``, in terms of the printed value
    (the symbol ``goal``, CGS over the claim's unit) and the other inputs."""
    expr, symbols = _closed_form(claim_id)
    goal = sp.Symbol("goal", positive=True)
    # every symbol is positive and the input real: solveset over the reals (sp.solve also lists the complex
    # companions of a fractional power, and takes ten times as long checking them)
    found = sp.solveset(sp.Eq(expr, goal), symbols[key], domain=sp.S.Reals)
    roots = [r for r in found if not r.is_negative] if isinstance(found, sp.FiniteSet) else []  # an input is > 0
    if len(roots) != 1:
        raise ValueError(f"{claim_id}: solutions for {key}: {found}, expected one positive")
    return roots[0]


@cache
def _inverse_function(claim_id: str, key: str) -> tuple[Callable[..., float], tuple[str, ...]]:
    S = _S()
    _, symbols = _closed_form(claim_id)
    others = tuple(k for k in symbols if k != key)
    args = [sp.Symbol("goal", positive=True), S.hbar, S.k_B, *(symbols[k] for k in others)]
    return sp.lambdify(args, inverse(claim_id, key), "math"), others


def _solve_closed(claim_id: str, material: Material, key: str, goal: float) -> float | None:
    """The input ``key`` (stored unit) that makes the closed form of ``claim_id`` equal to ``goal``."""
    function, others = _inverse_function(claim_id, key)
    value = function(goal, const.hbar, const.k_B, *(material.cgs(k) for k in others))
    return float(value) / PARAMETERS[key].to_cgs


# --- numerically --------------------------------------------------------------------------------------------------
def _numeric(f: Callable[[float], float], x0: float, goal: float) -> float | None:
    """The ``x`` near ``x0`` with ``f(x) = goal``: secant steps in log–log space (one step for a power law), a
    bracketing search over six decades either side if they fail."""
    from scipy.optimize import brentq

    def g(logx: float) -> float:
        if abs(logx - math.log(x0)) > 14 * math.log(10):  # beyond the search's six decades and then some
            return math.nan
        value = f(math.exp(logx))
        return math.log(value / goal) if value > 0 and math.isfinite(value) else math.nan

    u0, u1 = math.log(x0), math.log(x0) + 0.05
    g0, g1 = g(u0), g(u1)
    for _ in range(30):
        if not (math.isfinite(g0) and math.isfinite(g1)) or g1 == g0:
            break
        u0, u1, g0 = u1, u1 - g1 * (u1 - u0) / (g1 - g0), g1
        g1 = g(u1)
        if math.isfinite(g1) and abs(g1) < TOLERANCE / 10:
            return math.exp(u1)
    grid = [math.log(x0) + d for d in (i * 0.25 for i in range(-55, 56))]
    values = [g(u) for u in grid]
    for (a, ga), (b, gb) in zip(zip(grid, values, strict=True), zip(grid[1:], values[1:], strict=True),
                                strict=False):
        if math.isfinite(ga) and math.isfinite(gb) and ga * gb <= 0:
            return math.exp(brentq(g, a, b, xtol=1e-14, rtol=1e-14))
    return None


def _depends(f: Callable[[float], float], x0: float) -> bool:
    try:
        base, moved = f(x0), f(x0 * 1.05)
    except (MissingInputError, KeyError, ValueError, ZeroDivisionError, OverflowError):
        return False
    return math.isfinite(base) and math.isfinite(moved) and abs(moved / base - 1) > 1e-9 if base else moved != 0


def solve(compute: Callable[[Material], float], material: Material, key: str, goal: float,
          claim_id: str | None = None) -> tuple[float | None, str]:
    """The value of input ``key`` (stored unit) for which ``compute(material)`` equals ``goal``, all other inputs
    kept, and how it was found (``"sympy"`` or ``"numeric"``); ``(None, …)`` when no value does."""
    from glasson.core.validation import GlassonInputError

    def f(x: float) -> float:
        try:
            return float(compute(material.with_overrides(**{key: x})))
        except (GlassonInputError, ValueError, ZeroDivisionError, OverflowError):  # outside a formula's domain
            return math.nan

    if claim_id in CLOSED_FORMS and key in _closed_form(claim_id)[1]:
        value = _solve_closed(claim_id, material, key, goal)
        method = "sympy"
    else:
        value, method = _numeric(f, material.value(key).value, goal), "numeric"
    if value is not None and not abs(f(value) / goal - 1) < 1e-6:  # the closed form and the number disagree
        raise AssertionError(f"{claim_id}: {key} = {value!r} gives {f(value)!r}, not {goal!r}")
    return value, method


def reconcile(compute: Callable[[Material], float] | None, material: Material, goal: float | None,
              claim_id: str | None = None) -> list[Solution]:
    """Every single input the claim depends on, with the value that reproduces ``goal`` and whether it lies in
    its range (see the module's docstring)."""
    if compute is None or goal is None:
        return []
    out: list[Solution] = []
    for key in INPUTS:
        if key not in material.values:
            continue
        x0 = material.value(key).value

        def f(x: float, key: str = key) -> float:
            return float(compute(material.with_overrides(**{key: x})))

        if not _depends(f, x0):
            continue
        value, method = solve(compute, material, key, goal, claim_id)
        rng = input_range(material, key)
        inside = None if rng is None or value is None else bool(rng.low <= value <= rng.high)
        out.append(Solution(input=key, value=value, unit=PARAMETERS[key].unit, inside_range=inside,
                            range=None if rng is None else [rng.low, rng.high],
                            range_is="no range stated" if rng is None else rng.what, method=method))
    return out


class Consistency(TypedDict):
    """Whether one value of an input serves every claim that needs it (:func:`consistency`)."""

    input: str
    unit: str
    needs: list[tuple[str, float]]
    factor: float
    one_value_serves: bool


def consistency(rows: Sequence[Mapping[str, Any]]) -> list[Consistency]:
    """For each input solved in two or more of ``rows`` (registry rows with their ``reconcile`` lists): the values
    the claims need and whether one value serves them all (within :data:`AGREE`)."""
    needs: dict[str, list[tuple[str, float]]] = {}
    for r in rows:
        for s in r.get("reconcile") or []:
            if s["value"] is not None:
                needs.setdefault(s["input"], []).append((str(r["id"]), float(s["value"])))
    out: list[Consistency] = []
    for key, values in needs.items():
        if len(values) < 2:
            continue
        lo, hi = min(v for _, v in values), max(v for _, v in values)
        out.append(Consistency(input=key, unit=PARAMETERS[key].unit, needs=values, factor=hi / lo,
                               one_value_serves=hi / lo <= AGREE))
    return out
