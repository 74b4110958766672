#!/usr/bin/env python3
"""Write environment.yml (conda / Binder) from requirements.lock: the same exact pins, installed by pip.

Usage: python tools/sync_environment.py   (tests/test_environment.py checks the two agree)
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9_.\-\[\]]+)==([^\s;\\]+)")


def lock_pins(path: Path = ROOT / "requirements.lock") -> dict[str, str]:
    pins = {}
    for line in path.read_text().splitlines():
        m = PIN.match(line)
        if m:
            pins[m.group(1).lower()] = m.group(2)
    return pins


def render(pins: dict[str, str]) -> str:
    py = "{}.{}".format(*sys.version_info[:2])
    lines = [
        "# Conda / Binder environment of the glasson compendium, generated from requirements.lock by",
        "# tools/sync_environment.py: the same exact pins (tests/test_environment.py checks it). For a local",
        "# checkout `make test` / `make book` need neither conda nor this file.",
        "name: glasson",
        "channels:",
        "  - conda-forge",
        "dependencies:",
        f"  - python={py}",
        "  - pip",
        "  - pip:",
    ]
    lines += [f"      - {name}=={version}" for name, version in sorted(pins.items())]
    lines.append("      - -e .")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    (ROOT / "environment.yml").write_text(render(lock_pins()))
    print(f"environment.yml: {len(lock_pins())} pins")
