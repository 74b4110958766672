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
disagreement by its size, the absolute value of log₁₀ ratio (:func:`severity`), so that a rounding is not shown like an error of
a factor 55; ``trivial`` marks the rows that check only a unit conversion, arithmetic on stated numbers, an
identity or a duplicate of another row, so that a headline count can leave them out. Recomputed values always
come from the paper's inputs (:data:`PAPER_MATERIAL`); no input is ever tuned to match.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from glasson.core import constants as const
from glasson.core.text import number
from glasson.data import materials
from glasson.data.materials import Material
from glasson.formulas import conductivity, dipolar, heat_capacity, scales, scattering
from glasson.models.derived import derived_parameters
from glasson.models.model import MissingInputError

__all__ = ["Claim", "CLAIMS", "PAPER_MATERIAL", "FIELDS", "VERDICTS", "KINDS", "SEVERITIES", "CHAPTERS",
           "verdict", "severity", "rows", "row", "get", "summary", "RULES"]

#: The material whose inputs are the paper's own.
PAPER_MATERIAL = materials.DEFAULT_MATERIAL
#: The fields of a registry row (:func:`rows`), in the order of ``claims --json`` and ``claims.csv``.
FIELDS = ("id", "section", "equation", "quantity", "unit", "paper_value", "recomputed", "ratio", "kind",
          "verdict", "note", "symbol", "bounds", "log10_ratio", "severity", "trivial", "convention", "chapter",
          "anchor")
VERDICTS = ("reproduced", "discrepant", "not-checkable")
KINDS = ("value", "order", "bound")
#: Tolerances of the verdict: relative for ``value``, a factor for ``order``; "≪" as "at most this fraction".
VALUE_TOLERANCE = 0.10
#: "∼" is read as "within this factor".
ORDER_FACTOR = 3.0
#: "≪ 1" is read as "at most this".
MUCH_LESS = 0.1
#: The range of the internal friction the paper quotes in Sec. 3.2 ("of the order of 10⁻² − 10⁻³", its ref.
#: [4]): the paper's numbers, kept apart from the measured plateau in ``data/tunneling.toml``.
QUOTED_Q_RANGE: tuple[float, float] = (1.0e-3, 1.0e-2)
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


#: The label of each chapter's table of claims (the default place a claim links to).
CLAIMS_ANCHORS = {"notebooks/sec2_scales": "claims-sec2", "notebooks/sec3_1_thermal": "claims-sec31",
                  "notebooks/sec3_2_sound": "claims-sec32", "notebooks/sec4_1_fermi": "claims-sec41",
                  "notebooks/sec4_2_tunneling": "claims-sec42"}


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
    """The tier of a disagreement of the absolute value of log₁₀ ratio (None without a ratio).

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
    """Recompute through :func:`glasson.models.derived.derived_parameters` (one formula, one place)."""
    return lambda m: derived_parameters(m)[key]


def _n(x: Any, sig: int = 3) -> str:
    """A number as a reader writes it (``3.05 × 10⁻¹¹``, trailing zeros dropped), for the notes."""
    return number(float(x), sig, trim=True)


def _input_claim(cid: str, section: str, quantity: str, unit: str, value: float, symbol: str) -> Claim:
    return Claim(cid, section, None, quantity, unit, value, "value", None,
                 "an input of the paper, used as stated (`data/materials.toml`); not derived", symbol=symbol)


def _E_dd_at_mro(m: Material) -> float:
    return const.erg_to_K(scales.dipole_energy(m.cgs("xi_mro"), m.cgs("Lambda"), m.cgs("rho"), m.cgs("c_t")))


def _paper(claim_id: str) -> float:
    """The paper's printed value of another claim (to show what a printed intermediate implies)."""
    value = next(c.paper_value for c in CLAIMS if c.id == claim_id)
    assert value is not None
    return value


def _inputs(m: Material) -> dict[str, str]:
    """The paper's inputs as a note quotes them."""
    return {"xi_mro": _n(m.value("xi_mro").value), "c_t": _n(m.value("c_t").value),
            "Lambda": _n(m.value("Lambda").value), "eps_F": _n(m.value("eps_F").value),
            "rho": _n(m.value("rho").value), "cv": _n(m.value("cv_slope").value)}


def _lambda_for_mro(m: Material) -> dict[str, str]:
    lam = scales.coupling_for_length(m.cgs("xi_mro"), m.cgs("rho"), m.cgs("c_t"))
    return {**_inputs(m), "Lambda_eV": _n(const.erg_to_eV(lam), 2)}


def _m_gl_with_printed_H(m: Material) -> dict[str, str]:
    return {**_inputs(m), "m": _n(const.hbar * _paper("sec2.2-H") / (2 * m.cgs("Lambda")), 2)}


