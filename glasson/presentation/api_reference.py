"""The API reference: one page per module of ``glasson``, generated from the package itself.

:func:`pages` returns ``{path: MyST text}`` for the stage's ``api/`` folder: a page per public module (its
docstring, a summary table of what it defines, then each object with its equation and a "[source]" link), and a
page per subpackage (its docstring and a table of its modules). :func:`toc_sections` gives the ``sections`` the
book's table of contents lists under the API reference, and :func:`index` the table of the landing page
``book/api.md``. Nothing is listed by hand: a new module gets its page at the next build. The order of the layers
is the one ``pyproject.toml`` declares (import-linter's ``layers`` contract), read bottom-up.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import tomllib
from types import ModuleType

import glasson
from glasson.core.paths import ROOT

__all__ = ["modules", "pages", "toc_sections", "index", "module_page", "layer_order"]

#: The folder of the stage (and of the book) that holds the generated pages.
FOLDER = "api"


def layer_order() -> list[str]:
    """The top-level names of ``glasson`` bottom layer first, as ``pyproject.toml`` declares them (alphabetical
    where it cannot be read, as in an installed wheel)."""
    names = sorted(m.name for m in pkgutil.iter_modules(glasson.__path__) if m.name != "__main__")
    try:
        config = tomllib.loads((ROOT / "pyproject.toml").read_text())
        contract = next(c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers")
    except (OSError, KeyError, StopIteration, tomllib.TOMLDecodeError):
        return names
    declared = [name.strip() for layer in reversed(contract["layers"]) for name in layer.split("|")]
    return [n for n in declared if n in names] + [n for n in names if n not in declared]


def _public(name: str) -> bool:
    """Every module has a page, its package's private helpers too (a maintainer reads them); not ``__main__``."""
    return not name.endswith(".__main__")


def modules() -> list[str]:
    """Every module and subpackage of ``glasson``, layer by layer (a package before its modules)."""
    out: list[str] = []
    for top in layer_order():
        name = f"glasson.{top}"
        out.append(name)
        module = importlib.import_module(name)
        if hasattr(module, "__path__"):
            out.extend(sorted(m.name for m in pkgutil.walk_packages(module.__path__, name + ".") if _public(m.name)))
    return out


def _myst(text: str, module: str) -> str:
    """reStructuredText's inline roles and literals in MyST's spelling (for the Markdown tables); a name given
    without its module (which the module's own page resolves) is qualified with ``module``."""
    def role(m: re.Match[str]) -> str:
        target = m.group(2)
        bare = target.lstrip("~")
        if "." not in bare and hasattr(importlib.import_module(module), bare):
            target = f"~{module}.{bare}"
        return f"{{py:{m.group(1)}}}`{target}`"

    text = re.sub(r":(mod|func|class|data|exc|meth|attr|obj):`([^`]+)`", role, text)
    text = re.sub(r":(math|cite:t|cite:p|eq):`", r"{\1}`", text)
    return text.replace("``", "`")


def _summary(obj: ModuleType, sentence: bool = False, attr: str | None = None) -> str:
    """The first paragraph of a module's docstring, or of its member ``attr``'s (the ``#:`` comment of a data
    member), on one line, in MyST; with ``sentence``, its first sentence."""
    if attr is None:
        doc = inspect.getdoc(obj) or ""
    elif attr in _attr_docs(obj.__name__):
        doc = "\n".join(_attr_docs(obj.__name__)[attr])
    else:
        doc = inspect.getdoc(getattr(obj, attr)) or ""
    doc = doc.split("\n\n")[0].replace("\n", " ").strip()
    if sentence:
        doc = re.split(r"(?<!Eqs\.)(?<!Eq\.)(?<!e\.g\.)(?<!i\.e\.)(?<=\.)\s+(?=[A-Z(])", doc, maxsplit=1)[0]
        doc = doc if doc.endswith(".") or not doc else doc + "."
    return _myst(doc, obj.__name__).replace("|", "\\|")


def _alias_or_summary(module: ModuleType, attr: str) -> str:
    """A member's summary; for a short alias of a function (``xi_ = crossover_length``), the name it stands for."""
    obj = getattr(module, attr)
    name = getattr(obj, "__name__", attr)
    if inspect.isroutine(inspect.unwrap(obj)) and name != attr and getattr(module, name, None) is obj:
        return f"Short name of {{py:func}}`~{module.__name__}.{name}` (the paper's symbol)."
    return _summary(module, attr=attr) or "—"


def _attr_docs(name: str) -> dict[str, list[str]]:
    """The ``#:`` doc comments of the module-level names of module ``name``, as Sphinx reads them."""
    from sphinx.pycode import ModuleAnalyzer  # the book's dependency: this runs only when the book is built

    return {attr: lines for (scope, attr), lines in ModuleAnalyzer.for_module(name).find_attr_docs().items()
            if scope == ""}


