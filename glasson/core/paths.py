"""Where things are: the one repository-root constant, and the data directory.

In a checkout of the repository (an editable install, the notebooks, the tests) ``ROOT`` is the repository
and the data are ``ROOT/data``; in an installed wheel the same TOML files ship as package data
(``glasson/data/files``). ``$GLASSON_DATA`` overrides both.
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["ROOT", "data_dir", "DERIVATION_CACHE", "DERIVATIONS_LOG", "BIBLIOGRAPHY"]

#: The repository root: the folder above the package, holding ``pyproject.toml`` (in a checkout).
ROOT: Path = Path(__file__).resolve().parents[2]
#: The book's bibliography, whose keys the data's ``source`` fields name (in a checkout).
BIBLIOGRAPHY: Path = ROOT / "book" / "references.bib"
#: Where sympy derivations are kept between processes, as text (:mod:`glasson.symbolic._cache`), in a checkout.
DERIVATION_CACHE: Path = ROOT / "_build" / ".sympy-cache"
#: Environment variable naming a file to which a process appends each derivation it reads from that cache (entry
#: name and sha256): the build sets it for each chapter, so that what a chapter read is part of its cache key.
DERIVATIONS_LOG = "GLASSON_DERIVATIONS_LOG"


def data_dir() -> Path:
    """The folder holding ``materials.toml``: ``$GLASSON_DATA``, the repository's ``data/``, or the installed data."""
    env = os.environ.get("GLASSON_DATA")
    if env:
        return Path(env)
    if (ROOT / "data" / "materials.toml").is_file():
        return ROOT / "data"
    # An installed wheel: the TOML files ship as the package data folder ``glasson/data/files`` (a namespace
    # package, so ``importlib.resources`` would hand back a MultiplexedPath, not a folder).
    return Path(__file__).resolve().parents[1] / "data" / "files"