def _E_xi_with_printed_xi(m: Material) -> dict[str, str]:
    xi_printed = const.angstrom_to_cm(_paper("sec2.2-xi"))
    return {"E": _n(const.erg_to_K(scales.phonon_energy(xi_printed, m.cgs("c_t"))), 2),
            "xi_p": _n(_paper("sec2.2-xi"))}


_SECTION_1_2: tuple[Claim, ...] = (
    Claim("sec1-E_int", "1", None, r"interaction energy of T-TLSs at $\xi \sim 30$ Å, $E_{int} = \hbar c_t/\xi$",
          "K", 10.0, "order", _d("E_int_K"),
          r"$\hbar c_t/\xi$ with $\xi$ = «xi_mro» Å and the paper's $c_t$ (the relation of Sec. 2.1)", _inputs,
          symbol="∼", trivial="duplicate of sec2.1-E_int", anchor="sec2-found-scales"),
    Claim("sec1-l_over_lambda", "1", None, r"phonon mean free path over wavelength, $l_s/\lambda_s$", "1",
          150.0, "value", None, "quoted from Freeman and Anderson (1986); no formula of the paper gives it",
          symbol="≈"),
    _input_claim("sec2.1-c_t", "2.1", r"transverse sound velocity of vitreous silica, $c_t$", "cm/s", 4.0e5, "≃"),
    _input_claim("sec2.1-xi_mro", "2.1", r"medium-range-order length $\xi$", "angstrom", 30.0, "∼"),
    Claim("sec2.1-Lambda_K", "2.1", None, r"bare coupling $\Lambda$ = 10 eV in kelvin", "K", 1.0e5, "order",
          _d("Lambda_K"), r"$\Lambda/k_B$ with $\Lambda$ = «Lambda» eV", _inputs, symbol="∼",
          trivial="unit conversion"),
    Claim("sec2.1-E_D", "2.1", None, r"Debye energy $E_D$", "K", 1.0e3, "order", None,
          r"quoted, not derived; the Debye temperature needs $c_l$ and the atomic density, not among the paper's "
          "inputs (the materials page gives it for the glasses whose data allow)"),
    Claim("sec2.1-E_int", "2.1", None, r"MRO energy $E_{int} = \hbar c_t/\xi$", "K", 10.0, "order", _d("E_int_K"),
          r"$\hbar c_t/\xi_{MRO}$ with $\xi_{MRO}$ = «xi_mro» Å and $c_t$ = «c_t» cm s⁻¹", _inputs,
          anchor="sec2-found-scales"),
    Claim("sec2.1-E_dd_mro", "2.1", None, r"dipole energy $\Lambda^2/(\rho c_t^2\xi^3)$ at $\xi$ = 30 Å, said to be "
          r"$\sim E_{int}$", "K", 10.0, "order", _E_dd_at_mro,
          r"with $\Lambda$ = «Lambda» eV (the paper's value); it equals $E_{int}$ only for $\Lambda$ = «Lambda_eV» eV "
          r"(Eq. (8) solved for $\Lambda$ at $\xi = \xi_{MRO}$), inside the quoted 1–10 eV", _lambda_for_mro,
          anchor="sec2-found-scales"),
    _input_claim("sec2.1-E_Q", "2.1", r"quantum crossover energy $E_Q = k_B T_Q$ (a definition)", "K", 1.0, "="),
    Claim("sec2.1-E_D_over_E_Q", "2.1", None, r"ratio $E_D/E_Q$", "1", 1.0e3, "order",
          lambda m: 1.0e3 / m.value("T_Q").value,
          r"arithmetic on the stated $E_D \sim 10^3$ K and $E_Q$ = 1 K only ($E_D$ itself is not derived)",
          symbol="∼", trivial="arithmetic on stated numbers"),
    Claim("sec2.1-W", "2.1", None, "bandwidth of local glasson energies $W$", "K", 100.0, "value", None,
          "a guess (“reasonable, but quite uncertain”); no formula gives it", symbol="≃"),
    Claim("sec2.1-t", "2.1", None, r"upper end of the hopping, $t \le 0.1$–1 K", "K", 1.0, "order", None,
          "a guess (“reasonable, but quite uncertain”); no formula gives it", symbol="≤"),
    Claim("sec2.2-H", "2.2", 8, r"$H$ (printed as $\sqrt{\hbar\rho}\,c_t$, quoted in g s⁻¹)", "g/s", 0.9e-10,
          "value", _d("H_g_per_s"),
          r"recomputed as $\sqrt{\hbar\rho c_t}$, the form Eqs. (6)–(7) give; the printed $\sqrt{\hbar\rho}\,c_t$ is "
          "not in g s⁻¹", symbol="≃", anchor="sec2-found-numbers"),
    Claim("sec2.2-xi", "2.2", 8, r"crossover length $\xi = \Lambda/(c_t H)$", "angstrom", 44.0, "value",
          lambda m: const.cm_to_angstrom(derived_parameters(m)["xi_cm"]),
          r"Eq. (8) with $\Lambda$ = «Lambda» eV; the printed 44 Å follows from the printed $H$, not from the inputs",
          _inputs, symbol="≃", anchor="sec2-found-numbers"),
    Claim("sec2.2-m_gl", "2.2", 8, r"glasson mass $m_{gl} = \hbar H/(2\Lambda)$", "g", 5.6e-26, "value",
          _d("m_gl_g"),
          r"Eq. (8) with $\Lambda$ = «Lambda» eV; even the printed $H$ gives «m» g: no reading of Eq. (8) found gives "
          "the printed mass", _m_gl_with_printed_H, symbol="≃", anchor="sec2-found-numbers"),
    Claim("sec2.2-E_xi", "2.2", None, r"crossover energy $E_\xi = \hbar c_t/\xi$", "K", 10.0, "order",
          _d("E_xi_K"), r"$\hbar c_t/\xi$ with $\xi$ from Eq. (8); with the printed $\xi$ = «xi_p» Å it would be «E» K",
          _E_xi_with_printed_xi, symbol="∼", anchor="sec2-found-numbers"),
)


