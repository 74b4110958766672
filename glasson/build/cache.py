"""The execution cache: what a chapter's outputs depend on (its key), the record kept beside each executed copy,
and the reuse of a copy whose key has not changed (its new Markdown merged in).

A chapter's key hashes its code cells (by jupyter-cache's notebook hashing: code cells, their tags and the
kernelspec), its papermill parameters, the package modules its imports reach (the import graph from the code), the
data directory, the lock, the figure style, the installed distributions and the environment variables the package
reads. Its record (``<name>.run.json``) adds the sha256 of the executed copy as written and of every sympy
derivation the run read from the derivation cache (:mod:`glasson.symbolic._cache`): a copy is reused only if the
key, the copy's bytes and each of those derivations are what they were.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import sys
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

from glasson.build import notebooks as nbio
from glasson.build.layout import ROOT
from glasson.core.paths import data_dir

if TYPE_CHECKING:
    from nbformat import NotebookNode

__all__ = ["RunRecord", "content_hash", "reached_modules", "cached", "merge_text", "write_record", "sidecar",
           "code_cells", "HASHED_FILES", "PACKAGE_ENVIRONMENT", "derivations_intact"]

#: Files whose content decides whether a notebook must run again, besides the notebook, its parameters, the
#: package modules it reaches and the data directory.
HASHED_FILES = ("requirements.lock", "glasson/presentation/glasson.mplstyle")
#: Environment variables the package reads: they reach every kernel, so they are part of the key.
PACKAGE_ENVIRONMENT = ("GLASSON_DATA",)
#: Bump when the execution or scrubbing changes in a way the hashed files do not show.
RUNNER_VERSION = "4"


@dataclass
class RunRecord:
    """How a notebook's executed copy came to be (stored as ``<name>.run.json`` beside it)."""

    notebook: str
    hash: str
    status: str  # "passed", "failed" or "cancelled"
    seconds: float
    parameters: dict[str, object]
    error: str = ""
    #: sha256 of the executed copy as written: a copy that differs is never reused.
    output_sha256: str = ""
    #: The sympy derivations the run read from the derivation cache: entry file name -> sha256 of its text.
    derivations: dict[str, str] = field(default_factory=dict)


# --- the import graph of a notebook ------------------------------------------------------------------------------
def _package_modules(root: Path) -> dict[str, Path]:
    """``glasson.x.y`` → its file, for every module of the package in ``root``."""
    out = {}
    for path in sorted((root / "glasson").rglob("*.py")):
        if "__pycache__" in path.parts:
            continue
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def _imported(tree: ast.AST, module: str, is_package: bool) -> set[str]:
    """The ``glasson`` modules a parsed module (or notebook code) imports, relative imports resolved."""
    names: set[str] = set()
    base = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base
                for _ in range(node.level - 1):
                    anchor = anchor.rpartition(".")[0]
                target = f"{anchor}.{node.module}" if node.module else anchor
            else:
                target = node.module or ""
            names.add(target)
            names |= {f"{target}.{a.name}" for a in node.names}
    return {n for n in names if n == "glasson" or n.startswith("glasson.")}


#: ``ast.parse`` is not thread-safe in CPython 3.11 ("AST constructor recursion depth mismatch" when two threads
#: parse at once); parsing is serialised, and each source's imports are remembered.
AST_LOCK = threading.Lock()
_IMPORTS_CACHE: dict[tuple[str, str, bool], frozenset[str]] = {}


def _imports_of(source: str | bytes, module: str, is_package: bool) -> frozenset[str]:
    key = (hashlib.sha256(source if isinstance(source, bytes) else source.encode()).hexdigest(), module, is_package)
    with AST_LOCK:
        if key not in _IMPORTS_CACHE:
            _IMPORTS_CACHE[key] = frozenset(_imported(ast.parse(source), module, is_package))
        return _IMPORTS_CACHE[key]


def code_cells(nb: NotebookNode) -> list[NotebookNode]:
    """A notebook's code cells, papermill's injected parameters excluded."""
    return [c for c in nb.cells if c.cell_type == "code" and "injected-parameters" not in c.metadata.get("tags", [])]


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def reached_modules(notebook: Path, root: Path = ROOT) -> list[Path]:
    """The files of the package a notebook's imports reach, transitively (the import graph from the code).

    A change to any other module of the package cannot change the notebook's outputs, so it does not
    re-execute it.
    """
    import nbformat

    modules = _package_modules(root)
    nb = nbformat.read(root / notebook, as_version=4)
    todo: set[str] = {"glasson"}
    for cell in code_cells(nb):
        try:
            todo |= _imports_of(cell.source, "__notebook__", False)
        except SyntaxError:  # a magic or shell line: imports of such a cell are not seen
            continue
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        while name and name not in modules:  # "glasson.x.func" -> "glasson.x"
            name = name.rpartition(".")[0]
        if not name or name in seen:
            continue
        seen.add(name)
        parts = name.split(".")
        for i in range(1, len(parts)):  # importing a submodule runs its packages' __init__
            todo.add(".".join(parts[:i]))
        path = modules[name]
        todo |= _imports_of(path.read_bytes(), name, path.name == "__init__.py") - seen
    return sorted(modules[n] for n in seen)


