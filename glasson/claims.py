"""The claims registry: every number the paper prints, recomputed from the paper's own inputs, with a verdict.

A row has the fields ``id, section, equation, quantity, unit, paper_value, recomputed, ratio, kind, verdict,
note``. ``kind`` is ``value`` when the paper states an estimate ("≈", "≃", "="), ``order`` when it says "∼"
or "order of magnitude". The verdict is ``reproduced`` when the recomputed value is within 10 % (``value``)
or a factor 3 (``order``) of the paper's, ``discrepant`` otherwise, and ``not-checkable`` when the paper gives
no number to compare or an input is missing (the paper's own inputs are listed as ``not-checkable`` too: they
are used, not derived). Recomputed values always come from the paper's inputs (:data:`PAPER_MATERIAL`);
no input is ever tuned to match.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import math

from . import constants as const
from . import materials, scales, thermal
from .derived import derived_parameters
from .materials import Material

__all__ = ["Claim", "CLAIMS", "PAPER_MATERIAL", "FIELDS", "VERDICTS", "verdict", "rows", "row", "get", "summary"]

#: The material whose inputs are the paper's own.
PAPER_MATERIAL = materials.DEFAULT_MATERIAL
FIELDS = ("id", "section", "equation", "quantity", "unit", "paper_value", "recomputed", "ratio", "kind",
          "verdict", "note")
VERDICTS = ("reproduced", "discrepant", "not-checkable")
#: Tolerances of the verdict: relative for ``value``, a factor for ``order``.
VALUE_TOLERANCE = 0.10
ORDER_FACTOR = 3.0


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
    explain: Callable[[Material], dict[str, float]] | None = None

    def __post_init__(self) -> None:
        if self.kind not in ("value", "order"):
            raise ValueError(f"claim {self.id}: kind must be 'value' or 'order', got {self.kind!r}")


def verdict(paper_value: float | None, recomputed: float | None, kind: str) -> str:
    """The verdict for a paper value and its recomputation.

    Examples
    --------
    >>> verdict(10.0, 10.9, "value"), verdict(10.0, 11.1, "value"), verdict(10.0, 29.0, "order")
    ('reproduced', 'discrepant', 'reproduced')
    >>> verdict(None, 1.0, "order")
    'not-checkable'
    """
    if paper_value is None or recomputed is None:
        return "not-checkable"
    ratio = recomputed / paper_value
    if kind == "value":
        return "reproduced" if abs(ratio - 1) <= VALUE_TOLERANCE else "discrepant"
    return "reproduced" if 1 / ORDER_FACTOR <= ratio <= ORDER_FACTOR else "discrepant"


def _d(key: str) -> Callable[[Material], float]:
    """Recompute through :func:`glasson.derived.derived_parameters` (one formula, one place)."""
    return lambda m: derived_parameters(m)[key]


def _input(key: str, convert: Callable[[float], float] | None = None) -> Callable[[Material], float]:
    return lambda m: convert(m.value(key).value) if convert else m.value(key).value


def _input_claim(cid: str, section: str, quantity: str, unit: str, value: float) -> Claim:
    return Claim(cid, section, None, quantity, unit, value, "value", None,
                 "input of the paper, used as stated (data/materials.toml); not derived")


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
          10.0, "order", _d("E_int_K"), "hbar c_t/xi with xi = 30 A and the paper's c_t (the relation of Sec. 2.1)"),
    Claim("sec1-l_over_lambda", "1", None, "phonon mean free path over wavelength l_s/lambda_s", "1",
          150.0, "value", None, "quoted from Freeman and Anderson (1986); no formula of the paper gives it"),
    _input_claim("sec2.1-c_t", "2.1", "transverse sound velocity of vitreous silica c_t", "cm/s", 4.0e5),
    _input_claim("sec2.1-xi_mro", "2.1", "medium-range-order length xi", "angstrom", 30.0),
    Claim("sec2.1-Lambda_K", "2.1", None, "bare coupling Lambda = 10 eV in kelvin", "K", 1.0e5, "order",
          _d("Lambda_K"), "10 eV / k_B"),
    Claim("sec2.1-E_D", "2.1", None, "Debye energy E_D", "K", 1.0e3, "order", None,
          "quoted, not derived; the Debye temperature needs c_l and the atomic density, not among the paper's inputs"),
    Claim("sec2.1-E_int", "2.1", None, "MRO energy E_int = hbar c_t/xi", "K", 10.0, "order", _d("E_int_K"),
          "hbar c_t/xi_MRO with xi_MRO = 30 A and c_t = 4e5 cm/s"),
    Claim("sec2.1-E_dd_mro", "2.1", None, "dipole energy Lambda^2/(rho c_t^2 xi^3) at xi = 30 A, said to be ~E_int",
          "K", 10.0, "order", _E_dd_at_mro,
          "with Lambda = {Lambda_used_eV:g} eV (the paper's value); it equals E_int only for Lambda = {Lambda_eV:.1f} eV "
          "(Eq. 8 solved for Lambda at xi = xi_MRO), inside the quoted 1-10 eV", _lambda_for_mro),
    _input_claim("sec2.1-E_Q", "2.1", "quantum crossover energy E_Q = k_B T_Q (a definition)", "K", 1.0),
    Claim("sec2.1-E_D_over_E_Q", "2.1", None, "ratio E_D/E_Q", "1", 1.0e3, "order",
          lambda m: 1.0e3 / m.value("T_Q").value,
          "arithmetic on the stated E_D ~ 1e3 K and E_Q = 1 K only (E_D itself is not derived)"),
    Claim("sec2.1-W", "2.1", None, "bandwidth of local glasson energies W", "K", 100.0, "value", None,
          "a guess ('reasonable, but quite uncertain'); no formula gives it"),
    Claim("sec2.1-t", "2.1", None, "upper end of the hopping t <= 0.1-1 K", "K", 1.0, "order", None,
          "a guess ('reasonable, but quite uncertain'); no formula gives it"),
    Claim("sec2.2-H", "2.2", 8, "H (printed as sqrt(hbar rho) c_t, quoted in g/s)", "g/s", 0.9e-10, "value",
          _d("H_g_per_s"),
          "recomputed as sqrt(hbar rho c_t), the form Eqs. 6-7 give; the printed sqrt(hbar rho) c_t is not in g/s"),
    Claim("sec2.2-xi", "2.2", 8, "crossover length xi = Lambda/(c_t H)", "angstrom", 44.0, "value",
          lambda m: const.cm_to_angstrom(derived_parameters(m)["xi_cm"]),
          "Eq. 8 with Lambda = 10 eV; the printed 44 A follows from the printed H = 0.9e-10 g/s, not from the inputs"),
    Claim("sec2.2-m_gl", "2.2", 8, "glasson mass m_gl = hbar H/(2 Lambda)", "g", 5.6e-26, "value", _d("m_gl_g"),
          "Eq. 8 with Lambda = 10 eV; even the printed H gives {m:.1e} g: no reading of Eq. 8 found gives 5.6e-26 g",
          _m_gl_with_printed_H),
    Claim("sec2.2-E_xi", "2.2", None, "crossover energy E_xi = hbar c_t/xi", "K", 10.0, "order", _d("E_xi_K"),
          "hbar c_t/xi with xi from Eq. 8; with the printed xi = 44 A it would be {E:.1f} K", _E_xi_with_printed_xi),
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


_X_SMALL = 0.01  # ħω/k_BT for "thermal phonons much softer than k_BT"


def _pair_rate_T_exponent(m: Material) -> float:
    T0 = m.value("T_Q").value
    w = _X_SMALL * const.k_B * T0 / const.hbar
    return _slope(lambda T: thermal.rate_pair(w, T, 1.0, m.cgs("eps_F"), net=False), T0)


def _pair_rate_omega_exponent(m: Material) -> float:
    T0 = m.value("T_Q").value
    w0 = _X_SMALL * const.k_B * T0 / const.hbar
    return _slope(lambda w: thermal.rate_pair(w, T0, 1.0, m.cgs("eps_F"), net=False), w0)


def _pair_exponents_net(m: Material) -> dict[str, float]:
    T0 = m.value("T_Q").value
    w0 = _X_SMALL * const.k_B * T0 / const.hbar
    return {"x": _X_SMALL,
            "T_net": _slope(lambda T: thermal.rate_pair(w0, T, 1.0, m.cgs("eps_F")), T0),
            "w_net": _slope(lambda w: thermal.rate_pair(w, T0, 1.0, m.cgs("eps_F")), w0)}


def _resonant_rate_T_exponent(m: Material) -> float:
    """Thermal phonons, ħω = k_BT: the rate of Eq. (12) as T (and ω with it) changes."""
    return _slope(lambda T: thermal.rate_resonant(const.k_B * T / const.hbar, T, 1e-4), m.value("T_Q").value)


def _kappa_T_exponent(m: Material) -> float:
    Q = derived_parameters(m)["Q_inv_t"]
    return _slope(lambda T: thermal.kappa_resonant(T, Q, m.cgs("c_t")), m.value("T_Q").value)


def _kappa_pair_exponent(m: Material) -> dict[str, float]:
    Q = derived_parameters(m)["Q_inv_t"]
    return {"p": _slope(lambda T: thermal.kappa_pair(T, Q, m.cgs("eps_F"), m.cgs("c_t")), m.value("T_Q").value)}


def _atomic_masses(m: Material) -> dict[str, float]:
    M = derived_parameters(m)["M_atom_g"]
    Mf = materials.mean_atomic_mass(m.formula)
    return {"M": M / const.u, "formula": m.formula, "Mf": Mf / const.u, "diff": 100 * abs(M / Mf - 1)}


#: The lowest temperature of the window in which the log regime of Eq. (13) is judged [K].
_T_LOW = 0.01


def _log_regime_alpha(m: Material) -> dict[str, float]:
    return {"alpha": 1 / math.log(m.value("T_Q").value / _T_LOW), "T_low": _T_LOW}


def _printed_m_v(m: Material) -> dict[str, float]:
    """What the printed m_gl and v_F imply together: (1/2) m v^2 and k_F = m v / hbar."""
    mp, vp = _paper("sec4.1-m_gl"), _paper("sec4.1-v_F")
    return {"E": const.erg_to_K(0.5 * mp * vp**2), "k": mp * vp / const.hbar, "kp": _paper("sec4.1-k_F")}


def _m_printed(m: Material) -> dict[str, float]:
    return {"m": derived_parameters(m)["m_F_printed_g"]}


def _eps_over_E_xi(m: Material) -> dict[str, float]:
    d = derived_parameters(m)
    return {"r": m.value("eps_F").value / d["E_xi_K"]}


def _cs_vF_printed(m: Material) -> dict[str, float]:
    return {"r": m.cgs("c_t") / _paper("sec4.1-v_F")}


_SECTION_3_4: tuple[Claim, ...] = (
    Claim("sec2.2-m_consistency", "2.2", None,
          "m_gl from experiment (Eq. 17) over m_gl from scaling (Eq. 8): 'consistent within a factor of 2-3'",
          "1", 1.0, "order", lambda m: derived_parameters(m)["m_F_g"] / derived_parameters(m)["m_gl_g"],
          "m_F of Eq. 17 as derived over m_gl of Eq. 8, both from the paper's inputs"),
    Claim("sec3.1-C_gl_exponent", "3.1", None, "temperature exponent of the glasson specific heat (linear in T)",
          "1", 1.0, "value", _C_exponent_at_T_Q,
          "exact free-fermion C(T) at T = T_Q = eps_F/10, the top of the paper's range; C/T there is "
          "{dev:.1f} % below its T -> 0 value", _C_deviation_at_T_Q),
    Claim("sec3.1-T_cross", "3.1", None, "crossover temperature between linear glasson and cubic phonon C",
          "K", 1.0, "order", _d("T_cross_K"),
          "rho (C_v/T) T = Debye T^3 law from c_t (all three branches at c_t: no c_l among the paper's inputs)"),
    Claim("sec3.1-tau_z_T_exponent", "3.1", 11, "T exponent of the pair scattering rate 1/tau^z ('~ T omega')",
          "1", 1.0, "value", _pair_rate_T_exponent,
          "absorption-only rate at hbar omega = {x} k_B T, as printed; with detailed balance (absorption minus "
          "emission) the exponent is {T_net:.2f}: the net rate is T-independent", _pair_exponents_net),
    Claim("sec3.1-tau_z_omega_exponent", "3.1", 11, "omega exponent of the pair scattering rate ('~ T omega')",
          "1", 1.0, "value", _pair_rate_omega_exponent,
          "absorption-only rate at hbar omega = {x} k_B T; the net (detailed-balance) rate goes as omega^{w_net:.2f}",
          _pair_exponents_net),
    Claim("sec3.1-tau_x_T_exponent", "3.1", 12, "T exponent of the resonant rate 1/tau^x for thermal phonons",
          "1", 1.0, "value", _resonant_rate_T_exponent,
          "Eq. 12 with hbar omega = k_B T: Q omega tanh(1/2) is linear in T"),
    Claim("sec3.1-kappa_T_exponent", "3.1", 9, "T exponent of the phonon thermal conductivity (kappa ~ T^2)",
          "1", 2.0, "value", _kappa_T_exponent,
          "closed form of Eq. 9 with the resonant rate of Eq. 12; the pair branch (Eq. 11) gives T^{p:.2f}",
          _kappa_pair_exponent),
    Claim("sec3.1-C_log_alpha", "3.1", 13, "exponent alpha of C ~ T^(1+alpha) from Eq. 13 ('small alpha << 1')",
          "1", None, "order", None,
          "no number: Eq. 13 gives alpha = u/(1 + u ln(T_Q/T)), small only for u << 1, not in the logarithmic "
          "regime u ln(T_Q/T) >> 1, where alpha = 1/ln(T_Q/T) is still {alpha:.2f} at {T_low} K", _log_regime_alpha),
    Claim("sec3.1-kappa_log_alpha", "3.1", 13, "exponent 2 - alpha of kappa ~ T^2 ln(T_Q/T)", "1", None, "order",
          None, "no number: kappa ~ T^2 (1 + u ln(T_Q/T)) gives 2 - u/(1 + u ln(T_Q/T)), the same alpha as C"),
    Claim("sec3.2-Q_t", "3.2", 15, "internal friction Q_t^-1 of Eq. 15 (K_Q,t = 1) vs the quoted 1e-3 - 1e-2",
          "1", 1.0e-3, "order", _d("Q_inv_t"),
          "Eq. 15 with the paper's k_F, a, c_t and v_F; the lower end of the quoted experimental range is 1e-3"),
    Claim("sec3.2-Q_from_l", "3.2", None, "Q^-1 = lambda/(2 pi l) with the quoted l = 150 lambda (Sec. 1)", "1",
          1.0e-3, "order", lambda m: 1 / (2 * math.pi * _paper("sec1-l_over_lambda")),
          "arithmetic on two quoted experimental numbers; consistent with the quoted range 1e-3 - 1e-2"),
    Claim("sec3.2-Q_metals", "3.2", None, "internal friction of simple metals, c_s/v_F ~ sqrt(m_e/M_ion)", "1",
          1.0e-3, "order", None, "quoted for metals; no metal is among the paper's inputs"),
    Claim("sec3.2-lambda_K", "3.2", 14, "glasson-phonon coupling lambda = sqrt(eps_F M_atom c_t^2)", "K", 1.0e3,
          "order", _d("lambda_K"), "M_atom = rho a^3 from the paper's rho and a (the relation its K_F-s assumes)"),
    Claim("sec3.2-Mc2_K", "3.2", 14, "M_atom c_t^2", "K", 1.0e5, "order", _d("Mc2_K"),
          "M_atom = rho a^3 = {M:.1f} u; the mean atomic mass of {formula} ({Mf:.2f} u, IUPAC 2021 atomic weights) "
          "differs by {diff:.0f} %", _atomic_masses),
    Claim("sec3.2-lambda_over_Lambda", "3.2", None, "lambda_gl-ph / Lambda", "1", 1.0e-2, "order",
          _d("lambda_over_Lambda"), "lambda as in sec3.2-lambda_K, Lambda = 10 eV"),
    Claim("sec3.2-cs_over_vF", "3.2", 15, "c_s/v_F 'very roughly of order 1'", "1", 1.0, "order", _d("cs_over_vF"),
          "c_t/v_F with v_F = hbar k_F/m_F from Eqs. 16-17; just outside the factor-3 band; with the printed "
          "v_F it would be {r:.2f}", _cs_vF_printed),
    Claim("sec3.2-K_Qt", "3.2", 15, "K_Q,t, 'a number of order 1'", "1", 1.0, "order",
          lambda m: 1 / (2 * math.pi),
          "implied by Eq. 14 with K_F-s = nu lambda^2/(rho c_t^2), lambda^2 = eps_F M c_t^2, rho = M/a^3: 1/(2 pi)"),
    _input_claim("sec4.1-cv_slope", "4.1", "specific-heat slope C_v/T of vitreous silica", "erg/(g K^2)", 10.0),
    _input_claim("sec4.1-rho", "4.1", "density of vitreous silica", "g/cm^3", 2.2),
    _input_claim("sec4.1-a", "4.1", "inter-atomic distance a", "angstrom", 2.5),
    Claim("sec4.1-eps_F_erg", "4.1", None, "Fermi energy 10 K in erg", "erg", 1.4e-15, "value", _d("eps_F_erg"),
          "k_B x 10 K"),
    Claim("sec4.1-k_F", "4.1", 16, "Fermi wave-vector k_F", "1/cm", 2.1e6, "value", _d("k_F_per_cm"),
          "Eq. 16 (k_B restored) with eps_F = 10 K, rho = 2.2 g/cm^3, C_v/T = 10 erg/(g K^2)"),
    Claim("sec4.1-m_gl", "4.1", 17, "glasson (Fermi) mass m_gl", "g", 5.0e-26, "value", _d("m_F_g"),
          "m = hbar^2 k_F^2/(2 eps_F) with Eq. 16; Eq. 17 as printed gives {m:.2e} g: neither is near 5e-26 g",
          _m_printed),
    Claim("sec4.1-m_gl_over_m_He3", "4.1", 17, "m_gl / m(3He)", "1", 1.0e-2, "order", _d("m_F_over_m_He3"),
          "derived m_F over the 3He atom mass (CODATA 2018)"),
    Claim("sec4.1-v_F", "4.1", None, "Fermi velocity v_F = p_F/m_gl", "cm/s", 2.3e5, "value", _d("v_F_cm_per_s"),
          "hbar k_F/m_F; the printed m_gl and v_F are consistent with eps_F ((1/2) m v^2 = {E:.1f} K) only with "
          "k_F = m v/hbar = {k:.1e} /cm, not the printed {kp:.1e}", _printed_m_v),
    Claim("sec4.1-a_F", "4.1", None, "glasson de Broglie length a_F ~ 1/k_F", "angstrom", 50.0, "order",
          lambda m: const.cm_to_angstrom(derived_parameters(m)["a_F_cm"]), "1/k_F with k_F of Eq. 16"),
    Claim("sec4.1-kF_xi", "4.1", None, "k_F xi ~ 1", "1", 1.0, "order", _d("kF_xi"),
          "k_F of Eq. 16 times xi of Eq. 8 (Lambda = 10 eV)"),
    Claim("sec4.1-E_F_E_xi", "4.1", 18, "E_F/E_xi = (k_F xi)^2, 'about the same'", "1", 1.0, "order",
          _d("E_F_over_E_xi"), "Eq. 18 (an identity with the Eq. 8 mass); eps_F/E_xi would be {r:.1f}",
          _eps_over_E_xi),
    Claim("sec4.1-E_F_K", "4.1", 18, "E_F and E_xi 'of the order of 10 K': E_F with the Eq. 8 mass", "K", 10.0,
          "order", _d("E_F_eq18_K"), "hbar^2 k_F^2/(2 m_gl) with m_gl of Eq. 8"),
    Claim("sec4.3-E_BP_K", "4.3", None, "Boson-peak energy 4 meV in kelvin ('4 meV = 40 K')", "K", 40.0, "value",
          lambda m: const.eV_to_K(4e-3), "4 meV / k_B; the printed 40 K is {pct:.0f} % lower",
          lambda m: {"pct": 100 * (1 - _paper("sec4.3-E_BP_K") / const.eV_to_K(4e-3))}),
    Claim("sec4.3-kF_xi_mro", "4.3", None, "MRO length xi = 1/k_F ('xi ~= k_F^-1')", "1", 1.0, "value",
          lambda m: derived_parameters(m)["k_F_per_cm"] * m.cgs("xi_mro"),
          "k_F times the MRO length 30 A (Sec. 2.1); with the crossover length of Eq. 8 it is k_F xi of sec4.1-kF_xi"),
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
    ratio = recomputed / claim.paper_value if (recomputed is not None and claim.paper_value) else None
    return {
        "id": claim.id, "section": claim.section, "equation": claim.equation, "quantity": claim.quantity,
        "unit": claim.unit, "paper_value": claim.paper_value, "recomputed": recomputed, "ratio": ratio,
        "kind": claim.kind, "verdict": verdict(claim.paper_value, recomputed, claim.kind),
        "note": claim.note.format(**claim.explain(mat)) if claim.explain else claim.note,
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


def summary(section: str | None = None) -> dict[str, int]:
    """Count of rows per verdict."""
    counts = dict.fromkeys(VERDICTS, 0)
    for r in rows(section):
        counts[r["verdict"]] += 1
    return counts
