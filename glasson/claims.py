"""The claims registry: every number the paper prints, recomputed from the paper's own inputs, with a verdict.

A row has the fields of :data:`FIELDS`: ``id, section, equation, quantity, unit, paper_value, recomputed, ratio,
kind, verdict, note`` and, describing the verdict, ``symbol`` (the paper's own relation sign), ``bounds``,
``log10_ratio``, ``severity``, ``trivial``, ``convention`` and ``chapter``/``anchor`` (where a chapter discusses
it). The rule of the verdict is set by ``kind``:

* ``value``: the paper states an estimate ("≈", "≃", "=", or a power law "∝"): **reproduced** within 10 %;
* ``order``: the paper says "∼" or "order of magnitude": **reproduced** within a factor 3;
* ``bound``: the paper states an inequality (m_e < m_gl < M_atom, "α ≪ 1"): **reproduced** when the recomputed
  value lies between ``bounds``; a "≪" is read as "at most a tenth", and the row's ``convention`` says so;

otherwise **discrepant**; **not-checkable** when the paper gives no number to compare or an input is missing
(the paper's own inputs are listed as not-checkable too: they are used, not derived). ``severity`` grades a
disagreement by its size, |log₁₀ ratio| (:func:`severity`), so that a rounding is not shown like an error of
a factor 55; ``trivial`` marks the rows that check only a unit conversion, arithmetic on stated numbers, an
identity or a duplicate of another row, so that a headline count can leave them out. Recomputed values always
come from the paper's inputs (:data:`PAPER_MATERIAL`); no input is ever tuned to match.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import constants as const
from . import materials, scales, thermal
from .derived import derived_parameters
from .materials import Material

__all__ = ["Claim", "CLAIMS", "PAPER_MATERIAL", "FIELDS", "VERDICTS", "KINDS", "SEVERITIES", "CHAPTERS",
           "verdict", "severity", "rows", "row", "get", "summary", "RULES"]

#: The material whose inputs are the paper's own.
PAPER_MATERIAL = materials.DEFAULT_MATERIAL
FIELDS = ("id", "section", "equation", "quantity", "unit", "paper_value", "recomputed", "ratio", "kind",
          "verdict", "note", "symbol", "bounds", "log10_ratio", "severity", "trivial", "convention", "chapter",
          "anchor")
VERDICTS = ("reproduced", "discrepant", "not-checkable")
KINDS = ("value", "order", "bound")
#: Tolerances of the verdict: relative for ``value``, a factor for ``order``; "≪" as "at most this fraction".
VALUE_TOLERANCE = 0.10
ORDER_FACTOR = 3.0
MUCH_LESS = 0.1
#: The verdict rule of each kind, in words (shown on the claims page).
RULES = {"value": "≈, ≃, =, ∝: within 10 %", "order": "∼: within a factor 3",
         "bound": "<, ≪: inside the bounds (≪ 1 read as at most 0.1)"}
#: Severity tiers by |log₁₀(recomputed/paper)|: below 0.1 (a factor 1.26), below 1 (a factor 10), beyond.
SEVERITIES = ("rounding", "within an order", "beyond an order")
#: The chapter (notebook path without suffix) that discusses the claims of each section of the paper.
CHAPTERS = {"1": "notebooks/sec2_scales", "2.1": "notebooks/sec2_scales", "2.2": "notebooks/sec2_scales",
            "3.1": "notebooks/sec3_1_thermal", "3.2": "notebooks/sec3_2_sound", "4.1": "notebooks/sec4_1_fermi",
            "4.2": "notebooks/sec4_2_tunneling", "4.3": "notebooks/sec4_2_tunneling",
            "5": "notebooks/sec4_1_fermi"}


@dataclass(frozen=True)
class Claim:
    """One printed number: where it is, what it is, and how the compendium recomputes it."""

    id: str
    section: str
    equation: int | None
    quantity: str
    unit: str
    paper_value: float | None
    kind: str
    compute: Callable[[Material], float] | None
    note: str
    #: Values computed from the inputs that fill ``{placeholders}`` in ``note`` (no number typed in a note).
    explain: Callable[[Material], dict[str, Any]] | None = None
    #: The paper's own relation sign for the number ("≈", "≃", "∼", "=", "∝", "<", "≪", "≤").
    symbol: str = "∼"
    #: For ``kind="bound"``: the interval the recomputed value must lie in.
    bounds: Callable[[Material], tuple[float, float]] | None = None
    #: What the row checks if it is not physics: "unit conversion", "arithmetic on stated numbers",
    #: "identity" or "duplicate of <id>"; empty for a substantive check.
    trivial: str = ""
    #: A convention that decides the verdict, named (empty when none does).
    convention: str = ""
    #: The label of the paragraph of the chapter that discusses the claim (default: the chapter's claims table).
    anchor: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"claim {self.id}: kind must be one of {KINDS}, got {self.kind!r}")
        if (self.kind == "bound") != (self.bounds is not None):
            raise ValueError(f"claim {self.id}: a bound claim needs bounds, and only a bound claim has them")


def verdict(paper_value: float | None, recomputed: float | None, kind: str,
            bounds: tuple[float, float] | None = None) -> str:
    """The verdict for a paper value and its recomputation.

    Examples
    --------
    >>> verdict(10.0, 10.9, "value"), verdict(10.0, 11.1, "value"), verdict(10.0, 29.0, "order")
    ('reproduced', 'discrepant', 'reproduced')
    >>> verdict(None, 1.0, "order")
    'not-checkable'
    >>> verdict(None, 0.05, "bound", (0.0, 0.1)), verdict(None, 0.2, "bound", (0.0, 0.1))
    ('reproduced', 'discrepant')
    """
    if kind == "bound":
        if recomputed is None or bounds is None:
            return "not-checkable"
        return "reproduced" if bounds[0] < recomputed < bounds[1] else "discrepant"
    if paper_value is None or recomputed is None:
        return "not-checkable"
    ratio = recomputed / paper_value
    if kind == "value":
        return "reproduced" if abs(ratio - 1) <= VALUE_TOLERANCE else "discrepant"
    return "reproduced" if 1 / ORDER_FACTOR <= ratio <= ORDER_FACTOR else "discrepant"


def severity(log10_ratio: float | None) -> str | None:
    """The tier of a disagreement of |log₁₀ ratio| (None without a ratio).

    Examples
    --------
    >>> severity(0.064), severity(-0.5), severity(1.74), severity(None)
    ('rounding', 'within an order', 'beyond an order', None)
    """
    if log10_ratio is None:
        return None
    size = abs(log10_ratio)
    return SEVERITIES[0] if size < 0.1 else SEVERITIES[1] if size < 1 else SEVERITIES[2]


def _d(key: str) -> Callable[[Material], float]:
    """Recompute through :func:`glasson.derived.derived_parameters` (one formula, one place)."""
    return lambda m: derived_parameters(m)[key]


def _input_claim(cid: str, section: str, quantity: str, unit: str, value: float, symbol: str) -> Claim:
    return Claim(cid, section, None, quantity, unit, value, "value", None,
                 "input of the paper, used as stated (data/materials.toml); not derived", symbol=symbol)


def _E_dd_at_mro(m: Material) -> float:
    return const.erg_to_K(scales.dipole_energy(m.cgs("xi_mro"), m.cgs("Lambda"), m.cgs("rho"), m.cgs("c_t")))


def _paper(claim_id: str) -> float:
    """The paper's printed value of another claim (to show what a printed intermediate implies)."""
    value = next(c.paper_value for c in CLAIMS if c.id == claim_id)
    assert value is not None
    return value


