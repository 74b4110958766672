"""Sympy derivations computed once: in memory for the process, and on disk beside the build
(``_build/.sympy-cache``) for every later process of the same code, so that a derivation done by one notebook or
test is not redone by the next.

**What is stored.** Each entry is text: the result as :func:`sympy.srepr` writes it, then a line holding the sha256
of that text. Nothing is unpickled and nothing is evaluated: :func:`load_srepr` reads the text with Python's parser
and rebuilds only sympy objects (classes derived from :class:`sympy.Basic` and sympy's named constants) and plain
containers, numbers and strings; a string may only name a symbol, a function or a float's digits (sympy would parse
any other string as code). An entry whose digest does not match, or that cannot be read so, is ignored and
computed again.

**Keys and reuse.** An entry's name hashes the function, its arguments, the source of the symbolic layer and of the
dimension checker, and the versions of sympy and Python: a change to any of them is a new derivation. A process
whose environment names a log file (:data:`glasson.core.paths.DERIVATIONS_LOG`; the build sets one per chapter)
appends each entry it reads or writes with its sha256, so that a chapter whose derivations changed is executed
again. Nothing is written outside a checkout of the repository (an installed package keeps the in-memory cache
only), and a cache file that cannot be read or written is ignored.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import os
import sys
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    import sympy as sp

from glasson.core.paths import DERIVATION_CACHE, DERIVATIONS_LOG, ROOT

__all__ = ["derivation", "CACHE_DIR", "dump_srepr", "load_srepr", "UnsafeEntry"]

#: Where derivations are kept (only in a checkout: the folder above the package holds pyproject.toml).
CACHE_DIR = DERIVATION_CACHE
F = TypeVar("F", bound=Callable[..., object])


class UnsafeEntry(ValueError):
    """Text that is not a sympy result as :func:`sympy.srepr` writes it (refused, never evaluated)."""


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


# --- reading srepr text without evaluating it --------------------------------------------------------------------
#: Constructors whose first argument is a string that names something (never parsed by sympy).
_NAMING = {"Symbol", "Dummy", "Wild", "Function", "Float"}


@functools.cache
def _sympy_names() -> dict[str, sp.Basic]:
    import sympy

    names: dict[str, sp.Basic] = {}
    for name, obj in vars(sympy).items():
        if isinstance(obj, type) and issubclass(obj, sympy.Basic):
            names[name] = obj
        elif isinstance(obj, sympy.Basic) and obj.is_Atom:  # pi, E, I, oo, zoo, nan, EulerGamma, ...
            names[name] = obj
    names.update({"Zero": sympy.S.Zero, "One": sympy.S.One, "NegativeOne": sympy.S.NegativeOne,
                  "Half": sympy.S.Half})
    return names


def _build(node: ast.AST, naming: bool = False) -> sp.Basic:
    names = _sympy_names()
    if isinstance(node, ast.Constant):
        if isinstance(node.value, str) and not naming:
            raise UnsafeEntry("a string where sympy would parse it")
        if isinstance(node.value, (str, int, float, bool)) or node.value is None:
            return node.value
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant):
        value = _build(node.operand)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return -value
    elif isinstance(node, ast.Name) and node.id in names:
        return names[node.id]
    elif isinstance(node, (ast.Tuple, ast.List)):
        items = [_build(e, naming) for e in node.elts]
        return tuple(items) if isinstance(node, ast.Tuple) else items
    elif isinstance(node, ast.Dict):
        if any(k is None for k in node.keys):
            raise UnsafeEntry("** in a dict")
        return {_build(k, True): _build(v, naming) for k, v in zip(node.keys, node.values, strict=True)
                if k is not None}
    elif isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name):
            func = names.get(node.func.id)
            if func is None:
                raise UnsafeEntry(f"{node.func.id!r} is not a sympy class")
            names_first = node.func.id in _NAMING
        elif isinstance(node.func, ast.Call):  # an undefined function applied: Function('f')(x)
            func, names_first = _build(node.func), False
        else:
            raise UnsafeEntry("a call of something other than a sympy class")
        args = [_build(a, naming=names_first and i == 0) for i, a in enumerate(node.args)]
        kwargs = {}
        for kw in node.keywords:
            if kw.arg is None:
                raise UnsafeEntry("** in a call")
            value = _build(kw.value)
            if not isinstance(value, (bool, int)):
                raise UnsafeEntry(f"keyword {kw.arg!r} is not a flag or a number")
            kwargs[kw.arg] = value
        return func(*args, **kwargs)
    raise UnsafeEntry(f"{type(node).__name__} is not part of a sympy result")


def load_srepr(text: str) -> sp.Basic:
    """The sympy result written by :func:`dump_srepr`, rebuilt without evaluating code (see the module's docstring);
    :class:`UnsafeEntry` for anything else."""
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as err:
        raise UnsafeEntry(f"not Python syntax: {err.msg}") from None
    return _build(tree.body, naming=True)


def dump_srepr(value: object) -> str:
    """``value`` (sympy objects inside dicts, lists, tuples) as :func:`sympy.srepr` text."""
    import sympy

    return sympy.srepr(value)


# --- the cache ---------------------------------------------------------------------------------------------------
def _log(name: str, digest: str) -> None:
    target = os.environ.get(DERIVATIONS_LOG)
    if target:
        try:
            with open(target, "a") as log:
                log.write(f"{name} {digest}\n")
        except OSError:
            pass


def _read(path: Path) -> tuple[sp.Basic, str] | None:
    try:
        raw = path.read_text()
    except (OSError, UnicodeDecodeError):
        return None
    text, _, digest = raw.rstrip("\n").rpartition("\n")
    if hashlib.sha256(text.encode()).hexdigest() != digest.strip():
        return None
    try:
        return load_srepr(text), hashlib.sha256(raw.encode()).hexdigest()
    except (UnsafeEntry, TypeError, ValueError, AttributeError, RecursionError):
        return None


def derivation(func: F) -> F:
    """Cache ``func`` (a pure function of hashable arguments returning sympy objects) in memory and on disk."""

    @functools.cache
    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> object:
        if not _enabled():
            return func(*args, **kwargs)
        key = hashlib.sha256(f"{func.__module__}.{func.__qualname__}|{args!r}|{sorted(kwargs.items())!r}|"
                             f"{_code_hash()}".encode()).hexdigest()[:40]
        path = CACHE_DIR / f"{func.__name__}-{key}.srepr"
        found = _read(path)
        if found is not None:
            _log(path.name, found[1])
            return found[0]
        value = func(*args, **kwargs)
        text = dump_srepr(value)
        raw = f"{text}\n{hashlib.sha256(text.encode()).hexdigest()}\n"
        try:
            if load_srepr(text) != value:  # a result srepr cannot carry is not kept on disk
                return value
        except (UnsafeEntry, TypeError, ValueError, AttributeError, RecursionError):
            return value
        try:
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
            tmp.write_text(raw)
            os.replace(tmp, path)
        except OSError:
            pass
        _log(path.name, hashlib.sha256(raw.encode()).hexdigest())
        return value

    return wrapper  # type: ignore[return-value]  # functools.wraps keeps the signature of func
