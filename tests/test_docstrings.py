"""The API reference: every module has a page, and every docstring reaches the page as written.

A docstring that is not a raw string loses its backslashes (``"\\tau"`` is a tab and ``au``; ``"\\f"`` a form
feed), and a unit in ASCII brackets (``[erg/K]``) is not typeset. Both are checked over every docstring of the
package, each check with a planted companion.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

import glasson
from glasson.presentation import api_reference

#: TeX macros the docstrings use: written without their backslash, they are a lost escape (``\t`` + ``anh``) or
#: a macro typed as a word.
MACROS = ("frac", "hbar", "omega", "tau", "tanh", "alpha", "beta", "gamma", "rho", "sqrt", "int", "nu", "xi",
          "Lambda", "epsilon", "varepsilon", "partial", "infty", "sum", "cdot", "simeq", "approx", "ll", "left",
          "right", "text", "mathrm", "pi", "zeta", "kappa", "sigma", "Delta", "ln", "log", "exp", "coth")
_MATH = re.compile(r":math:`([^`]*)`|\.\. math::\n((?:\n|[ \t]+.*\n)+)")
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f]")  # a tab too: "\tau" in a plain string
_ASCII_UNIT = re.compile(r"\[(?:1/)?(?:erg|g|cm|K|s|eV|Hz|rad|dyn|W)\b[^\]]*\]"
                         r"|(?<![`/\w\"'])(?:cm|rad|g|erg|dyn)/(?:s|cm|K|\(s cm K\))\b(?![`/])")


def _objects():
    """Every module of the package and what it defines (functions, classes and their methods), with a name."""
    for info in pkgutil.walk_packages(glasson.__path__, "glasson."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        yield info.name, module
        for name, obj in vars(module).items():
            if getattr(obj, "__module__", None) != info.name or not callable(obj):
                continue
            yield f"{info.name}.{name}", obj
            if inspect.isclass(obj):
                for attr, member in vars(obj).items():
                    if inspect.isfunction(member) or isinstance(member, property):
                        yield f"{info.name}.{name}.{attr}", member


def docstring_problems(doc: str) -> list[str]:
    """What in a docstring would not reach the page as written: control characters (a lost backslash), a TeX
    macro without its backslash inside math, a unit in ASCII brackets."""
    problems = []
    if control := _CONTROL.search(doc):
        problems.append(f"control character {control.group()!r} (a lost backslash?): "
                        f"{doc[max(0, control.start() - 20):control.end() + 20]!r}")
    doc = inspect.cleandoc(doc) + "\n"  # a math block is then the lines indented under its directive
    for m in _MATH.finditer(doc):
        math = m.group(1) or m.group(2) or ""
        for macro in MACROS:
            # a word in a subscript or superscript (E_{int}, T^{exp}) is a label, not a macro
            bare = re.search(rf"(?<![\\A-Za-z])(?<![_^]\{{)(?<![_^]){macro}(?![A-Za-z])", math)
            if bare and not re.search(rf"\\(?:text|mathrm|operatorname)\{{[^}}]*{macro}", math):
                problems.append(f"'{macro}' without its backslash in math: {math.strip()[:60]!r}")
    prose = "\n".join(line for line in doc.splitlines() if not line.lstrip().startswith((">>>", "...")))
    prose = re.sub(r"``[^`]*``", "", prose)  # a literal shows code as it is
    for unit in _ASCII_UNIT.findall(prose):
        problems.append(f"a unit in ASCII brackets or with a slash: {unit} (write it typeset, as 'erg K⁻¹')")
    return problems


def test_every_docstring_reaches_the_page_as_written():
    found = {name: docstring_problems(obj.__doc__) for name, obj in _objects()
             if isinstance(getattr(obj, "__doc__", None), str)}
    assert not {k: v for k, v in found.items() if v}


@pytest.mark.parametrize("doc, what", [
    ("Rate :math:`\tau^{-1} = Q^{-1}\\omega`.", "control character"),
    ("Factor :math:`\\tanh(\\hbar\\omega/2k_BT)`, here written :math:`anh(x)`... and :math:`frac{1}{2}`.",
     "'frac' without its backslash"),
    ("Heat capacity [erg/K].", "a unit in ASCII brackets"),
    ("Velocity [cm/s].", "a unit in ASCII brackets"),
    ("Velocities in cm/s, energies in erg.", "a unit in ASCII brackets"),
])
def test_a_planted_defect_is_found(doc, what):
    assert any(what in p for p in docstring_problems(doc))


def test_a_correct_docstring_passes():
    assert docstring_problems("Rate :math:`\\tau^{-1} = \\frac{\\omega}{2}` in s⁻¹, :math:`E_\\text{int}`.") == []


def test_every_module_has_a_page_in_the_api_reference():
    walked = {m.name for m in pkgutil.walk_packages(glasson.__path__, "glasson.")
              if not m.name.endswith("__main__")}
    listed = api_reference.modules()
    assert set(listed) == walked | {f"glasson.{n}" for n in api_reference.layer_order()}
    assert len(listed) == len(set(listed))
    pages = api_reference.pages()
    assert set(pages) == {f"api/{m}.md" for m in listed}
    # the table of contents holds each page once, a module under its package
    toc = api_reference.toc_sections()

    def files(entries):
        for e in entries:
            yield e["file"]
            yield from files(e.get("sections", []))
    assert sorted(files(toc)) == sorted(f"api/{m}" for m in listed)


def test_a_module_page_lists_what_the_module_defines_with_its_equation():
    page = api_reference.module_page("glasson.formulas.scales")
    assert "{py:func}`~glasson.formulas.scales.crossover_length`" in page
    assert ".. autofunction:: crossover_length" in page
    assert "Eq. (8)" in page  # the summary keeps the whole first paragraph (autosummary cut it at "Eq.")
    assert "Short name of {py:func}`~glasson.formulas.scales.crossover_length`" in page  # xi_ is an alias
    constants = api_reference.module_page("glasson.core.constants")
    assert ".. autodata:: hbar" in constants and "Reduced Planck constant" in constants


def test_the_layers_are_listed_bottom_first_as_declared():
    order = api_reference.layer_order()
    assert order.index("core") < order.index("formulas") < order.index("models") < order.index("presentation")
    assert order[-1] == "cli"