def _lambda_for_mro(m: Material) -> dict[str, float]:
    lam = scales.coupling_for_length(m.cgs("xi_mro"), m.cgs("rho"), m.cgs("c_t"))
    return {"Lambda_eV": const.erg_to_eV(lam), "Lambda_used_eV": m.value("Lambda").value}


def _m_gl_with_printed_H(m: Material) -> dict[str, float]:
    return {"m": const.hbar * _paper("sec2.2-H") / (2 * m.cgs("Lambda"))}


def _E_xi_with_printed_xi(m: Material) -> dict[str, float]:
    xi_printed = const.angstrom_to_cm(_paper("sec2.2-xi"))
    return {"E": const.erg_to_K(scales.phonon_energy(xi_printed, m.cgs("c_t")))}


_SECTION_1_2: tuple[Claim, ...] = (
    Claim("sec1-E_int", "1", None, "interaction energy of T-TLSs at xi ~ 30 A (E_int = hbar c_t/xi)", "K",
          10.0, "order", _d("E_int_K"), "hbar c_t/xi with xi = 30 A and the paper's c_t (the relation of Sec. 2.1)",
          symbol="∼", trivial="duplicate of sec2.1-E_int", anchor="sec2-found-scales"),
    Claim("sec1-l_over_lambda", "1", None, "phonon mean free path over wavelength l_s/lambda_s", "1",
          150.0, "value", None, "quoted from Freeman and Anderson (1986); no formula of the paper gives it",
          symbol="≈"),
    _input_claim("sec2.1-c_t", "2.1", "transverse sound velocity of vitreous silica c_t", "cm/s", 4.0e5, "≃"),
    _input_claim("sec2.1-xi_mro", "2.1", "medium-range-order length xi", "angstrom", 30.0, "∼"),
    Claim("sec2.1-Lambda_K", "2.1", None, "bare coupling Lambda = 10 eV in kelvin", "K", 1.0e5, "order",
          _d("Lambda_K"), "10 eV / k_B", symbol="∼", trivial="unit conversion"),
    Claim("sec2.1-E_D", "2.1", None, "Debye energy E_D", "K", 1.0e3, "order", None,
          "quoted, not derived; the Debye temperature needs c_l and the atomic density, not among the paper's inputs"),
    Claim("sec2.1-E_int", "2.1", None, "MRO energy E_int = hbar c_t/xi", "K", 10.0, "order", _d("E_int_K"),
          "hbar c_t/xi_MRO with xi_MRO = 30 A and c_t = 4e5 cm/s", anchor="sec2-found-scales"),
    Claim("sec2.1-E_dd_mro", "2.1", None, "dipole energy Lambda^2/(rho c_t^2 xi^3) at xi = 30 A, said to be ~E_int",
          "K", 10.0, "order", _E_dd_at_mro,
          "with Lambda = {Lambda_used_eV:g} eV (the paper's value); it equals E_int only for Lambda = {Lambda_eV:.1f} eV "
          "(Eq. 8 solved for Lambda at xi = xi_MRO), inside the quoted 1-10 eV", _lambda_for_mro,
          anchor="sec2-found-scales"),
    _input_claim("sec2.1-E_Q", "2.1", "quantum crossover energy E_Q = k_B T_Q (a definition)", "K", 1.0, "="),
    Claim("sec2.1-E_D_over_E_Q", "2.1", None, "ratio E_D/E_Q", "1", 1.0e3, "order",
          lambda m: 1.0e3 / m.value("T_Q").value,
          "arithmetic on the stated E_D ~ 1e3 K and E_Q = 1 K only (E_D itself is not derived)",
          symbol="∼", trivial="arithmetic on stated numbers"),
    Claim("sec2.1-W", "2.1", None, "bandwidth of local glasson energies W", "K", 100.0, "value", None,
          "a guess ('reasonable, but quite uncertain'); no formula gives it", symbol="≃"),
    Claim("sec2.1-t", "2.1", None, "upper end of the hopping t <= 0.1-1 K", "K", 1.0, "order", None,
          "a guess ('reasonable, but quite uncertain'); no formula gives it", symbol="≤"),
    Claim("sec2.2-H", "2.2", 8, "H (printed as sqrt(hbar rho) c_t, quoted in g/s)", "g/s", 0.9e-10, "value",
          _d("H_g_per_s"),
          "recomputed as sqrt(hbar rho c_t), the form Eqs. 6-7 give; the printed sqrt(hbar rho) c_t is not in g/s",
          symbol="≃", anchor="sec2-found-numbers"),
    Claim("sec2.2-xi", "2.2", 8, "crossover length xi = Lambda/(c_t H)", "angstrom", 44.0, "value",
          lambda m: const.cm_to_angstrom(derived_parameters(m)["xi_cm"]),
          "Eq. 8 with Lambda = 10 eV; the printed 44 A follows from the printed H = 0.9e-10 g/s, not from the inputs",
          symbol="≃", anchor="sec2-found-numbers"),
    Claim("sec2.2-m_gl", "2.2", 8, "glasson mass m_gl = hbar H/(2 Lambda)", "g", 5.6e-26, "value", _d("m_gl_g"),
          "Eq. 8 with Lambda = 10 eV; even the printed H gives {m:.1e} g: no reading of Eq. 8 found gives 5.6e-26 g",
          _m_gl_with_printed_H, symbol="≃", anchor="sec2-found-numbers"),
    Claim("sec2.2-E_xi", "2.2", None, "crossover energy E_xi = hbar c_t/xi", "K", 10.0, "order", _d("E_xi_K"),
          "hbar c_t/xi with xi from Eq. 8; with the printed xi = 44 A it would be {E:.1f} K", _E_xi_with_printed_xi,
          symbol="∼", anchor="sec2-found-numbers"),
)


