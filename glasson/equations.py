"""The paper's equations 1–18: where each is derived (notebook), implemented (glasson), and its dimensions.

``dimension_printed`` is computed from the sympy form of the equation *as printed*
(:func:`glasson.symbolic.printed`) by :func:`glasson.dimensions.check_equation`; it is never typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import sympy as sp

__all__ = ["Equation", "EQUATIONS", "NOTEBOOKS", "entries", "DIMENSION_STATUSES"]

DIMENSION_STATUSES = ("consistent", "inconsistent", "natural-units", "not-applicable")

#: One notebook per paper section (paths relative to the repository root).
NOTEBOOKS: dict[str, str] = {
    "2": "notebooks/sec2_scales.ipynb",
}


@dataclass(frozen=True)
class Equation:
    """A paper equation and where the compendium handles it."""

    number: int
    section: str
    notebook: str
    glasson: str | None
    printed: Callable[[], tuple[sp.Eq, ...]] | None
    note: str


def _printed(name: str) -> Callable[[], tuple[sp.Eq, ...]]:
    def relations() -> tuple[sp.Eq, ...]:
        from . import symbolic

        return symbolic.printed(name)

    return relations


_SEC2 = NOTEBOOKS["2"]
EQUATIONS: tuple[Equation, ...] = (
    Equation(1, "2.1", _SEC2, None, None,
             "operator sum H_total = H_main + H_int; no dimensions to check"),
    Equation(2, "2.1", _SEC2, None, None,
             "operator Hamiltonian; Hermitian iff t_ba = conj(t_ab) and A_k'k = conj(A_kk') "
             "(glasson.operators.hermiticity_conditions); every term is fermion-parity even"),
    Equation(3, "2.1", _SEC2, None, None,
             "Hermitian iff M^z_ba,-k = conj(M^z_ab,k) and M^x_a,-k = conj(M^x_a,k); the M^x term is "
             "fermion-parity odd (anticommutes with (-1)^N), see glasson.operators.parity_class"),
    Equation(4, "2.2", _SEC2, "glasson.scales.phonon_energy", _printed("4"),
             "E_s = hbar c_t/R, E_kin = hbar^2/(2 m R^2), E_dd = Lambda^2/(rho c_t^2 R^3): all energies; "
             "also glasson.scales.kinetic_energy, glasson.scales.dipole_energy"),
    Equation(5, "2.2", _SEC2, "glasson.scales.kinetic_dipole_ratio", _printed("5"),
             "identity E_kin/E_dd = R/a_gl verified by sympy with a_gl = 2 Lambda^2 m/(hbar^2 rho c_t^2)"),
    Equation(6, "2.2", _SEC2, "glasson.scales.crossover_mass", _printed("6"),
             "E_s = E_kin at xi; solved with Eq. 7 by glasson.symbolic.solve_crossover"),
    Equation(7, "2.2", _SEC2, "glasson.scales.crossover_length", _printed("7"),
             "E_s = E_dd at xi; solved with Eq. 6 by glasson.symbolic.solve_crossover"),
    Equation(8, "2.2", _SEC2, "glasson.scales.crossover_length", _printed("8"),
             "inconsistent as printed because H is defined as sqrt(hbar rho) c_t; with H = sqrt(hbar rho c_t) "
             "(g/s, what Eqs. 6-7 give) Eq. 8 is consistent and is what glasson implements "
             "(also glasson.scales.crossover_mass)"),
)


def entries() -> list[dict[str, Any]]:
    """One dict per equation: number, section, notebook, glasson, dimension_printed, dimension_detail, note."""
    from . import symbolic

    out = []
    for eq in EQUATIONS:
        if eq.printed is None:
            status, detail = "not-applicable", "operator equation"
        else:
            verdict = symbolic.dimension_check(eq.printed())
            status, detail = verdict.status, verdict.detail
        out.append({"number": eq.number, "section": eq.section, "notebook": eq.notebook, "glasson": eq.glasson,
                    "dimension_printed": status, "dimension_detail": detail, "note": eq.note})
    return out
