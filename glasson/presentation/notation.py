"""The book's notation page: every symbol with its meaning, its unit and where it first appears, and a short
glossary of the terms the chapters use (T-TLS, MRO, GPP, STM, Fermi glass, …), each term with an anchor the
chapters link to at its first use."""

from __future__ import annotations

from dataclasses import dataclass

from glasson.presentation.formatting import table

__all__ = ["Symbol", "SYMBOLS", "GLOSSARY", "notation_page", "glossary_anchor"]


@dataclass(frozen=True)
class Symbol:
    """One symbol of the book: TeX, meaning, CGS unit as the book writes it, and where it first appears."""

    tex: str
    meaning: str
    unit: str
    first: str


#: The chapters, by the label of their first section, as the notation page links to them.
_SEC2, _SEC31, _SEC32 = "{doc}`Sec. 2 <../notebooks/sec2_scales>`", "{doc}`Sec. 3.1 <../notebooks/sec3_1_thermal>`", \
    "{doc}`Sec. 3.2 <../notebooks/sec3_2_sound>`"
_SEC41, _SEC42 = "{doc}`Sec. 4.1 <../notebooks/sec4_1_fermi>`", "{doc}`Secs. 4.2–4.3 <../notebooks/sec4_2_tunneling>`"

#: Every symbol the book uses, in the order the paper introduces them.
SYMBOLS: tuple[Symbol, ...] = (
    Symbol(r"\hat c_\alpha, \hat c^\dagger_\alpha", "fermion (glasson) operators of blob α", "—", _SEC2),
    Symbol(r"\hat b_k, \hat b^\dagger_k", "phonon operators of wave-vector $k$", "—", _SEC2),
    Symbol(r"M^z, M^x", "the glasson–phonon couplings of Eq. (3): number-conserving and parity-odd", "—", _SEC2),
    Symbol(r"\rho", "mass density", r"$\mathrm{g\,cm^{-3}}$", _SEC2),
    Symbol("c_t, c_l", "transverse and longitudinal sound velocities", r"$\mathrm{cm\,s^{-1}}$", _SEC2),
    Symbol(r"\xi_{MRO}", "the medium-range-order length (the paper's ξ of Sec. 2.1)", "Å", _SEC2),
    Symbol(r"E_{int} = \hbar c_t/\xi_{MRO}", "interaction energy of T-TLSs at the MRO length", "K", _SEC2),
    Symbol(r"\Lambda", "the bare (chemical-bonding) coupling, a guess within the range the paper gives", "eV", _SEC2),
    Symbol("R", "the size of a blob", "Å", _SEC2),
    Symbol(r"E_s, E_{kin}, E_{int\text{-}dipole}", "phonon, kinetic and dipole energies of a blob of size $R$ (Eq. 4)",
           "K", _SEC2),
    Symbol(r"m_{gl}", "the glasson mass: of Eq. (8) in Sec. 2.2, the Fermi mass of Eq. (17) in Sec. 4.1", "g", _SEC2),
    Symbol(r"a_{gl}", "the dipolar 'Bohr radius' of Eq. (5)", "Å", _SEC2),
    Symbol(r"H", r"the constant of Eq. (8): $\sqrt{\hbar\rho c_t}$ as Eqs. (6)–(7) give it (printed $\sqrt{\hbar\rho}\,c_t$)",
           r"$\mathrm{g\,s^{-1}}$", _SEC2),
    Symbol(r"\xi", "the crossover length of Eq. (8), where the three energies meet (not the MRO length)", "Å", _SEC2),
    Symbol(r"E_\xi = \hbar c_t/\xi", "the crossover energy", "K", _SEC2),
    Symbol(r"C_v/T", "the linear specific-heat slope per unit mass", r"$\mathrm{erg\,g^{-1}\,K^{-2}}$", _SEC31),
    Symbol(r"\nu_0", r"the paper's density of states of glassons, $p_Fm_F/\hbar^3 = \rho(C_v/T)/k_B^2$",
           r"$\mathrm{erg^{-1}\,cm^{-3}}$", _SEC31),
    Symbol(r"T_Q, E_Q = k_BT_Q", "the quantum crossover temperature below which glassons are degenerate", "K", _SEC31),
    Symbol(r"\alpha_{d\text{-}d}, u = \nu_0\alpha_{d\text{-}d}", "the dipolar coupling of Eq. (13) and its dimensionless "
           "form", r"$\mathrm{erg\,cm^{3}}$, —", _SEC31),
    Symbol(r"\alpha", r"the exponent of the logarithmic correction of Eq. (13): $C \propto T^{1+\alpha}$, "
           r"$\kappa \propto T^{2-\alpha}$", "—", _SEC31),
    Symbol(r"\kappa", "the phonon thermal conductivity", r"$\mathrm{W\,cm^{-1}\,K^{-1}}$", _SEC31),
    Symbol(r"\tau^{-1}", "a phonon's scattering rate (Eqs. 10–12)", r"$\mathrm{s^{-1}}$", _SEC31),
    Symbol(r"Q^{-1}, Q_t^{-1}", "internal friction, and that of transverse sound (Eq. 15)", "—", _SEC32),
    Symbol(r"K_{F\text{-}s}, K_{Q,t}",
           r"the constants of Eqs. (14) and (15); $K_{Q,t}$ depends on the reading of $\nu$", "—", _SEC32),
    Symbol(r"\lambda", r"the glasson–phonon coupling of Eq. (14), $\lambda^2 = \epsilon_F M_{atom} c_t^2$", "K", _SEC32),
    Symbol(r"M_{atom}", r"the mass per atom, $\rho a^3$", "g", _SEC32),
    Symbol("a", "the inter-atomic distance (a guess for silica, derived from the density for the other glasses)", "Å", _SEC32),
    Symbol(r"\epsilon_F, E_F", "the glasson Fermi energy (a guess of the paper)", "K", _SEC41),
    Symbol(r"k_F, m_F, v_F", r"Fermi wave-vector (Eq. 16), Fermi mass (Eq. 17) and Fermi velocity $\hbar k_F/m_F$",
           r"$\mathrm{cm^{-1}}$, g, $\mathrm{cm\,s^{-1}}$", _SEC41),
    Symbol(r"C, \bar P", "the tunnelling model's tunnelling strength and distribution constant", r"—, "
           r"$\mathrm{erg^{-1}\,cm^{-3}}$", _SEC42),
)

