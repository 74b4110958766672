"""The book's generated pages: fragments that ``book/*.md`` include, and the files a reader downloads.

:func:`fragments` returns ``{file name: content}`` for ``_generated/``: MyST fragments of the landing page
(findings, counts, the rerun box), the claims page (counts, largest discrepancies, every claim by section), the
equations, materials, status and citation pages, the landing page's summary figure (SVG), and the claims
registry as ``claims.csv`` and ``claims.json``. Every number comes from the registries, the models or the run
records; nothing is typed.
"""

from __future__ import annotations

import csv
import importlib
import io
import json
import platform
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Protocol

import numpy as np

from glasson.core.paths import ROOT
from glasson.core.text import frequency, number, quantity, unit
from glasson.data import materials
from glasson.data.materials import Material
from glasson.models.inputs import resolve
from glasson.models.model import GlassonModel, TunnelingModel
from glasson.presentation import api_reference, explorer, materials_page, notation
from glasson.presentation.formatting import (
    DERIVATION_BADGE,
    DIMENSION_BADGE,
    VERDICT_BADGE,
    escape,
    table,
)
from glasson.presentation.reconciliation import paragraph as reconciliation
from glasson.presentation.tables import claim_ref, claims_table, escape_math, off_by, paper_to_recomputed
from glasson.registries import claims as claim_registry
from glasson.registries import comparison
from glasson.registries import equations as equation_registry
from glasson.registries.claims import ClaimRow
from glasson.registries.reconcile import Solution

__all__ = ["fragments", "claims_counts", "claims_by_size", "claims_by_section", "claims_csv", "claims_json",
           "equations_page", "status_page", "citation_page", "findings", "derivation_summary",
           "compendium_bibtex", "paper_bibtex", "pdf_offer", "KEY_PACKAGES", "SECTIONS", "PDF_NAME"]

#: Packages whose versions the status page shows.
KEY_PACKAGES = ("numpy", "scipy", "sympy", "matplotlib", "papermill", "jupyter-book", "sphinx", "myst-nb",
                "glasson")
#: Sections of the paper, in order, with their titles (for grouping the claims).
SECTIONS = {"1": "Introduction", "2.1": "Low-energy Hamiltonian and energy scales",
            "2.2": "Single crossover length and weak coupling", "3.1": "Specific heat and thermal conductivity",
            "3.2": "Universal sound attenuation", "4.1": "Fermi parameters from experimental data",
            "4.3": "Open questions and further experiments", "5": "Conclusion"}
#: BibTeX key of the compendium (also its key in ``book/references.bib``) and of the paper.
COMPENDIUM_KEY = "glasson_compendium"
PAPER_KEY = "turlakov2022fermion"


class RunRecordLike(Protocol):
    """What the status page reads of a notebook's run record (:class:`glasson.build.cache.RunRecord`, which this
    layer does not import: the build layer is its sibling)."""

    notebook: str
    status: str
    hash: str


# --- the claims page -------------------------------------------------------------------------------------------
def claims_counts(registry: Sequence[ClaimRow] | None = None) -> str:
    """Counts per verdict (all rows and substantive rows), the verdict rules and the severity tiers."""
    registry = list(claim_registry.rows() if registry is None else registry)
    counts = claim_registry.summary(table=registry)
    substantive = claim_registry.summary(substantive=True, table=registry)
    total = sum(counts.values())
    trivial = total - sum(substantive.values())
    lines = [
        f"The registry holds **{total}** numbers and statements the paper prints: "
        f"{VERDICT_BADGE['reproduced']} **{counts['reproduced']}**, {VERDICT_BADGE['discrepant']} "
        f"**{counts['discrepant']}**, {VERDICT_BADGE['not-checkable']} **{counts['not-checkable']}**, "
        f"{VERDICT_BADGE['convention-dependent']} **{counts['convention-dependent']}** (reproduced in one reading "
        "of a convention the paper leaves open, discrepant in another: the row gives the verdict in each). "
        f"Of these, {trivial} only check a unit conversion, arithmetic on numbers the paper states, or repeat "
        f"another row; without them, **{substantive['reproduced']}** are reproduced and "
        f"**{substantive['discrepant']}** discrepant.", "",
        table(("the paper writes", "reproduced when the recomputed value is"),
              [("≈, ≃, =, or a power law ∝", "within 10 %"), ("∼, “order of magnitude”", "within a factor 3"),
               ("<, ≤, ≪", "inside the bounds; “≪ 1” read as at most 0.1")]),
        "A discrepancy is graded by the factor between the recomputed and the printed number: "
        "{bdg-warning}`rounding` below 1.26 (a tenth of a decade), {bdg-danger}`within an order` below 10, "
        "{bdg-danger}`beyond an order` above. Where a convention decides a verdict, the row names it.",
    ]
    return "\n".join(lines) + "\n"