def _slope(f: Callable[[float], float], x0: float, h: float = 1e-4) -> float:
    """d ln f / d ln x at x0 by a central difference (the exponent of a local power law)."""
    return (math.log(f(x0 * math.exp(h))) - math.log(f(x0 * math.exp(-h)))) / (2 * h)


def _T_Q_over_T_F(m: Material) -> float:
    return m.value("T_Q").value / m.value("eps_F").value


def _C_exponent_at_T_Q(m: Material) -> float:
    """Exponent of the exact free-fermion C(T) at T = T_Q (the top of the paper's linear range)."""
    return _slope(lambda t: t * thermal.fermi_gas_heat_capacity_ratio(t), _T_Q_over_T_F(m), h=1e-3)


def _C_deviation_at_T_Q(m: Material) -> dict[str, float]:
    t = _T_Q_over_T_F(m)
    return {"dev": 100 * (1 - thermal.fermi_gas_heat_capacity_ratio(t)), "t": t}


def _thermal_omega(T: float) -> float:
    """The frequency of the thermal phonons at T: the maximum of the phonon energy density, ħω ≈ 2.82 k_BT."""
    return thermal.thermal_phonon_peak_x() * const.k_B * T / const.hbar


def _pair_rate_T_exponent(m: Material) -> float:
    """T exponent of the absorption-only pair rate at fixed ω, for the thermal phonons of T = T_Q."""
    T0 = m.value("T_Q").value
    w = _thermal_omega(T0)
    return _slope(lambda T: thermal.rate_pair(w, T, 1.0, m.cgs("eps_F"), net=False), T0)


