"""Closed forms against scipy.integrate.quad: the Fermi-pair integral of Eq. (11) and κ(T) of Eqs. (9)-(12).

For N points (default 10⁴) each quantity is computed by its closed form (vectorised, one call) and by
adaptive quadrature (one ``quad`` per point), and the script prints the two wall times, their ratio and the
largest relative difference. Targets (issue 9): closed forms ≥ 100× faster, agreeing to ≤ 1e-10.

    .venv/bin/python benchmarks/integrals.py [--points N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glasson import materials, thermal  # noqa: E402


def timed(func: Callable[[], np.ndarray]) -> tuple[np.ndarray, float]:
    t0 = time.perf_counter()
    out = np.asarray(func(), dtype=float)
    return out, time.perf_counter() - t0


def compare(label: str, closed: Callable[[], np.ndarray], quad: Callable[[], np.ndarray]) -> dict[str, float]:
    c, t_c = timed(closed)
    q, t_q = timed(quad)
    nonzero = c != 0
    rel = float(np.max(np.abs(q[nonzero] / c[nonzero] - 1))) if nonzero.any() else 0.0
    if (~nonzero).any():
        rel = max(rel, float(np.max(np.abs(q[~nonzero]))))
    return {"label": label, "closed_s": t_c, "quad_s": t_q, "speedup": t_q / t_c, "max_rel_diff": rel}


def run(points: int = 10_000) -> list[dict[str, float]]:
    silica = materials.get("vitreous_silica")
    c_t, eps_F = silica.cgs("c_t"), silica.cgs("eps_F")  # cm/s, erg
    Q = 1e-3  # the coupling is a parameter here; any positive value tests the same integrals
    x = np.linspace(0.0, 40.0, points)
    T = np.geomspace(0.01, 1.0, points)
    rows = [
        compare(f"pair integral, absorption (Eq. 11), {points} x", lambda: thermal.pair_factor(x, net=False),
                lambda: thermal.pair_factor_quadrature(x, net=False)),
        compare(f"pair integral, net (Eq. 11), {points} x", lambda: thermal.pair_factor(x),
                lambda: thermal.pair_factor_quadrature(x)),
        compare(f"kappa(T), resonant (Eqs. 9, 12), {points} T", lambda: thermal.kappa_resonant(T, Q, c_t),
                lambda: [thermal.kappa_spectral(t, lambda w, tt: thermal.rate_resonant(w, tt, Q), c_t) for t in T]),
        compare(f"kappa(T), pair net (Eqs. 9, 11), {points} T", lambda: thermal.kappa_pair(T, Q, eps_F, c_t),
                lambda: [thermal.kappa_spectral(t, lambda w, tt: thermal.rate_pair(w, tt, Q, eps_F), c_t)
                         for t in T]),
    ]
    return rows


def report(rows: list[dict[str, float]]) -> str:
    lines = [f"{'closed form vs quad':<46} {'closed':>9} {'quad':>9} {'speed-up':>10} {'max rel diff':>13}"]
    for r in rows:
        ok = "ok" if r["speedup"] >= 100 and r["max_rel_diff"] <= 1e-10 else "MISSES TARGET"
        lines.append(f"{r['label']:<46} {r['closed_s']:>8.4f}s {r['quad_s']:>8.2f}s {r['speedup']:>9.0f}x "
                     f"{r['max_rel_diff']:>13.1e}  {ok}")
    return "\n".join(lines)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=10_000)
    print(report(run(parser.parse_args().points)))
