"""A pytest plugin for ``make bench``: where the time of ``make test`` goes, from inside the run itself.

``benchmarks/run_all.py`` loads it into the fresh clone's ``make test`` (``PYTEST_ARGS="-p suite_profile"`` with
this directory on ``PYTHONPATH``; nothing in the suite changes) and reads the JSON it writes to the file named by
``$GLASSON_SUITE_PROFILE``:

* ``collection_s``: from pytest's start to the end of collection (imports of every test module included), with
  the number of tests and of doctests collected;
* ``jobs``: start and end, in seconds from the start, of each background job of ``tests/conftest.py`` (the
  book's notebooks, the two Sphinx builds, one chapter per glass) and of the browser pass over every page;
* ``by_file``: the summed setup, call and teardown time of the tests of each file, in the main process (a test
  waiting for a background job counts its wait);
* ``hypothesis``: per property test, the examples run (passing, failing, invalid) and the seconds spent
  generating them, from Hypothesis' own statistics;
* ``slowest``: the ten slowest test phases; ``total_s``: pytest's whole run.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from collections import defaultdict
from typing import Any

_T0 = time.perf_counter()
_STATE: dict[str, Any] = {"by_file": defaultdict(float), "hypothesis": {}, "phases": []}
_EXAMPLES = re.compile(r"- during (\w+) phase \(([\d.]+) seconds\):.*?(\d+) passing, (\d+) failing, and (\d+) invalid",
                       re.S)


def pytest_collection_finish(session: Any) -> None:
    _STATE["collection_s"] = time.perf_counter() - _T0
    _STATE["tests"] = len(session.items)
    _STATE["doctests"] = sum(1 for item in session.items if type(item).__name__ == "DoctestItem")


def pytest_runtest_logreport(report: Any) -> None:
    _STATE["by_file"][report.nodeid.split("::")[0]] += report.duration
    _STATE["phases"].append((report.duration, f"{report.when} {report.nodeid}"))


def pytest_runtest_teardown(item: Any) -> None:
    stats = getattr(item, "hypothesis_statistics", None)  # set by Hypothesis' own plugin for every property test
    if stats:
        phases = _EXAMPLES.findall(stats)
        _STATE["hypothesis"][item.nodeid] = {
            "examples": sum(int(p[2]) + int(p[3]) + int(p[4]) for p in phases),
            "seconds": sum(float(p[1]) for p in phases)}


def pytest_sessionfinish(session: Any) -> None:
    path = os.environ.get("GLASSON_SUITE_PROFILE")
    if not path:
        return
    # tests/conftest.py keeps the start and end of its background jobs in _JOB_TIMES
    times = next((m._JOB_TIMES for m in list(sys.modules.values()) if hasattr(m, "_JOB_TIMES")), {})
    out = {
        "total_s": time.perf_counter() - _T0,
        "collection_s": _STATE.get("collection_s"),
        "tests": _STATE.get("tests"),
        "doctests": _STATE.get("doctests"),
        "jobs": {job: [start - _T0, end - _T0] for job, (start, end) in times.items()},
        "by_file": dict(sorted(_STATE["by_file"].items(), key=lambda kv: -kv[1])),
        "hypothesis": _STATE["hypothesis"],
        "slowest": [[round(d, 3), name] for d, name in sorted(_STATE["phases"], reverse=True)[:10]],
    }
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
