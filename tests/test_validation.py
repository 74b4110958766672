"""Input validation: one decorator reads each argument's rule from its type (glasson.core.units), and every public
formula uses it. The decorator's rules are tested once, here; the formulas' behaviour on valid inputs is
property-tested in tests/test_properties.py."""

import importlib
import inspect
import math
import pkgutil

import numpy as np
import pytest

import glasson.formulas
from glasson.core.units import Dimensionless, Finite, Kelvin, NonNegative, Rule
from glasson.core.validation import GlassonInputError, checked, rules_of

#: Every module of public formulas: the unit conversions and every module of the formulas layer but ``operators``
#: (exact matrices of sympy symbols for the algebra of Eqs. 1-3, no quantity with a unit).
PHYSICS_MODULES = ["glasson.core.constants", *(f"glasson.formulas.{m.name}" for m in
                                               pkgutil.iter_modules(glasson.formulas.__path__) if m.name != "operators")]
#: Public functions without validated arguments, and why.
EXEMPT = {"K_Qt_implied": "no argument", "dominant_phonon_x": "no argument", "thermal_phonon_peak_x": "no argument",
          "K_Qt_conventions": "no argument", "sech2_energy_nodes": "a quadrature rule: a count, not a quantity"}


@checked
def _formula(T: Kelvin, x: NonNegative, eta: Finite, K: Dimensionless | None = None, n: int = 3) -> float:
    return float(np.sum(T + x + eta)) + (0.0 if K is None else float(np.sum(K))) + n


@pytest.mark.parametrize("argument, bad, says", [
    ("T", 0.0, "T must be positive"), ("T", -1.0, "T must be positive"), ("T", [1.0, -2.0], "T must be positive"),
    ("x", -1e-300, "x must be nonnegative"), ("x", [0.0, -1.0], "x must be nonnegative"),
    ("eta", math.nan, "eta must be finite"), ("T", math.inf, "T must be finite"), ("x", -math.inf, "x must be finite"),
    ("eta", [0.0, math.nan], "eta must be finite"), ("T", "abc", "T must be a number"),
    ("K", "1", "K must be a number"), ("K", [[1.0], "a"], "K must be a number"), ("K", 0.0, "K must be positive"),
])
def test_the_decorator_applies_the_rule_of_each_type(argument, bad, says):
    """Each rule refuses what it should, with a message that starts with the argument's name."""
    args = {"T": 1.0, "x": 0.0, "eta": -2.0}
    args[argument] = bad
    with pytest.raises(GlassonInputError, match=rf"^{says}"):
        _formula(**args)


def test_the_decorator_passes_valid_values_and_broadcasts():
    assert _formula(1.0, 0.0, -2.0) == pytest.approx(2.0)  # zero is a valid NonNegative, a negative eta Finite
    assert isinstance(_formula(1.0, 0.0, -2.0), float)
    assert _formula([1.0, 2.0], 0.0, 0.0, K=None, n=0) == 3.0  # arrays broadcast; None is left alone
    assert dict(rules_of(_formula)) == {"T": Rule("K"), "x": Rule("1", "nonnegative"), "eta": Rule("1", "finite"),
                                        "K": Rule("1")}


def test_the_error_shows_the_offending_array_element():
    from glasson.formulas.scales import phonon_energy

    with pytest.raises(ValueError, match=r"R must be positive, got -2.0 in an array of shape \(3,\)"):
        phonon_energy([1.0, -2.0, 3.0], 4e5)


def test_a_rule_is_one_of_three():
    with pytest.raises(ValueError, match="check must be one of"):
        Rule("K", "small")


def test_every_public_formula_is_validated_and_every_argument_carries_a_unit():
    """A public numeric function of the physics modules uses the shared validation, and each of its float
    arguments is typed with a unit-named alias of glasson.core.units (unit and check stated once)."""
    unvalidated, untyped = [], []
    for modname in PHYSICS_MODULES:
        mod = importlib.import_module(modname)
        for name in mod.__all__:
            func = getattr(mod, name)
            if not inspect.isfunction(func) or name in EXEMPT or func.__module__ != modname:
                continue
            if not getattr(func, "__glasson_checked__", False):
                unvalidated.append(f"{modname}.{name}")
                continue
            rules = rules_of(func)
            for arg, p in inspect.signature(func).parameters.items():
                if arg not in rules and p.annotation in ("Real", "Any") and p.default is inspect.Parameter.empty:
                    untyped.append(f"{modname}.{name}({arg}: {p.annotation})")
            if not rules:
                untyped.append(f"{modname}.{name}: no argument carries a rule")
    assert not unvalidated, "formulas that do not validate their inputs:\n" + "\n".join(unvalidated)
    assert not untyped, "arguments without a unit-named type:\n" + "\n".join(untyped)
