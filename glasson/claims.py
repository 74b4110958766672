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

from . import constants as const
from . import materials, scales
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

#: Every claim, in paper order. Chapters extend this tuple.
CLAIMS: tuple[Claim, ...] = _SECTION_1_2


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
