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
    "3.1": "notebooks/sec3_1_thermal.ipynb",
    "3.2": "notebooks/sec3_2_sound.ipynb",
    "4.1": "notebooks/sec4_1_fermi.ipynb",
    "4.2": "notebooks/sec4_2_tunneling.ipynb",
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
    Equation(9, "3.1", NOTEBOOKS["3.1"], "glasson.thermal.kappa_spectral", _printed("9"),
             "kinetic formula; implemented in its spectral form (1/3) sum_pol int C(omega) c^2 tau(omega) d omega, "
             "with closed forms glasson.thermal.kappa_resonant and glasson.thermal.kappa_pair"),
    Equation(10, "3.1", NOTEBOOKS["3.1"], "glasson.thermal.rate_resonant", _printed("10"),
             "Fermi golden rule; the two couplings of Eq. 3 give Eqs. 11 and 12 (glasson.thermal.rate_pair)"),
    Equation(11, "3.1", NOTEBOOKS["3.1"], "glasson.thermal.rate_pair", _printed("11"),
             "as printed the right side is an energy squared per time: the two fermion densities of states are "
             "missing; the pair integral is hbar omega/(1 - exp(-hbar omega/k_B T)) (sympy), ~ k_B T only for "
             "hbar omega << k_B T, and hbar omega with detailed balance (T-independent net rate)"),
    Equation(12, "3.1", NOTEBOOKS["3.1"], "glasson.thermal.rate_resonant", _printed("12"),
             "as printed the right side is an energy per time (a density of states is missing) and n_F(omega/T) "
             "needs hbar = k_B = 1; 1 - 2 n_F = tanh(hbar omega/2 k_B T) (sympy); implemented with the "
             "internal friction Q^-1 as coupling"),
    Equation(13, "3.1", NOTEBOOKS["3.1"], "glasson.thermal.dos_log_correction", _printed("13"),
             "ln(E_Q/T) needs k_B = 1; the printed nu_0 = p_F m_F/hbar^3 = rho C_v/(k_B T) is pi^2 and pi^2/3 times "
             "the free-fermion density of states; effective exponents in glasson.thermal.heat_capacity_exponent"),
    Equation(14, "3.2", NOTEBOOKS["3.2"], "glasson.acoustics.internal_friction_eq14", _printed("14"),
             "consistent with lambda an energy (as lambda^2 = eps_F M c^2 requires); the definition lambda = "
             "M^x sqrt(c_t) is not; the second form of K_F-s is 2 pi^2 times the first (with rho = M_atom/a^3)"),
    Equation(15, "3.2", NOTEBOOKS["3.2"], "glasson.acoustics.internal_friction", _printed("15"),
             "Eq. 14 with the paper's coupling gives K_Q,t = 1/(2 pi) (sympy), not 'of order 1'"),
    Equation(16, "4.1", NOTEBOOKS["4.1"], "glasson.fermi.fermi_wavevector", _printed("16"),
             "printed with k_B = 1; derived by sympy from spin-1/2 free fermions and the Sommerfeld specific heat, "
             "same coefficient 6"),
    Equation(17, "4.1", NOTEBOOKS["4.1"], "glasson.fermi.fermi_mass", _printed("17"),
             "printed with k_B = 1 and coefficient 3/2; Eq. 16 with eps_F = hbar^2 k_F^2/(2m) gives 9/2, a mass "
             "3^(1/3) larger (glasson.fermi.fermi_mass_as_printed keeps the printed form)"),
    Equation(18, "4.1", NOTEBOOKS["4.1"], "glasson.fermi.eq18_ratio", _printed("18"),
             "an identity when E_F uses the Eq. 8 mass (sympy), not the Eq. 17 mass"),
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
