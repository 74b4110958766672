"""Command-line interface: ``python -m glasson params|claims|materials|equations|build …``.

Every subcommand prints a readable table, or JSON with ``--json``. Bad input (non-numeric, NaN, inf, zero or
negative values, unknown names) ends with exit status 2 and one line on stderr naming the option; nothing
is written to stdout and no traceback is shown.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from glasson.commands import (
    PARAM_OPTIONS,
    PROG,
    BuildFailed,
    CLIError,
    cmd_build,
    cmd_claims,
    cmd_equations,
    cmd_execute,
    cmd_kappa,
    cmd_kappa_data,
    cmd_materials,
    cmd_params,
    suggestion,
)

__all__ = ["main", "build_parser"]

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

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        seen: set[str] = namespace.__dict__.setdefault("_seen", set())
        if self.dest in seen:
            raise argparse.ArgumentError(self, "given more than once")
        seen.add(self.dest)
        setattr(namespace, self.dest, values)


class _Extend(argparse.Action):
    """Append the values of an option given several times (``--T 0.1 --T 0.2`` is ``--T 0.1 0.2``)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: str | Sequence[float] | None, option_string: str | None = None) -> None:
        setattr(namespace, self.dest, list(getattr(namespace, self.dest, None) or []) + list(values or []))


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
                   help="temperatures (K) (the option may be repeated)")
    p = add("kappa-data", cmd_kappa_data, "measured kappa(T) below 1 K: each data set's exponent, and what it "
            "implies for Eq. 13 and the tunnelling model's T^2")
    p.add_argument("--key", action=_Once, metavar="KEY", help="only this data set; see the list without it")
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
        with warnings.catch_warnings():
            # numpy's overflow warnings are not shown: a result that left floating-point range is refused with
            # one line naming the input (commands._out_of_range), never printed
            warnings.simplefilter("ignore", RuntimeWarning)
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
