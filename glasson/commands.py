"""What each subcommand of ``python -m glasson`` does (the parser is :mod:`glasson.cli`): the physics it asks the
package for, and its output, a readable table or JSON. A usage error is a :class:`CLIError` (one line, exit status
2), a failed build step a :class:`BuildFailed` (one line, exit status 1)."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from glasson.core.units import Real
    from glasson.data.materials import Material

__all__ = ["PROG", "CLIError", "BuildFailed", "PARAM_OPTIONS", "suggestion", "format_table", "cmd_params",
           "cmd_claims", "cmd_materials", "cmd_equations", "cmd_kappa", "cmd_execute", "cmd_build"]

PROG = "glasson"


class CLIError(Exception):
    """A usage error: reported as one line, exit status 2."""


def suggestion(word: str, known: Sequence[str]) -> str:
    """``" (did you mean 'polystyrene'?)"`` for the nearest of ``known`` (difflib), or nothing.

    Examples
    --------
    >>> suggestion("polystyren", ["vitreous_silica", "polystyrene"]), suggestion("zzz", ["low", "high"])
    (" (did you mean 'polystyrene'?)", '')
    """
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


#: params options: (flag, materials.PARAMETERS key, metavar).
PARAM_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("--rho", "rho", "G_PER_CM3"),
    ("--c-t", "c_t", "CM_PER_S"),
    ("--cv-slope", "cv_slope", "ERG_PER_G_K2"),
    ("--eps-F", "eps_F", "KELVIN"),
    ("--Lambda", "Lambda", "EV"),
    ("--a", "a", "ANGSTROM"),
    ("--xi-mro", "xi_mro", "ANGSTROM"),
)
def _overrides(args: argparse.Namespace) -> dict[str, float | None]:
    return {key: getattr(args, key) for _, key, _ in PARAM_OPTIONS}


def _given(args: argparse.Namespace) -> str:
    """The overriding options the user gave, for an error message."""
    flags = [f"{flag} {getattr(args, key):g}" for flag, key, _ in PARAM_OPTIONS
             if getattr(args, key, None) is not None]
    from glasson.data.materials import DEFAULT_MATERIAL

    material = getattr(args, "material", None) or DEFAULT_MATERIAL
    return ", ".join(flags) if flags else f"the data of {material} (materials.toml)"


def material_from_args(args: argparse.Namespace) -> Material:
    """The material named by ``--material`` with the overrides; an unknown name is a usage error naming the
    option, a fault in the data files is reported as such (not blamed on the option)."""
    from glasson.data import materials

    try:
        mat = materials.get(args.material)
    except materials.UnknownMaterialError:
        known = materials.names()
        raise CLIError(f"{PROG}: error: argument --material: unknown material {args.material!r}"
                       f"{suggestion(args.material, known)}; known: {', '.join(known)}") from None
    return mat.with_overrides(**_overrides(args))


def band_ends(args: argparse.Namespace, material: Material) -> list[str | None]:
    """The band ends a command evaluates: ``[None]`` for a glass with its own C_v/T, else the chosen end(s)."""
    from glasson.models.inputs import BAND_ENDS, needs_band

    if not needs_band(material):
        return [None]
    return list(BAND_ENDS) if args.band_end == "both" else [args.band_end]


def _finite(values: Mapping[str, Real] | Real, what: str, args: argparse.Namespace, option: str = "") -> None:
    """Refuse results that left floating-point range (an input near 1e308 or 1e-308)."""
    import numpy as np

    bad = [k for k, v in values.items() if not np.all(np.isfinite(v))] if isinstance(values, Mapping) else (
        [] if np.all(np.isfinite(values)) else [what])
    if bad:
        where = f"argument {option}" if option else _given(args)
        raise CLIError(f"{PROG}: error: {where}: {what} outside the floating-point range")


@contextlib.contextmanager
def _out_of_range(args: argparse.Namespace) -> Iterator[None]:
    """Report an intermediate value that left floating-point range (an input near 1e308 or 1e-308) against the
    options the user gave, not against the package's internal variable names."""
    from glasson.core.validation import GlassonInputError
    from glasson.models.model import MissingInputError

    try:
        yield
    except MissingInputError:
        raise
    except (GlassonInputError, OverflowError):  # OverflowError: Python float arithmetic (x**3 of a huge x)
        raise CLIError(f"{PROG}: error: {_given(args)}: a derived quantity leaves the floating-point range") from None


