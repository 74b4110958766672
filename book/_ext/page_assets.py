"""Two fixes to the assets of every page, found by the compendium's own tests (tests/test_book.py).

* **Byte-identical HTML whether the output directory is new or not.** Sphinx appends ``?v=<checksum>`` to
  a stylesheet link only when the file is already in the output's ``_static`` when the page is written.
  myst-nb copies its stylesheet there at the end of the build, so a build into an empty directory and a
  rebuild into a full one wrote different links. Copying it at the start makes every build write the same
  pages.
* **No script declared twice.** sphinx-thebe (loaded by jupyter-book) registers its inline configuration
  script twice, and the second ``const THEBE_JS_URL`` is an uncaught ``SyntaxError`` in the browser console
  of every page. Scripts are de-duplicated (first occurrence kept) when each page is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx


def copy_mystnb_css_early(app: Sphinx) -> None:
    from myst_nb.sphinx_ext import add_global_html_resources

    (Path(app.outdir) / "_static").mkdir(parents=True, exist_ok=True)
    add_global_html_resources(app, None)


def _script_key(script: Any) -> tuple[str, tuple[tuple[str, str], ...]]:
    # An inline script is registered with filename None by one extension and "" by another: the same script.
    attributes = getattr(script, "attributes", {}) or {}
    return str(getattr(script, "filename", script) or ""), tuple(sorted((k, str(v)) for k, v in attributes.items()))


def deduplicate_scripts(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                        doctree: Any) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen: set[tuple[str, tuple[tuple[str, str], ...]]] = set()
    unique = []
    for script in scripts:
        key = _script_key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    scripts[:] = unique  # in place: it is the builder's list, restored before the next page


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("builder-inited", copy_mystnb_css_early)
    # Before any handler that returns a template name: html-page-context stops at the first such result.
    app.connect("html-page-context", deduplicate_scripts, priority=550)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
