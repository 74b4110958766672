"""Markdown fragments generated at build time for the book's reference pages (never typed by hand).

:func:`fragments` returns ``{file name: MyST markdown}``; the runner writes them to ``_generated/`` beside the
staged book, and ``book/*.md`` pages ``{include}`` them. Every number comes from the claims registry, the
equation registry, the materials table or the run records.
"""

from __future__ import annotations

import platform
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any

__all__ = ["fragments", "branches_sentence", "materials_overview", "ranges_table", "universality_table",
           "universality_verdicts", "kappa_exponent_table", "inputs_table", "rows_table", "claims_table", "claims_summary", "equations_table", "materials_table", "status_table",
           "md_escape", "fmt_number", "accuracy_sentence", "compendium_bibtex", "paper_bibtex", "citation_page"]

_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#$"})
BADGE = {"reproduced": "{bdg-success}`reproduced`", "discrepant": "{bdg-danger}`discrepant`",
         "not-checkable": "{bdg-secondary}`not-checkable`"}
DIMENSION_BADGE = {"consistent": "{bdg-success}`consistent`", "inconsistent": "{bdg-danger}`inconsistent`",
                   "natural-units": "{bdg-warning}`natural-units`", "not-applicable": "{bdg-secondary}`n/a`"}
STATUS_BADGE = {"paper": "{bdg-primary}`paper`", "measured": "{bdg-success}`measured`",
                "assumption": "{bdg-warning}`assumption`", "unverified": "{bdg-danger}`unverified`"}
#: Packages whose versions the status page shows.
KEY_PACKAGES = ("numpy", "scipy", "sympy", "matplotlib", "papermill", "jupyter-book", "sphinx", "myst-nb",
                "glasson")


def md_escape(text: Any) -> str:
    """Escape text for a MyST table cell (no markup, no math, no pipes)."""
    return str(text).translate(_ESCAPE).replace("\n", " ")


def fmt_number(x: float | None, digits: int = 3) -> str:
    """A number with ``digits`` significant figures, ``-`` for None.

    Examples
    --------
    >>> fmt_number(1.3148e-06), fmt_number(None), fmt_number(150.0)
    ('1.31e-06', '-', '150')
    """
    return "-" if x is None else f"{x:.{digits}g}"


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def rows_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], numbers: Sequence[str] = (),
               raw: Sequence[str] = (), headers: Sequence[str] | None = None) -> str:
    """A MyST table of dict rows: ``numbers`` columns via :func:`fmt_number`, ``raw`` ones (math) unescaped."""

    def cell(r: dict[str, Any], c: str) -> str:
        if c in numbers:
            return fmt_number(r[c])
        return str(r[c]) if c in raw else md_escape(r[c])

    return _table(headers or columns, [[cell(r, c) for c in columns] for r in rows])


def inputs_table(material: Any, keys: Sequence[str]) -> str:
    """The inputs ``keys`` of ``material`` with value, unit, status and source (for a chapter's opening)."""
    from .materials import PARAMETERS

    rows = []
    for key in keys:
        v = material.value(key)
        source = "set for this run" if v.status == "override" else f"{{cite:t}}`{v.source}`, {md_escape(v.where)}"
        rows.append((md_escape(PARAMETERS[key].description), f"{v.value:g}", md_escape(v.unit),
                     STATUS_BADGE.get(v.status, v.status), source))
    return _table(("input", "value", "unit", "status", "source"), rows)


def branches_sentence(material: Any, short: bool = False) -> str:
    """How the three acoustic branches are treated for ``material`` (with or without a measured c_l).

    The ``short`` form is glued inline ({glue:md}), where dollar math is not typeset: it uses Unicode.
    """
    if "c_l" in material:
        if short:
            return "two transverse branches at cₜ, one longitudinal at cₗ"
        return ("The phonons have two transverse branches at $c_t$ and one longitudinal branch at the measured "
                "$c_l$.")
    if short:
        return "all three branches at cₜ"
    return ("With no longitudinal velocity among the inputs, all three branches are given $c_t$; this "
            "overestimates the phonon term (since $c_l > c_t$) and so underestimates the crossover temperature.")


