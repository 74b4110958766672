"""Command-line interface: ``python -m glasson params|claims|materials|equations|build …``.

Every subcommand prints a readable table, or JSON with ``--json``. Bad input (non-numeric, NaN, inf, zero or
negative values, unknown names) ends with exit status 2 and one line on stderr naming the option; nothing
is written to stdout and no traceback is shown.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

__all__ = ["main", "build_parser"]

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


#: argparse's message for a value outside an option's choices (and for an unknown subcommand).
_INVALID_CHOICE = re.compile(r"invalid choice: '(?P<word>[^']*)' \(choose from (?P<known>.*)\)")


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose errors are one line on stderr and exit status 2 (with the nearest choice suggested
    for a mistyped one), and that accepts no abbreviated option (``--lam`` is not ``--Lambda``)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        wrong = _INVALID_CHOICE.search(message)
        if wrong:
            message += suggestion(wrong["word"], re.findall(r"'([^']*)'", wrong["known"]))
        raise CLIError(f"{self.prog}: error: {message}")


class _Once(argparse.Action):
    """Store an option's value, refusing the option a second time (the last value must not silently win)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        seen: set[str] = namespace.__dict__.setdefault("_seen", set())
        if self.dest in seen:
            raise argparse.ArgumentError(self, "given more than once")
        seen.add(self.dest)
        setattr(namespace, self.dest, values)


class _Extend(argparse.Action):
    """Append the values of an option given several times (``--T 0.1 --T 0.2`` is ``--T 0.1 0.2``)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        setattr(namespace, self.dest, list(getattr(namespace, self.dest, None) or []) + list(values))


def positive_float(text: str) -> float:
    """argparse type: a positive, finite number."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a number, got {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be a positive finite number, got {text!r}")
    return value