def _pair_rate_omega_exponent(m: Material) -> float:
    T0 = m.value("T_Q").value
    return _slope(lambda w: thermal.rate_pair(w, T0, 1.0, m.cgs("eps_F"), net=False), _thermal_omega(T0))


def _pair_exponents(m: Material) -> dict[str, float]:
    T0 = m.value("T_Q").value
    w0 = _thermal_omega(T0)
    soft = 0.01 * const.k_B * T0 / const.hbar  # ħω = 0.01 k_BT, where the absorption rate is ∝ Tω
    return {"x": thermal.thermal_phonon_peak_x(),
            "T_net": _slope(lambda T: thermal.rate_pair(w0, T, 1.0, m.cgs("eps_F")), T0),
            "w_net": _slope(lambda w: thermal.rate_pair(w, T0, 1.0, m.cgs("eps_F")), w0),
            "T_soft": _slope(lambda T: thermal.rate_pair(soft, T, 1.0, m.cgs("eps_F"), net=False), T0),
            "w_soft": _slope(lambda w: thermal.rate_pair(w, T0, 1.0, m.cgs("eps_F"), net=False), soft)}


def _resonant_rate_T_exponent(m: Material) -> float:
    """Thermal phonons, ħω = k_BT: the rate of Eq. (12) as T (and ω with it) changes."""
    return _slope(lambda T: thermal.rate_resonant(const.k_B * T / const.hbar, T, 1e-4), m.value("T_Q").value)


def _kappa_T_exponent(m: Material) -> float:
    Q = derived_parameters(m)["Q_inv_t"]
    return _slope(lambda T: thermal.kappa_resonant(T, Q, m.cgs("c_t")), m.value("T_Q").value)


def _kappa_pair_exponent(m: Material) -> dict[str, float]:
    Q = derived_parameters(m)["Q_inv_t"]
    return {"p": _slope(lambda T: thermal.kappa_pair(T, Q, m.cgs("eps_F"), m.cgs("c_t")), m.value("T_Q").value)}


def _atomic_masses(m: Material) -> dict[str, Any]:
    M = derived_parameters(m)["M_atom_g"]
    Mf = materials.mean_atomic_mass(m.formula)
    return {"M": M / const.u, "formula": m.formula, "Mf": Mf / const.u, "diff": 100 * abs(M / Mf - 1)}


#: Where Eq. (13)'s effective exponent is judged: 0.1 K, inside the experimental window below T_Q.
T_ALPHA = 0.1


def _alpha_at(m: Material, convention: str = "paper", Lambda: float | None = None) -> float:
    u = thermal.dipolar_u_dd(m.value("cv_slope").value, m.cgs("Lambda") if Lambda is None else Lambda,
                             m.cgs("c_t"), convention)
    return float(thermal.heat_capacity_exponent(T_ALPHA, u, m.value("T_Q").value) - 1)


def _alpha_explain(m: Material) -> dict[str, float]:
    """α at 0.1 K in the other ν convention, and the largest Λ for which α ≤ 0.1 (u/(1+uL) = 0.1)."""
    L = math.log(m.value("T_Q").value / T_ALPHA)
    u_max = MUCH_LESS / (1 - MUCH_LESS * L)
    u_now = thermal.dipolar_u_dd(m.value("cv_slope").value, m.cgs("Lambda"), m.cgs("c_t"))
    return {"T": T_ALPHA, "u": u_now, "alpha_s": _alpha_at(m, "sommerfeld"),
            "Lambda_max": m.value("Lambda").value * math.sqrt(u_max / u_now),
            "Lambda_eV": m.value("Lambda").value}


def _much_less(m: Material) -> tuple[float, float]:
    return (0.0, MUCH_LESS)


def _printed_m_v(m: Material) -> dict[str, float]:
    """What the printed m_gl and v_F imply together: (1/2) m v^2 and k_F = m v / hbar."""
    mp, vp = _paper("sec4.1-m_gl"), _paper("sec4.1-v_F")
    return {"E": const.erg_to_K(0.5 * mp * vp**2), "k": mp * vp / const.hbar, "kp": _paper("sec4.1-k_F")}


def _m_printed(m: Material) -> dict[str, float]:
    return {"m": derived_parameters(m)["m_F_printed_g"]}


def _eps_over_E_xi(m: Material) -> dict[str, float]:
    d = derived_parameters(m)
    return {"r": m.value("eps_F").value / d["E_xi_K"], "E_xi": d["E_xi_K"]}


def _cs_vF_printed(m: Material) -> dict[str, float]:
    return {"r": m.cgs("c_t") / _paper("sec4.1-v_F")}


