"""Where the build reads and writes: the chapters (the notebooks ``_toc.yml`` names, nothing else), the build tree,
and the two errors every step of the build raises.

A notebook under ``notebooks/`` that ``_toc.yml`` does not name (a copy saved from JupyterLab, a checkpoint) is not a
chapter: it is never executed, staged or built, and the build says so in one line naming it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from glasson.core.paths import ROOT

__all__ = ["ROOT", "BUILD", "EXECUTED", "STAGE", "HTML", "BuildError", "NotebookFailure", "chapters",
           "stray_notebooks", "announce_strays"]

BUILD = ROOT / "_build"
#: Executed copies of the chapters and their run records (the execution cache).
EXECUTED = BUILD / "executed"
#: The book's sources as Sphinx reads them: the book's copies of the executed chapters beside the pages.
STAGE = BUILD / "stage"
#: The published book.
HTML = BUILD / "html"


class BuildError(RuntimeError):
    """The build cannot go on; the message is one line saying why."""


class NotebookFailure(BuildError):
    """One or more notebooks failed; the message names each notebook and its failing cell."""


def _toc_files(root: Path) -> list[str]:
    import yaml

    toc = yaml.safe_load((root / "_toc.yml").read_text()) or {}
    files = [toc.get("root", "")]
    for part in toc.get("parts", []):
        files += [ch["file"] for ch in part.get("chapters", [])]
    files += [ch["file"] for ch in toc.get("chapters", [])]
    return [f for f in files if f]


def chapters(root: Path = ROOT) -> list[Path]:
    """The chapter notebooks: every ``notebooks/*.ipynb`` that ``_toc.yml`` names, sorted by name (paths relative
    to ``root``). A tree without ``_toc.yml`` (a test's scratch repository) has every ``notebooks/*.ipynb``."""
    found = sorted(p.relative_to(root) for p in (root / "notebooks").glob("*.ipynb"))
    if not (root / "_toc.yml").is_file():
        return found
    named = {str(Path(f).with_suffix("")) for f in _toc_files(root)}
    return [nb for nb in found if str(nb.with_suffix("")) in named]


def stray_notebooks(root: Path = ROOT) -> list[Path]:
    """Notebooks under ``notebooks/`` that are not chapters (copies, checkpoints), sorted."""
    chosen = set(chapters(root))
    return sorted(p.relative_to(root) for p in (root / "notebooks").rglob("*.ipynb")
                  if p.relative_to(root) not in chosen)


def announce_strays(root: Path = ROOT, log: Callable[[str], None] = print) -> list[Path]:
    """Say, one line each, which notebooks are left out because ``_toc.yml`` does not name them."""
    strays = stray_notebooks(root)
    for nb in strays:
        log(f"  ignored {nb}: not a chapter of _toc.yml")
    return strays
