"""Executed notebooks as files: scrubbed of what changes from run to run, written atomically, hashed, and turned into
the book's copy.

**The book's copy of a chapter.** A chapter shows each figure where it is made, followed by its caption as a
Markdown output (what JupyterLab shows). The book needs a numbered figure with that caption: :func:`book_copy` moves
each caption into its figure cell's myst-nb figure options (``mystnb.figure``: name and caption, read by myst-nb as
MyST) and drops the caption output, so that nothing is shown twice. The executed copy itself is left as a reader's
front end shows it.
"""

from __future__ import annotations

import copy
import hashlib
import os
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from glasson.build.layout import BuildError

if TYPE_CHECKING:
    from nbformat import NotebookNode

__all__ = ["scrub", "write_atomic", "sha256", "stderr_outputs", "book_copy", "FIGURE_KEY", "CAPTION_KEY"]

#: Output metadata of a chapter's figure (``{"glasson": {"figure": name}}``) and of its caption
#: (``{"glasson": {"caption": name, "myst": text}}``), written by :meth:`glasson.presentation.chapter.Chapter.figure`.
FIGURE_KEY, CAPTION_KEY = "figure", "caption"


def scrub(nb: NotebookNode) -> NotebookNode:
    """Remove what changes from run to run: timestamps, durations, paths, random ids, the empty tag lists papermill
    adds (so that a fresh run and a copy merged with new text are the same bytes); hide injected cells."""
    pm = nb.metadata.get("papermill", {})
    nb.metadata["papermill"] = {k: pm[k] for k in ("parameters", "default_parameters") if k in pm}
    for i, cell in enumerate(nb.cells):
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
        if cell.metadata.get("tags") == []:
            del cell.metadata["tags"]
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags:
            cell.id = "injected-parameters"
            if "remove-cell" not in tags:
                tags.append("remove-cell")
        elif not cell.get("id"):
            cell.id = f"cell-{i}"
    return nb


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and move it into place (never a half-written file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as err:
        if err.filename is None:  # a full disk fails in write(), which names no file: name the one written
            raise OSError(err.errno, err.strerror or str(err), str(path)) from None
        raise
    finally:
        tmp.unlink(missing_ok=True)


def stderr_outputs(nb: NotebookNode) -> list[str]:
    """Text a notebook wrote to stderr (warnings included): a chapter that warns does not pass."""
    return [o.get("text", "")[:200] for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if o.get("output_type") == "stream" and o.get("name") == "stderr"]


def _role(output: NotebookNode) -> tuple[str, dict[str, str]] | None:
    meta = output.get("metadata", {}).get("glasson", {})
    for key in (FIGURE_KEY, CAPTION_KEY):
        if key in meta:
            return key, meta
    return None


def book_copy(nb: NotebookNode, name: str = "") -> NotebookNode:
    """The notebook as the book shows it: each figure cell's caption output moved into its figure options.

    A figure must be alone in its cell with its caption (myst-nb wraps every display output of a cell with figure
    options in the figure); anything else is a :class:`BuildError` naming the notebook and cell.
    """
    out = copy.deepcopy(nb)
    for index, cell in enumerate(out.cells):
        if cell.cell_type != "code":
            continue
        roles = [_role(o) for o in cell.get("outputs", [])]
        if not any(roles):
            continue
        figures = [m for r in roles if r and r[0] == FIGURE_KEY for m in [r[1]]]
        captions = [m for r in roles if r and r[0] == CAPTION_KEY for m in [r[1]]]
        others = [o for o, r in zip(cell.outputs, roles, strict=True) if r is None]
        if len(figures) != 1 or len(captions) != 1 or others or figures[0][FIGURE_KEY] != captions[0][CAPTION_KEY]:
            raise BuildError(f"{name} cell {index}: a figure must be alone in its cell with its caption "
                             f"(found {len(figures)} figure(s), {len(captions)} caption(s), {len(others)} other "
                             "output(s))")
        cell.outputs = [o for o, r in zip(cell.outputs, roles, strict=True) if r and r[0] == FIGURE_KEY]
        options = {"name": figures[0][FIGURE_KEY], "caption": captions[0]["myst"]}
        cell.metadata.setdefault("mystnb", {})["figure"] = options
        if captions[0].get("alt"):
            cell.metadata["mystnb"]["image"] = {"alt": captions[0]["alt"]}
    return out
