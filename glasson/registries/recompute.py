"""What each printed number is recomputed with: named functions of a material's inputs, which ``data/claims.toml``
refers to by name (``recompute``, ``explain``, ``bounds``).

* a **recompute** function gives the number (in the claim's unit) from a material; ``derived:KEY`` in the data names
  the value ``KEY`` of :func:`glasson.models.derived.derived_parameters` instead (one formula, one place);
* an **explain** function gives the values that fill the «placeholders» of a claim's note (no number is typed in a
  note);
* a **bounds** function gives the interval a bound claim's value must lie in.

Every function takes a :class:`~glasson.data.materials.Material` (the paper's silica, or a rerun's glass) and nothing
else; :data:`RECOMPUTE`, :data:`EXPLAIN` and :data:`BOUNDS` hold them by name.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from typing import TypeVar

from glasson.core import constants as const
from glasson.core.text import number
from glasson.core.units import Real
from glasson.data import materials
from glasson.data.materials import Material
from glasson.data.printed import printed_claims
from glasson.formulas import conductivity, dipolar, heat_capacity, scales, scattering
from glasson.models.derived import derived_parameters
from glasson.registries.rules import MUCH_LESS

__all__ = ["RECOMPUTE", "EXPLAIN", "BOUNDS", "recompute", "explains", "bound", "derived", "printed", "T_ALPHA"]

#: Where Eq. (13)'s effective exponent is judged: 0.1 K, inside the experimental window below T_Q.
T_ALPHA = 0.1
#: The recompute functions by name: each gives a claim's number, in the claim's unit, from a material.
RECOMPUTE: dict[str, Callable[[Material], float]] = {}
#: The explain functions by name: each gives the values that fill the placeholders of a claim's note.
EXPLAIN: dict[str, Callable[[Material], dict[str, str]]] = {}
#: The bounds functions by name: each gives the interval a bound claim's value must lie in.
BOUNDS: dict[str, Callable[[Material], tuple[float, float]]] = {}
F = TypeVar("F", bound=Callable[..., object])


def _register(table: dict) -> Callable[[F], F]:  # one of the three registries, whatever their value type
    def add(func: F) -> F:
        table[func.__name__] = func
        return func

    return add


recompute, explains, bound = _register(RECOMPUTE), _register(EXPLAIN), _register(BOUNDS)


def derived(m: Material) -> dict[str, float]:
    """The derived values of ``m`` (:func:`glasson.models.derived.derived_parameters`)."""
    return derived_parameters(m)


def printed(claim_id: str) -> float:
    """The paper's printed value of a claim (to show what a printed intermediate implies)."""
    value = next(c.paper for c in printed_claims() if c.id == claim_id)
    assert value is not None
    return value


def _n(x: Real, sig: int = 3) -> str:
    """A number as a reader writes it (``3.05 × 10⁻¹¹``, trailing zeros dropped), for the notes."""
    return number(float(x), sig, trim=True)


def _slope(f: Callable[[float], Real], x0: float, h: float = 1e-4) -> float:
    """d ln f / d ln x at x0 by a central difference (the exponent of a local power law)."""
    return (math.log(float(f(x0 * math.exp(h)))) - math.log(float(f(x0 * math.exp(-h))))) / (2 * h)


@functools.lru_cache(maxsize=4096)
def _fermi_gas_ratio(t: float) -> float:
    """The exact Fermi gas's C/C_Sommerfeld at t = T/T_F (a quadrature: remembered, as a claim is evaluated again at
    the same t for many values of the other inputs, by the reconciliation and the explorer)."""
    return float(heat_capacity.fermi_gas_heat_capacity_ratio(t))


def _T_Q_over_T_F(m: Material) -> float:
    return m.value("T_Q").value / m.value("eps_F").value


def _thermal_omega(T: float) -> float:
    """The frequency of the thermal phonons at T: the maximum of the phonon energy density, ħω ≈ 2.82 k_BT."""
    return scattering.thermal_phonon_peak_x() * const.k_B * T / const.hbar


def _K_Qt_conventions(m: Material) -> dict[str, float]:
    from glasson.formulas.acoustics import K_Qt_conventions

    return {key.replace(" ", "_").replace("-", "_"): value for key, value in K_Qt_conventions().items()}


@recompute
def E_dd_at_mro(m: Material) -> float:
    return float(const.erg_to_K(scales.dipole_energy(m.cgs("xi_mro"), m.cgs("Lambda"), m.cgs("rho"), m.cgs("c_t"))))


@recompute
def C_exponent_at_T_Q(m: Material) -> float:
    """Exponent of the exact free-fermion C(T) at T = T_Q (the top of the paper's linear range)."""
    return _slope(lambda t: t * _fermi_gas_ratio(t), _T_Q_over_T_F(m), h=1e-3)


