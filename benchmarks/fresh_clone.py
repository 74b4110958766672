"""Fresh-clone wall times (targets ≤ 60 s each on 2 cores, including the creation of .venv from the lock):
`make test` in one fresh clone; `make book` in another fresh clone, then `make book` again (nothing changed,
target ≤ 3 s); and `make book` right after `make test` in the first clone (notebooks already executed).

The clone is of the current commit of this repository, into a temporary directory beside nothing but
``../shared`` (linked, as CI has it). uv's download cache is the user's (a first run on a new machine also
downloads the wheels; the figure printed says which).

    .venv/bin/python benchmarks/fresh_clone.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(cmd: list[str], cwd: Path) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{proc.stderr[-3000:]}")
    return time.perf_counter() - t0


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="glasson-fresh-") as tmp:
        work = Path(tmp)
        shared = ROOT.parent / "shared"
        if shared.exists():
            os.symlink(shared, work / "shared")
        python = f"PYTHON={shutil.which('python3') or sys.executable}"
        for name in ("a", "b"):
            timed(["git", "clone", "--quiet", str(ROOT), str(work / name)], work)
        t_test = timed(["make", "test", python], work / "a")
        t_book = timed(["make", "book", python], work / "b")
        t_again = timed(["make", "book", python], work / "b")
        t_after_test = timed(["make", "book", python], work / "a")
    return {"make_test_s": t_test, "make_book_s": t_book, "make_book_again_s": t_again,
            "make_book_after_test_s": t_after_test}


def report(r: dict[str, float]) -> str:
    def mark(value: float, target: float) -> str:
        return "ok" if value <= target else "MISSES TARGET"
    return "\n".join([
        f"fresh clone: make test (incl. .venv)  {r['make_test_s']:7.1f} s   target <= 60 s: "
        f"{mark(r['make_test_s'], 60)}",
        f"fresh clone: make book (incl. .venv)  {r['make_book_s']:7.1f} s   target <= 60 s: "
        f"{mark(r['make_book_s'], 60)}",
        f"make book again (no change)           {r['make_book_again_s']:7.1f} s   target <= 3 s: "
        f"{mark(r['make_book_again_s'], 3)}",
        f"make book right after make test       {r['make_book_after_test_s']:7.1f} s",
    ])


if __name__ == "__main__":
    print(report(run()))