def _slope(f: Callable[[float], Any], x0: float, h: float = 1e-4) -> float:
    """d ln f / d ln x at x0 by a central difference (the exponent of a local power law)."""
    return (math.log(float(f(x0 * math.exp(h)))) - math.log(float(f(x0 * math.exp(-h))))) / (2 * h)


def _T_Q_over_T_F(m: Material) -> float:
    return m.value("T_Q").value / m.value("eps_F").value


def _C_exponent_at_T_Q(m: Material) -> float:
    """Exponent of the exact free-fermion C(T) at T = T_Q (the top of the paper's linear range)."""
    return _slope(lambda t: t * heat_capacity.fermi_gas_heat_capacity_ratio(t), _T_Q_over_T_F(m), h=1e-3)


def _C_deviation_at_T_Q(m: Material) -> dict[str, str]:
    t = _T_Q_over_T_F(m)
    return {"dev": _n(100 * (1 - heat_capacity.fermi_gas_heat_capacity_ratio(t)), 2), "t": _n(t, 2)}


def _thermal_omega(T: float) -> float:
    """The frequency of the thermal phonons at T: the maximum of the phonon energy density, ħω ≈ 2.82 k_BT."""
    return scattering.thermal_phonon_peak_x() * const.k_B * T / const.hbar


def _pair_rate_T_exponent(m: Material) -> float:
    """T exponent of the absorption-only pair rate at fixed ω, for the thermal phonons of T = T_Q."""
    T0 = m.value("T_Q").value
    w = _thermal_omega(T0)
    return _slope(lambda T: scattering.rate_pair(w, T, 1.0, m.cgs("eps_F"), net=False), T0)


def _pair_rate_omega_exponent(m: Material) -> float:
    T0 = m.value("T_Q").value
    return _slope(lambda w: scattering.rate_pair(w, T0, 1.0, m.cgs("eps_F"), net=False), _thermal_omega(T0))


def _pair_exponents(m: Material) -> dict[str, str]:
    T0 = m.value("T_Q").value
    w0 = _thermal_omega(T0)
    soft = 0.01 * const.k_B * T0 / const.hbar  # ħω = 0.01 k_BT, where the absorption rate is ∝ Tω
    return {"x": _n(scattering.thermal_phonon_peak_x()),
            "T_net": _n(abs(_slope(lambda T: scattering.rate_pair(w0, T, 1.0, m.cgs("eps_F")), T0)), 2),
            "w_net": _n(_slope(lambda w: scattering.rate_pair(w, T0, 1.0, m.cgs("eps_F")), w0), 3),
            "T_soft": _n(_slope(lambda T: scattering.rate_pair(soft, T, 1.0, m.cgs("eps_F"), net=False), T0), 3),
            "w_soft": _n(_slope(lambda w: scattering.rate_pair(w, T0, 1.0, m.cgs("eps_F"), net=False), soft), 3)}


def _resonant_rate_T_exponent(m: Material) -> float:
    """Thermal phonons, ħω = k_BT: the rate of Eq. (12) as T (and ω with it) changes."""
    return _slope(lambda T: scattering.rate_resonant(const.k_B * T / const.hbar, T, 1e-4), m.value("T_Q").value)


def _kappa_T_exponent(m: Material) -> float:
    Q = derived_parameters(m)["Q_inv_t"]
    return _slope(lambda T: conductivity.kappa_resonant(T, Q, m.cgs("c_t")), m.value("T_Q").value)


