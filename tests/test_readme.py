"""README.md tells the truth: its counts and timings are generated (never typed), the commands it shows exist,
and the benchmark record it is generated from covers every figure ``make bench`` measures."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "benchmarks"))


def test_generated_blocks_are_up_to_date():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "update_readme.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_the_counts_come_from_the_registries():
    import update_readme

    from glasson.registries import equations

    block = update_readme.counts_block()
    d = equations.derivation_counts()
    assert f"**derives {d['derived']}**" in block and f"**proves {d['identity']} as identities**" in block
    assert block in (ROOT / "README.md").read_text()


def test_the_benchmark_record_covers_every_figure_or_the_readme_says_which_it_lacks():
    import run_all

    record = ROOT / "benchmarks" / "record.json"
    if not record.is_file():
        assert "No benchmark has been recorded yet" in (ROOT / "README.md").read_text()
        return
    rec = json.loads(record.read_text())
    assert set(rec["figures"]) <= set(run_all.FIGURES), "the record holds a figure the benchmarks no longer make"
    readme = (ROOT / "README.md").read_text()
    for key in set(run_all.FIGURES) - set(rec["figures"]):  # added since: the README must say so
        assert f"| {run_all.FIGURES[key][0]} | not measured yet |" in readme, key
    for key, f in rec["figures"].items():
        assert len(f["runs"]) == rec["repeats"] and f["unit"] == run_all.FIGURES[key][1]
        assert isinstance(f["median"], (int, float))


def test_the_make_targets_the_readme_names_exist():
    makefile = (ROOT / "Makefile").read_text()
    readme = (ROOT / "README.md").read_text()
    for target in ("book", "test", "lab", "offline", "pdf", "bench", "venv"):
        assert f"\n{target}:" in makefile, target
        assert f"make {target}" in readme or target == "venv"
