"""Sympy derivations computed once: in memory for the process, and on disk beside the build
(``_build/.sympy-cache``) for every later process of the same code, so that a derivation done by one notebook or
test is not redone by the next. The key is the function, its arguments, the source of the package's symbolic
layer and of the dimension checker, and the versions of sympy and Python: a change to any of them is a new
derivation. Nothing is written outside a checkout of the repository (an installed package keeps the in-memory
cache only), and a cache file that cannot be read or written is ignored.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from glasson.core.paths import ROOT

__all__ = ["derivation", "CACHE_DIR"]

#: Where derivations are kept (only in a checkout: the folder above the package holds pyproject.toml).
CACHE_DIR = ROOT / "_build" / ".sympy-cache"
F = TypeVar("F", bound=Callable[..., Any])


@functools.cache
def _code_hash() -> str:
    import sympy

    h = hashlib.sha256(f"{sympy.__version__} {sys.version}".encode())
    package = Path(__file__).resolve().parent
    for path in [*sorted(package.glob("*.py")), package.parent / "core" / "dimensions.py"]:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def _enabled() -> bool:
    return (ROOT / "pyproject.toml").is_file() and os.environ.get("GLASSON_SYMPY_CACHE", "1") != "0"


def derivation(func: F) -> F:
    """Cache ``func`` (a pure function of hashable arguments returning sympy objects) in memory and on disk."""

    @functools.cache
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not _enabled():
            return func(*args, **kwargs)
        key = hashlib.sha256(f"{func.__module__}.{func.__qualname__}|{args!r}|{sorted(kwargs.items())!r}|"
                             f"{_code_hash()}".encode()).hexdigest()[:40]
        path = CACHE_DIR / f"{func.__name__}-{key}.pickle"
        try:
            return pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            pass
        value = func(*args, **kwargs)
        try:
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
            tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            pass
        return value

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps the signature of func
