"""Command-line interface: ``python -m glasson params|claims|materials|equations|build …``.

Every subcommand prints a readable table, or JSON with ``--json``. Bad input (non-numeric, NaN, inf, zero or
negative values, unknown names) ends with exit status 2 and one line on stderr naming the option; nothing
is written to stdout and no traceback is shown.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

__all__ = ["main", "build_parser"]

PROG = "glasson"


class CLIError(Exception):
    """A usage error: reported as one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose errors are one line on stderr and exit status 2."""

    def error(self, message: str) -> NoReturn:
        raise CLIError(f"{self.prog}: error: {message}")


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


def material_name(text: str) -> str:
    """argparse type: the name of a material in data/materials.toml."""
    from . import materials

    if text not in materials.names():
        raise argparse.ArgumentTypeError(f"unknown material {text!r}; known: {', '.join(materials.names())}")
    return text


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


def add_material_options(p: argparse.ArgumentParser) -> None:
    """--material and the input overrides shared by params and the other per-material commands."""
    from .materials import DEFAULT_MATERIAL, PARAMETERS

    p.add_argument("--material", type=material_name, default=DEFAULT_MATERIAL,
                   help=f"material of data/materials.toml (default {DEFAULT_MATERIAL})")
    for flag, key, metavar in PARAM_OPTIONS:
        p.add_argument(flag, dest=key, type=positive_float, metavar=metavar,
                       help=f"override {PARAMETERS[key].description} [{PARAMETERS[key].unit}]")


def material_from_args(args: argparse.Namespace) -> Any:
    from . import materials

    overrides = {key: getattr(args, key) for _, key, _ in PARAM_OPTIONS}
    return materials.get(args.material).with_overrides(**overrides)


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
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(row, widths)) for row in cells]
    return "\n".join(line.rstrip() for line in lines)


# --- subcommands ----------------------------------------------------------------------------------------
def cmd_params(args: argparse.Namespace) -> str:
    from .derived import KEYS, derived_parameters

    values = derived_parameters(material_from_args(args))
    if args.json:
        return _dump(values)
    return format_table([{"key": k, "value": v, "meaning": KEYS[k]} for k, v in values.items()],
                        ["key", "value", "meaning"])


def cmd_claims(args: argparse.Namespace) -> str:
    from . import claims

    rows = claims.rows(args.section)
    if args.json:
        return _dump(rows)
    return format_table(rows, ["id", "paper_value", "recomputed", "ratio", "kind", "verdict", "unit"])


def cmd_materials(args: argparse.Namespace) -> str:
    from . import materials

    mats = [materials.get(args.material)] if args.material else list(materials.load().values())
    data = [{"key": m.key, "name": m.name, "formula": m.formula,
             "values": {k: {"value": v.value, "unit": v.unit, "uncertainty": v.uncertainty, "source": v.source,
                            "where": v.where, "status": v.status} for k, v in m.values.items()}}
            for m in mats]
    if args.json:
        return _dump(data)
    rows = [{"material": m["key"], "parameter": k, "value": v["value"], "unit": v["unit"], "status": v["status"],
             "source": v["source"]} for m in data for k, v in m["values"].items()]
    return format_table(rows, ["material", "parameter", "value", "unit", "status", "source"])


def cmd_equations(args: argparse.Namespace) -> str:
    from .equations import entries

    rows = entries()
    if args.json:
        return _dump(rows)
    return format_table(rows, ["number", "section", "dimension_printed", "glasson", "notebook"])


def cmd_kappa(args: argparse.Namespace) -> str:
    from .derived import thermal_conductivity

    kappa = thermal_conductivity(material_from_args(args), args.T, args.scattering, args.coupling)
    rows = [{"T_K": float(t), "kappa_erg_per_s_cm_K": float(k)}
            for t, k in zip(args.T, [kappa] if isinstance(kappa, float) else kappa)]
    if args.json:
        return _dump(rows)
    return format_table(rows, ["T_K", "kappa_erg_per_s_cm_K"])


def cmd_execute(args: argparse.Namespace) -> str:
    from . import runner

    overrides = {key: getattr(args, key) for _, key, _ in PARAM_OPTIONS}
    try:
        results = runner.execute_for_material(args.material, overrides, args.out, jobs=args.jobs,
                                              log=lambda *a: print(*a, file=sys.stderr))
    except runner.NotebookFailure as err:
        print(f"{PROG} execute: notebook failed: {err}", file=sys.stderr)
        raise SystemExit(1) from None
    rows = [{"notebook": r.notebook, "status": r.status, "seconds": r.seconds,
             "output": str(args.out / Path(r.notebook).name)} for r, _ in results]
    if args.json:
        return _dump(rows)
    return format_table(rows, ["notebook", "status", "seconds", "output"])


def cmd_build(args: argparse.Namespace) -> str:
    from . import runner

    if args.pdf:
        try:
            runner.build_pdf(jobs=args.jobs)
        except FileNotFoundError as err:
            raise CLIError(f"{PROG} build: --pdf: {err}") from None
        return ""
    runner.build_book(full=args.all, jobs=args.jobs)
    return ""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``python -m glasson``."""
    parser = _Parser(prog=PROG, description="The glasson compendium: physics of arXiv:2111.03578, recomputed.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, required=True)

    def add(name: str, func: Callable[[argparse.Namespace], str], help_: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_, description=help_)
        p.set_defaults(func=func)
        p.add_argument("--json", action="store_true", help="machine-readable JSON output")
        return p

    p = add("params", cmd_params, "derived parameters of a material (Eq. 8 and friends)")
    add_material_options(p)
    p = add("claims", cmd_claims, "every number the paper prints: paper value, recomputed value, verdict")
    p.add_argument("--section", help="only the claims of one section, e.g. 2.2 or 4")
    p = add("materials", cmd_materials, "known materials with their inputs and sources")
    p.add_argument("--material", type=material_name, help="only this material")
    add("equations", cmd_equations, "the paper's equations: notebook, glasson function, dimension check")
    p = add("kappa", cmd_kappa, "phonon thermal conductivity kappa(T) limited by glasson scattering (Sec. 3.1)")
    add_material_options(p)
    p.add_argument("--scattering", choices=("resonant", "pair"), default="resonant",
                   help="resonant: Eq. 12 branch (kappa ~ T^2); pair: Eq. 11 branch with detailed balance (~ T)")
    p.add_argument("--coupling", type=positive_float, metavar="X",
                   help="dimensionless coupling (default: the material's Q_t^-1 of Eq. 15, the Sec. 3.2 value)")
    p.add_argument("--T", type=positive_float, nargs="+", required=True, metavar="KELVIN",
                   help="temperatures [K]")
    p = add("execute", cmd_execute, "execute every chapter for another material or inputs into a directory")
    add_material_options(p)
    p.add_argument("--out", type=Path, required=True, metavar="DIR",
                   help="directory for the executed notebooks (not inside _build)")
    p.add_argument("--jobs", type=positive_int, default=None, help="notebooks executed in parallel (default: CPU count)")
    p = sub.add_parser("build", help="execute the notebooks and build the HTML book into _build/html",
                       description="execute the notebooks (cached) and build the HTML book into _build/html")
    p.set_defaults(func=cmd_build, json=False)
    p.add_argument("--all", action="store_true", help="re-execute every notebook and rebuild every page")
    p.add_argument("--jobs", type=positive_int, default=None, help="notebooks executed in parallel (default: CPU count)")
    p.add_argument("--pdf", action="store_true",
                   help="typeset the book to _build/latex/book.pdf instead (needs latexmk and xelatex)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point. Returns the exit status (0 success, 2 usage error, 1 build failure)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        out = args.func(args)
    except CLIError as err:
        print(err, file=sys.stderr)
        return 2
    except (ValueError, KeyError) as err:
        message = err.args[0] if isinstance(err, KeyError) and err.args else err
        print(f"{PROG}: error: {message}", file=sys.stderr)
        return 2
    if out:
        print(out)
    return 0