def claims_by_size(registry: Sequence[ClaimRow] | None = None) -> str:
    """The discrepant claims, largest disagreement first."""
    rows = sorted((r for r in (claim_registry.rows() if registry is None else registry) if r["verdict"] == "discrepant"),
                  key=lambda r: -abs(r["log10_ratio"] or 0.0))
    body = [(f"{r['quantity']} {{ref}}`§ <{r['anchor']}>` {claim_ref(r, 'book')}", paper_to_recomputed(r),
             off_by(r["log10_ratio"] or 0.0)) for r in rows]
    return table(("claim", "paper → recomputed", "off by a factor"), body, align=("l", "l", "r"))


def claims_by_section(registry: Sequence[ClaimRow] | None = None) -> str:
    """Every claim, one table per section of the paper."""
    out = []
    registry = list(claim_registry.rows() if registry is None else registry)
    for section, title in SECTIONS.items():
        rows = [r for r in registry if r["section"] == section]
        if rows:
            out.append(f"## Section {section}: {title}\n")
            out.append(claims_table(rows=rows, here="claims"))
    return "\n".join(out)


def claims_reconcile(registry: Sequence[ClaimRow] | None = None) -> str:
    """Which inputs would make the paper right, section by section (the claims page)."""
    from glasson.models.derived import EPS_F_RANGE_K, LAMBDA_RANGE_EV

    registry = list(claim_registry.rows() if registry is None else registry)
    paper = materials.get(claim_registry.PAPER_MATERIAL)
    band = materials.cv_slope_band()
    lam, eps = LAMBDA_RANGE_EV, EPS_F_RANGE_K
    def span(lo: float, hi: float, unit_text: str) -> str:
        return f"{number(lo, 3, trim=True)}–{number(hi, 3, trim=True)} {unit_text}"

    out = [
        f"The paper's inputs are partly guesses ($\\Lambda$ = {span(*lam, 'eV')}, "
        f"$\\epsilon_F$ “within one order of magnitude” of {quantity(paper.value('eps_F').value, 'K', trim=True)}, "
        f"$a$ = {quantity(paper.value('a').value, 'angstrom', trim=True)}). For every discrepant claim, each input "
        "it depends on is varied alone, the others kept at the paper's values, until the recomputed number equals "
        "the printed one (for a bound, the edge of the bound); the value is compared with the range the paper "
        "allows. Where several claims of a section need the same input, the list says whether one value serves "
        "them all: if not, the printed numbers disagree with each other, whatever the input. The ranges: "
        f"$\\Lambda$ {span(*lam, 'eV')} is the paper's own (Sec. 2.1); $\\epsilon_F$ "
        f"{span(*eps, 'K')} is the compendium's reading of “within one order of "
        f"magnitude”, not a range the paper prints; $C_v/T$ {span(band.low, band.high, unit(band.unit))} "
        "is Stephens' measured band; an input the paper states once (its $\\rho$, $c_t$, $a$) has no range. The "
        "same values are in the `reconcile` field of `python -m glasson claims --json` and of the downloads.\n"]
    for section, title in SECTIONS.items():
        text = reconciliation([section], registry, fold=False, lead=f"**Section {section}, {title}.** ", here="book")
        if text:
            out.append(text)
    return "\n".join(out)


