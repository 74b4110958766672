"""Shared input validation for every public formula (one place, as in PlasmaPy's decorators): the rule of each
argument is read from its type (:mod:`glasson.core.units`), so that a formula states its unit and its check once."""

from __future__ import annotations

import functools
import inspect
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from glasson.core.units import Rule

__all__ = ["checked", "rules_of", "as_float_array", "scalar_or_array", "GlassonInputError"]

F = TypeVar("F", bound=Callable[..., object])


class GlassonInputError(ValueError):
    """An input a user gave is not valid: a value out of its domain, an unknown name.

    The command line reports it as a usage error (exit status 2, one line). It is a ``ValueError``, so code
    that catches ``ValueError`` keeps working.
    """


def as_float_array(value: object, name: str) -> npt.NDArray[np.float64]:
    """Convert ``value`` to a float array, raising ``ValueError`` naming ``name`` if it is not numeric."""
    if isinstance(value, (str, bytes)):
        raise GlassonInputError(f"{name} must be a number, got {value!r}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise GlassonInputError(f"{name} must be a number or an array of numbers, got {value!r}") from None
    return arr


def _check(arr: npt.NDArray[np.float64], name: str, rule: str) -> None:
    bad = ~np.isfinite(arr)
    if bad.any():
        raise GlassonInputError(f"{name} must be finite (no NaN or inf), got {_first(arr, bad)}")
    if rule == "positive":
        bad = ~(arr > 0)
    elif rule == "nonnegative":
        bad = ~(arr >= 0)
    if bad.any():
        raise GlassonInputError(f"{name} must be {rule}, got {_first(arr, bad)}")


def _first(arr: npt.NDArray[np.float64], bad: npt.NDArray[np.bool_]) -> str:
    """The offending value, or the first offending element of an array."""
    if arr.ndim == 0:
        return repr(arr.item())
    return f"{arr[bad].flat[0].item()!r} in an array of shape {arr.shape}"


def scalar_or_array(result: object) -> object:
    """Return a Python ``float`` for 0-d results, the array otherwise."""
    if isinstance(result, np.ndarray) and result.ndim == 0:
        return float(result)
    if isinstance(result, np.floating):
        return float(result)
    return result


def _rule(hint: object) -> Rule | None:
    """The :class:`Rule` carried by a type (also inside ``X | None``), or ``None``."""
    if typing.get_origin(hint) is typing.Annotated:
        return next((m for m in typing.get_args(hint)[1:] if isinstance(m, Rule)), None)
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return next((r for r in map(_rule, typing.get_args(hint)) if r is not None), None)
    return None


def rules_of(func: Callable[..., object]) -> Mapping[str, Rule]:
    """``{argument: Rule}`` for every argument of ``func`` whose type carries a rule."""
    hints = typing.get_type_hints(func, include_extras=True)
    return {name: rule for name in inspect.signature(func).parameters
            if name in hints and (rule := _rule(hints[name])) is not None}


def checked(func: F) -> F:
    """Validate the arguments of a formula by the rules of their types, converting each to a float array.

    Every argument typed with an alias of :mod:`glasson.core.units` is converted with :func:`numpy.asarray` (so
    scalars, lists and arrays broadcast); NaN, inf, text, or a value outside the rule (``positive``,
    ``nonnegative``) raises ``ValueError`` whose message starts with the argument's name. An argument passed as
    ``None`` (typed ``X | None``) is left alone. A 0-d result is returned as a Python ``float``.

    Examples
    --------
    >>> from glasson.core.units import Kelvin
    >>> @checked
    ... def twice(T: Kelvin) -> float:
    ...     return 2 * T
    >>> twice(1.5), twice([1.0, 2.0]).tolist()
    (3.0, [2.0, 4.0])
    >>> twice(-1.0)
    Traceback (most recent call last):
    ...
    glasson.core.validation.GlassonInputError: T must be positive, got -1.0
    """
    sig = inspect.signature(func)
    rules: dict[str, Rule] | None = None

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> object:
        nonlocal rules
        if rules is None:  # read once, at the first call (the module's names are all defined by then)
            rules = dict(rules_of(func))
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        for name, rule in rules.items():
            value = bound.arguments[name]
            if value is None:
                continue
            arr = as_float_array(value, name)
            _check(arr, name, rule.check)
            bound.arguments[name] = arr
        return scalar_or_array(func(*bound.args, **bound.kwargs))

    wrapper.__glasson_checked__ = True  # type: ignore[attr-defined]  # a marker attribute on the function
    return wrapper  # type: ignore[return-value]  # the wrapper has the signature of func