@recompute
def pair_rate_T_exponent(m: Material) -> float:
    """T exponent of the absorption-only pair rate at fixed ω, for the thermal phonons of T = T_Q."""
    T0 = m.value("T_Q").value
    w = _thermal_omega(T0)
    return _slope(lambda T: scattering.rate_pair(w, T, 1.0, m.cgs("eps_F"), net=False), T0)


@recompute
def pair_rate_omega_exponent(m: Material) -> float:
    T0 = m.value("T_Q").value
    return _slope(lambda w: scattering.rate_pair(w, T0, 1.0, m.cgs("eps_F"), net=False), _thermal_omega(T0))


@recompute
def resonant_rate_T_exponent(m: Material) -> float:
    """Thermal phonons, ħω = k_BT: the rate of Eq. (12) as T (and ω with it) changes."""
    return _slope(lambda T: scattering.rate_resonant(const.k_B * T / const.hbar, T, 1e-4), m.value("T_Q").value)


@recompute
def kappa_T_exponent(m: Material) -> float:
    Q = derived(m)["Q_inv_t"]
    return _slope(lambda T: conductivity.kappa_resonant(T, Q, m.cgs("c_t")), m.value("T_Q").value)


@recompute
def alpha_at(m: Material, convention: str = "paper") -> float:
    u = dipolar.dipolar_u_dd(m.value("cv_slope").value, m.cgs("Lambda"), m.cgs("c_t"), convention)
    return float(dipolar.heat_capacity_exponent(T_ALPHA, u, m.value("T_Q").value) - 1)


@explains
def inputs(m: Material) -> dict[str, str]:
    """The paper's inputs as a note quotes them."""
    return {"xi_mro": _n(m.value("xi_mro").value), "c_t": _n(m.value("c_t").value),
            "Lambda": _n(m.value("Lambda").value), "eps_F": _n(m.value("eps_F").value),
            "rho": _n(m.value("rho").value), "cv": _n(m.value("cv_slope").value)}


@explains
def lambda_for_mro(m: Material) -> dict[str, str]:
    lam = scales.coupling_for_length(m.cgs("xi_mro"), m.cgs("rho"), m.cgs("c_t"))
    return {**inputs(m), "Lambda_eV": _n(const.erg_to_eV(lam), 2)}


@explains
def m_gl_with_printed_H(m: Material) -> dict[str, str]:
    return {**inputs(m), "m": _n(const.hbar * printed("sec2.2-H") / (2 * m.cgs("Lambda")), 2)}


@explains
def E_xi_with_printed_xi(m: Material) -> dict[str, str]:
    xi_printed = const.angstrom_to_cm(printed("sec2.2-xi"))
    return {"E": _n(const.erg_to_K(scales.phonon_energy(xi_printed, m.cgs("c_t"))), 2),
            "xi_p": _n(printed("sec2.2-xi"))}


@explains
def C_deviation_at_T_Q(m: Material) -> dict[str, str]:
    t = _T_Q_over_T_F(m)
    return {"dev": _n(100 * (1 - heat_capacity.fermi_gas_heat_capacity_ratio(t)), 2), "t": _n(t, 2)}


@explains
def pair_exponents(m: Material) -> dict[str, str]:
    T0 = m.value("T_Q").value
    w0 = _thermal_omega(T0)
    soft = 0.01 * const.k_B * T0 / const.hbar  # ħω = 0.01 k_BT, where the absorption rate is ∝ Tω
    return {"x": _n(scattering.thermal_phonon_peak_x()),
            "T_net": _n(abs(_slope(lambda T: scattering.rate_pair(w0, T, 1.0, m.cgs("eps_F")), T0)), 2),
            "w_net": _n(_slope(lambda w: scattering.rate_pair(w, T0, 1.0, m.cgs("eps_F")), w0), 3),
            "T_soft": _n(_slope(lambda T: scattering.rate_pair(soft, T, 1.0, m.cgs("eps_F"), net=False), T0), 3),
            "w_soft": _n(_slope(lambda w: scattering.rate_pair(w, T0, 1.0, m.cgs("eps_F"), net=False), soft), 3)}


@explains
def kappa_pair_exponent(m: Material) -> dict[str, str]:
    Q = derived(m)["Q_inv_t"]
    return {"p": _n(_slope(lambda T: conductivity.kappa_pair(T, Q, m.cgs("eps_F"), m.cgs("c_t")), m.value("T_Q").value))}


@explains
def atomic_masses(m: Material) -> dict[str, str]:
    M = derived(m)["M_atom_g"]
    Mf = materials.mean_atomic_mass(m.formula)
    return {"M": _n(M / const.u), "formula": m.formula, "Mf": _n(Mf / const.u, 4), "diff": _n(100 * abs(M / Mf - 1), 2)}