def _reconcile_cell(solutions: Sequence[Solution]) -> str:
    """A row's reconciliations in one CSV cell: ``Lambda=3.35 eV inside; rho=19.6 g/cm^3 no-range``."""
    def one(s: Solution) -> str:
        where = {True: "inside", False: "outside", None: "no-range"}[s["inside_range"]]
        return f"{s['input']}={s['value']!r} {s['unit']} {where}"
    return "; ".join(one(s) for s in solutions)


def claims_csv(registry: Sequence[ClaimRow] | None = None) -> str:
    """The registry as CSV (machine keys; numbers as Python writes them)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=claim_registry.FIELDS, lineterminator="\n")
    writer.writeheader()
    for r in (claim_registry.rows() if registry is None else registry):
        writer.writerow({**r, "bounds": "" if r["bounds"] is None else f"{r['bounds'][0]!r} {r['bounds'][1]!r}",
                         "reconcile": _reconcile_cell(r["reconcile"])})
    return buffer.getvalue()


def claims_json(registry: Sequence[ClaimRow] | None = None) -> str:
    """The registry as JSON, the same as ``python -m glasson claims --json``."""
    rows = list(claim_registry.rows() if registry is None else registry)
    return json.dumps(rows, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


# --- the equations page ------------------------------------------------------------------------------------------
def equations_page() -> str:
    """Each equation: the relations checked, its derivation status, its dimensions, and where it is handled."""
    import sympy as sp

    from glasson import symbolic

    out = []
    for e in equation_registry.entries():
        n = e["number"]
        d = e["derivation"]
        chapter = Path(e["notebook"]).with_suffix("")
        head = (f"## Eq. ({n})\n\n{DERIVATION_BADGE[d['status']]} {DIMENSION_BADGE[e['dimension_printed']]} "
                f"Section {e['section']}, {{doc}}`chapter <../{chapter}>`, equation {{eq}}`eq-{n}`")
        body = [head, ""]
        if n >= 4:
            name = {8: "8"}.get(n, str(n))
            printed = symbolic.printed(name)
            corrected = [rel for rel in _derived_or_empty(name) if rel not in printed]
            if corrected:
                body.append("*As printed:*")
            for rel in printed:
                body.append(f"$$ {sp.latex(rel)} $$\n")
            if corrected and d["status"] == "derived":
                body.append("*As sympy derives it, beside the printed form:*")
                for rel in corrected:
                    body.append(f"$$ {sp.latex(rel)} $$\n")
        body.append(f"**What was done.** {escape_math(d['what'])}.")
        if d["assumptions"]:
            body.append("**Assumptions:** " + "; ".join(escape_math(a) for a in d["assumptions"]) + ".")
        if d["sympy"]:
            body.append("**Sympy:** " + ", ".join(_api_link(f) for f in d["sympy"]) + ".")
        body.append(f"**Note.** {e['note']}.")
        if e["dimension_assumptions"]:
            body.append("**The dimension verdict rests on the compendium's reading of symbols the paper never "
                        "dimensions:** " + "; ".join(a["reading"] for a in e["dimension_assumptions"]) + ".")
        if e["glasson"]:
            body.append(f"**Implemented by** {{py:func}}`{e['glasson']}`.")
        out.append("\n\n".join(body) + "\n")
    return "\n".join(out)


def _derived_or_empty(name: str) -> tuple[object, ...]:
    """The relations the compendium derives for an equation (none where it does not derive it)."""
    from glasson import symbolic

    try:
        return tuple(symbolic.derived(name))
    except KeyError:
        return ()


def _api_link(name: str) -> str:
    """A link to ``glasson.symbolic.solve_fermi`` at the module that defines it, ``glasson.symbolic.fermi`` (the
    API reference documents each name there, not in the re-exporting package); a sympy relation defined at
    module level (such as ``eq5_ratio``) is data, not a function."""
    module, _, attr = name.rpartition(".")
    package = importlib.import_module(module)
    obj = getattr(package, attr)
    if callable(obj):
        return f"{{py:func}}`~{obj.__module__}.{attr}`"
    home = next(m for m in vars(package).values()
                if getattr(m, "__name__", "").startswith(module + ".") and getattr(m, attr, None) is obj)
    return f"{{py:data}}`~{home.__name__}.{attr}`"


def derivation_summary(link: bool = True) -> str:
    """How many of the paper's equations are derived, proved as identities, or taken as printed (``link``: with a
    link to the equations page, for the pages other than that one)."""
    counts = equation_registry.derivation_counts()
    text = (f"Of the paper's {sum(counts.values())} equations, sympy **derives {counts['derived']}** from stated "
            f"assumptions, **proves {counts['identity']} as identities** (their algebra, a thermal factor or a "
            f"limit), and takes **{counts['as-printed']} as printed** (definitions, the paper's own assumptions, "
            "textbook formulas), checking the dimensions of every one.")
    return text + (" The [equations page](equations.md) says which is which, and why." if link else "")


# --- the status page ---------------------------------------------------------------------------------------------
def _version(pkg: str) -> str:
    try:
        return metadata.version(pkg)
    except metadata.PackageNotFoundError:
        return "not installed"


def status_page(records: Sequence[RunRecordLike]) -> str:
    """Execution status of every notebook (result and inputs hash; run times stay in the run records) and the
    versions of the key packages."""
    rows = [(f"{{doc}}`../{Path(r.notebook).with_suffix('')}`",
             "passed" if r.status == "passed" else f"**{escape(r.status)}**", f"`{r.hash[:12]}`") for r in records]
    versions = [("Python", platform.python_version())] + [(p, _version(p)) for p in KEY_PACKAGES]
    return (table(("notebook", "result", "inputs hash"), rows) + "\n"
            + table(("package", "version"), [(escape(n), f"`{v}`") for n, v in versions]))


# --- the citation page ---------------------------------------------------------------------------------------------
def compendium_bibtex(cff: Path | None = None) -> str:
    """BibTeX entry for the compendium, generated from ``CITATION.cff`` (the one source of its metadata).

    An author given as an entity (``name:``) is braced so that BibTeX does not split it into a person's name.
    """
    import yaml

    meta = yaml.safe_load((cff or ROOT / "CITATION.cff").read_text())
    authors = " and ".join("{" + a["name"] + "}" if "name" in a else f"{a['family-names']}, {a['given-names']}"
                           for a in meta["authors"])
    year, month, _ = str(meta["date-released"]).split("-")
    month_name = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")[int(month) - 1]
    fields = [("author", authors), ("title", meta["title"]), ("year", year), ("month", month_name),
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


# --- the landing page --------------------------------------------------------------------------------------------
def _ratio(r: ClaimRow) -> float:
    """The ratio of a claim the paper's inputs recompute (a finding quotes only such claims)."""
    if r["ratio"] is None:
        raise ValueError(f"claim {r['id']} has no ratio for these inputs")
    return r["ratio"]