_OVERVIEW_KEYS = ("rho", "c_t", "c_l", "cv_slope", "a", "eps_F", "Lambda", "kappa_exponent")


def materials_overview() -> str:
    """One column per material, one row per input: the value and its status (a dash where none was sourced)."""
    from . import materials

    mats = list(materials.load().values())
    header = ["input"] + [f"`{m.key}`" for m in mats]
    rows = []
    for k in _OVERVIEW_KEYS:
        cells = [f"`{k}` [{md_escape(materials.PARAMETERS[k].unit)}]"]
        for mat in mats:
            if k in mat:
                v = mat.value(k)
                unc = f" ± {v.uncertainty:g}" if v.uncertainty else ""
                cells.append(f"{v.value:g}{unc} *{v.status}*")
            else:
                cells.append("—")
        rows.append(cells)
    return _table(header, rows)


def ranges_table(ranges: dict[str, tuple[float, float, float]]) -> str:
    """(min, central, max) of derived values, with their meaning and the max/min spread."""
    from .derived import KEYS

    rows = [(f"`{k}`", fmt_number(lo), fmt_number(mid), fmt_number(hi), fmt_number(hi / lo, 2), md_escape(KEYS[k]))
            for k, (lo, mid, hi) in ranges.items()]
    return _table(("key", "min", "central", "max", "max/min", "meaning"), rows)


def universality_table(rows: Sequence[tuple[str, dict[str, tuple[float, float, float]]]],
                       keys: Sequence[str]) -> str:
    """Glasses × derived quantities, each cell 'central (min–max)'."""
    header = ["glass"] + [f"`{k}`" for k in keys]
    body = [[f"`{name}`"] + [f"{fmt_number(r[k][1])}<br>({fmt_number(r[k][0], 2)}–{fmt_number(r[k][2], 2)})"
                             for k in keys] for name, r in rows]
    return _table(header, body)


def universality_verdicts(rows: Sequence[tuple[str, dict[str, tuple[float, float, float]]]],
                          quoted_Q: tuple[float, float], factor: float = 3.0) -> dict[str, str]:
    """Sentences judging the paper's universality statements against per-glass ranges (computed, not typed)."""
    out = {}
    for key in ("kF_xi", "cs_over_vF"):
        central_ok = [name for name, r in rows if 1 / factor <= r[key][1] <= factor]
        overlap = [name for name, r in rows if r[key][0] <= factor and r[key][2] >= 1 / factor]
        out[key] = (f"the central value is within a factor {factor:g} of 1 for {len(central_ok)} of {len(rows)} "
                    f"glasses ({', '.join(f'`{n}`' for n in central_ok) or 'none'}); the range reaches that band "
                    f"for {len(overlap)} of {len(rows)}.")
    q_max = max(r["Q_inv_t"][2] for _, r in rows)
    centrals = [r["Q_inv_t"][1] for _, r in rows]
    out["Q_inv_t"] = (f"the largest predicted value over all glasses and guesses, {fmt_number(q_max, 2)}, is "
                      f"{'below' if q_max < quoted_Q[0] else 'within'} the quoted lower end {quoted_Q[0]:g}; the "
                      f"central values differ by a factor {fmt_number(max(centrals) / min(centrals), 2)} between "
                      "glasses.")
    return out


def kappa_exponent_table(rows: Sequence[Any]) -> str:
    """Measured κ exponents (where sourced) against the two scattering branches of Section 3.1."""
    body = []
    for mat in rows:
        if "kappa_exponent" not in mat:
            continue
        v = mat.value("kappa_exponent")
        unc = v.uncertainty or 0.0

        def verdict(predicted: float) -> str:
            return "within" if abs(predicted - v.value) <= unc + 1e-12 else "outside"

        body.append((f"`{mat.key}`", f"{v.value:g} ± {unc:g}", f"{{cite:t}}`{v.source}`",
                     f"2 ({verdict(2.0)})", f"1 ({verdict(1.0)})"))
    return _table(("glass", "measured δ", "source", "resonant branch", "pair branch"), body)


