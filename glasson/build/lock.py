"""The clone's build lock (``_build/.lock``): a second build of the same clone waits for the first instead of
rewriting the executed chapters under its Sphinx (:mod:`filelock`, which works on every platform)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

from glasson.build.layout import ROOT

__all__ = ["build_lock"]


@contextlib.contextmanager
def build_lock(root: Path = ROOT, log: Callable[[str], None] = print) -> Iterator[None]:
    """Hold the build lock of the clone at ``root`` for the duration of the block."""
    from filelock import FileLock, Timeout

    path = root / "_build" / ".lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        log("waiting for another build of this clone to finish (lock _build/.lock)")
        lock.acquire()
    try:
        yield
    finally:
        lock.release()