def findings() -> str:
    """Five headline findings in typeset prose, each with its factor, computed from the registries."""
    c = {r["id"]: r for r in claim_registry.rows()}
    plateau = materials.load_table("tunneling")
    m_silica = GlassonModel.from_material(materials.get(claim_registry.PAPER_MATERIAL))
    low = [mat.label for mat in materials.load().values()
           if GlassonModel.from_material(mat, "low").m_gl <= 9.1093837015e-28]
    stm = TunnelingModel.calibrated(m_silica)
    ratio = comparison.kappa_ratio(m_silica, stm)
    q_conv = c["sec3.2-Q_t"]["by_convention"]
    q_max = max(x["recomputed"] for x in q_conv if x["recomputed"] is not None)
    lo, hi = plateau["Q_plateau_low"].value, plateau["Q_plateau_high"].value
    inside_plateau = " or ".join(x["convention"] for x in q_conv
                                 if x["recomputed"] is not None and lo <= x["recomputed"] <= hi)
    window = comparison.internal_friction(m_silica, stm, np.array(comparison.PLATEAU_WINDOW_K), plateau["f_torsional"].value)
    net = window["STM total"] / window["GPP net rate"]
    net_lo, net_hi = float(np.min(net)), float(np.max(net))
    items = [
        f"**Eq. (8) as printed is dimensionally inconsistent.** Sympy solves Eqs. (6)–(7): the printed form "
        f"holds with $H = \\sqrt{{\\hbar\\rho c_t}}$, not $\\sqrt{{\\hbar\\rho}}\\,c_t$. From the paper's own inputs "
        f"$\\xi$ = {quantity(c['sec2.2-xi']['recomputed'], 'angstrom')}, {number(c['sec2.2-xi']['ratio'], 2)} times "
        f"the printed {quantity(c['sec2.2-xi']['paper_value'], 'angstrom', trim=True)}, "
        f"and $m_{{gl}}$ = {quantity(c['sec2.2-m_gl']['recomputed'], 'g')}, "
        f"{number(1 / _ratio(c['sec2.2-m_gl']), 2)} times lighter than printed {{ref}}`§ <sec2-found-numbers>`.",
        f"**Eq. (17) has the wrong coefficient** (3/2 for the 9/2 that Eq. (16) implies), and the printed mass "
        f"follows from neither: the Fermi mass is {quantity(c['sec4.1-m_gl']['recomputed'], 'g')}, "
        f"{number(1 / _ratio(c['sec4.1-m_gl']), 2)} times lighter than printed {{ref}}`§ <sec41-found-eq17>`.",
        f"**The internal friction of Eq. (15) is below the range the paper quotes in every reading of its "
        f"constant, and its velocity ratio needs momentum conservation.** $Q_t^{{-1}}$ = "
        f"{number(c['sec3.2-Q_t']['recomputed'])} with $K_{{Q,t}}$ = 1, up to {number(q_max)} in the readings of "
        f"$K_{{Q,t}}$ {{ref}}`§ <sec32-found-conventions>`, against the quoted "
        f"{number(c['sec3.2-Q_t']['paper_value'], trim=True, sci_below=0.01)}; the measured plateau, "
        f"{number(plateau['Q_plateau_low'].value, trim=True, sci_below=0.01)} to "
        f"{number(plateau['Q_plateau_high'].value, trim=True, sci_below=0.01)}, is reached "
        f"{'only with ' + inside_plateau if inside_plateau else 'in no reading'}. Derived by the golden rule, the "
        f"factor $c_s/v_F$ of Eq. (14) requires conserved momentum; localized fermions give $Q^{{-1}} \\propto "
        f"\\omega$ (pair channel) or $\\omega\\tau$ (disorder) {{ref}}`§ <sec32-found-q>`.",
        f"**Where the plateau is measured, the paper's two statements about $Q^{{-1}}$ disagree.** At "
        f"{frequency(plateau['f_torsional'].value)} its Eq. (15), independent of frequency and temperature as it "
        f"says twice, is within a factor {number(net_lo, 2)} to {number(net_hi, 2)} of the tunnelling model's "
        f"plateau; its Eq. (12) makes the resonant absorption vanish there. Either way no relaxation is derived, "
        f"and the resonant coupling makes $\\kappa$ {number(ratio, 2)} times the tunnelling model's (the ratio "
        f"$\\pi C/Q_t^{{-1}}$ of the couplings) {{ref}}`§ <sec42-found-plateau>`.",
        f"**Across {len(materials.names())} glasses the statements do not hold uniformly.** With the paper's "
        f"$\\Lambda$ = {quantity(materials.get('vitreous_silica').value('Lambda').value, 'eV', trim=True)} the mass "
        f"of Eq. (8) falls below the electron mass for "
        f"{' and '.join(low) if low else 'no glass'}, against the Conclusion's $m_e < m_{{gl}} < M_{{atom}}$; the "
        f"exponent $\\alpha$ of Eq. (13) at 0.1 K is {number(c['sec3.1-C_log_alpha']['recomputed'], 2)} for silica, "
        f"not $\\ll 1$ {{ref}}`§ <univ-found>`.",
    ]
    return "\n".join(f"{i + 1}. {item}" for i, item in enumerate(items)) + "\n"