@explains
def alpha_explain(m: Material) -> dict[str, str]:
    """α at 0.1 K in the other ν convention, and the largest Λ for which α ≤ 0.1 (u/(1+uL) = 0.1)."""
    L = math.log(m.value("T_Q").value / T_ALPHA)
    u_max = MUCH_LESS / (1 - MUCH_LESS * L)
    u_now = dipolar.dipolar_u_dd(m.value("cv_slope").value, m.cgs("Lambda"), m.cgs("c_t"))
    return {"T": _n(T_ALPHA), "u": _n(u_now, 2), "alpha_s": _n(alpha_at(m, "sommerfeld"), 2),
            "Lambda_max": _n(m.value("Lambda").value * math.sqrt(u_max / u_now), 2), "Lambda": _n(m.value("Lambda").value)}


@explains
def printed_m_v(m: Material) -> dict[str, str]:
    """What the printed m_gl and v_F imply together: (1/2) m v^2 and k_F = m v / hbar."""
    mp, vp = printed("sec4.1-m_gl"), printed("sec4.1-v_F")
    return {"E": _n(const.erg_to_K(0.5 * mp * vp**2), 2), "k": _n(mp * vp / const.hbar, 2),
            "kp": _n(printed("sec4.1-k_F"), 2)}


@explains
def m_printed(m: Material) -> dict[str, str]:
    return {"m": _n(derived(m)["m_F_printed_g"])}


@explains
def eps_over_E_xi(m: Material) -> dict[str, str]:
    d = derived(m)
    return {"r": _n(m.value("eps_F").value / d["E_xi_K"], 2), "E_xi": _n(d["E_xi_K"], 2)}


@explains
def cs_vF_printed(m: Material) -> dict[str, str]:
    return {"r": _n(m.cgs("c_t") / printed("sec4.1-v_F"), 2)}


@explains
def K_Qt_explain(m: Material) -> dict[str, str]:
    return {k: _n(v) for k, v in _K_Qt_conventions(m).items()}


@explains
def measured_plateau(m: Material) -> dict[str, str]:
    plateau = materials.load_table("tunneling")
    lo, hi = plateau["Q_plateau_low"].value, plateau["Q_plateau_high"].value
    return {"lo": _n(lo), "hi": _n(hi), "r": _n(derived(m)["Q_inv_t"] / lo, 2)}


@explains
def mass_positions(m: Material) -> dict[str, str]:
    d = derived(m)
    return {"me": _n(const.m_e), "M": _n(d["M_atom_g"]), "r8": _n(d["m_gl_g"] / const.m_e),
            "r17": _n(d["m_F_g"] / const.m_e)}


@bound
def much_less(m: Material) -> tuple[float, float]:
    return (0.0, MUCH_LESS)


@bound
def mass_bounds(m: Material) -> tuple[float, float]:
    return (const.m_e, derived(m)["M_atom_g"])

@recompute
def E_D_over_E_Q(m: Material) -> float:
    """The ratio of the stated Debye energy (10³ K) to the stated E_Q: arithmetic on the paper's numbers."""
    return 1.0e3 / m.value("T_Q").value


@recompute
def xi_angstrom(m: Material) -> float:
    """The crossover length of Eq. (8) [Å]."""
    return float(const.cm_to_angstrom(derived(m)["xi_cm"]))


@recompute
def mass_ratio_eq17_eq8(m: Material) -> float:
    """The Fermi mass (Eq. 17 as derived) over the crossover mass of Eq. (8)."""
    return derived(m)["m_F_g"] / derived(m)["m_gl_g"]


@recompute
def Q_from_mean_free_path(m: Material) -> float:
    """Q⁻¹ = λ/(2πl) with the quoted l = 150λ: arithmetic on stated numbers."""
    return 1 / (2 * math.pi * printed("sec1-l_over_lambda"))


@recompute
def K_Qt_paper_nu0(m: Material) -> float:
    """K_Q,t of Eq. (15) with the paper's own ν₀ = p_F m_F/ħ³."""
    return _K_Qt_conventions(m)["paper_nu_0"]


@recompute
def K_Qt_second_form(m: Material) -> float:
    """K_Q,t of Eq. (15) with the second printed form of K_F-s."""
    return _K_Qt_conventions(m)["second_form"]


@recompute
def K_Qt_free_fermion(m: Material) -> float:
    """K_Q,t of Eq. (15) with the free-fermion density of states ν(ε_F)."""
    return _K_Qt_conventions(m)["free_fermion_nu"]