def _power_of_ten(x: float) -> str:
    """``1e-06`` as ``10⁻⁶`` (other numbers as ``%g``)."""
    import math

    exponent = math.log10(x)
    if x > 0 and exponent == round(exponent):
        return "10" + str(int(exponent)).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))
    return f"{x:g}"


def accuracy_sentence() -> str:
    """The experimental accuracies assumed by :func:`glasson.comparison.discriminating_predictions`, in words
    (Unicode, not TeX: it is glued inline, where dollar math is not typeset)."""
    from .comparison import ACCURACY

    return (f"{ACCURACY['internal_friction_relative']:.0%} in Q⁻¹, "
            f"{ACCURACY['heat_capacity_relative']:.0%} in C, "
            f"{_power_of_ten(ACCURACY['velocity_shift_per_decade'])} per decade in Δv/v, "
            f"{ACCURACY['kappa_exponent']:g} in the κ exponent").replace("%", " %")


def claims_table(section: str | None = None) -> str:
    """The claims registry as a compact MyST table (all sections, or one), four columns that fit a page:
    the claim with its verdict, the quantity with the reason, paper → recomputed value, ratio and kind."""
    from . import claims

    def claim(r: dict[str, Any]) -> str:
        eq = f", {{eq}}`eq-{r['equation']}`" if r["equation"] is not None else ""
        return f"`{r['id']}`<br>Sec. {r['section']}{eq}<br>{BADGE[r['verdict']]}"

    def values(r: dict[str, Any]) -> str:
        unit = "" if r["unit"] == "1" else f" {md_escape(r['unit'])}"
        return f"{fmt_number(r['paper_value'])} → {fmt_number(r['recomputed'])}{unit}"

    rows = [(claim(r), f"{md_escape(r['quantity'])}<br>*{md_escape(r['note'])}*", values(r),
             f"{fmt_number(r['ratio'])}<br>({r['kind']})") for r in claims.rows(section)]
    return _table(("claim and verdict", "quantity, and why", "paper → recomputed", "ratio"), rows)


def claims_summary() -> str:
    """Counts of verdicts, the reproduced and the discrepant claims, for the introduction."""
    from . import claims

    rows = claims.rows()
    counts = claims.summary()

    def unit(r: dict[str, Any]) -> str:
        return "" if r["unit"] == "1" else f" {md_escape(r['unit'])}"

    lines = [f"The registry holds **{len(rows)}** numbers printed in the paper: "
             f"**{counts['reproduced']}** reproduced, **{counts['discrepant']}** discrepant and "
             f"**{counts['not-checkable']}** not checkable (the paper's own inputs and guesses, or no formula).",
             "", "**Reproduced** from the paper's own inputs:", ""]
    lines.append(", ".join(f"`{r['id']}` ({md_escape(r['quantity'])})" for r in rows if r["verdict"] == "reproduced")
                 + ".")
    lines += ["", "**Discrepant** (paper value → recomputed from the paper's own inputs):", ""]
    for r in rows:
        if r["verdict"] == "discrepant":
            lines.append(f"- `{r['id']}`: {md_escape(r['quantity'])}: {fmt_number(r['paper_value'])} → "
                         f"{fmt_number(r['recomputed'])}{unit(r)} (ratio {fmt_number(r['ratio'])})")
    return "\n".join(lines) + "\n"


def _doc(notebook: str, from_dir: str = "book") -> str:
    path = PurePosixPath(notebook).with_suffix("")
    return f"{{doc}}`../{path}`" if from_dir else f"{{doc}}`/{path}`"


def equations_table() -> str:
    """The paper's equations with chapter, glasson function and dimension verdict."""
    from .equations import entries

    rows = [(f"{{eq}}`eq-{e['number']}`", e["section"], _doc(e["notebook"]),
             f"`{e['glasson']}`" if e["glasson"] else "-", DIMENSION_BADGE[e["dimension_printed"]],
             md_escape(e["note"])) for e in entries()]
    return _table(("eq.", "sec.", "chapter", "glasson", "dimensions as printed", "note"), rows)


