"""The paper's equations 1–18: where each is handled (notebook, glasson function), what the compendium did with
it (derived, proved as an identity, or taken as printed), and its dimensions.

``dimension_printed`` is computed from the sympy form of the equation *as printed*
(:func:`glasson.symbolic.registry.printed`) by :func:`glasson.core.dimensions.check_equation`; it is never typed. Where the
verdict rests on the compendium's reading of a symbol whose dimension the paper never states
(:data:`glasson.symbolic._symbols.ASSUMED_DIMENSIONS`), ``dimension_assumptions`` names it.

``derivation`` says exactly what was done, with the assumptions named:

* ``derived``: sympy reaches the printed form (or a corrected one, and the note says which) from the stated
  assumptions;
* ``identity``: sympy proves an identity or a limit the equation rests on (its algebra, a thermal factor);
* ``as-printed``: the equation is taken from the paper (a definition, an assumption of the paper, a textbook
  formula); it is evaluated and its dimensions checked, but not derived.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sympy as sp

__all__ = ["Equation", "Derivation", "EQUATIONS", "NOTEBOOKS", "entries", "DIMENSION_STATUSES",
           "DERIVATION_STATUSES", "derivation_counts"]

DIMENSION_STATUSES = ("consistent", "inconsistent", "natural-units", "not-applicable")
DERIVATION_STATUSES = ("derived", "identity", "as-printed")

#: One notebook per paper section (paths relative to the repository root).
NOTEBOOKS: dict[str, str] = {
    "2": "notebooks/sec2_scales.ipynb",
    "3.1": "notebooks/sec3_1_thermal.ipynb",
    "3.2": "notebooks/sec3_2_sound.ipynb",
    "4.1": "notebooks/sec4_1_fermi.ipynb",
    "4.2": "notebooks/sec4_2_tunneling.ipynb",
}


@dataclass(frozen=True)
class Derivation:
    """What the compendium did with an equation: its status, in words, the assumptions, and the sympy function."""

    status: str
    what: str
    assumptions: tuple[str, ...] = ()
    sympy: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.status not in DERIVATION_STATUSES:
            raise ValueError(f"derivation status must be one of {DERIVATION_STATUSES}, got {self.status!r}")


@dataclass(frozen=True)
class Equation:
    """A paper equation and where the compendium handles it."""

    number: int
    section: str
    notebook: str
    glasson: str | None
    printed: Callable[[], tuple[sp.Eq, ...]] | None
    note: str
    derivation: Derivation = field(default_factory=lambda: Derivation("as-printed", ""))


def _printed(name: str) -> Callable[[], tuple[sp.Eq, ...]]:
    def relations() -> tuple[sp.Eq, ...]:
        from glasson import symbolic

        return symbolic.printed(name)

    return relations


_SEC2 = NOTEBOOKS["2"]
_OPERATORS = ("the Hamiltonian built as exact matrices on two glasson sites (Jordan–Wigner) and two phonon modes "
              "±k truncated at one quantum, which keeps b† the adjoint of b",
              "every coefficient a free complex symbol")
EQUATIONS: tuple[Equation, ...] = (
    Equation(1, "2.1", _SEC2, None, None, "operator sum $H_{total} = H_{main} + H_{int}$; no dimensions to check",
             Derivation("as-printed", "a definition: the Hamiltonian is the sum of its parts")),
    Equation(2, "2.1", _SEC2, None, None,
             "operator Hamiltonian; Hermitian iff $t_{\\beta\\alpha} = \\bar t_{\\alpha\\beta}$ and "
             "$A_{k'k} = \\bar A_{kk'}$ ({py:func}`~glasson.formulas.operators.hermiticity_conditions`); every term is "
             "fermion-parity even",
             Derivation("identity", "postulated; sympy finds its Hermiticity conditions as the non-zero entries of "
                        "$H - H^\\dagger$ and proves every term parity-even", _OPERATORS,
                        ("glasson.formulas.operators.hamiltonian_report",))),
    Equation(3, "2.1", _SEC2, None, None,
             "Hermitian iff $M^z_{\\beta\\alpha,-k} = \\bar M^z_{\\alpha\\beta,k}$ and "
             "$M^x_{\\alpha,-k} = \\bar M^x_{\\alpha,k}$; the $M^x$ term is fermion-parity odd (anticommutes with "
             "$(-1)^N$), see {py:func}`~glasson.formulas.operators.parity_class`",
             Derivation("identity", "postulated; sympy finds its Hermiticity conditions and proves the $M^x$ term "
                        "odd under fermion parity", _OPERATORS, ("glasson.formulas.operators.hamiltonian_report",))),
    Equation(4, "2.2", _SEC2, "glasson.formulas.scales.phonon_energy", _printed("4"),
             "$E_s = \\hbar c_t/R$, $E_{kin} = \\hbar^2/(2 m R^2)$, $E_{dd} = \\Lambda^2/(\\rho c_t^2 R^3)$: all "
             "energies; also {py:func}`~glasson.formulas.scales.kinetic_energy`, "
             "{py:func}`~glasson.formulas.scales.dipole_energy`",
             Derivation("identity", "the three energies are the paper's definitions; sympy proves that with the "
                        "mass of Eq. (8) both ratios $E_s/E_{kin}$ and $E_{kin}/E_{dd}$ equal $R/\\xi$, so the "
                        "hierarchy "
                        "holds exactly for $R \\gg \\xi$", ("the glasson mass of Eq. (8)",), ("glasson.symbolic.eq4_ratios",))),
    Equation(5, "2.2", _SEC2, "glasson.formulas.scales.kinetic_dipole_ratio", _printed("5"),
             "identity $E_{kin}/E_{dd} = R/a_{gl}$ verified by sympy with $a_{gl} = 2\\Lambda^2 m/(\\hbar^2\\rho "
             "c_t^2)$",
             Derivation("identity", "sympy proves $E_{kin}/E_{dd} = R/a_{gl}$ with the printed $a_{gl}$, and "
                        "$a_{gl} = \\xi$ with the Eq. (8) mass", (r"the printed definition of $a_{gl}$",),
                        ("glasson.symbolic.eq5_ratio",))),
    Equation(6, "2.2", _SEC2, "glasson.formulas.scales.crossover_mass", _printed("6"),
             "$E_s = E_{kin}$ at ξ; solved with Eq. 7 by {py:func}`glasson.symbolic.scales.solve_crossover`",
             Derivation("as-printed", "the paper's assumption of a single crossover length; solved with Eq. (7)")),
    Equation(7, "2.2", _SEC2, "glasson.formulas.scales.crossover_length", _printed("7"),
             "$E_s = E_{dd}$ at ξ; solved with Eq. 6 by {py:func}`glasson.symbolic.scales.solve_crossover`",
             Derivation("as-printed", "the paper's assumption of a single crossover length; solved with Eq. (6)")),
    Equation(8, "2.2", _SEC2, "glasson.formulas.scales.crossover_length", _printed("8"),
             "inconsistent as printed because H is defined as $\\sqrt{\\hbar\\rho}\\,c_t$; with "
             "$H = \\sqrt{\\hbar\\rho c_t}$ (in g s⁻¹, what Eqs. 6–7 give) Eq. 8 is consistent and is what glasson "
             "implements (also {py:func}`~glasson.formulas.scales.crossover_mass`)",
             Derivation("derived", "sympy solves Eqs. (6)–(7) for $\\xi$ and $m_{gl}$; the printed form follows "
                        "with $H = \\sqrt{\\hbar\\rho c_t}$, not with the printed $H \\equiv "
                        "\\sqrt{\\hbar\\rho}\\,c_t$",
                        ("Eqs. (6) and (7) as equalities", "the positive roots"),
                        ("glasson.symbolic.solve_crossover",))),
    Equation(9, "3.1", NOTEBOOKS["3.1"], "glasson.formulas.conductivity.kappa_spectral", _printed("9"),
             "kinetic formula; implemented in its spectral form "
             "$\\frac13\\sum_{pol}\\int C(\\omega) c^2 \\tau(\\omega)\\,d\\omega$, with closed forms "
             "{py:func}`~glasson.formulas.conductivity.kappa_resonant` and {py:func}`~glasson.formulas.conductivity.kappa_pair`",
             Derivation("as-printed", "the kinetic formula of kinetic theory, taken as printed; sympy derives the "
                        "closed forms of its spectral version ($\\kappa \\propto T^2$ resonant, $\\propto T$ pair) and "
                        "the single phonon $x^* = 2.93$ at which the printed one-phonon form equals them",
                        ("Debye phonons, two transverse and one longitudinal branch",),
                        ("glasson.symbolic.kappa_closed_form",))),
    Equation(10, "3.1", NOTEBOOKS["3.1"], "glasson.formulas.scattering.rate_resonant", _printed("10"),
             "Fermi golden rule; the two couplings of Eq. 3 give Eqs. 11 and 12 "
             "({py:func}`~glasson.formulas.scattering.rate_pair`)",
             Derivation("as-printed", "the Fermi golden rule, taken as printed")),
    Equation(11, "3.1", NOTEBOOKS["3.1"], "glasson.formulas.scattering.rate_pair", _printed("11"),
             "as printed the right side is an energy squared per time: the two fermion densities of states are "
             "missing; the pair integral is $\\hbar\\omega/(1 - e^{-\\hbar\\omega/k_BT})$ (sympy), $\\sim k_BT$ only "
             "for $\\hbar\\omega \\ll k_BT$, and $\\hbar\\omega$ with detailed balance (T-independent net rate)",
             Derivation("identity", "the prefactor as printed; sympy derives its thermal factor, the pair integral "
                        "$\\hbar\\omega/(1 - e^{-\\hbar\\omega/k_BT})$ (absorption) and $\\hbar\\omega$ (absorption "
                        "minus emission), by partial fractions",
                        ("Fermi functions at the same temperature", r"a constant density of states near $\epsilon_F$"),
                        ("glasson.symbolic.pair_integral",))),
    Equation(12, "3.1", NOTEBOOKS["3.1"], "glasson.formulas.scattering.rate_resonant", _printed("12"),
             "as printed the right side is an energy per time (a density of states is missing) and "
             "$n_F(\\omega/T)$ needs $\\hbar = k_B = 1$; $1 - 2n_F = \\tanh(\\hbar\\omega/2k_BT)$ (sympy); implemented "
             "with the internal friction $Q^{-1}$ as coupling",
             Derivation("identity", "the prefactor as printed; sympy proves its thermal factor "
                        "$1 - 2n_F(x) = \\tanh(x/2)$", (), ("glasson.symbolic.resonant_factor_identity",))),
    Equation(13, "3.1", NOTEBOOKS["3.1"], "glasson.formulas.dipolar.dos_log_correction", _printed("13"),
             "$\\ln(E_Q/T)$ needs $k_B = 1$; the printed $\\nu_0 = p_F m_F/\\hbar^3 = \\rho C_v/(k_B T)$ is π² and "
             "π²/3 times the free-fermion density of states; effective exponents in "
             "{py:func}`~glasson.formulas.dipolar.heat_capacity_exponent`",
             Derivation("as-printed", "the formula is taken as printed; sympy derives its consequences, the local "
                        "exponents $d\\ln C/d\\ln T = 1 + u/(1+uL)$ and $d\\ln\\kappa/d\\ln T = 2 - u/(1+uL)$ "
                        "with $u = \\nu_0\\alpha_{d\\text{-}d}$ and $L = \\ln(T_Q/T)$, and their limits",
                        (r"$\epsilon \sim k_BT$ in Eq. (13)", r"$C \propto \nu(T)\,T$",
                         r"phonons scattered by $n_F \propto \nu(T)\,T$ glassons, $l \propto 1/(\nu(T)\,T)$"),
                        ("glasson.symbolic.eq13_local_exponents",))),
    Equation(14, "3.2", NOTEBOOKS["3.2"], "glasson.formulas.acoustics.internal_friction_from_K_Fs", _printed("14"),
             "consistent with λ an energy (as $\\lambda^2 = \\epsilon_F M c^2$ requires); the definition "
             "$\\lambda = M^x\\sqrt{c_t}$ is not; the second form of $K_{F\\text{-}s}$ is 2π² times the first (with "
             "$\\rho = M_{atom}/a^3$)",
             Derivation("derived", "sympy reaches $Q^{-1} = (\\pi/2)\\,(\\nu\\lambda^2/\\rho c_s^2)\\,(c_s/v_F)$ by the golden "
                        "rule: the printed Eq. (14) with $\\nu$ the density of states of one spin direction. The same "
                        "calculation without momentum conservation gives $Q^{-1} = K_{F\\text{-}s}\\,\\omega\\tau$ for "
                        "$ql \\ll 1$, and the pair ($M^z$) channel $Q^{-1} \\propto \\omega$: neither has the factor "
                        "$c_s/v_F$. What is put in by hand: the matrix element, a number-conserving scalar-strain "
                        "vertex $\\lambda\\,c^\\dagger c\\,\\nabla\\cdot u$, which does not couple to transverse "
                        "phonons (the paper's $\\lambda$ comes from the parity-odd $M^x$ term, and a shear vertex for the "
                        "transverse phonons of Eq. (15) adds a factor of order $(c_t/v_F)^2$); the pair channel is "
                        "evaluated with an assumed constant pair density of states, not derived",
                        ("a scalar-strain vertex λ c†c ∇·u, put in by hand",
                         r"free fermions, $q \ll k_F$, $\hbar\omega \ll \epsilon_F$",
                         "absorption minus stimulated emission", r"momentum conservation ($ql \gg 1$, $c_s < v_F$)",
                         "Q⁻¹ = Γ/ω with Γ the phonon decay rate"),
                        ("glasson.symbolic.golden_rule_absorption", "glasson.symbolic.broadened_absorption",
                         "glasson.symbolic.pair_channel_absorption"))),
    Equation(15, "3.2", NOTEBOOKS["3.2"], "glasson.formulas.acoustics.internal_friction", _printed("15"),
             "$K_{Q,t}$ depends on the reading of ν in Eq. 14: π/2 with the paper's $\\nu_0$, 1/(2π) with the "
             "free-fermion ν, π with the second form of $K_{F\\text{-}s}$, 1/(4π) by the golden rule",
             Derivation("derived", "sympy substitutes the paper's $\\lambda^2 = \\epsilon_F M_{atom} c_t^2$ and "
                        "$\\rho = M_{atom}/a^3$ into Eq. (14) and reaches Eq. (15), with $K_{Q,t}$ = 1/(4π), 1/(2π), "
                        "π/2 or π in the four readings of $\\nu$",
                        (r"$\lambda^2 = \epsilon_F M_{atom} c_t^2$ (the paper's conjecture)", r"$\rho = M_{atom}/a^3$",
                         r"$\nu$ of free spin-1/2 fermions at $\epsilon_F$, or the paper's $\nu_0$"),
                        ("glasson.symbolic.K_Qt_conventions",))),
    Equation(16, "4.1", NOTEBOOKS["4.1"], "glasson.formulas.fermi.fermi_wavevector", _printed("16"),
             "printed with $k_B = 1$; derived by sympy from spin-1/2 free fermions and the Sommerfeld specific heat, "
             "same coefficient 6",
             Derivation("derived", "sympy solves $\\epsilon_F = \\hbar^2k_F^2/2m$ and $\\rho C_v/T = (\\pi^2/3)\\nu k_B^2$: the "
                        "printed Eq. (16), coefficient 6, with $k_B$ restored",
                        ("free spin-1/2 fermions in three dimensions", "the Sommerfeld heat capacity",
                         "heat capacity per volume = ρ × the slope per mass"), ("glasson.symbolic.solve_fermi",))),
    Equation(17, "4.1", NOTEBOOKS["4.1"], "glasson.formulas.fermi.fermi_mass", _printed("17"),
             "printed with $k_B = 1$ and coefficient 3/2; Eq. 16 with $\\epsilon_F = \\hbar^2 k_F^2/(2m)$ gives 9/2, "
             "a mass $3^{1/3}$ larger ({py:func}`~glasson.formulas.fermi.fermi_mass_as_printed` keeps the printed form)",
             Derivation("derived", "the same system solved for $m_F$: coefficient 9/2 where the paper prints 3/2",
                        ("free spin-1/2 fermions in three dimensions", "the Sommerfeld heat capacity"),
                        ("glasson.symbolic.solve_fermi",))),
    Equation(18, "4.1", NOTEBOOKS["4.1"], "glasson.formulas.fermi.fermi_to_crossover_energy_ratio", _printed("18"),
             "an identity when $E_F$ uses the Eq. 8 mass (sympy), not the Eq. 17 mass",
             Derivation("identity", "sympy proves $E_F/E_\\xi = (k_F\\xi)^2$ with $E_F = \\hbar^2k_F^2/(2m_{gl})$ and "
                        "$m_{gl}$, $\\xi$ of Eq. (8); it fails with the Fermi mass of Eq. (17)",
                        (r"the mass of Eq. (8) in $E_F$",),
                        ("glasson.symbolic.eq18_identity",))),
)


def derivation_counts() -> dict[str, int]:
    """How many of Eqs. 1–18 are derived, proved as identities, or taken as printed (for README and intro).

    Examples
    --------
    >>> sum(derivation_counts().values())
    18
    """
    counts = Counter(eq.derivation.status for eq in EQUATIONS)
    return {status: counts[status] for status in DERIVATION_STATUSES}


def entries() -> list[dict[str, Any]]:
    """One dict per equation: number, section, notebook, glasson, dimension_printed, dimension_detail, note,
    derivation and dimension_assumptions."""
    from glasson import symbolic

    out = []
    for eq in EQUATIONS:
        assumed: list[dict[str, str]] = []
        if eq.printed is None:
            status, detail = "not-applicable", "operator equation"
        else:
            relations = eq.printed()
            verdict = symbolic.dimension_check(relations)
            status, detail = verdict.status, verdict.detail
            assumed = [{"symbol": sp.latex(s), "reading": why}
                       for s, why in symbolic.assumed_dimensions(relations).items()]
            if eq.number == 14:  # the definition of lambda below Eq. 14 is part of its verdict on the page
                assumed += [{"symbol": sp.latex(s), "reading": why}
                            for s, why in symbolic.assumed_dimensions(symbolic.printed("lambda")).items()
                            if sp.latex(s) not in {a["symbol"] for a in assumed}]
        d = eq.derivation
        out.append({"number": eq.number, "section": eq.section, "notebook": eq.notebook, "glasson": eq.glasson,
                    "dimension_printed": status, "dimension_detail": detail, "note": eq.note,
                    "derivation": {"status": d.status, "what": d.what, "assumptions": list(d.assumptions),
                                   "sympy": list(d.sympy)},
                    "dimension_assumptions": assumed})
    return out