def _K_Qt_conventions(m: Material) -> dict[str, float]:
    from .acoustics import K_Qt_conventions

    return {key.replace(" ", "_").replace("-", "_"): value for key, value in K_Qt_conventions().items()}


def _measured_plateau(m: Material) -> dict[str, float]:
    plateau = materials.load_table("tunneling")
    return {"lo": plateau["Q_plateau_low"].value, "hi": plateau["Q_plateau_high"].value,
            "r": derived_parameters(m)["Q_inv_t"] / plateau["Q_plateau_low"].value}


def _mass_bounds(m: Material) -> tuple[float, float]:
    return (const.m_e, derived_parameters(m)["M_atom_g"])


def _mass_positions(m: Material) -> dict[str, float]:
    d = derived_parameters(m)
    return {"me": const.m_e, "M": d["M_atom_g"], "r8": d["m_gl_g"] / const.m_e, "r17": d["m_F_g"] / const.m_e}


_SECTION_3_4: tuple[Claim, ...] = (
    Claim("sec2.2-m_consistency", "2.2", None,
          "m_gl from experiment (Eq. 17) over m_gl from scaling (Eq. 8): 'consistent within a factor of 2-3'",
          "1", 1.0, "order", lambda m: derived_parameters(m)["m_F_g"] / derived_parameters(m)["m_gl_g"],
          "m_F of Eq. 17 as derived over m_gl of Eq. 8, both from the paper's inputs", symbol="×2–3",
          anchor="sec41-found-masses"),
    Claim("sec3.1-C_gl_exponent", "3.1", None, "temperature exponent of the glasson specific heat (linear in T)",
          "1", 1.0, "value", _C_exponent_at_T_Q,
          "exact free-fermion C(T) at T = T_Q = eps_F/10, the top of the paper's range; C/T there is "
          "{dev:.1f} % below its T -> 0 value", _C_deviation_at_T_Q, symbol="∝", anchor="sec31-found-heat"),
    Claim("sec3.1-T_cross", "3.1", None, "crossover temperature between linear glasson and cubic phonon C",
          "K", 1.0, "order", _d("T_cross_K"),
          "rho (C_v/T) T = Debye T^3 law from c_t (all three branches at c_t: no c_l among the paper's inputs)",
          symbol="≃", anchor="sec31-found-heat"),
    Claim("sec3.1-tau_z_T_exponent", "3.1", 11, "T exponent of the pair scattering rate 1/tau^z of thermal phonons "
          "('~ T omega')", "1", 1.0, "value", _pair_rate_T_exponent,
          "absorption-only rate (as printed) at the thermal phonons hbar omega = {x:.2f} k_B T; the absorption rate "
          "is ~ T only for hbar omega << k_B T (exponent {T_soft:.2f} at 0.01 k_B T); with detailed balance "
          "(absorption minus emission) the exponent is {T_net:.2f}: the net rate is T-independent",
          _pair_exponents, symbol="∝", convention="thermal phonons: hbar omega at the maximum of the phonon "
          "energy density, 2.82 k_B T", anchor="sec31-found-pair"),
    Claim("sec3.1-tau_z_omega_exponent", "3.1", 11, "omega exponent of the pair scattering rate of thermal "
          "phonons ('~ T omega')", "1", 1.0, "value", _pair_rate_omega_exponent,
          "absorption-only rate at hbar omega = {x:.2f} k_B T (exponent {w_soft:.2f} at 0.01 k_B T); the net "
          "(detailed-balance) rate goes as omega^{w_net:.2f}", _pair_exponents, symbol="∝",
          convention="thermal phonons: hbar omega at the maximum of the phonon energy density, 2.82 k_B T",
          anchor="sec31-found-pair"),
    Claim("sec3.1-tau_x_T_exponent", "3.1", 12, "T exponent of the resonant rate 1/tau^x for thermal phonons",
          "1", 1.0, "value", _resonant_rate_T_exponent,
          "Eq. 12 with hbar omega = k_B T: Q omega tanh(1/2) is linear in T", symbol="∝",
          anchor="sec31-found-kappa"),
    Claim("sec3.1-kappa_T_exponent", "3.1", 9, "T exponent of the phonon thermal conductivity (kappa ~ T^2)",
          "1", 2.0, "value", _kappa_T_exponent,
          "closed form of Eq. 9 with the resonant rate of Eq. 12; the pair branch (Eq. 11) gives T^{p:.2f}",
          _kappa_pair_exponent, symbol="∝", anchor="sec31-found-kappa"),
    Claim("sec3.1-C_log_alpha", "3.1", 13, "exponent alpha of C ~ T^(1+alpha) from Eq. 13 ('small alpha << 1'), "
          "at 0.1 K", "1", None, "bound", _alpha_at,
          "u = nu_0 alpha_dd = {u:.2f} from the paper's own numbers (alpha_dd = Lambda^2/(rho c_t^2), "
          "nu_0 = rho (C_v/T)/k_B^2, Lambda = {Lambda_eV:g} eV); with the free-fermion nu it is {alpha_s:.2f}; "
          "alpha <= 0.1 at {T:g} K needs Lambda <= {Lambda_max:.1f} eV", _alpha_explain, symbol="≪",
          bounds=_much_less, convention="'<< 1' read as at most 0.1; nu_0 = rho C_v/(k_B T) as printed",
          anchor="sec31-found-eq13"),
    Claim("sec3.1-kappa_log_alpha", "3.1", 13, "exponent 2 - alpha of kappa ~ T^2 ln(T_Q/T): the same alpha, "
          "at 0.1 K", "1", None, "bound", _alpha_at,
          "kappa ~ T^2 (1 + u ln(T_Q/T)) gives 2 - u/(1 + u ln(T_Q/T)): the alpha of sec3.1-C_log_alpha",
          symbol="≪", bounds=_much_less, trivial="duplicate of sec3.1-C_log_alpha",
          convention="'<< 1' read as at most 0.1; nu_0 = rho C_v/(k_B T) as printed", anchor="sec31-found-eq13"),
    Claim("sec3.2-Q_t", "3.2", 15, "internal friction Q_t^-1 of Eq. 15 (K_Q,t = 1) vs the quoted 1e-3 - 1e-2",
          "1", 1.0e-3, "order", _d("Q_inv_t"),
          "Eq. 15 with the paper's k_F, a, c_t and v_F; 1e-3 is the lower end of the range the paper quotes. "
          "It is also below the measured plateau {lo:.0e} - {hi:.0e} (Wu and Yu 2011, citing Zeller and Pohl "
          "1971 and Pohl et al. 2002), by a factor {r:.2f} of its lower end; the paper's quoted range lies above "
          "that measured plateau", _measured_plateau, symbol="∼", anchor="sec32-found-q"),
    Claim("sec3.2-Q_from_l", "3.2", None, "Q^-1 = lambda/(2 pi l) with the quoted l = 150 lambda (Sec. 1)", "1",
          1.0e-3, "order", lambda m: 1 / (2 * math.pi * _paper("sec1-l_over_lambda")),
          "arithmetic on two quoted experimental numbers; consistent with the quoted range 1e-3 - 1e-2",
          symbol="∼", trivial="arithmetic on stated numbers"),
    Claim("sec3.2-Q_metals", "3.2", None, "internal friction of simple metals, c_s/v_F ~ sqrt(m_e/M_ion)", "1",
          1.0e-3, "order", None, "quoted for metals; no metal is among the paper's inputs"),
    Claim("sec3.2-lambda_K", "3.2", 14, "glasson-phonon coupling lambda = sqrt(eps_F M_atom c_t^2)", "K", 1.0e3,
          "order", _d("lambda_K"), "M_atom = rho a^3 from the paper's rho and a (the relation its K_F-s assumes)",
          symbol="≃", anchor="sec32-found-coupling"),
    Claim("sec3.2-Mc2_K", "3.2", 14, "M_atom c_t^2", "K", 1.0e5, "order", _d("Mc2_K"),
          "M_atom = rho a^3 = {M:.1f} u; the mean atomic mass of {formula} ({Mf:.2f} u, IUPAC 2021 atomic weights) "
          "differs by {diff:.0f} %", _atomic_masses, symbol="∼", anchor="sec32-found-coupling"),
    Claim("sec3.2-lambda_over_Lambda", "3.2", None, "lambda_gl-ph / Lambda", "1", 1.0e-2, "order",
          _d("lambda_over_Lambda"), "lambda as in sec3.2-lambda_K, Lambda = 10 eV", symbol="∼",
          anchor="sec32-found-coupling"),
    Claim("sec3.2-cs_over_vF", "3.2", 15, "c_s/v_F 'very roughly of order 1'", "1", 1.0, "order", _d("cs_over_vF"),
          "c_t/v_F with v_F = hbar k_F/m_F from Eqs. 16-17; just outside the factor-3 band; with the printed "
          "v_F it would be {r:.2f}", _cs_vF_printed, anchor="sec32-found-coupling"),
    Claim("sec3.2-K_Qt", "3.2", 15, "K_Q,t, 'a number of order 1'", "1", 1.0, "order",
          lambda m: _K_Qt_conventions(m)["paper_nu_0"],
          "Eq. 14 with lambda^2 = eps_F M c_t^2 and rho = M/a^3 gives K_Q,t = {paper_nu_0:.3f} (pi/2) with the "
          "paper's own nu_0 = p_F m_F/hbar^3; with the free-fermion nu it is {free_fermion_nu:.3f} (1/(2 pi), "
          "discrepant); with the second printed form of K_F-s {second_form:.3f} (pi, discrepant by the factor-3 "
          "rule); the golden rule with momentum conservation gives {golden_rule:.3f} (1/(4 pi))",
          _K_Qt_conventions, convention="nu(eps_F) = p_F m_F/hbar^3, the paper's nu_0 of Sec. 3.1",
          anchor="sec32-found-conventions"),
    _input_claim("sec4.1-cv_slope", "4.1", "specific-heat slope C_v/T of vitreous silica", "erg/(g K^2)", 10.0, "≈"),
    _input_claim("sec4.1-rho", "4.1", "density of vitreous silica", "g/cm^3", 2.2, "≃"),
    _input_claim("sec4.1-a", "4.1", "inter-atomic distance a", "angstrom", 2.5, "≃"),
    Claim("sec4.1-eps_F_erg", "4.1", None, "Fermi energy 10 K in erg", "erg", 1.4e-15, "value", _d("eps_F_erg"),
          "k_B x 10 K", symbol="=", trivial="unit conversion"),
    Claim("sec4.1-k_F", "4.1", 16, "Fermi wave-vector k_F", "1/cm", 2.1e6, "value", _d("k_F_per_cm"),
          "Eq. 16 (k_B restored) with eps_F = 10 K, rho = 2.2 g/cm^3, C_v/T = 10 erg/(g K^2)", symbol="≈",
          anchor="sec41-found-eq16"),
    Claim("sec4.1-m_gl", "4.1", 17, "glasson (Fermi) mass m_gl", "g", 5.0e-26, "value", _d("m_F_g"),
          "m = hbar^2 k_F^2/(2 eps_F) with Eq. 16; Eq. 17 as printed gives {m:.2e} g: neither is near 5e-26 g",
          _m_printed, symbol="≈", anchor="sec41-found-eq17"),
    Claim("sec4.1-m_gl_over_m_He3", "4.1", 17, "m_gl / m(3He)", "1", 1.0e-2, "order", _d("m_F_over_m_He3"),
          "derived m_F over the 3He atom mass (CODATA 2018)", symbol="∼", anchor="sec41-found-eq17"),
    Claim("sec4.1-v_F", "4.1", None, "Fermi velocity v_F = p_F/m_gl", "cm/s", 2.3e5, "value", _d("v_F_cm_per_s"),
          "hbar k_F/m_F; the printed m_gl and v_F are consistent with eps_F ((1/2) m v^2 = {E:.1f} K) only with "
          "k_F = m v/hbar = {k:.1e} /cm, not the printed {kp:.1e}", _printed_m_v, symbol="≃",
          anchor="sec41-found-vF"),
    Claim("sec4.1-a_F", "4.1", None, "glasson de Broglie length a_F ~ 1/k_F", "angstrom", 50.0, "order",
          lambda m: const.cm_to_angstrom(derived_parameters(m)["a_F_cm"]), "1/k_F with k_F of Eq. 16", symbol="∼",
          anchor="sec41-found-eq16"),
    Claim("sec4.1-kF_xi", "4.1", None, "k_F xi ~ 1", "1", 1.0, "order", _d("kF_xi"),
          "k_F of Eq. 16 times xi of Eq. 8 (Lambda = 10 eV)", symbol="∼", anchor="sec41-found-eq18"),
    Claim("sec4.1-E_F_E_xi", "4.1", 18, "E_F/E_xi = (k_F xi)^2, 'about the same'", "1", 1.0, "order",
          _d("E_F_over_E_xi"), "Eq. 18 (an identity with the Eq. 8 mass); eps_F/E_xi would be {r:.1f}",
          _eps_over_E_xi, symbol="∼", anchor="sec41-found-eq18"),
    Claim("sec4.1-E_F_K", "4.1", 18, "E_F 'of the order of 10 K' (first half of a two-part statement): E_F with "
          "the Eq. 8 mass", "K", 10.0, "order", _d("E_F_eq18_K"),
          "hbar^2 k_F^2/(2 m_gl) with m_gl of Eq. 8; the other half of the statement, E_xi = {E_xi:.1f} K, is "
          "sec4.1-E_xi_K", _eps_over_E_xi, symbol="∼", anchor="sec41-found-eq18"),
    Claim("sec4.1-E_xi_K", "4.1", 18, "E_xi 'of the order of 10 K' (second half of the statement)", "K", 10.0,
          "order", _d("E_xi_K"), "hbar c_t/xi with xi of Eq. 8 (Lambda = 10 eV), as in sec2.2-E_xi", symbol="∼",
          trivial="duplicate of sec2.2-E_xi", anchor="sec41-found-eq18"),
    Claim("sec4.3-E_BP_K", "4.3", None, "Boson-peak energy 4 meV in kelvin ('4 meV = 40 K')", "K", 40.0, "value",
          lambda m: const.eV_to_K(4e-3), "4 meV / k_B; the printed 40 K is {pct:.0f} % lower",
          lambda m: {"pct": 100 * (1 - _paper("sec4.3-E_BP_K") / const.eV_to_K(4e-3))}, symbol="≃",
          trivial="unit conversion", anchor="sec42-found-numbers"),
    Claim("sec4.3-kF_xi_mro", "4.3", None, "MRO length xi = 1/k_F ('xi ~= k_F^-1')", "1", 1.0, "value",
          lambda m: derived_parameters(m)["k_F_per_cm"] * m.cgs("xi_mro"),
          "k_F times the MRO length 30 A (Sec. 2.1); with the crossover length of Eq. 8 it is k_F xi of sec4.1-kF_xi",
          symbol="≃", anchor="sec42-found-numbers"),
    Claim("sec5-m_gl_between_eq8", "5", 8, "m_e < m_gl < M_atom (Conclusion), with the mass of Eq. 8", "g", None,
          "bound", _d("m_gl_g"),
          "m_gl/m_e = {r8:.2f}; the bounds are m_e = {me:.2e} g and M_atom = rho a^3 = {M:.2e} g",
          _mass_positions, symbol="<", bounds=_mass_bounds, anchor="sec41-found-masses"),
    Claim("sec5-m_gl_between_eq17", "5", 17, "m_e < m_gl < M_atom (Conclusion), with the Fermi mass of Eq. 17",
          "g", None, "bound", _d("m_F_g"),
          "m_F/m_e = {r17:.2f}; the bounds are m_e = {me:.2e} g and M_atom = rho a^3 = {M:.2e} g",
          _mass_positions, symbol="<", bounds=_mass_bounds, anchor="sec41-found-masses"),
)

