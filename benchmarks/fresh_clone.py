"""Fresh-clone wall times: `git clone`, then `make test`, then `make book`, each timed (targets ≤ 60 s each on
2 cores, including the creation of .venv from the lock).

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
        clone = work / "glasson"
        t_clone = timed(["git", "clone", "--quiet", str(ROOT), str(clone)], work)
        env_python = shutil.which("python3") or sys.executable
        t_test = timed(["make", "test", f"PYTHON={env_python}"], clone)
        t_book = timed(["make", "book", f"PYTHON={env_python}"], clone)
        t_again = timed(["make", "book", f"PYTHON={env_python}"], clone)
    return {"clone_s": t_clone, "make_test_s": t_test, "make_book_s": t_book, "make_book_again_s": t_again}


def report(r: dict[str, float]) -> str:
    def mark(value: float, target: float) -> str:
        return "ok" if value <= target else "MISSES TARGET"
    return "\n".join([
        f"git clone                          {r['clone_s']:7.1f} s",
        f"make test (incl. .venv from lock)  {r['make_test_s']:7.1f} s   target <= 60 s: {mark(r['make_test_s'], 60)}",
        f"make book, after make test         {r['make_book_s']:7.1f} s   target <= 60 s: {mark(r['make_book_s'], 60)}",
        f"make book, again (no change)       {r['make_book_again_s']:7.1f} s   target <= 3 s: "
        f"{mark(r['make_book_again_s'], 3)}",
    ])


if __name__ == "__main__":
    print(report(run()))