#: The glossary: term → definition (MyST).
GLOSSARY: dict[str, str] = {
    "T-TLS": "A *tunnelling two-level system*: a local configuration of atoms with two nearly degenerate minima "
             "between which it tunnels; the standard model of the low-temperature anomalies of glasses, and what "
             "the paper re-describes as fermions.",
    "TLS": "A two-level system; see T-TLS.",
    "STM": "The *standard tunnelling model* of independent TLSs with a broad distribution of asymmetries and "
           "barriers (Anderson, Halperin and Varma; Phillips); the comparison of Sections 4.2–4.3.",
    "GPP": "The *glasson phenomenology* of the paper: glassons, fermions at the scale of the crossover length, "
           "with the couplings of Eq. (3).",
    "glasson": "The paper's fermionic quasi-particle of a strongly non-crystalline solid, a blob of the size of the "
               "crossover length.",
    "MRO": "*Medium-range order*: the structure of a glass beyond nearest neighbours, over a length "
           "$\\xi_{MRO}$ of a few nanometres (the paper's Sec. 2.1).",
    "Fermi glass": "A system of localized fermions with a finite density of states at the Fermi energy "
                   "(Anderson; Fleishman and Anderson): the state the paper assigns to glassons.",
    "Boson peak": "An excess of vibrational states over the Debye density at a few meV, seen in every glass.",
    "Debye phonons": "Acoustic phonons with the linear dispersion up to the Debye energy, giving C ∝ T³.",
}


def glossary_anchor(term: str) -> str:
    """The anchor of a glossary term on the notation page (its heading's slug): ``"T-TLS"`` → ``"t-tls"``."""
    return term.lower().replace(" ", "-")


def notation_page() -> str:
    """The symbols table and the glossary (MyST), for ``book/notation.md``."""
    rows = [(f"${s.tex}$", s.meaning, s.unit, s.first) for s in SYMBOLS]
    out = [table(("symbol", "meaning", "unit", "first appears"), rows), "", "## Glossary", ""]
    for term, text in GLOSSARY.items():
        out += [f"### {term}", "", text, ""]
    return "\n".join(out)