def rerun_materials() -> str:
    """The glasses a reader can rerun the book for, with their keys (for the rerun box)."""
    return ", ".join(f"`{m.key}` ({escape(m.label)})" for m in materials.load().values())


def _overview_svg(registry: Sequence[ClaimRow] | None = None) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from glasson.presentation.figures import STYLE
    from glasson.presentation.figures_beyond import claims_overview

    with plt.style.context(str(STYLE)):
        fig = claims_overview(list(claim_registry.rows() if registry is None else registry))
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None})
        plt.close(fig)
    return buffer.getvalue()


#: The name the whole-book PDF is offered under, in ``_generated/`` and so in the book's downloads.
PDF_NAME = "glasson-compendium.pdf"


def pdf_offer(pdf: Path | None = None, commit: str | None = None, typesetting: bool = False) -> str:
    """The paragraph of the landing and cite pages about the whole book as a PDF: a download of ``pdf`` (typeset
    by ``make pdf`` from ``commit``) when there is one for this build, what the PDF is when ``typesetting`` it, and
    how to make one otherwise."""
    if typesetting:
        return ("**This PDF** is the whole book as `make pdf` typesets it, from the commit named on its title "
                "page; the HTML book of the same commit offers it for download.\n")
    if pdf is not None:
        size = pdf.stat().st_size / 1e6
        return (f"**The whole book as one PDF**: {{download}}`{PDF_NAME} <../_generated/{PDF_NAME}>` "
                f"({number(size, 2)} MB), typeset by `make pdf` from commit `{commit}` (named on its title "
                "page).\n")
    return ("**A PDF of the whole book** is typeset by `make pdf` (it needs XeLaTeX, latexmk and rsvg-convert: "
            "README names the packages); this build has none, and a `make pdf` of its commit adds the download "
            "here.\n")


