"""Every validated public formula rejects bad input with a ValueError naming the argument."""

import importlib
import inspect
import math

import numpy as np
import pytest

from glasson._validation import checked

PHYSICS_MODULES = ["glasson.constants", "glasson.scales"]


def validated_functions():
    """(module, name, function, rules) for every public function carrying the shared validation."""
    out = []
    for modname in PHYSICS_MODULES:
        mod = importlib.import_module(modname)
        for name in mod.__all__:
            func = getattr(mod, name)
            rules = getattr(func, "__glasson_checked__", None)
            if rules is not None and callable(func) and not name.startswith("_"):
                out.append(pytest.param(func, rules, id=f"{modname}.{name}"))
    return out


FUNCTIONS = validated_functions()


def valid_args(func):
    return {name: 1.0 for name in inspect.signature(func).parameters}


def test_every_public_formula_is_validated():
    """A public numeric function of the physics modules must use the shared validation."""
    for modname in PHYSICS_MODULES:
        mod = importlib.import_module(modname)
        for name in mod.__all__:
            obj = getattr(mod, name)
            if inspect.isfunction(obj):
                assert hasattr(obj, "__glasson_checked__"), f"{modname}.{name} does not validate its inputs"


@pytest.mark.parametrize("func, rules", FUNCTIONS)
def test_valid_scalar_input_gives_finite_float(func, rules):
    result = func(**valid_args(func))
    assert isinstance(result, float)
    assert math.isfinite(result)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, "abc", [1.0, math.nan]])
@pytest.mark.parametrize("func, rules", FUNCTIONS)
def test_non_finite_or_text_rejected(func, rules, bad):
    for name in rules:
        args = valid_args(func)
        args[name] = bad
        with pytest.raises(ValueError, match=rf"^{name} must"):
            func(**args)


@pytest.mark.parametrize("bad", [0.0, -1.0, [2.0, -3.0]])
@pytest.mark.parametrize("func, rules", FUNCTIONS)
def test_non_positive_rejected(func, rules, bad):
    positive = [n for n, rule in rules.items() if rule == "positive"]
    for name in positive:
        args = valid_args(func)
        args[name] = bad
        with pytest.raises(ValueError, match=rf"^{name} must be positive"):
            func(**args)


@pytest.mark.parametrize("func, rules", FUNCTIONS)
def test_vectorised_equals_scalar(func, rules):
    """An array input gives element-wise the scalar results."""
    rng = np.random.default_rng(0)
    names = list(inspect.signature(func).parameters)
    arrays = {n: rng.uniform(0.5, 2.0, size=5) for n in names}
    vector = func(**arrays)
    scalar = [func(**{n: float(a[i]) for n, a in arrays.items()}) for i in range(5)]
    np.testing.assert_allclose(vector, scalar, rtol=1e-14)


def test_decorator_refuses_unknown_argument_names():
    with pytest.raises(TypeError, match="no argument"):
        @checked(positive=("nope",))
        def f(x):
            return x


def test_error_message_shows_offending_array_element():
    from glasson.scales import phonon_energy

    with pytest.raises(ValueError, match=r"R must be positive, got -2.0 in an array of shape \(3,\)"):
        phonon_energy([1.0, -2.0, 3.0], 4e5)