def _dump(obj: object) -> str:
    return json.dumps(obj, indent=2, allow_nan=False, ensure_ascii=False)


def _fmt(x: object) -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        return f"{x:.4g}"
    return str(x)


def format_table(rows: Sequence[Mapping[str, object]], columns: Sequence[str]) -> str:
    """A plain-text table of ``rows`` with the given columns."""
    cells = [[_fmt(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(line.rstrip() for line in lines)


# --- subcommands ----------------------------------------------------------------------------------------
def cmd_params(args: argparse.Namespace) -> str:
    """Derived parameters; a glass on the C_v/T band gives one set per band end (``{"low": …, "high": …}``)."""
    import numpy as np

    from glasson.models.derived import KEYS, derived_parameters

    mat = material_from_args(args)
    ends = band_ends(args, mat)
    with np.errstate(all="ignore"), _out_of_range(args):
        sets = {end: derived_parameters(mat, end) for end in ends}
    for values in sets.values():
        _finite(values, "derived values", args)
    if args.json:
        return _dump(sets[None] if ends == [None] else sets)
    rows = [{**({"band_end": end} if end else {}), "key": k, "value": v, "meaning": KEYS[k]}
            for end, values in sets.items() for k, v in values.items()]
    return format_table(rows, (["band_end"] if ends != [None] else []) + ["key", "value", "meaning"])


def cmd_claims(args: argparse.Namespace) -> str:
    from glasson.registries import claims

    known = sorted({c.section for c in claims.CLAIMS})
    if args.section is not None and not any(s == args.section or s.startswith(args.section + ".") for s in known):
        raise CLIError(f"{PROG} claims: error: argument --section: no claims in section {args.section!r}; "
                       f"sections: {', '.join(known)}")
    with _out_of_range(args):
        rows = claims.rows(args.section)
    if args.json:
        return _dump(rows)
    return format_table(rows, ["id", "paper_value", "recomputed", "ratio", "kind", "verdict", "unit"])


def cmd_materials(args: argparse.Namespace) -> str:
    from glasson.data import materials
    from glasson.models.inputs import provenance

    if args.material is not None:  # "" is a name too (an unknown one), not "every glass"
        mats = [material_from_args(argparse.Namespace(material=args.material, **dict.fromkeys(
            (k for _, k, _ in PARAM_OPTIONS))))]
    else:
        mats = list(materials.load().values())
    data: list[dict[str, Any]] = [{"key": m.key, "name": m.name, "label": m.label, "formula": m.formula,
                                   "provenance": provenance(m),
             "values": {k: {"value": v.value, "unit": v.unit, "uncertainty": v.uncertainty, "source": v.source,
                            "where": v.where, "status": v.status} for k, v in m.values.items()},
             "sources": {k: [{"value": v.value, "unit": v.unit, "source": v.source, "status": v.status}
                             for v in m.entries(k)] for k in m.values if len(m.entries(k)) > 1}}
            for m in mats]
    if args.json:
        return _dump(data)
    rows = [{"material": m["key"], "parameter": k, "value": v["value"], "unit": v["unit"], "status": v["status"],
             "source": v["source"]} for m in data for k, v in m["values"].items()]
    return format_table(rows, ["material", "parameter", "value", "unit", "status", "source"])


def cmd_kappa_data(args: argparse.Namespace) -> str:
    """Measured κ(T) below 1 K (``data/lowT_kappa.toml``): fits and predictions (:mod:`glasson.registries.kappa_fits`)."""
    from glasson.registries import kappa_fits

    rows = kappa_fits.rows()
    if args.key is not None:
        keys = [r["key"] for r in rows]
        if args.key not in keys:
            raise CLIError(f"{PROG} kappa-data: error: argument --key: unknown data set {args.key!r}"
                           f"{suggestion(args.key, keys)}; known: {', '.join(keys)}")
        rows = [r for r in rows if r["key"] == args.key]
    if args.json:
        return _dump(rows)
    table = [{**r, "T_K": f"{r['T_range'][0]:.3g}-{r['T_range'][1]:.3g}",
              "exponent_pm": "-" if r["exponent"] is None else f"{r['exponent']:.2f} ± {r['uncertainty']:.2f}",
              "Lambda_eV": r["Lambda_implied_eV"]} for r in rows]
    return format_table(table, ["key", "kind", "T_K", "points", "exponent_pm", "tunneling_T2", "Lambda_eV"])


def cmd_equations(args: argparse.Namespace) -> str:
    from glasson.registries.equations import entries

    rows = entries()
    if args.json:
        return _dump(rows)
    table = [{**r, "derivation": r["derivation"]["status"]} for r in rows]
    return format_table(table, ["number", "section", "derivation", "dimension_printed", "glasson", "notebook"])


def cmd_kappa(args: argparse.Namespace) -> str:
    """κ(T); a glass on the C_v/T band gives rows for each band end (with a ``band_end`` field)."""
    import numpy as np

    from glasson.models.derived import thermal_conductivity
    from glasson.models.model import GlassonModel

    mat = material_from_args(args)
    ends = band_ends(args, mat)
    rows = []
    for end in ends:
        model = GlassonModel.from_material(mat, end)
        if args.coupling is None and not model.available("Q_inv_t"):
            raise CLIError(f"{PROG} kappa: error: material {args.material!r} has no inter-atomic distance for the "
                           "default coupling (Q_t^-1 of Eq. 15); give --a or --coupling")
        with np.errstate(all="ignore"), _out_of_range(args):
            kappa = np.atleast_1d(thermal_conductivity(model, np.asarray(args.T), args.scattering, args.coupling))
        _finite(kappa, "kappa", args, "--T")
        rows += [{**({"band_end": end} if end else {}), "T_K": float(t), "kappa_erg_per_s_cm_K": float(k)}
                 for t, k in zip(args.T, kappa, strict=True)]
    if args.json:
        return _dump(rows)
    return format_table(rows, (["band_end"] if ends != [None] else []) + ["T_K", "kappa_erg_per_s_cm_K"])


def cmd_execute(args: argparse.Namespace) -> str:
    from glasson import rerun
    from glasson.build import execute as build_execute
    from glasson.build.layout import BuildError, NotebookFailure

    mat = material_from_args(args)
    ends = band_ends(args, mat)
    try:
        out = build_execute.check_out_dir(args.out)
    except ValueError as err:
        raise CLIError(f"{PROG} execute: error: argument --out: {err}") from None
    try:
        results = rerun.execute_for_material(args.material, _overrides(args), out,
                                             band_ends=[e for e in ends if e], jobs=args.jobs,
                                             log=lambda *a: print(*a, file=sys.stderr), html=args.html)
    except NotebookFailure as err:
        raise BuildFailed(f"{PROG} execute: notebook failed: {err}") from None
    except BuildError as err:
        raise BuildFailed(f"{PROG} execute: {err}") from None
    rows = [{"notebook": r.notebook, "status": r.status, "seconds": r.seconds, "band_end": end,
             "output": str(path)} for r, end, path in results]
    if args.html:
        books = sorted({str(path.parent / "html" / "index.html") for _, _, path in results})
        for book in books:
            print(f"book of this run: {book}", file=sys.stderr)
    if args.json:
        return _dump(rows)
    return format_table(rows, ["notebook", "status", "seconds"] + (["band_end"] if ends != [None] else [])
                        + ["output"])


class BuildFailed(Exception):
    """A build step failed (a notebook, Sphinx, LaTeX): one line on stderr, exit status 1."""


def cmd_build(args: argparse.Namespace) -> str:
    """``make book`` (and ``make pdf``): execute → generate the reference pages → stage → Sphinx, holding the
    clone's build lock. The build layer (:mod:`glasson.build`) knows files and processes; the pages come from
    the presentation layer (:mod:`glasson.presentation.pages`)."""
    import hashlib
    import shutil
    import subprocess
    import time

    from glasson.build import execute as build_execute
    from glasson.build import sphinx as build_sphinx
    from glasson.build.layout import BUILD, HTML, ROOT, BuildError, NotebookFailure
    from glasson.build.lock import build_lock
    from glasson.core.paths import DERIVATION_CACHE, data_dir

    if args.pdf and build_sphinx.missing_pdf_tools():
        raise CLIError(f"{PROG} build: --pdf: a PDF needs a TeX toolchain; not on PATH: "
                       f"{', '.join(build_sphinx.missing_pdf_tools())} (on Debian: apt-get install "
                       f"{' '.join(build_sphinx.PDF_PACKAGES)})")
    t0 = time.perf_counter()
    say = print if not args.json else (lambda *a: print(*a, file=sys.stderr))  # with --json: progress on stderr
    with build_lock(log=say):
        if args.all:  # from scratch: the derivations too
            shutil.rmtree(DERIVATION_CACHE, ignore_errors=True)
        say(f"executing notebooks ({'all' if args.all else 'changed only'})")
        try:
            results = build_execute.execute(jobs=args.jobs, force=args.all, prune=True, log=say)
        except NotebookFailure as err:
            raise BuildFailed(f"{PROG} build: notebook failed: {err}") from None
        records = [r for r, _ in results]

        def stage(pdf: Path | None = None, commit: str | None = None, typesetting: bool = False) -> None:
            pdf_hash = hashlib.sha256(pdf.read_bytes()).hexdigest() if pdf is not None else ""
            key = build_sphinx.inputs_key(records, data_dir(), (f"pdf {pdf_hash} {commit} {typesetting}",))
            if not args.all and build_sphinx.staged_for(key):
                say("  pages unchanged: nothing to generate")
                return
            from glasson.presentation import pages  # the pages' imports alone take 3 s: only when they are made

            try:
                build_sphinx.stage(pages.fragments(records, pdf=pdf, commit=commit, typesetting=typesetting),
                                   documents=pages.documents(), sections=pages.toc_sections())
            except BuildError as err:
                raise BuildFailed(f"{PROG} build: {err}") from None
            build_sphinx.record_staged(key)

        if args.pdf:  # the PDF first, then the HTML book that offers it
            stage(typesetting=True)
            build_sphinx.PDF.unlink(missing_ok=True)
            commit = build_sphinx.git_describe()
            say("typesetting the PDF")
            build_sphinx.PDF_LOG.parent.mkdir(parents=True, exist_ok=True)
            with build_sphinx.PDF_LOG.open("wb") as log:
                proc = subprocess.run(build_sphinx.pdf_command(), cwd=ROOT, env=build_sphinx.build_environment(),
                                      stdout=log, stderr=subprocess.STDOUT)
            if proc.returncode != 0 or not build_sphinx.PDF.is_file():
                raise BuildFailed(f"{PROG} build: the PDF build failed (exit {proc.returncode}); see "
                                  f"{build_sphinx.PDF_LOG} and the LaTeX log under {build_sphinx.PDF.parent}")
            build_sphinx.record_pdf_commit(commit)
            say(f"PDF ready: {build_sphinx.PDF}")
            stage(pdf=build_sphinx.PDF, commit=commit)
        else:
            offered = build_sphinx.current_pdf()  # a PDF of this very commit, from an earlier make pdf
            stage(*(offered or ()))
        say("building the book")
        try:
            build_sphinx.sphinx_build(full=args.all, work=BUILD / "sphinx",
                                      prefix=build_sphinx.network_cut_prefix() if args.offline else (), log=say)
        except BuildError as err:
            raise BuildFailed(f"{PROG} build: {err}") from None
    seconds = time.perf_counter() - t0
    say(f"book ready: {HTML / 'index.html'} ({seconds:.1f} s)")
    if args.json:
        return _dump({"html": str(HTML / "index.html"), "seconds": round(seconds, 1),
                      **({"pdf": str(build_sphinx.PDF)} if args.pdf else {}),
                      "notebooks": [{"notebook": r.notebook, "status": r.status, "executed": ran, "hash": r.hash}
                                    for r, ran in results]})
    return ""