#: Every claim, in paper order. Chapters extend this tuple.
CLAIMS: tuple[Claim, ...] = _SECTION_1_2 + _SECTION_3_4


def _ids_unique(claims: tuple[Claim, ...]) -> tuple[Claim, ...]:
    seen: set[str] = set()
    for c in claims:
        if c.id in seen:
            raise ValueError(f"duplicate claim id {c.id}")
        seen.add(c.id)
    return claims


def row(claim: Claim, material: Material | None = None) -> dict[str, Any]:
    """One registry row for ``claim``, recomputed from ``material`` (default: the paper's inputs)."""
    mat = material or materials.get(PAPER_MATERIAL)
    recomputed = float(claim.compute(mat)) if claim.compute is not None else None
    bounds = tuple(float(b) for b in claim.bounds(mat)) if claim.bounds is not None else None
    ratio = recomputed / claim.paper_value if (recomputed is not None and claim.paper_value) else None
    if ratio is not None:
        log10_ratio: float | None = math.log10(ratio)
    elif bounds is not None and recomputed is not None:  # distance to the bound that is violated (0 inside)
        lo, hi = bounds
        log10_ratio = (math.log10(recomputed / hi) if recomputed >= hi else
                       math.log10(recomputed / lo) if 0 < lo and recomputed <= lo else 0.0)
    else:
        log10_ratio = None
    chapter = CHAPTERS[claim.section]
    return {
        "id": claim.id, "section": claim.section, "equation": claim.equation, "quantity": claim.quantity,
        "unit": claim.unit, "paper_value": claim.paper_value, "recomputed": recomputed, "ratio": ratio,
        "kind": claim.kind, "verdict": verdict(claim.paper_value, recomputed, claim.kind, bounds),
        "note": claim.note.format(**claim.explain(mat)) if claim.explain else claim.note,
        "symbol": claim.symbol, "bounds": list(bounds) if bounds is not None else None,
        "log10_ratio": log10_ratio, "severity": severity(log10_ratio),
        "trivial": claim.trivial, "convention": claim.convention, "chapter": chapter,
        "anchor": claim.anchor or "claims-" + chapter.rsplit("/", 1)[1].split("_")[0],
    }