def positive_int(text: str) -> int:
    """argparse type: a positive whole number (a count of parallel jobs)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive, got {text!r}")
    return value


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
#: Options that take one number: a value such as ``-inf`` after them is their value, not an option.
_NUMBER_OPTIONS = {flag for flag, _, _ in PARAM_OPTIONS} | {"--coupling", "--jobs"}


def add_material_options(p: argparse.ArgumentParser, band: bool = True) -> None:
    """--material, --band-end and the input overrides shared by the per-material commands."""
    from glasson.data.materials import DEFAULT_MATERIAL, PARAMETERS

    p.add_argument("--material", action=_Once, default=DEFAULT_MATERIAL, metavar="NAME",
                   help=f"material of data/materials.toml (default {DEFAULT_MATERIAL}); see 'materials'")
    if band:
        p.add_argument("--band-end", action=_Once, choices=("low", "high", "both"), default="both",
                       help="for a glass without a C_v/T of its own: the end of the band measured across glasses "
                            "(default both)")
    for flag, key, metavar in PARAM_OPTIONS:
        p.add_argument(flag, dest=key, action=_Once, type=positive_float, metavar=metavar,
                       help=f"override {PARAMETERS[key].description} [{PARAMETERS[key].unit}]")


def _overrides(args: argparse.Namespace) -> dict[str, float | None]:
    return {key: getattr(args, key) for _, key, _ in PARAM_OPTIONS}


def _given(args: argparse.Namespace) -> str:
    """The overriding options the user gave, for an error message."""
    flags = [f"{flag} {getattr(args, key):g}" for flag, key, _ in PARAM_OPTIONS if getattr(args, key) is not None]
    return ", ".join(flags) if flags else "the material's own data"


def material_from_args(args: argparse.Namespace) -> Any:
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


def band_ends(args: argparse.Namespace, material: Any) -> list[str | None]:
    """The band ends a command evaluates: ``[None]`` for a glass with its own C_v/T, else the chosen end(s)."""
    from glasson.models.inputs import BAND_ENDS, needs_band

    if not needs_band(material):
        return [None]
    return list(BAND_ENDS) if args.band_end == "both" else [args.band_end]


def _finite(values: Any, what: str, args: argparse.Namespace, option: str = "") -> None:
    """Refuse results that left floating-point range (an input near 1e308 or 1e-308)."""
    import numpy as np

    bad = [k for k, v in values.items() if not np.all(np.isfinite(v))] if isinstance(values, dict) else (
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
    except GlassonInputError:
        raise CLIError(f"{PROG}: error: {_given(args)}: a derived quantity leaves the floating-point range") from None


def _dump(obj: Any) -> str:
    return json.dumps(obj, indent=2, allow_nan=False, ensure_ascii=False)


def _fmt(x: Any) -> str:
    if x is None:
        return "-"
    if isinstance(x, float):
        return f"{x:.4g}"
    return str(x)


def format_table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
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
    rows = claims.rows(args.section)
    if args.json:
        return _dump(rows)
    return format_table(rows, ["id", "paper_value", "recomputed", "ratio", "kind", "verdict", "unit"])


def cmd_materials(args: argparse.Namespace) -> str:
    from glasson.data import materials
    from glasson.models.inputs import provenance

    if args.material:
        mats = [material_from_args(argparse.Namespace(material=args.material, **dict.fromkeys(
            (k for _, k, _ in PARAM_OPTIONS))))]
    else:
        mats = list(materials.load().values())
    data = [{"key": m.key, "name": m.name, "label": m.label, "formula": m.formula, "provenance": provenance(m),
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
    import shutil
    import subprocess
    import time

    from glasson.build import execute as build_execute
    from glasson.build import sphinx as build_sphinx
    from glasson.build.layout import BUILD, HTML, ROOT, BuildError, NotebookFailure
    from glasson.build.lock import build_lock
    from glasson.core.paths import DERIVATION_CACHE
    from glasson.presentation import pages

    if args.pdf and build_sphinx.missing_pdf_tools():
        raise CLIError(f"{PROG} build: --pdf: a PDF needs a TeX toolchain; not on PATH: "
                       f"{', '.join(build_sphinx.missing_pdf_tools())} (on Debian: apt-get install latexmk "
                       "texlive-xetex texlive-latex-extra texlive-fonts-recommended fonts-freefont-otf)")
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
        try:
            build_sphinx.stage(pages.fragments([r for r, _ in results]))
        except BuildError as err:
            raise BuildFailed(f"{PROG} build: {err}") from None
        if args.pdf:
            proc = subprocess.run(build_sphinx.pdf_command(), cwd=ROOT, env=build_sphinx.build_environment())
            if proc.returncode != 0 or not build_sphinx.PDF.is_file():
                raise BuildFailed(f"{PROG} build: the PDF build failed (exit {proc.returncode}); see the LaTeX "
                                  f"log under {build_sphinx.PDF.parent}")
            say(f"PDF ready: {build_sphinx.PDF}")
            return _dump({"pdf": str(build_sphinx.PDF)}) if args.json else ""
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
                      "notebooks": [{"notebook": r.notebook, "status": r.status, "executed": ran, "hash": r.hash}
                                    for r, ran in results]})
    return ""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m glasson``."""
    from glasson import __version__

    parser = _Parser(prog=PROG, description="The glasson compendium: physics of arXiv:2111.03578, recomputed.",
                     epilog="--json may be given before or after the subcommand.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--json", action="store_true", dest="json_first", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, required=True)

    def add(name: str, func: Callable[[argparse.Namespace], str], help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        p.add_argument("--json", action="store_true", help="machine-readable JSON output")
        return p

    p = add("params", cmd_params, "derived parameters of a material (Eq. 8 and friends)")
    add_material_options(p)
    p = add("claims", cmd_claims, "every number the paper prints: paper value, recomputed value, verdict")
    p.add_argument("--section", action=_Once, help="only the claims of one section, e.g. 2.2 or 4")
    p = add("materials", cmd_materials, "known materials: inputs, sources, and which are sourced, derived, assumed")
    p.add_argument("--material", action=_Once, metavar="NAME", help="only this material")
    add("equations", cmd_equations, "the paper's equations: derivation status, dimension check, function, notebook")
    p = add("kappa", cmd_kappa, "phonon thermal conductivity kappa(T) limited by glasson scattering (Sec. 3.1)")
    add_material_options(p)
    p.add_argument("--scattering", action=_Once, choices=("resonant", "pair"), default="resonant",
                   help="resonant: Eq. 12 branch (kappa ~ T^2); pair: Eq. 11 branch with detailed balance (~ T)")
    p.add_argument("--coupling", action=_Once, type=positive_float, metavar="X",
                   help="dimensionless coupling (default: the material's Q_t^-1 of Eq. 15, the Sec. 3.2 value)")
    p.add_argument("--T", action=_Extend, type=positive_float, nargs="+", required=True, metavar="KELVIN",
                   help="temperatures [K] (the option may be repeated)")
    p = add("execute", cmd_execute, "execute every chapter for another material or inputs into a directory")
    add_material_options(p)
    p.add_argument("--out", action=_Once, type=Path, required=True, metavar="DIR",
                   help="new or empty directory outside the repository (or under _build/rerun) for the executed "
                        "notebooks; a glass on the C_v/T band at both ends gets DIR/low and DIR/high")
    p.add_argument("--jobs", action=_Once, type=positive_int, default=None,
                   help="notebooks executed in parallel (default: the CPUs this process may use)")
    p.add_argument("--html", action="store_true",
                   help="also build the whole book for these inputs into DIR/html (DIR/low/html and DIR/high/html "
                        "for both ends of a band)")
    p = sub.add_parser("build", help="execute the notebooks and build the HTML book into _build/html",
                       description="execute the notebooks (cached) and build the HTML book into _build/html")
    p.set_defaults(func=cmd_build)
    p.add_argument("--json", action="store_true", help="a JSON summary on stdout (progress on stderr)")
    p.add_argument("--all", action="store_true", help="re-execute every notebook and rebuild every page")
    p.add_argument("--jobs", action=_Once, type=positive_int, default=None,
                   help="notebooks executed in parallel (default: the CPUs this process may use)")
    p.add_argument("--pdf", action="store_true",
                   help="typeset the book to _build/latex/book.pdf instead (needs latexmk and xelatex)")
    p.add_argument("--offline", action="store_true",
                   help="build the pages with the network cut (unshare -rn), where this system allows it")
    return parser


def _join_negative_values(argv: Sequence[str]) -> list[str]:
    """``--Lambda -inf`` as ``--Lambda=-inf``: argparse would read a value starting with ``-`` as an option and
    report "expected one argument" instead of the value's real fault."""
    out: list[str] = []
    i = 0
    while i < len(argv):
        token = argv[i]
        if token in _NUMBER_OPTIONS and i + 1 < len(argv) and argv[i + 1].startswith("-"):
            try:
                float(argv[i + 1])
            except ValueError:
                pass
            else:
                out.append(f"{token}={argv[i + 1]}")
                i += 2
                continue
        out.append(token)
        i += 1
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point. Returns the exit status (0 success, 2 usage or data error, 1 build failure).

    Every error is one line on stderr; a closed pipe (``| head``) ends quietly; text that the terminal's
    encoding cannot show is escaped rather than fatal.
    """
    from glasson.core.validation import GlassonInputError
    from glasson.data import materials

    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    parser = build_parser()
    try:
        args = parser.parse_args(_join_negative_values(list(sys.argv[1:] if argv is None else argv)))
        args.json = args.json or args.json_first  # --json before the subcommand, as after it
        out = args.func(args)
    except CLIError as err:
        print(err, file=sys.stderr)
        return 2
    except materials.MaterialsDataError as err:
        print(f"{PROG}: data error: {err}", file=sys.stderr)
        return 2
    except GlassonInputError as err:
        print(f"{PROG}: error: {err}", file=sys.stderr)
        return 2
    except BuildFailed as err:
        print(err, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except OSError as err:  # a full disk, a read-only tree: one line, not a traceback
        where = f" {err.filename}" if err.filename else ""
        print(f"{PROG}: error: cannot write{where}: {err.strerror or err}", file=sys.stderr)
        return 1
    try:
        if out:
            print(out)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (| head): say nothing, and keep Python from complaining at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