def _kappa_pair_exponent(m: Material) -> dict[str, str]:
    Q = derived_parameters(m)["Q_inv_t"]
    return {"p": _n(_slope(lambda T: conductivity.kappa_pair(T, Q, m.cgs("eps_F"), m.cgs("c_t")), m.value("T_Q").value))}


def _atomic_masses(m: Material) -> dict[str, str]:
    M = derived_parameters(m)["M_atom_g"]
    Mf = materials.mean_atomic_mass(m.formula)
    return {"M": _n(M / const.u), "formula": m.formula, "Mf": _n(Mf / const.u, 4), "diff": _n(100 * abs(M / Mf - 1), 2)}


#: Where Eq. (13)'s effective exponent is judged: 0.1 K, inside the experimental window below T_Q.
T_ALPHA = 0.1


def _alpha_at(m: Material, convention: str = "paper") -> float:
    u = dipolar.dipolar_u_dd(m.value("cv_slope").value, m.cgs("Lambda"), m.cgs("c_t"), convention)
    return float(dipolar.heat_capacity_exponent(T_ALPHA, u, m.value("T_Q").value) - 1)


def _alpha_explain(m: Material) -> dict[str, str]:
    """α at 0.1 K in the other ν convention, and the largest Λ for which α ≤ 0.1 (u/(1+uL) = 0.1)."""
    L = math.log(m.value("T_Q").value / T_ALPHA)
    u_max = MUCH_LESS / (1 - MUCH_LESS * L)
    u_now = dipolar.dipolar_u_dd(m.value("cv_slope").value, m.cgs("Lambda"), m.cgs("c_t"))
    return {"T": _n(T_ALPHA), "u": _n(u_now, 2), "alpha_s": _n(_alpha_at(m, "sommerfeld"), 2),
            "Lambda_max": _n(m.value("Lambda").value * math.sqrt(u_max / u_now), 2), "Lambda": _n(m.value("Lambda").value)}


def _much_less(m: Material) -> tuple[float, float]:
    return (0.0, MUCH_LESS)


def _printed_m_v(m: Material) -> dict[str, str]:
    """What the printed m_gl and v_F imply together: (1/2) m v^2 and k_F = m v / hbar."""
    mp, vp = _paper("sec4.1-m_gl"), _paper("sec4.1-v_F")
    return {"E": _n(const.erg_to_K(0.5 * mp * vp**2), 2), "k": _n(mp * vp / const.hbar, 2),
            "kp": _n(_paper("sec4.1-k_F"), 2)}


def _m_printed(m: Material) -> dict[str, str]:
    return {"m": _n(derived_parameters(m)["m_F_printed_g"])}


def _eps_over_E_xi(m: Material) -> dict[str, str]:
    d = derived_parameters(m)
    return {"r": _n(m.value("eps_F").value / d["E_xi_K"], 2), "E_xi": _n(d["E_xi_K"], 2)}


def _cs_vF_printed(m: Material) -> dict[str, str]:
    return {"r": _n(m.cgs("c_t") / _paper("sec4.1-v_F"), 2)}


def _K_Qt_conventions(m: Material) -> dict[str, float]:
    from glasson.formulas.acoustics import K_Qt_conventions

    return {key.replace(" ", "_").replace("-", "_"): value for key, value in K_Qt_conventions().items()}


def _K_Qt_explain(m: Material) -> dict[str, str]:
    return {k: _n(v) for k, v in _K_Qt_conventions(m).items()}


def _measured_plateau(m: Material) -> dict[str, str]:
    plateau = materials.load_table("tunneling")
    lo, hi = plateau["Q_plateau_low"].value, plateau["Q_plateau_high"].value
    return {"lo": _n(lo), "hi": _n(hi), "r": _n(derived_parameters(m)["Q_inv_t"] / lo, 2)}


def _mass_bounds(m: Material) -> tuple[float, float]:
    return (const.m_e, derived_parameters(m)["M_atom_g"])


def _mass_positions(m: Material) -> dict[str, str]:
    d = derived_parameters(m)
    return {"me": _n(const.m_e), "M": _n(d["M_atom_g"]), "r8": _n(d["m_gl_g"] / const.m_e),
            "r17": _n(d["m_F_g"] / const.m_e)}


_THERMAL = (r"thermal phonons: $\hbar\omega$ at the maximum of the phonon energy density, "
            rf"${scattering.thermal_phonon_peak_x():.2f}\,k_BT$")
_MUCH_LESS_RULE = r"“≪ 1” read as at most 0.1; $\nu_0 = \rho C_v/(k_BT)$ as printed"

