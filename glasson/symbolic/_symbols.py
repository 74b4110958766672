"""Every sympy symbol of the compendium, with its CGS dimension and, where it needs one, a LaTeX name.

A symbol whose name holds braces is printed verbatim by sympy's LaTeX printer, so the paper's own notation
(:math:`\\alpha_{d\\text{-}d}`, :math:`K_{F\\text{-}s}`, :math:`Q^{-1}`) appears in every displayed result.
:data:`DIMS` maps each symbol to its dimension for :func:`glasson.core.dimensions.check_equation`;
:data:`ASSUMED_DIMENSIONS` names the symbols whose dimension the paper never states, with the reading the
compendium takes (a dimension verdict that rests on one of them says so).
"""

from __future__ import annotations

import sympy as sp

from glasson.core.dimensions import (
    ACTION,
    DENSITY,
    DIMENSIONLESS,
    ENERGY,
    LENGTH,
    MASS,
    TEMPERATURE,
    TIME,
    VELOCITY,
    Dim,
)

__all__ = [
    "hbar", "k_B", "rho", "c_t", "Lambda", "m_gl", "R", "xi", "H", "a_gl", "n_gl", "E_xi_sym",
    "x", "y", "T", "kappa", "C_ph", "c_s", "tau", "omega", "H_el", "delta_E", "M_z", "M_x",
    "eps", "eps1", "eps2", "nu", "nu0", "alpha_dd", "E_Q", "k_F", "m_F", "v_F", "eps_F", "p_F", "E_F",
    "gamma_m", "C_v", "a", "M_atom", "lam", "K_Fs", "Q_inv", "K_Qt", "s_snd", "n_F", "n0_tls",
    "q", "V", "u_dd", "L_log", "g_pair", "C", "DIMS", "ASSUMED_DIMENSIONS", "POSITIVE",
]

#: The assumptions every physical symbol carries.
POSITIVE = {"positive": True, "real": True}

# --- Section 2 ---------------------------------------------------------------------------------------------
hbar, k_B = sp.symbols("hbar k_B", **POSITIVE)
rho = sp.Symbol("rho", **POSITIVE)
c_t = sp.Symbol("c_t", **POSITIVE)
Lambda = sp.Symbol("Lambda", **POSITIVE)
m_gl = sp.Symbol("m_gl", **POSITIVE)
R = sp.Symbol("R", **POSITIVE)
xi = sp.Symbol("xi", **POSITIVE)
H = sp.Symbol("H", **POSITIVE)
a_gl = sp.Symbol("a_gl", **POSITIVE)
n_gl = sp.Symbol("n_gl", **POSITIVE)
E_xi_sym = sp.Symbol("E_xi", **POSITIVE)

# --- Sections 3.1, 3.2, 4.1 -------------------------------------------------------------------------------
x, y = sp.symbols("x y", positive=True)
T = sp.Symbol("T", **POSITIVE)
kappa, C_ph, c_s, tau, omega = sp.symbols("kappa C_ph c_s tau omega", **POSITIVE)
H_el = sp.Symbol("|H_{int}|", **POSITIVE)                     # matrix element of Eq. (10)
delta_E = sp.Symbol(r"\delta{(E_f - E_i)}", **POSITIVE)       # the energy delta function of Eq. (10)
M_z = sp.Symbol("M^{z}", **POSITIVE)                          # couplings of Eq. (3): sqrt(omega) M is an energy
M_x = sp.Symbol("M^{x}", **POSITIVE)
eps, eps1, eps2 = sp.symbols("epsilon epsilon_1 epsilon_2", real=True)
nu, nu0 = sp.symbols("nu nu_0", **POSITIVE)
alpha_dd = sp.Symbol(r"\alpha_{d\text{-}d}", **POSITIVE)
E_Q = sp.Symbol("E_Q", **POSITIVE)
k_F, m_F, v_F, eps_F, p_F, E_F = sp.symbols("k_F m_F v_F epsilon_F p_F E_F", **POSITIVE)
gamma_m = sp.Symbol(r"{\left(C_v/T\right)}", **POSITIVE)      # C_v/T per unit mass
C_v = sp.Symbol("C_v", **POSITIVE)                            # C_v per unit mass
a = sp.Symbol("a", **POSITIVE)
M_atom = sp.Symbol("M_{atom}", **POSITIVE)
lam = sp.Symbol(r"\lambda_{gl\text{-}ph}", **POSITIVE)
K_Fs = sp.Symbol(r"K_{F\text{-}s}", **POSITIVE)
Q_inv = sp.Symbol("{Q^{-1}}", **POSITIVE)
K_Qt = sp.Symbol("K_{Q,t}", **POSITIVE)
s_snd = sp.Symbol("s", **POSITIVE)                            # the sound velocity "s" of Eq. (14)
n_F = sp.Function("n_F")
q = sp.Symbol("q", **POSITIVE)                                # phonon wave-vector
V = sp.Symbol("V", **POSITIVE)                                # volume of the sample
u_dd = sp.Symbol("u", **POSITIVE)                             # dimensionless dipolar coupling nu_0 alpha_dd
L_log = sp.Symbol("L", **POSITIVE)                            # ln(T_Q/T)
g_pair = sp.Symbol("g", **POSITIVE)                           # dimensionless pair coupling of Eq. (11)

