"""Every benchmark of the compendium in one run (`make bench`): fresh clone, build cache and parallelism,
closed forms vs quadrature. Prints the figures; asserts nothing (speed targets are not tests)."""

from __future__ import annotations

import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build  # noqa: E402
import fresh_clone  # noqa: E402
import integrals  # noqa: E402

if __name__ == "__main__":
    import os

    print(f"glasson benchmarks, {time.strftime('%Y-%m-%d')}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, {platform.machine()}\n")
    print("== fresh clone ==")
    print(fresh_clone.report(fresh_clone.run()), "\n")
    print("== build cache and parallel execution ==")
    print(build.report(build.run()), "\n")
    print("== closed forms vs scipy.integrate.quad ==")
    print(integrals.report(integrals.run()))