_SECTION_3_4: tuple[Claim, ...] = (
    Claim("sec2.2-m_consistency", "2.2", None,
          "$m_{gl}$ from experiment (Eq. 17) over $m_{gl}$ from scaling (Eq. 8): “consistent within a factor of 2–3”",
          "1", 1.0, "order", lambda m: derived_parameters(m)["m_F_g"] / derived_parameters(m)["m_gl_g"],
          "$m_F$ of Eq. (17) as derived over $m_{gl}$ of Eq. (8), both from the paper's inputs", symbol="×2–3",
          anchor="sec41-found-masses"),
    Claim("sec3.1-C_gl_exponent", "3.1", None, "temperature exponent of the glasson specific heat (linear in $T$)",
          "1", 1.0, "value", _C_exponent_at_T_Q,
          r"exact free-fermion $C(T)$ at $T = T_Q = \epsilon_F/10$, the top of the paper's range; $C/T$ there is "
          "«dev» % below its limit at $T \\to 0$", _C_deviation_at_T_Q, symbol="∝", anchor="sec31-found-heat"),
    Claim("sec3.1-T_cross", "3.1", None, "crossover temperature between the linear glasson and cubic phonon $C$",
          "K", 1.0, "order", _d("T_cross_K"),
          r"$\rho (C_v/T) T$ equal to the Debye $T^3$ law from $c_t$ (all three branches at $c_t$: no $c_l$ among "
          "the paper's inputs)", symbol="≃", anchor="sec31-found-heat"),
    Claim("sec3.1-tau_z_T_exponent", "3.1", 11, r"$T$ exponent of the pair scattering rate $1/\tau^z$ of thermal "
          r"phonons (“$\sim T\omega$”)", "1", 1.0, "value", _pair_rate_T_exponent,
          r"absorption-only rate (as printed) at the thermal phonons, $\hbar\omega$ = «x» $k_BT$; the absorption "
          r"rate is $\propto T$ only for $\hbar\omega \ll k_BT$ (exponent «T_soft» at 0.01 $k_BT$); with detailed "
          "balance (absorption minus emission) the exponent is «T_net»: the net rate does not depend on $T$",
          _pair_exponents, symbol="∝", convention=_THERMAL, anchor="sec31-found-pair"),
    Claim("sec3.1-tau_z_omega_exponent", "3.1", 11, r"$\omega$ exponent of the pair scattering rate of thermal "
          r"phonons (“$\sim T\omega$”)", "1", 1.0, "value", _pair_rate_omega_exponent,
          r"absorption-only rate at $\hbar\omega$ = «x» $k_BT$ (exponent «w_soft» at 0.01 $k_BT$); the net "
          r"(detailed-balance) rate goes as $\omega$ to the power «w_net»", _pair_exponents, symbol="∝",
          convention=_THERMAL, anchor="sec31-found-pair"),
    Claim("sec3.1-tau_x_T_exponent", "3.1", 12, r"$T$ exponent of the resonant rate $1/\tau^x$ for thermal phonons",
          "1", 1.0, "value", _resonant_rate_T_exponent,
          r"Eq. (12) with $\hbar\omega = k_BT$: $Q^{-1}\omega\tanh(1/2)$ is linear in $T$", symbol="∝",
          anchor="sec31-found-kappa"),
    Claim("sec3.1-kappa_T_exponent", "3.1", 9, r"$T$ exponent of the phonon thermal conductivity ($\kappa \sim T^2$)",
          "1", 2.0, "value", _kappa_T_exponent,
          "closed form of Eq. (9) with the resonant rate of Eq. (12); the pair branch (Eq. 11) gives the exponent «p»",
          _kappa_pair_exponent, symbol="∝", anchor="sec31-found-kappa"),
    Claim("sec3.1-C_log_alpha", "3.1", 13, r"exponent $\alpha$ of $C \sim T^{1+\alpha}$ from Eq. (13) (“small "
          r"$\alpha \ll 1$”), at 0.1 K", "1", None, "bound", _alpha_at,
          r"$u = \nu_0\alpha_{d\text{-}d}$ = «u» from the paper's own numbers ($\alpha_{d\text{-}d} = "
          r"\Lambda^2/\rho c_t^2$, $\nu_0 = \rho (C_v/T)/k_B^2$, $\Lambda$ = «Lambda» eV); with the free-fermion $\nu$ "
          r"it is «alpha_s»; $\alpha \le 0.1$ at «T» K needs $\Lambda \le$ «Lambda_max» eV", _alpha_explain,
          symbol="≪", bounds=_much_less, convention=_MUCH_LESS_RULE, anchor="sec31-found-eq13"),
    Claim("sec3.1-kappa_log_alpha", "3.1", 13, r"exponent $2 - \alpha$ of $\kappa \sim T^2\ln(T_Q/T)$: the same "
          r"$\alpha$, at 0.1 K", "1", None, "bound", _alpha_at,
          r"$\kappa \sim T^2(1 + u\ln(T_Q/T))$ gives $2 - u/(1 + u\ln(T_Q/T))$: the $\alpha$ of the row above",
          symbol="≪", bounds=_much_less, trivial="duplicate of sec3.1-C_log_alpha", convention=_MUCH_LESS_RULE,
          anchor="sec31-found-eq13"),
    Claim("sec3.2-Q_t", "3.2", 15, r"internal friction $Q_t^{-1}$ of Eq. (15) ($K_{Q,t}$ = 1) against the quoted "
          r"$10^{-3}$–$10^{-2}$", "1", QUOTED_Q_RANGE[0], "order", _d("Q_inv_t"),
          r"Eq. (15) with the paper's $k_F$, $a$, $c_t$ and $v_F$; $10^{-3}$ is the lower end of the range the paper "
          "quotes. It is also below the measured plateau «lo» to «hi» (Wu and Yu 2011, citing Zeller and Pohl 1971 "
          "and Pohl et al. 2002), at «r» of its lower end; the range the paper quotes lies above that measured "
          "plateau", _measured_plateau, symbol="∼", anchor="sec32-found-q"),
    Claim("sec3.2-Q_from_l", "3.2", None, r"$Q^{-1} = \lambda/(2\pi l)$ with the quoted $l = 150\lambda$ (Sec. 1)",
          "1", 1.0e-3, "order", lambda m: 1 / (2 * math.pi * _paper("sec1-l_over_lambda")),
          r"arithmetic on two quoted experimental numbers; consistent with the quoted range $10^{-3}$–$10^{-2}$",
          symbol="∼", trivial="arithmetic on stated numbers"),
    Claim("sec3.2-Q_metals", "3.2", None, r"internal friction of simple metals, $c_s/v_F \sim \sqrt{m_e/M_{ion}}$",
          "1", 1.0e-3, "order", None, "quoted for metals; no metal is among the paper's inputs"),
    Claim("sec3.2-lambda_K", "3.2", 14, r"glasson–phonon coupling $\lambda = \sqrt{\epsilon_F M_{atom} c_t^2}$", "K",
          1.0e3, "order", _d("lambda_K"),
          r"$M_{atom} = \rho a^3$ from the paper's $\rho$ and $a$ (the relation its $K_{F\text{-}s}$ assumes)",
          symbol="≃", anchor="sec32-found-coupling"),
    Claim("sec3.2-Mc2_K", "3.2", 14, r"$M_{atom}c_t^2$", "K", 1.0e5, "order", _d("Mc2_K"),
          r"$M_{atom} = \rho a^3$ = «M» u; the mean atomic mass of «formula» («Mf» u, IUPAC 2021 atomic weights) "
          "differs by «diff» %", _atomic_masses, symbol="∼", anchor="sec32-found-coupling"),
    Claim("sec3.2-lambda_over_Lambda", "3.2", None, r"$\lambda_{gl\text{-}ph}/\Lambda$", "1", 1.0e-2, "order",
          _d("lambda_over_Lambda"), r"$\lambda$ as in the coupling row above, $\Lambda$ = «Lambda» eV", _inputs,
          symbol="∼", anchor="sec32-found-coupling"),
    Claim("sec3.2-cs_over_vF", "3.2", 15, r"$c_s/v_F$, “very roughly of order 1”", "1", 1.0, "order",
          _d("cs_over_vF"), r"$c_t/v_F$ with $v_F = \hbar k_F/m_F$ from Eqs. (16)–(17); just outside the factor-3 "
          r"band; with the printed $v_F$ it would be «r»", _cs_vF_printed, anchor="sec32-found-coupling"),
    Claim("sec3.2-K_Qt", "3.2", 15, r"$K_{Q,t}$, “a number of order 1”", "1", 1.0, "order",
          lambda m: _K_Qt_conventions(m)["paper_nu_0"],
          r"Eq. (14) with $\lambda^2 = \epsilon_F M c_t^2$ and $\rho = M/a^3$ gives $K_{Q,t}$ = «paper_nu_0» "
          r"($\pi/2$) with the paper's own $\nu_0 = p_F m_F/\hbar^3$; with the free-fermion $\nu$ it is "
          r"«free_fermion_nu» ($1/2\pi$, discrepant); with the second printed form of $K_{F\text{-}s}$ «second_form» "
          r"($\pi$, discrepant by the factor-3 rule); the golden rule with momentum conservation gives «golden_rule» "
          r"($1/4\pi$)", _K_Qt_explain, convention=r"$\nu(\epsilon_F) = p_F m_F/\hbar^3$, the paper's $\nu_0$ of Sec. 3.1",
          anchor="sec32-found-conventions"),
    _input_claim("sec4.1-cv_slope", "4.1", "specific-heat slope $C_v/T$ of vitreous silica", "erg/(g K^2)", 10.0,
                 "≈"),
    _input_claim("sec4.1-rho", "4.1", r"density of vitreous silica, $\rho$", "g/cm^3", 2.2, "≃"),
    _input_claim("sec4.1-a", "4.1", "inter-atomic distance $a$", "angstrom", 2.5, "≃"),
    Claim("sec4.1-eps_F_erg", "4.1", None, r"Fermi energy 10 K in erg", "erg", 1.4e-15, "value", _d("eps_F_erg"),
          r"$k_B \times$ «eps_F» K", _inputs, symbol="=", trivial="unit conversion"),
    Claim("sec4.1-k_F", "4.1", 16, "Fermi wave-vector $k_F$", "1/cm", 2.1e6, "value", _d("k_F_per_cm"),
          r"Eq. (16) ($k_B$ restored) with $\epsilon_F$ = «eps_F» K, $\rho$ = «rho» g cm⁻³, $C_v/T$ = «cv» "
          "erg g⁻¹ K⁻²", _inputs, symbol="≈", anchor="sec41-found-eq16"),
    Claim("sec4.1-m_gl", "4.1", 17, "glasson (Fermi) mass $m_{gl}$", "g", 5.0e-26, "value", _d("m_F_g"),
          r"$m = \hbar^2k_F^2/(2\epsilon_F)$ with Eq. (16); Eq. (17) as printed gives «m» g: neither is near the "
          "printed mass", _m_printed, symbol="≈", anchor="sec41-found-eq17"),
    Claim("sec4.1-m_gl_over_m_He3", "4.1", 17, r"$m_{gl}/m_{^3\mathrm{He}}$", "1", 1.0e-2, "order",
          _d("m_F_over_m_He3"), "derived $m_F$ over the mass of a ³He atom (CODATA 2018)", symbol="∼",
          anchor="sec41-found-eq17"),
    Claim("sec4.1-v_F", "4.1", None, "Fermi velocity $v_F = p_F/m_{gl}$", "cm/s", 2.3e5, "value", _d("v_F_cm_per_s"),
          r"$\hbar k_F/m_F$; the printed $m_{gl}$ and $v_F$ are consistent with $\epsilon_F$ ($\frac12 m v^2$ = «E» K) "
          r"only with $k_F = m v/\hbar$ = «k» cm⁻¹, not the printed «kp» cm⁻¹", _printed_m_v, symbol="≃",
          anchor="sec41-found-vF"),
    Claim("sec4.1-a_F", "4.1", None, r"glasson de Broglie length $a_F \sim 1/k_F$", "angstrom", 50.0, "order",
          lambda m: const.cm_to_angstrom(derived_parameters(m)["a_F_cm"]), "$1/k_F$ with $k_F$ of Eq. (16)",
          symbol="∼", anchor="sec41-found-eq16"),
    Claim("sec4.1-kF_xi", "4.1", None, r"$k_F\xi \sim 1$", "1", 1.0, "order", _d("kF_xi"),
          r"$k_F$ of Eq. (16) times $\xi$ of Eq. (8) ($\Lambda$ = «Lambda» eV)", _inputs, symbol="∼",
          anchor="sec41-found-eq18"),
    Claim("sec4.1-E_F_E_xi", "4.1", 18, r"$E_F/E_\xi = (k_F\xi)^2$, “about the same”", "1", 1.0, "order",
          _d("E_F_over_E_xi"), r"Eq. (18) (an identity with the Eq. (8) mass); $\epsilon_F/E_\xi$ would be «r»",
          _eps_over_E_xi, symbol="∼", anchor="sec41-found-eq18"),
    Claim("sec4.1-E_F_K", "4.1", 18, r"$E_F$ “of the order of 10 K” (first half of a two-part statement), with the "
          "Eq. (8) mass", "K", 10.0, "order", _d("E_F_eq18_K"),
          r"$\hbar^2k_F^2/(2m_{gl})$ with $m_{gl}$ of Eq. (8); the other half of the statement, $E_\xi$ = «E_xi» K, "
          "is the next row", _eps_over_E_xi, symbol="∼", anchor="sec41-found-eq18"),
    Claim("sec4.1-E_xi_K", "4.1", 18, r"$E_\xi$ “of the order of 10 K” (second half of the statement)", "K", 10.0,
          "order", _d("E_xi_K"), r"$\hbar c_t/\xi$ with $\xi$ of Eq. (8) ($\Lambda$ = «Lambda» eV), as in Section 2.2",
          _inputs, symbol="∼", trivial="duplicate of sec2.2-E_xi", anchor="sec41-found-eq18"),
    Claim("sec4.3-E_BP_K", "4.3", None, r"Boson-peak energy 4 meV in kelvin (“4 meV ≃ 40 K”)", "K", 40.0, "value",
          lambda m: const.eV_to_K(4e-3), "4 meV$/k_B$; the printed 40 K is «pct» % lower",
          lambda m: {"pct": _n(100 * (1 - _paper("sec4.3-E_BP_K") / const.eV_to_K(4e-3)), 2)}, symbol="≃",
          trivial="unit conversion", anchor="sec42-found-numbers"),
    Claim("sec4.3-kF_xi_mro", "4.3", None, r"MRO length $\xi = 1/k_F$ (“$\xi \simeq k_F^{-1}$”)", "1", 1.0, "value",
          lambda m: derived_parameters(m)["k_F_per_cm"] * m.cgs("xi_mro"),
          r"$k_F$ times the MRO length «xi_mro» Å (Sec. 2.1); with the crossover length of Eq. (8) it is the $k_F\xi$ "
          "of Section 4.1", _inputs, symbol="≃", anchor="sec42-found-numbers"),
    Claim("sec5-m_gl_between_eq8", "5", 8, r"$m_e < m_{gl} < M_{atom}$ (Conclusion), with the mass of Eq. (8)", "g",
          None, "bound", _d("m_gl_g"),
          r"$m_{gl}/m_e$ = «r8»; the bounds are $m_e$ = «me» g and $M_{atom} = \rho a^3$ = «M» g", _mass_positions,
          symbol="<", bounds=_mass_bounds, anchor="sec41-found-masses"),
    Claim("sec5-m_gl_between_eq17", "5", 17, r"$m_e < m_{gl} < M_{atom}$ (Conclusion), with the Fermi mass of "
          "Eq. (17)", "g", None, "bound", _d("m_F_g"),
          r"$m_F/m_e$ = «r17»; the bounds are $m_e$ = «me» g and $M_{atom} = \rho a^3$ = «M» g", _mass_positions,
          symbol="<", bounds=_mass_bounds, anchor="sec41-found-masses"),
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


def _fill(template: str, values: dict[str, str]) -> str:
    """Put the computed values into a note's «placeholders» (a note holds TeX braces, so not str.format)."""
    return re.sub("«(\\w+)»", lambda m: str(values[m.group(1)]), template)


def row(claim: Claim, material: Material | None = None) -> dict[str, Any]:
    """One registry row for ``claim``, recomputed from ``material`` (default: the paper's inputs). A claim the
    material lacks an input for (a glass of no definite composition has no inter-atomic distance) is not
    checkable for it."""
    mat = material or materials.get(PAPER_MATERIAL)
    try:
        recomputed = float(claim.compute(mat)) if claim.compute is not None else None
        bounds: tuple[float, float] | None = None
        if claim.bounds is not None:
            lo_bound, hi_bound = claim.bounds(mat)
            bounds = (float(lo_bound), float(hi_bound))
        note = _fill(claim.note, claim.explain(mat)) if claim.explain else claim.note
    except (KeyError, MissingInputError, TypeError):
        recomputed, bounds = None, None
        note = "not checkable for this material: it lacks an input the recomputation needs"
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
        "note": note,
        "symbol": claim.symbol, "bounds": list(bounds) if bounds is not None else None,
        "log10_ratio": log10_ratio, "severity": severity(log10_ratio),
        "trivial": claim.trivial, "convention": claim.convention, "chapter": chapter,
        "anchor": claim.anchor or CLAIMS_ANCHORS[chapter],
    }


@cache
def _rows() -> tuple[dict[str, Any], ...]:
    return tuple(row(c) for c in _ids_unique(CLAIMS))


def rows(section: str | None = None, material: Material | None = None) -> list[dict[str, Any]]:
    """The registry as a list of row dicts, optionally only the claims of one section (prefix match), recomputed
    from ``material`` (default: the paper's inputs; a rerun's book passes its own).

    Examples
    --------
    >>> r = {x["id"]: x for x in rows("2.2")}
    >>> r["sec2.2-xi"]["verdict"]
    'discrepant'
    """
    out = [dict(r) for r in _rows()] if material is None else [row(c, material) for c in CLAIMS]
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


def summary(section: str | None = None, substantive: bool = False,
            table: list[dict[str, Any]] | None = None) -> dict[str, int]:
    """Count of rows per verdict (of ``table``, default the registry); with ``substantive``, only the rows that are
    not :attr:`Claim.trivial`."""
    counts = dict.fromkeys(VERDICTS, 0)
    for r in (rows(section) if table is None else table):
        if not (substantive and r["trivial"]):
            counts[r["verdict"]] += 1
    return counts
