"""Every benchmark of the compendium (`make bench`): each figure measured ``--repeats`` times (default 3), its
median printed with its target and its ratio to the previous record, and the record written to
``benchmarks/record.json`` (kept in the repository as data; README's timing table is generated from it by
``tools/update_readme.py``). Nothing here is asserted by the tests: speed targets are not tests. The first
repeat also records where the time of ``make test`` goes: the steps of its pipeline (Makefile) timed one at a time
in a third fresh clone, each notebook's execution, and the venv's bytecode compilation.

Fresh clones are of the current commit, into a temporary directory beside ``../shared`` (linked, as CI has it);
uv's download cache is the user's (a first run on a new machine also downloads the wheels).

    .venv/bin/python benchmarks/run_all.py [--repeats N] [--no-record]
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = Path(__file__).resolve().parent / "record.json"
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT))

#: Every figure: key -> (label, unit, target). The tests check that the record covers exactly these.
FIGURES: dict[str, tuple[str, str, str]] = {
    "fresh_make_test": ("fresh clone → `make test` (venv from the lock, every test of `make test`)", "s", "≤ 60 s"),
    "fresh_make_book": ("fresh clone → `make book` (venv from the lock, execute, build)", "s", ""),
    "venv": ("`make venv` in a fresh clone (uv cache warm)", "s", ""),
    "cold_book": ("cold `make book ALL=1`, venv present", "s", "≤ 20 s"),
    "no_change_book": ("`make book` again, nothing changed", "s", "≤ 3 s"),
    "book_after_test": ("`make book` right after `make test`", "s", ""),
    "one_notebook_touched": ("`make book` after a code edit in one notebook", "s", ""),
    "one_module_touched": ("`make book` after an edit of `glasson/registries/universality.py`", "s", ""),
    "text_edit": ("`make book` after a Markdown-only edit of one notebook", "s", ""),
    "serial_execution": ("every notebook executed, one kernel at a time", "s", ""),
    "parallel_over_serial": ("two kernels at a time, over one at a time", "1", "≤ 0.6"),
    "notebook_cpu": ("notebooks' summed execution time (serial run)", "s", "≤ 30 s"),
    "forked_kernels": ("every notebook executed (two at a time), kernels forked from a server (Linux default)", "s",
                       ""),
    "plain_over_forked": ("the same with plain kernels (`GLASSON_FORK=0`, as on macOS), over forked", "1", ""),
    "pure_python_tests": ("`make test-unit`: the tests that need no built book", "s", ""),
    "pair_integral_speedup": ("Eq. 11 pair integral: closed form over `quad` (10⁴ points)", "×", "≥ 100"),
    "kappa_speedup": ("κ(T) resonant: closed form over `quad` of Eq. 9 (200 temperatures)", "×", "≥ 100"),
    "two_clones_identical": ("two fresh clones build byte-identical HTML (1 = yes)", "1", "1"),
    "machine_reference": ("the machine's speed: a fixed one-core workload (Python and numpy)", "s", ""),
}


def _timed(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed in {cwd}:\n{proc.stdout[-4000:]}")
    return time.perf_counter() - t0


def _clone(work: Path, name: str) -> Path:
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(work / name)], check=True)
    return work / name


#: Not served content: Sphinx's record of its configuration's hash for incremental builds, which includes the
#: checkout's path (two clones in two directories always differ there).
NOT_SERVED = {".buildinfo"}


def _same_tree(a: Path, b: Path) -> bool:
    """Every served file of two built books byte-identical (the differing ones are printed)."""
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file() and p.name not in NOT_SERVED)
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file() and p.name not in NOT_SERVED)
    differ = sorted(set(files_a) ^ set(files_b)) + [f for f in files_a if f in set(files_b)
                                                       and not filecmp.cmp(a / f, b / f, shallow=False)]
    if differ:
        print(f"two clones differ in {len(differ)} files: {', '.join(map(str, differ[:10]))}", file=sys.stderr)
    return not differ


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))


def clone_figures(breakdown: dict | None = None) -> dict[str, float]:
    """One repeat of every figure that needs fresh clones; with ``breakdown``, also the steps of ``make test``'s
    pipeline timed one by one in a third clone (``make venv``, ``test-unit``, ``test-build``, ``test-book``)."""
    python = f"PYTHON={shutil.which('python3') or sys.executable}"
    out: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="glasson-bench-") as tmp:
        work = Path(tmp)
        if (ROOT.parent / "shared").exists():
            os.symlink(ROOT.parent / "shared", work / "shared")
        a, b, c = _clone(work, "a"), _clone(work, "b"), _clone(work, "c")
        out["fresh_make_test"] = _timed(["make", "test", python], a)
        out["book_after_test"] = _timed(["make", "book", python], a)
        out["fresh_make_book"] = _timed(["make", "book", python], b)
        out["no_change_book"] = _timed(["make", "book", python], b)
        out["two_clones_identical"] = float(_same_tree(a / "_build" / "html", b / "_build" / "html"))
        out["venv"] = _timed(["make", "venv", python], c)
        if breakdown is not None:
            steps = {"venv": out["venv"]}
            for step in ("test-unit", "test-build", "test-book"):
                steps[step] = _timed(["make", step, python], c)
            breakdown["steps_s"] = steps
            records = [json.loads(r.read_text())
                       for r in sorted((c / "_build" / "executed" / "notebooks").glob("*.run.json"))]
            breakdown["notebooks_s"] = {r["notebook"]: r["seconds"] for r in records}
            site = next((c / ".venv" / "lib").glob("python3*/site-packages"))
            breakdown["bytecode_s"] = _timed([str(c / ".venv" / "bin" / "python"), "-m", "compileall", "-q", "-f",
                                              "-j", "0", str(site)], c)
        out["cold_book"] = _timed(["make", "book", "ALL=1", python], b)
        nb = b / "notebooks" / "universality.ipynb"
        _edit(nb, "# Beyond the paper: every glass the data allow", "# Beyond the paper: every glass the data allow!")
        out["text_edit"] = _timed(["make", "book", python], b)
        _edit(nb, "from IPython.display import Markdown", "from IPython.display import Markdown  # edited")
        out["one_notebook_touched"] = _timed(["make", "book", python], b)
        module = b / "glasson" / "registries" / "universality.py"
        module.write_text(module.read_text() + "\n# an edit\n")
        out["one_module_touched"] = _timed(["make", "book", python], b)
    return out


def breakdown_report(b: dict) -> str:
    """The breakdown as text (``make bench`` prints it; README shows the same)."""
    lines = ["Where the time of `make test` goes: its pipeline's steps timed one at a time in a fresh clone "
             "(`make test` runs test-unit beside test-build, then test-book):"]
    for step, seconds in b.get("steps_s", {}).items():
        lines.append(f"  make {step:<12} {seconds:6.1f} s")
    lines.append("  notebooks (execution seconds each): " + ", ".join(
        f"{Path(k).stem} {v:.1f}" for k, v in b.get("notebooks_s", {}).items()))
    if "bytecode_s" in b:
        lines.append(f"  bytecode compilation of the venv (compileall, as uv --compile-bytecode does): "
                     f"{b['bytecode_s']:.1f} s")
    return "\n".join(lines)


def execution_figures() -> dict[str, float]:
    from glasson.build import execute

    times = {}
    records = {}
    for jobs in (1, 2):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            results = execute.execute(out_dir=Path(tmp), jobs=jobs, force=True, log=lambda *_: None)
            times[jobs] = time.perf_counter() - t0
            records[jobs] = results
    return {"serial_execution": times[1], "parallel_over_serial": times[2] / times[1],
            "notebook_cpu": sum(r.seconds for r, _ in records[1])}


def kernel_figures() -> dict[str, float]:
    """Every notebook executed into a scratch directory, each way of starting kernels in a process of its own (the
    fork server is per process), forked first then plain, as ``make book`` runs them (two at a time)."""
    times = {}
    for fork in ("1", "0"):
        with tempfile.TemporaryDirectory() as tmp:
            code = ("from pathlib import Path; from glasson.build import execute; "
                    f"execute.execute(out_dir=Path({tmp!r}), force=True, log=lambda *_: None)")
            times[fork] = _timed([sys.executable, "-c", code], ROOT, env={**os.environ, "GLASSON_FORK": fork})
    return {"forked_kernels": times["1"], "plain_over_forked": times["0"] / times["1"]}


def pure_python_tests() -> float:
    return _timed(["make", "test-unit"], ROOT)


def speedups() -> dict[str, float]:
    """Closed forms over quadrature, each side timed with repeats (timeit's autorange, best of three rounds), so
    that the ratio reproduces."""
    import timeit

    import numpy as np

    from glasson.data import materials
    from glasson.formulas import conductivity, scattering

    silica = materials.get("vitreous_silica")
    c_t = silica.cgs("c_t")
    x = np.linspace(0.0, 40.0, 10_000)
    T = np.geomspace(0.01, 1.0, 200)
    Q_inv = 1e-3

    def best(stmt: Callable[[], object]) -> float:
        timer = timeit.Timer(stmt)
        number, _ = timer.autorange()
        return min(timer.repeat(repeat=3, number=number)) / number

    pair = best(lambda: scattering.pair_factor_quadrature(x)) / best(lambda: scattering.pair_factor(x))
    rate = scattering.rate_resonant

    def kappa_quad() -> list[float]:
        return [conductivity.kappa_spectral(t, lambda w, tt: rate(w, tt, Q_inv), c_t) for t in T]

    kappa = best(kappa_quad) / best(lambda: conductivity.kappa_resonant(T, Q_inv, c_t))
    return {"pair_integral_speedup": pair, "kappa_speedup": kappa}


def machine_reference() -> float:
    """A fixed one-core workload (a Python loop and a numpy eigenvalue problem, about 0.2 s), median of five, timed
    in the same run as every other figure: on a shared machine speed drifts by tens of percent between runs, and
    this figure's ratio to the previous record says how much of the other ratios is the machine's."""
    import timeit

    import numpy as np

    matrix = np.random.default_rng(0).standard_normal((500, 500))
    matrix = matrix + matrix.T

    def work() -> None:
        total = 0
        for i in range(3_000_000):
            total += i * i % 7
        np.linalg.eigvalsh(matrix)

    return statistics.median(timeit.repeat(work, number=1, repeat=5))


def measure(repeats: int, breakdown: dict) -> dict[str, list[float]]:
    runs: dict[str, list[float]] = {k: [] for k in FIGURES}
    for i in range(repeats):
        print(f"repeat {i + 1} of {repeats} ...", file=sys.stderr, flush=True)
        for part in ({"machine_reference": machine_reference()}, clone_figures(breakdown if i == 0 else None),
                     execution_figures(), kernel_figures(), {"pure_python_tests": pure_python_tests()}, speedups()):
            for key, value in part.items():
                runs[key].append(value)
    return runs


def record(runs: dict[str, list[float]], repeats: int, breakdown: dict) -> dict:
    previous = json.loads(RECORD.read_text())["figures"] if RECORD.is_file() else {}
    commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    figures = {}
    for key, (label, unit, target) in FIGURES.items():
        median = statistics.median(runs[key])
        old = previous.get(key, {}).get("median")
        figures[key] = {"label": label, "unit": unit, "target": target, "median": median, "runs": runs[key],
                        "ratio_to_previous": (median / old) if old else None}
    return {"date": time.strftime("%Y-%m-%d"), "commit": commit, "repeats": repeats,
            "machine": f"{cpus} CPUs, {platform.machine()}, Python {platform.python_version()}",
            "figures": figures, "breakdown": breakdown}


def report(rec: dict) -> str:
    lines = [f"glasson benchmarks, {rec['date']}, commit {rec['commit']}, {rec['machine']}, "
             f"median of {rec['repeats']}", ""]
    for f in rec["figures"].values():
        ratio = "" if f["ratio_to_previous"] is None else f"   ×{f['ratio_to_previous']:.2f} vs previous"
        lines.append(f"{f['label']:<80} {f['median']:>10.3g} {f['unit']:<2} {f['target']:<8}{ratio}")
    if rec.get("breakdown"):
        lines += ["", breakdown_report(rec["breakdown"])]
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-record", action="store_true", help="print only; keep benchmarks/record.json")
    args = parser.parse_args()
    breakdown: dict = {}
    rec = record(measure(args.repeats, breakdown), args.repeats, breakdown)
    print(report(rec))
    if not args.no_record:
        RECORD.write_text(json.dumps(rec, indent=1, ensure_ascii=False) + "\n")
        subprocess.run([sys.executable, str(ROOT / "tools" / "update_readme.py")], check=True)