@recompute
def K_Qt_golden_rule(m: Material) -> float:
    """K_Q,t of Eq. (15) from Eq. (14) as the golden rule with momentum conservation derives it."""
    return _K_Qt_conventions(m)["golden_rule"]


def _Q_t(m: Material, reading: str) -> float:
    return derived(m)["Q_inv_t"] * _K_Qt_conventions(m)[reading]


@recompute
def Q_t_paper_nu0(m: Material) -> float:
    """Q_t⁻¹ of Eq. (15) with K_Q,t in the reading of the paper's own ν₀ (π/2)."""
    return _Q_t(m, "paper_nu_0")


@recompute
def Q_t_second_form(m: Material) -> float:
    """Q_t⁻¹ of Eq. (15) with K_Q,t of the second printed form of K_F-s (π)."""
    return _Q_t(m, "second_form")


@recompute
def Q_t_free_fermion(m: Material) -> float:
    """Q_t⁻¹ of Eq. (15) with K_Q,t of the free-fermion ν (1/2π)."""
    return _Q_t(m, "free_fermion_nu")


@recompute
def Q_t_golden_rule(m: Material) -> float:
    """Q_t⁻¹ of Eq. (15) with K_Q,t of the golden rule (1/4π)."""
    return _Q_t(m, "golden_rule")


@recompute
def a_F_angstrom(m: Material) -> float:
    """The glasson de Broglie length 1/k_F (Å)."""
    return float(const.cm_to_angstrom(derived(m)["a_F_cm"]))


@recompute
def boson_peak_K(m: Material) -> float:
    """4 meV in kelvin."""
    return float(const.eV_to_K(4e-3))


@explains
def boson_peak_rounding(m: Material) -> dict[str, str]:
    return {"pct": _n(100 * (1 - printed("sec4.3-E_BP_K") / const.eV_to_K(4e-3)), 2)}


@recompute
def kF_times_xi_mro(m: Material) -> float:
    """k_F of Eq. (16) times the medium-range-order length."""
    return derived(m)["k_F_per_cm"] * m.cgs("xi_mro")


def _plateau_point() -> tuple[float, float]:
    """Where the plateau is measured and the independence claim is judged: the torsional frequency of
    ``data/tunneling.toml`` and :data:`T_ALPHA`."""
    return materials.load_table("tunneling")["f_torsional"].value, T_ALPHA


@recompute
def Q_independence_net_rate(m: Material) -> float:
    """Q⁻¹(ω, T)/Q_t⁻¹ at the plateau's frequency and 0.1 K read with Eq. (14)–(15): the golden rule's net rate
    holds no ω and no T, so the ratio is 1 (computed from Eq. 15 at the two points, not typed)."""
    d = derived(m)
    return float(d["Q_inv_t"] / d["Q_inv_t"])


@recompute
def Q_independence_eq12(m: Material) -> float:
    """Q⁻¹(ω, T)/Q_t⁻¹ at the plateau's frequency and 0.1 K read with Eq. (12): the resonant factor
    tanh(ħω/2k_BT), which vanishes as ħω/2k_BT where the plateau is measured."""
    f, T = _plateau_point()
    return float(scattering.resonant_factor(const.hbar * 2 * math.pi * f / (const.k_B * T)))


@explains
def plateau_point(m: Material) -> dict[str, str]:
    from glasson.core.text import frequency, quantity

    f, T = _plateau_point()
    return {"f": frequency(f), "T": quantity(T, "K", trim=True)}


#: The glass whose sourced data check the paper's silica numbers that it states without deriving them (its c_t,
#: its Debye energy): fused silica (``fused_quartz`` of ``data/materials.toml``, ASTM E494 sound velocities).
SOURCED_SILICA = "fused_quartz"


@recompute
def c_t_sourced_silica(m: Material) -> float:
    """The transverse sound velocity of fused silica from its sourced row (cm s⁻¹), against the paper's stated c_t."""
    return materials.get(SOURCED_SILICA).value("c_t").value


@recompute
def debye_temperature_sourced_silica(m: Material) -> float:
    """The Debye temperature of fused silica from its sourced density, sound velocities and formula (K)."""
    from glasson.models.model import GlassonModel

    return float(GlassonModel.from_material(materials.get(SOURCED_SILICA)).theta_D)


@recompute
def l_over_lambda_sourced(m: Material) -> float:
    """The phonon mean free path over wavelength of glasses below about 1 K, from its sourced row."""
    return materials.load_table("tunneling")["l_over_lambda"].value


@explains
def sourced_silica(m: Material) -> dict[str, str]:
    from glasson.core.text import quantity

    mat = materials.get(SOURCED_SILICA)
    return {"glass": mat.label, "c_t": quantity(mat.value("c_t").value, "cm/s", 3),
            "source": mat.value("c_t").source}