# --- the standard tunnelling model --------------------------------------------------------------------------
n0_tls = sp.Symbol("n_0", **POSITIVE)
C = sp.Symbol("C", **POSITIVE)                                # tunnelling strength

#: CGS dimension of every symbol. H is declared in g s⁻¹, the unit the paper quotes for it.
DIMS: dict[sp.Symbol, Dim] = {
    hbar: ACTION, k_B: ENERGY / TEMPERATURE, rho: DENSITY, c_t: VELOCITY, Lambda: ENERGY, m_gl: MASS,
    R: LENGTH, xi: LENGTH, H: MASS / TIME, a_gl: LENGTH, n_gl: LENGTH**-3, E_xi_sym: ENERGY,
    T: TEMPERATURE, kappa: ENERGY / (TIME * LENGTH * TEMPERATURE), C_ph: ENERGY / (LENGTH**3 * TEMPERATURE),
    c_s: VELOCITY, s_snd: VELOCITY, tau: TIME, omega: TIME**-1, H_el: ENERGY, delta_E: ENERGY**-1,
    M_z: ENERGY * TIME ** sp.Rational(1, 2), M_x: ENERGY * TIME ** sp.Rational(1, 2),
    eps: ENERGY, eps1: ENERGY, eps2: ENERGY, nu: 1 / (ENERGY * LENGTH**3), nu0: 1 / (ENERGY * LENGTH**3),
    alpha_dd: ENERGY * LENGTH**3, E_Q: ENERGY, k_F: LENGTH**-1, m_F: MASS, v_F: VELOCITY, eps_F: ENERGY,
    p_F: MASS * VELOCITY, E_F: ENERGY, gamma_m: ENERGY / (MASS * TEMPERATURE**2),
    C_v: ENERGY / (MASS * TEMPERATURE), a: LENGTH, M_atom: MASS, lam: ENERGY, K_Fs: DIMENSIONLESS,
    Q_inv: DIMENSIONLESS, K_Qt: DIMENSIONLESS, q: LENGTH**-1, V: LENGTH**3, u_dd: DIMENSIONLESS,
    L_log: DIMENSIONLESS, g_pair: DIMENSIONLESS, n0_tls: 1 / (ENERGY * LENGTH**3), C: DIMENSIONLESS,
}

#: Symbols whose dimension the paper never states, and the reading the compendium takes. A dimension verdict
#: on a relation holding one of them depends on this reading (the equations page says so).
ASSUMED_DIMENSIONS: dict[sp.Symbol, str] = {
    M_z: r"$\sqrt{\omega_k}\,M^z$ is an energy, as Eq. (3) needs for a term of a Hamiltonian",
    M_x: r"$\sqrt{\omega_k}\,M^x$ is an energy, as Eq. (3) needs for a term of a Hamiltonian",
    alpha_dd: r"$\alpha_{d\text{-}d}/R^3$ is an energy (a dipolar interaction)",
    lam: r"$\lambda_{gl\text{-}ph}$ is an energy, as $\lambda^2 \simeq \epsilon_F M_{atom} c_t^2$ requires",
    nu: r"$\nu$ is a density of states per unit energy and volume",
    nu0: r"$\nu_0$ is a density of states per unit energy and volume",
}
