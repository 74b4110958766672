"""Sympy derivations of Section 2: Eqs. (6)-(7) solved give Eq. (8); printed forms' dimensions."""

import pytest
import sympy as sp

from glasson import symbolic as S


def test_solve_crossover_gives_eq8_with_derived_H():
    sol = S.solve_crossover()
    H = S.H_derived.rhs
    assert sp.simplify(sol[S.xi] - S.Lambda / (S.c_t * H)) == 0
    assert sp.simplify(sol[S.m_gl] - S.hbar * H / (2 * S.Lambda)) == 0


def test_solution_satisfies_eqs_6_and_7():
    sol = S.solve_crossover()
    for eq in (S.eq6, S.eq7):
        assert sp.simplify((eq.lhs - eq.rhs).subs(sol)) == 0


def test_printed_H_does_not_give_the_solution():
    sol = S.solve_crossover()
    assert sp.simplify(sol[S.xi] - S.Lambda / (S.c_t * S.H_printed.rhs)) != 0


def test_eq5_identity():
    assert sp.simplify(S.E_kin / S.E_dd - S.R / S.a_gl_printed) == 0


def test_crossover_energy_symbolic():
    assert sp.simplify(S.crossover_energy() - S.hbar * S.c_t**2 * S.H_derived.rhs / S.Lambda) == 0


@pytest.mark.parametrize("name, status", [
    ("4", "consistent"), ("5", "consistent"), ("6", "consistent"), ("7", "consistent"),
    ("8", "inconsistent"), ("H", "inconsistent"),
])
def test_printed_dimensions(name, status):
    assert S.dimension_check(S.printed(name)).status == status


@pytest.mark.parametrize("name", ["8", "H"])
def test_derived_forms_consistent(name):
    assert S.dimension_check(S.derived(name)).status == "consistent"


def test_printed_H_dimension_detail():
    verdict = S.dimension_check(S.printed("H"))
    assert "g s^-1" in verdict.detail and "cm^1/2" in verdict.detail


def test_dimension_report_rows():
    rows = S.dimension_report()
    assert {r["status"] for r in rows} <= {"consistent", "inconsistent", "natural-units"}
    assert len(rows) == 8  # six printed relations and two derived forms


def test_a_chapter_says_vanishes_only_where_the_expression_is_zero():
    """The chapters show "= 0 ✓" or "≠ 0" from :func:`glasson.presentation.chapter.vanishes`: it must agree with a
    numeric evaluation of the same expression at random positive values (the Eq. 12 factor was once shown ≠ 0)."""
    import random

    import sympy as sp

    from glasson import symbolic as S
    from glasson.presentation.chapter import vanishes

    x = sp.Symbol("x", positive=True)
    cases = {"resonant": S.resonant_factor_identity(), "nonzero": sp.tanh(x / 2) - x / 2,
             "exp": sp.cosh(x) ** 2 - sp.sinh(x) ** 2 - 1}
    rng = random.Random(0)
    for name, expr in cases.items():
        shown = vanishes("f", expr).data
        values = [abs(complex(expr.subs({s: rng.uniform(0.1, 5) for s in expr.free_symbols}).evalf()))
                  for _ in range(5)]
        numerically_zero = max(values) < 1e-12
        assert ("= 0" in shown and r"\neq" not in shown) == numerically_zero, name