# --- the key -------------------------------------------------------------------------------------------------------
@cache
def _installed_versions() -> str:
    """Every distribution installed in this environment with its version (what the kernels import)."""
    # Not the repository itself: an editable install leaves glasson.egg-info beside the sources, seen only by a
    # process whose sys.path holds the clone (``python -m``, not a script run from elsewhere); the package's own
    # modules are hashed file by file anyway.
    paths = [p for p in sys.path if p and Path(p).resolve() != ROOT.resolve()]
    names = sorted({f"{d.metadata['Name']}=={d.version}".lower() for d in metadata.distributions(path=paths)
                    if d.metadata["Name"]})
    return f"python {sys.version}\n" + "\n".join(names)


def _code_digest(nb: NotebookNode) -> str:
    """What of a notebook can change its outputs: its code cells with their tags (which of them holds the
    parameters) and its kernelspec, hashed by jupyter-cache."""
    from jupyter_cache.cache.main import JupyterCacheBase

    # jupyter-cache's notebook hashing is a method of its cache object; the object touches nothing on disk until
    # its database is used, which this module never does (see merge_text for why).
    _, digest = JupyterCacheBase(str(ROOT / "_build" / ".jupyter-cache")).create_hashed_notebook(
        nb, nb_metadata=("kernelspec",), cell_metadata=("tags",))
    return digest


def content_hash(notebook: Path, parameters: Mapping[str, object] | None = None, root: Path = ROOT) -> str:
    """Hash of everything a notebook's outputs depend on (see the module's docstring)."""
    import nbformat

    h = hashlib.sha256()
    h.update(RUNNER_VERSION.encode())
    h.update(json.dumps(dict(parameters or {}), sort_keys=True, default=str).encode())
    h.update(_code_digest(nbformat.read(root / notebook, as_version=4)).encode())
    h.update(json.dumps({k: os.environ.get(k) for k in PACKAGE_ENVIRONMENT}, sort_keys=True).encode())
    h.update(_installed_versions().encode())
    data = data_dir()
    files = [*reached_modules(notebook, root), *(root / f for f in HASHED_FILES),
             *sorted(p for p in data.glob("*") if p.is_file())]
    for path in files:
        if path.is_file():
            h.update(str(path.relative_to(data) if path.is_relative_to(data) else path.relative_to(root)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


# --- records and reuse ---------------------------------------------------------------------------------------------
def sidecar(out_dir: Path, notebook: Path) -> Path:
    return out_dir / f"{notebook.stem}.run.json"


def write_record(out_dir: Path, record: RunRecord) -> None:
    nbio.write_atomic(sidecar(out_dir, Path(record.notebook)),
                      (json.dumps(asdict(record), indent=1, sort_keys=True) + "\n").encode())


def derivations_intact(record: RunRecord, cache_dir: Path) -> bool:
    """Whether every derivation the run read is still in the derivation cache with the same text."""
    for name, digest in record.derivations.items():
        path = cache_dir / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            return False
    return True


def cached(notebook: Path, out_dir: Path, digest: str, cache_dir: Path) -> RunRecord | None:
    """The record of an executed copy that may be reused: same key, passed, byte-identical to what was written
    (a partial, truncated or edited copy is not), and every derivation it read unchanged in ``cache_dir``."""
    record_path, executed = sidecar(out_dir, notebook), out_dir / notebook.name
    if not executed.exists() or not record_path.exists():
        return None
    try:
        raw = json.loads(record_path.read_text())
        record = RunRecord(**{f.name: raw[f.name] for f in fields(RunRecord) if f.name in raw})
    except (ValueError, TypeError, KeyError):
        return None
    if (record.hash != digest or record.status != "passed" or record.output_sha256 != nbio.sha256(executed)
            or not derivations_intact(record, cache_dir)):
        return None
    return record


def merge_text(notebook: Path, out_dir: Path, record: RunRecord, root: Path) -> RunRecord:
    """Bring the Markdown (and cell metadata) of a cached executed copy up to date with the source notebook,
    keeping its outputs: a text-only edit rebuilds the page without executing the notebook again.

    Not jupyter-cache's ``merge_match_into_notebook``: it merges from its own SQLite store, found by a hash of the
    code cells alone, while this cache's key also covers the parameters, package modules, data and environment, and
    the executed copy carries papermill's injected-parameters cell, which the source has not.
    """
    import nbformat

    executed_path = out_dir / notebook.name
    source = nbformat.read(root / notebook, as_version=4)
    executed = nbformat.read(executed_path, as_version=4)
    injected = [c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])]
    outputs = iter(code_cells(executed))
    cells = []
    for cell in source.cells:
        if cell.cell_type == "code":
            ran = next(outputs)
            cell = nbformat.from_dict({**ran, "metadata": {**cell.metadata, **{k: v for k, v in ran.metadata.items()
                                                                              if k != "tags"}},
                                       "source": cell.source, "id": ran.get("id", cell.get("id"))})
        cells.append(cell)
        if injected and "parameters" in cell.metadata.get("tags", []):
            cells.extend(injected)
    merged = nbformat.from_dict({**executed, "cells": cells})
    data = nbformat.writes(nbio.scrub(merged)).encode() + b"\n"
    if data == executed_path.read_bytes():
        return record
    nbio.write_atomic(executed_path, data)
    record = RunRecord(**{**asdict(record), "output_sha256": nbio.sha256(executed_path)})
    write_record(out_dir, record)
    return record
