"""Download buttons for a chapter: the executed notebook (with outputs) and its committed source (without).

sphinx-book-theme's download menu offers the page's source file, which for a chapter is the notebook the book
was built from: the copy executed by papermill, outputs included. This extension relabels that entry and
adds the committed notebook, which the runner stages under ``_unexecuted/`` (outputs stripped, as in git),
copied into the HTML tree as ``_sources/<page>.source.ipynb``.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

UNEXECUTED = "_unexecuted"


def add_source_download(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                        doctree: Any) -> None:
    source = Path(app.srcdir) / UNEXECUTED / f"{pagename}.ipynb"
    if not source.is_file():
        return
    target = Path(app.outdir) / "_sources" / f"{pagename}.source.ipynb"
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    for group in context.get("header_buttons", []):
        if group.get("label") != "download-buttons":
            continue
        for button in group["buttons"]:
            if button.get("label") == "download-source-button":
                button["text"] = ".ipynb (executed)"
                button["tooltip"] = "Download the executed notebook, with its outputs"
        group["buttons"].insert(1, {
            "type": "link",
            "url": f"{context['pathto']('_sources', 1)}/{pagename}.source.ipynb",
            "text": ".ipynb (source)",
            "tooltip": "Download the committed notebook, without outputs",
            "icon": "fas fa-code",
            "label": "download-unexecuted-button",
        })


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("html-page-context", add_source_download, priority=502)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
