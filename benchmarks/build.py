"""Build speed: cold vs warm `make book`, and serial vs parallel notebook execution, measured in one run.

* cold: ``python -m glasson build --all`` (every notebook re-executed, every page rebuilt);
  warm: ``python -m glasson build`` right after, nothing changed (target: ≤ 3 s).
* serial vs parallel: every notebook executed with ``jobs=1`` and with ``jobs=2`` (both forced, into
  temporary directories, so the book's cache is untouched); target: parallel ≤ 0.65 × serial on 2 cores.

    .venv/bin/python benchmarks/build.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from glasson import runner  # noqa: E402


def wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def run() -> dict[str, float]:
    build = [sys.executable, "-m", "glasson", "build"]
    cold = wall([*build, "--all"])
    warm = wall(build)
    times = {}
    for jobs in (1, 2):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            runner.execute(out_dir=Path(tmp), jobs=jobs, force=True, log=lambda *_: None)
            times[jobs] = time.perf_counter() - t0
    return {"cold_s": cold, "warm_s": warm, "serial_s": times[1], "parallel_s": times[2],
            "parallel_over_serial": times[2] / times[1], "cpus": os.cpu_count() or 1}


def report(r: dict[str, float]) -> str:
    return "\n".join([
        f"make book, cold (--all)            {r['cold_s']:7.1f} s",
        f"make book, warm (no change)        {r['warm_s']:7.1f} s   target <= 3 s: "
        f"{'ok' if r['warm_s'] <= 3 else 'MISSES TARGET'}",
        f"execute all notebooks, serial      {r['serial_s']:7.1f} s",
        f"execute all notebooks, 2 parallel  {r['parallel_s']:7.1f} s   ratio {r['parallel_over_serial']:.2f} "
        f"(target <= 0.65 on {r['cpus']} CPUs: {'ok' if r['parallel_over_serial'] <= 0.65 else 'MISSES TARGET'})",
    ])


if __name__ == "__main__":
    print(report(run()))