def _documented_data(name: str) -> list[str]:
    """Module-level names with a ``#:`` comment (what autodoc's ``:members:`` documents as data)."""
    return list(_attr_docs(name))


def _members(module: ModuleType) -> list[tuple[str, str]]:
    """``(name, directive)`` of what the module defines, in source order: functions, classes, exceptions, and
    data with a doc comment (``__all__`` decides which, as it does for autodoc's ``:members:``)."""
    name = module.__name__
    data = _documented_data(name)
    # Functions, cached ones (functools.lru_cache wrappers are callables, not functions) and classes.
    own = [n for n, obj in vars(module).items()
           if not n.startswith("_") and callable(obj) and getattr(obj, "__module__", None) == name
           and (inspect.isfunction(inspect.unwrap(obj)) or inspect.isclass(obj))]
    out = []
    for n in getattr(module, "__all__", own + data):
        obj = getattr(module, n)
        if n in own:
            kind = ("autoexception" if isinstance(obj, type) and issubclass(obj, BaseException)
                    else "autoclass" if inspect.isclass(obj) else "autofunction")
            line = inspect.getsourcelines(inspect.unwrap(obj))[1]
        elif n in data:
            kind, line = "autodata", _assignment_line(module, n)
        else:
            continue  # a name re-exported from the module that defines it (documented there)
        out.append((line, n, kind))
    return [(n, kind) for _, n, kind in sorted(out)]


def _assignment_line(module: ModuleType, attr: str) -> int:
    pattern = re.compile(rf"^{re.escape(attr)}\s*[:=]")
    return next((i for i, line in enumerate(inspect.getsource(module).splitlines(), 1) if pattern.match(line)), 0)


def module_page(name: str) -> str:
    """The MyST page of one module (or subpackage)."""
    module = importlib.import_module(name)
    head = [f"# `{name}`", "", "```{eval-rst}", f".. automodule:: {name}", "```", ""]
    if hasattr(module, "__path__"):
        children = sorted(m.name for m in pkgutil.iter_modules(module.__path__, name + ".") if _public(m.name))
        rows = [f"| {{py:mod}}`~{c}` | {_summary(importlib.import_module(c), sentence=True)} |" for c in children]
        return "\n".join([*head, "## Modules", "", "| module | what it holds |", "|:--|:--|", *rows, ""])
    members = _members(module)
    if not members:
        return "\n".join(head)
    # The summary table is written here, not by sphinx.ext.autosummary: autosummary cuts a summary at the first
    # ". " ("The length a_gl of Eq."), and this table keeps the docstring's whole first paragraph.
    roles = {"autofunction": "func", "autoclass": "class", "autoexception": "exc", "autodata": "data"}
    rows = [f"| {{py:{roles[kind]}}}`~{name}.{n}` | {_alias_or_summary(module, n)} |" for n, kind in members]
    body = [*head, "## Summary", "", "| name | what it is |", "|:--|:--|", *rows, ""]
    body += ["## Reference", "", "```{eval-rst}", f".. currentmodule:: {name}", ""]
    for n, kind in members:
        body.append(f".. {kind}:: {n}")
        if kind == "autoclass":
            body.append("   :members:")
        body.append("")
    body.append("```")
    return "\n".join(body) + "\n"


def pages() -> dict[str, str]:
    """``{"api/<module>.md": page}`` for every module of :func:`modules`."""
    return {f"{FOLDER}/{name}.md": module_page(name) for name in modules()}


def toc_sections() -> list[dict[str, object]]:
    """The table of contents under the API reference: a layer's package, with its modules as sections."""
    out: list[dict[str, object]] = []
    children: dict[str, list[dict[str, object]]] = {}
    for name in modules():
        parent, _, short = name.rpartition(".")
        # In the navigation a module is named by its last part under its package (its page's title is in full).
        entry: dict[str, object] = {"file": f"{FOLDER}/{name}", "title": name if parent == "glasson" else short}
        if parent in children:
            children[parent].append(entry)
        else:
            out.append(entry)
        module = importlib.import_module(name)
        if hasattr(module, "__path__"):
            children[name] = []
            entry["sections"] = children[name]
    for entry in out:
        if entry.get("sections") == []:
            del entry["sections"]
    return out


def index() -> str:
    """The landing page's table: each layer, bottom first, with what it holds and links to its modules."""
    rows = []
    for top in layer_order():
        name = f"glasson.{top}"
        module = importlib.import_module(name)
        children = (sorted(m.name for m in pkgutil.iter_modules(module.__path__, name + ".") if _public(m.name))
                    if hasattr(module, "__path__") else [])
        links = f" Modules: {', '.join(f'{{py:mod}}`~{c}`' for c in children)}." if children else ""
        rows.append(f"| {{py:mod}}`{name}` | {_summary(module, sentence=True)}{links} |")
    return "\n".join(["| layer | what it holds |", "|:--|:--|", *rows]) + "\n"
