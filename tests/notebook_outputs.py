"""What an executed chapter shows, read from its outputs (test tooling): the numbers a chapter records by name in
the metadata of the outputs that show them (:meth:`glasson.presentation.chapter.Chapter.md`), its figures and
captions, and the Markdown it displays."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import nbformat

from glasson.presentation.chapter import OUTPUT_KEY

__all__ = ["recorded_values", "outputs", "figures", "captions", "markdown_outputs"]

#: Mime types a plain Jupyter front end renders.
RENDERABLE = ("text/plain", "text/markdown", "text/html", "image/svg+xml", "image/png")


def outputs(path: Path) -> list[tuple[int, Any]]:
    """(cell index, output) for every output of the notebook at ``path``."""
    nb = nbformat.read(path, as_version=4)
    return [(i, o) for i, c in enumerate(nb.cells) if c.cell_type == "code" for o in c.get("outputs", [])]


def recorded_values(path: Path) -> dict[str, float]:
    """Every number the chapter recorded by name."""
    values: dict[str, float] = {}
    for _, o in outputs(path):
        values.update(o.get("metadata", {}).get(OUTPUT_KEY, {}).get("values", {}))
    return values


def figures(path: Path) -> dict[str, Any]:
    """The chapter's figures, by name: the output that shows each."""
    return {o["metadata"][OUTPUT_KEY]["figure"]: o for _, o in outputs(path)
            if "figure" in o.get("metadata", {}).get(OUTPUT_KEY, {})}


def captions(path: Path) -> dict[str, Any]:
    """The captions of the chapter's figures, by figure name."""
    return {o["metadata"][OUTPUT_KEY]["caption"]: o for _, o in outputs(path)
            if "caption" in o.get("metadata", {}).get(OUTPUT_KEY, {})}


def markdown_outputs(path: Path) -> list[str]:
    """The Markdown every output of the chapter displays."""
    return [o["data"]["text/markdown"] for _, o in outputs(path) if "text/markdown" in o.get("data", {})]


def front_end_problems(nb: Any) -> list[str]:
    """What a plain Jupyter front end (JupyterLab, Colab) would not show of a chapter: an output with no mime type
    it renders (a figure glued for the book only), a figure without its caption, MyST only the book understands
    (``glue``) in a Markdown cell or output."""
    problems = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "markdown":
            if "{glue" in cell.source:
                problems.append(f"cell {i}: a glue reference in Markdown, which JupyterLab cannot fill")
            continue
        if cell.cell_type != "code":
            continue
        names = []
        for o in cell.get("outputs", []):
            if o.get("output_type") not in ("display_data", "execute_result"):
                continue
            data = o.get("data", {})
            if not any(m in data for m in RENDERABLE):
                problems.append(f"cell {i}: an output only the book can show ({', '.join(sorted(data))})")
            if "{glue" in data.get("text/markdown", ""):
                problems.append(f"cell {i}: a glue reference in a Markdown output")
            meta = o.get("metadata", {}).get(OUTPUT_KEY, {})
            if "figure" in meta:
                names.append(meta["figure"])
                if not any(m in data for m in ("image/svg+xml", "image/png")):
                    problems.append(f"cell {i}: figure {meta['figure']} has no image")
            if "caption" in meta:
                names.remove(meta["caption"]) if meta["caption"] in names else problems.append(
                    f"cell {i}: a caption of {meta['caption']} without its figure")
        problems += [f"cell {i}: figure {n} without a caption" for n in names]
    return problems
