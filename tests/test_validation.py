"""Every validated public formula rejects bad input with a ValueError naming the argument."""

import importlib
import inspect
import math

import numpy as np
import pytest

from glasson.core.validation import checked

PHYSICS_MODULES = ["glasson.core.constants", *(f"glasson.formulas.{m}" for m in (
    "scales", "fermi", "acoustics", "heat_capacity", "scattering", "conductivity", "dipolar", "elastic", "tunneling"))]


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
#: Values that keep every formula in its domain (T <= T_Q for Eq. 13; t >= 0.01 for the exact Fermi gas).
VALID = {"T_Q": 3.0, "c_s": 0.1, "v_F": 2.0, "poisson_ratio": 0.2}  # and sound slower than the Fermi velocity (Eq. 14 derived)
#: Public functions without the shared validation, and why.
EXEMPT = {"K_Qt_implied": "no argument", "dominant_phonon_x": "no argument",
          "thermal_phonon_peak_x": "no argument", "K_Qt_conventions": "no argument"}


def numeric_params(func):
    """The parameters that carry physical numbers (not flags such as ``net``, nor callables)."""
    rules = func.__glasson_checked__
    return [n for n in inspect.signature(func).parameters if n in rules]


def valid_args(func):
    return {name: VALID.get(name, 1.0) for name in numeric_params(func)}


def test_every_public_formula_is_validated():
    """A public numeric function of the physics modules must use the shared validation."""
    for modname in PHYSICS_MODULES:
        mod = importlib.import_module(modname)
        for name in mod.__all__:
            obj = getattr(mod, name)
            if inspect.isfunction(obj) and name not in EXEMPT and not name.startswith("_"):
                assert hasattr(obj, "__glasson_checked__"), f"{modname}.{name} does not validate its inputs"


NOT_SCALAR = {"kappa_spectral", "closed_form_check", "relaxation_kernels"}  # rate function / rows / pairs


@pytest.mark.parametrize("func, rules", FUNCTIONS)
def test_valid_scalar_input_gives_finite_float(func, rules):
    if func.__name__ in NOT_SCALAR:
        pytest.skip("returns rows or needs a rate function")
    result = func(**call_args(func))
    assert isinstance(result, float)
    assert math.isfinite(result)


#: Required arguments that are not physical inputs (an order, a rate function).
EXTRA = {"j": 0.5, "rate": lambda w, T: w}


def call_args(func):
    """Valid arguments, plus the non-physical ones the function needs."""
    args = valid_args(func)
    for name, p in inspect.signature(func).parameters.items():
        if name in EXTRA and p.default is inspect.Parameter.empty:
            args[name] = EXTRA[name]
    return args


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, "abc", [1.0, math.nan]])
@pytest.mark.parametrize("func, rules", FUNCTIONS)
def test_non_finite_or_text_rejected(func, rules, bad):
    for name in rules:
        args = call_args(func)
        args[name] = bad
        with pytest.raises(ValueError, match=rf"^{name} must"):
            func(**args)


@pytest.mark.parametrize("bad", [0.0, -1.0, [2.0, -3.0]])
@pytest.mark.parametrize("func, rules", FUNCTIONS)
def test_non_positive_rejected(func, rules, bad):
    positive = [n for n, rule in rules.items() if rule == "positive"]
    for name in positive:
        args = call_args(func)
        args[name] = bad
        with pytest.raises(ValueError, match=rf"^{name} must be positive"):
            func(**args)


@pytest.mark.parametrize("func, rules", FUNCTIONS)
def test_vectorised_equals_scalar(func, rules):
    """An array input gives element-wise the scalar results."""
    if func.__name__ in NOT_SCALAR:
        pytest.skip("returns rows or needs a rate function")
    rng = np.random.default_rng(0)
    names = numeric_params(func)
    arrays = {n: VALID.get(n, 1.0) * rng.uniform(0.5, 2.0, size=5) if n not in VALID else np.full(5, VALID[n])
              for n in names}
    extra = {k: v for k, v in call_args(func).items() if k not in arrays}
    vector = func(**arrays, **extra)
    scalar = [func(**{n: float(a[i]) for n, a in arrays.items()}, **extra) for i in range(5)]
    np.testing.assert_allclose(vector, scalar, rtol=1e-12)  # summation order may differ at rounding level


def test_decorator_refuses_unknown_argument_names():
    with pytest.raises(TypeError, match="no argument"):
        @checked(positive=("nope",))
        def f(x):
            return x


def test_error_message_shows_offending_array_element():
    from glasson.formulas.scales import phonon_energy

    with pytest.raises(ValueError, match=r"R must be positive, got -2.0 in an array of shape \(3,\)"):
        phonon_energy([1.0, -2.0, 3.0], 4e5)