@cache
def _rows() -> tuple[dict[str, Any], ...]:
    return tuple(row(c) for c in _ids_unique(CLAIMS))


def rows(section: str | None = None) -> list[dict[str, Any]]:
    """The registry as a list of row dicts, optionally only the claims of one section (prefix match).

    Examples
    --------
    >>> r = {x["id"]: x for x in rows("2.2")}
    >>> r["sec2.2-xi"]["verdict"]
    'discrepant'
    """
    out = [dict(r) for r in _rows()]
    return [r for r in out if section is None or r["section"] == section or r["section"].startswith(section + ".")]


def get(claim_id: str) -> dict[str, Any]:
    """The registry row of one claim (``KeyError`` listing the known ids if absent).

    Examples
    --------
    >>> get("sec2.2-H")["verdict"]
    'discrepant'
    """
    for r in _rows():
        if r["id"] == claim_id:
            return dict(r)
    raise KeyError(f"unknown claim {claim_id!r}; known: {', '.join(r['id'] for r in _rows())}")


def summary(section: str | None = None, substantive: bool = False) -> dict[str, int]:
    """Count of rows per verdict; with ``substantive``, only the rows that are not :attr:`Claim.trivial`."""
    counts = dict.fromkeys(VERDICTS, 0)
    for r in rows(section):
        if not (substantive and r["trivial"]):
            counts[r["verdict"]] += 1
    return counts