def fragments(records: Sequence[RunRecordLike], material: Material | None = None,
              band_end: str | None = None, pdf: Path | None = None, commit: str | None = None,
              typesetting: bool = False) -> dict[str, str | bytes]:
    """All generated files, keyed by file name under ``_generated/``; with ``material`` (a rerun's, overrides
    included) the claims are recomputed from it, at ``band_end`` for a glass on the C_v/T band. ``pdf`` is the
    whole-book PDF of ``commit``, offered for download (see :func:`pdf_offer`, also for ``typesetting``)."""
    registry = None
    if material is not None:
        if band_end is not None:
            material = material.with_overrides(cv_slope=resolve(material, band_end)["cv_slope"].value)
        registry = claim_registry.rows(material=material)
    return {
        "claims_counts.md": claims_counts(registry),
        "claims_by_size.md": claims_by_size(registry),
        "claims_by_section.md": claims_by_section(registry),
        "claims_reconcile.md": claims_reconcile(registry),
        "claims.csv": claims_csv(registry),
        "claims.json": claims_json(registry),
        "claims_overview.svg": _overview_svg(registry),
        "findings.md": findings(),
        "derivation_summary.md": derivation_summary(),
        "derivation_counts.md": derivation_summary(link=False),
        "rerun_materials.md": rerun_materials() + "\n",
        "equations.md": equations_page(),
        "materials.md": materials_page.materials_page(),
        "status.md": status_page(records),
        "citation.md": citation_page(),
        "sources_read.md": materials_page.sources_read(),
        "notation.md": notation.notation_page(),
        "explore.md": explorer.page(),
        "CITATION.cff": (ROOT / "CITATION.cff").read_bytes(),
        "zenodo.json": (ROOT / ".zenodo.json").read_bytes(),
        "api_index.md": api_reference.index(),
        "pdf.md": pdf_offer(pdf, commit, typesetting),
        **({PDF_NAME: pdf.read_bytes()} if pdf is not None else {}),
    }


def documents() -> dict[str, str]:
    """The generated pages of the book (the API reference, one page per module), keyed by path in the stage."""
    return api_reference.pages()


def toc_sections() -> dict[str, list[dict[str, object]]]:
    """Where :func:`documents` sit in the table of contents: under the API reference's landing page."""
    return {"book/api": api_reference.toc_sections()}
