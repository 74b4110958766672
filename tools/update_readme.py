"""Write the generated blocks of README.md: the counts (equations by derivation status, claims by verdict, glasses)
from the registries, and the timings from the last ``make bench`` record (``benchmarks/record.json``).

    .venv/bin/python tools/update_readme.py          # rewrite the blocks in place
    .venv/bin/python tools/update_readme.py --check  # exit 1 if README.md is not up to date (the tests do this)

A block sits between ``<!-- generated:NAME -->`` and ``<!-- /generated:NAME -->``; nothing in it is typed by hand.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
RECORD = ROOT / "benchmarks" / "record.json"


def counts_block() -> str:
    from glasson.data import materials
    from glasson.registries import claims, equations

    d = equations.derivation_counts()
    c, s = claims.summary(), claims.summary(substantive=True)
    total = sum(c.values())
    return (f"Of the paper's {sum(d.values())} equations, sympy **derives {d['derived']}** from stated assumptions, "
            f"**proves {d['identity']} as identities** (their algebra, a thermal factor or a limit) and takes "
            f"**{d['as-printed']} as printed** (definitions, the paper's own assumptions, textbook formulas); the "
            f"dimensions of every one are checked. Of the {total} numbers the paper prints, {c['reproduced']} are "
            f"reproduced ({s['reproduced']} of them beyond a unit conversion, an identity or a duplicate), "
            f"{c['discrepant']} are discrepant, {c['convention-dependent']} depends on a convention the paper leaves "
            f"open and {c['not-checkable']} cannot be checked from the paper's inputs. "
            f"The calculation is repeated for {len(materials.names())} glasses.")


def _s(x: float) -> str:
    return f"{x:.1f} s" if x >= 1 else f"{x:.2f} s"


def bench_block() -> str:
    if not RECORD.is_file():
        return "No benchmark has been recorded yet: run `make bench`."
    from glasson.core.text import number

    rec = json.loads(RECORD.read_text())
    lines = [f"Measured by `make bench` on {rec['date']} ({rec['machine']}); each figure is the median of "
             f"{rec['repeats']} runs, and the last column is its ratio to the previous record.", "",
             "| measurement | median | target | ratio to previous |", "|---|---|---|---|"]
    for f in rec["figures"].values():
        suffix = "" if f["unit"] == "1" else " " + f["unit"]
        value = _s(f["median"]) if f["unit"] == "s" else f"{number(f['median'], sig=2)}{suffix}"
        ratio = "—" if f.get("ratio_to_previous") is None else f"{f['ratio_to_previous']:.2f}"
        lines.append(f"| {f['label']} | {value} | {f.get('target') or ''} | {ratio} |")
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from run_all import FIGURES, breakdown_report

    for key, (label, _, target) in FIGURES.items():  # a figure added since the record was made
        if key not in rec["figures"]:
            lines.append(f"| {label} | not measured yet | {target} | — |")
    if rec.get("breakdown"):
        report = breakdown_report(rec["breakdown"]).splitlines()
        lines += ["", report[0], "", "```text", *(line.strip() for line in report[1:]), "```"]
    return "\n".join(lines)


BLOCKS = {"counts": counts_block, "bench": bench_block}


def render(text: str) -> str:
    for name, make in BLOCKS.items():
        pattern = re.compile(rf"(<!-- generated:{name} -->\n)(?:.*?\n)?(<!-- /generated:{name} -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"README.md has no block <!-- generated:{name} -->")
        text = pattern.sub(lambda m, make=make: m.group(1) + make() + "\n" + m.group(2), text)
    return text


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(ROOT))
    current = README.read_text()
    wanted = render(current)
    if "--check" in argv:
        if current != wanted:
            print("README.md is out of date: run .venv/bin/python tools/update_readme.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(wanted)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