def materials_table() -> str:
    """Every material's inputs with value, unit, status and source citation."""
    from . import materials

    out = []
    for mat in materials.load().values():
        out.append(f"## {md_escape(mat.name)}\n\nKey `{mat.key}`, formula {md_escape(mat.formula) or '-'}.\n")
        rows = []
        for key, v in mat.values.items():
            unc = f" ± {fmt_number(v.uncertainty)}" if v.uncertainty else ""
            rows.append((f"`{key}`", md_escape(materials.PARAMETERS[key].description), f"{v.value:g}{unc}",
                         md_escape(v.unit), STATUS_BADGE[v.status], f"{{cite:t}}`{v.source}`", md_escape(v.where)))
        out.append(_table(("input", "meaning", "value", "unit", "status", "source", "where in the source"), rows))
    return "\n".join(out)


def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "not installed"


def status_table(records: Sequence[Any]) -> str:
    """Execution status of every notebook and the versions of the key packages."""
    rows = [(_doc(r.notebook), "passed" if r.status == "passed" else f"**{r.status}**",
             f"{r.seconds:.1f} s", f"`{r.hash[:12]}`") for r in records]
    table = _table(("notebook", "result", "run time", "inputs hash"), rows)
    versions = [("Python", platform.python_version())] + [(p, _version(p)) for p in KEY_PACKAGES]
    return (table + "\n" + _table(("package", "version"), [(md_escape(n), f"`{v}`") for n, v in versions]))


ROOT = Path(__file__).resolve().parent.parent
#: BibTeX key of the compendium (also its key in ``book/references.bib``) and of the paper.
COMPENDIUM_KEY = "glasson_compendium"
PAPER_KEY = "turlakov2022fermion"


def compendium_bibtex(cff: Path | None = None) -> str:
    """BibTeX entry for the compendium, generated from ``CITATION.cff`` (the one source of its metadata).

    An author given as an entity (``name:``) is braced so that BibTeX does not split it into a person's name.
    """
    import yaml

    meta = yaml.safe_load((cff or ROOT / "CITATION.cff").read_text())
    authors = " and ".join("{" + a["name"] + "}" if "name" in a else f"{a['family-names']}, {a['given-names']}"
                           for a in meta["authors"])
    year, month, _ = str(meta["date-released"]).split("-")
    fields = [("author", authors), ("title", meta["title"]), ("year", year), ("month", str(int(month))),
              ("version", str(meta["version"])), ("url", meta["repository-code"]),
              ("note", f"Version {meta['version']}; reproduces arXiv:2111.03578")]
    body = ",\n".join(f"  {k:<7} = {{{v}}}" for k, v in fields)
    return f"@misc{{{COMPENDIUM_KEY},\n{body},\n}}"


def paper_bibtex(bib: Path | None = None) -> str:
    """The paper's entry, verbatim from ``book/references.bib``."""
    text = (bib or ROOT / "book" / "references.bib").read_text()
    start = text.index("{" + PAPER_KEY + ",")
    start = text.rindex("@", 0, start)
    end = text.index("\n}", start) + 2
    return text[start:end]


def citation_page() -> str:
    """The two BibTeX blocks of the "How to cite" page."""
    return ("**The compendium** (from `CITATION.cff`):\n\n```bibtex\n" + compendium_bibtex() + "\n```\n\n"
            "**The paper** (from `book/references.bib`):\n\n```bibtex\n" + paper_bibtex() + "\n```\n")


def fragments(records: Sequence[Any]) -> dict[str, str]:
    """All generated fragments, keyed by file name under ``_generated/``."""
    return {
        "claims_table.md": claims_table(),
        "claims_summary.md": claims_summary(),
        "equations_table.md": equations_table(),
        "materials_table.md": materials_table(),
        "status_table.md": status_table(records),
        "citation.md": citation_page(),
    }
