"""Shared input validation for every public formula (one place, as in PlasmaPy's decorators)."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import numpy as np

__all__ = ["checked", "as_float_array", "scalar_or_array", "GlassonInputError"]

F = TypeVar("F", bound=Callable[..., Any])


class GlassonInputError(ValueError):
    """An input a user gave is not valid: a value out of its domain, an unknown name.

    The command line reports it as a usage error (exit status 2, one line). It is a ``ValueError``, so code
    that catches ``ValueError`` keeps working.
    """


def as_float_array(value: Any, name: str) -> np.ndarray:
    """Convert ``value`` to a float array, raising ``ValueError`` naming ``name`` if it is not numeric."""
    if isinstance(value, (str, bytes)):
        raise GlassonInputError(f"{name} must be a number, got {value!r}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise GlassonInputError(f"{name} must be a number or an array of numbers, got {value!r}") from None
    return arr


def _check(arr: np.ndarray, name: str, rule: str) -> None:
    bad = ~np.isfinite(arr)
    if bad.any():
        raise GlassonInputError(f"{name} must be finite (no NaN or inf), got {_first(arr, bad)}")
    if rule == "positive":
        bad = ~(arr > 0)
    elif rule == "nonnegative":
        bad = ~(arr >= 0)
    if bad.any():
        raise GlassonInputError(f"{name} must be {rule}, got {_first(arr, bad)}")


def _first(arr: np.ndarray, bad: np.ndarray) -> str:
    """The offending value, or the first offending element of an array."""
    if arr.ndim == 0:
        return repr(arr.item())
    return f"{arr[bad].flat[0].item()!r} in an array of shape {arr.shape}"


def scalar_or_array(result: Any) -> Any:
    """Return a Python ``float`` for 0-d results, the array otherwise."""
    if isinstance(result, np.ndarray) and result.ndim == 0:
        return float(result)
    if isinstance(result, np.floating):
        return float(result)
    return result


def checked(
    positive: Iterable[str] = (),
    nonnegative: Iterable[str] = (),
    finite: Iterable[str] = (),
) -> Callable[[F], F]:
    """Validate named arguments of a formula and convert them to float arrays.

    Parameters
    ----------
    positive, nonnegative, finite : iterable of str
        Names of arguments that must be ``> 0``, ``>= 0`` or merely finite. Each is converted
        with :func:`numpy.asarray` (so scalars, lists and arrays broadcast); NaN, inf, text or a value
        outside the rule raises ``ValueError`` whose message starts with the argument's name.
        An argument passed as ``None`` is left alone (for optional inputs).

    Notes
    -----
    A 0-d result is returned as a Python ``float`` so that scalar calls give scalars.
    """
    rules = {**{n: "finite" for n in finite}, **{n: "nonnegative" for n in nonnegative},
             **{n: "positive" for n in positive}}

    def decorate(func: F) -> F:
        sig = inspect.signature(func)
        missing = set(rules) - set(sig.parameters)
        if missing:
            raise TypeError(f"{func.__name__} has no argument(s) {sorted(missing)} to validate")

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            bound = sig.bind(*args, **kwargs)
            bound.apply_defaults()
            for name, rule in rules.items():
                value = bound.arguments[name]
                if value is None:
                    continue
                arr = as_float_array(value, name)
                _check(arr, name, rule)
                bound.arguments[name] = arr
            return scalar_or_array(func(*bound.args, **bound.kwargs))

        wrapper.__glasson_checked__ = rules  # type: ignore[attr-defined]  # a marker attribute on the function
        return wrapper  # type: ignore[return-value]  # the wrapper has the signature of func

    return decorate
