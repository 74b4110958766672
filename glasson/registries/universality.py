"""The paper's universality statements, tested glass by glass on the bands of :func:`glasson.models.derived.parameter_ranges`.

The paper states its conclusions for strongly-noncrystalline solids in general but evaluates them for silica
only. Each :class:`Statement` here is one of them, with the interval its words are read as (the same reading as
the claims registry: "∼ 1" within :data:`glasson.registries.rules.ORDER_FACTOR`, "≪ 1" at most
:data:`glasson.registries.rules.MUCH_LESS`). :func:`check` classifies a glass's band (min, centre, max) against the
interval: the centre lies inside, only part of the band does, or none of it.

Examples
--------
>>> classify((0.5, 1.0, 2.0), (1 / 3, 3.0))
'centre'
>>> classify((4.0, 5.0, 9.0), (1 / 3, 3.0))
'no'
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from glasson.core import constants as const
from glasson.data import materials
from glasson.formulas.acoustics import K_Qt_conventions
from glasson.registries.rules import MUCH_LESS, ORDER_FACTOR, QUOTED_Q_RANGE

__all__ = ["Statement", "STATEMENTS", "OUTCOMES", "classify", "check", "survival", "measured_plateau",
           "QUOTED_Q_RANGE"]

#: How a band relates to a statement's interval.
OUTCOMES = {"centre": "holds at the centre", "band": "holds in part of the band", "no": "fails over the whole band",
            "n/a": "not checkable (an input is missing)"}

Band = tuple[float, float, float]
#: The constant K_Q,t of Eq. (15) in each reading of Eq. (14) (:func:`glasson.formulas.acoustics.K_Qt_conventions`).
K_QT: Mapping[str, float] = K_Qt_conventions()
Ranges = Mapping[str, Band]


def measured_plateau() -> tuple[float, float]:
    """The measured low-temperature plateau of Q⁻¹ across glasses, (low, high), from ``data/tunneling.toml``."""
    t = materials.load_table("tunneling")
    return t["Q_plateau_low"].value, t["Q_plateau_high"].value


def _order_one(_: Ranges) -> tuple[float, float]:
    return 1 / ORDER_FACTOR, ORDER_FACTOR


def _much_less(_: Ranges) -> tuple[float, float]:
    return 0.0, MUCH_LESS


def _plateau(_: Ranges) -> tuple[float, float]:
    return measured_plateau()


def _between_masses(r: Ranges) -> tuple[float, float]:
    return const.m_e, r["M_atom_g"][1] if "M_atom_g" in r else math.nan


@dataclass(frozen=True)
class Statement:
    """One universality statement: what the paper says (MyST), where, the derived key it is about (a key of
    :data:`glasson.models.derived.KEYS`), and the interval its words are read as, which may depend on the glass."""

    id: str
    text: str
    short: str
    where: str
    key: str
    interval: Callable[[Ranges], tuple[float, float]]
    reading: str
    needs: tuple[str, ...] = ()
    #: A constant the derived value is multiplied by (a reading of a convention the paper leaves open, such as
    #: the K_Q,t of Eq. (15); 1 for the value as the paper states it).
    factor: float = 1.0


STATEMENTS: tuple[Statement, ...] = (
    Statement("kF_xi", r"the glasson wavelength is the crossover length, $k_F\xi \sim 1$", r"$k_F\xi \sim 1$",
              "Sec. 4.1", "kF_xi", _order_one, "within a factor 3 of 1"),
    Statement("E_F_over_E_xi", r"the Fermi and crossover energies agree, $E_F \sim E_\xi$ (Eq. 18)",
              r"$E_F \sim E_\xi$", "Sec. 4.1", "E_F_over_E_xi", _order_one, "within a factor 3 of 1"),
    Statement("cs_over_vF", r"$c_s/v_F$ is “very roughly of order 1”", r"$c_s/v_F \sim 1$", "Sec. 3.2",
              "cs_over_vF", _order_one, "within a factor 3 of 1"),
    Statement("kF_a_cubed", r"the Fermi volume is small, $(k_Fa)^3 \ll 1$", r"$(k_Fa)^3 \ll 1$", "Sec. 5",
              "kF_a_cubed", _much_less, "at most 0.1"),
    Statement("Q_inv_t", r"the internal friction $Q_t^{-1}$ of Eq. (15), with $K_{Q,t} = 1$, is the universal "
              "plateau", r"$Q_t^{-1}$ in the plateau", "Sec. 3.2", "Q_inv_t", _plateau,
              "inside the measured plateau"),
    *(Statement(f"Q_inv_t_{key.replace(' ', '_').replace('-', '_')}",
                rf"the same, with $K_{{Q,t}} = {tex}$ ({words})", rf"$Q_t^{{-1}}$ in the plateau, $K_{{Q,t}} = {tex}$",
                "Sec. 3.2", "Q_inv_t", _plateau, "inside the measured plateau", factor=K_QT[key])
      for key, tex, words in (("paper nu_0", r"\pi/2", "the paper's $\\nu_0$"),
                              ("second form", r"\pi", "the second printed form of $K_{F\\text{-}s}$"),
                              ("golden rule", r"1/4\pi", "the golden rule"))),
    Statement("m_gl", r"the glasson mass of Eq. (8) lies between the electron's and the atom's, "
              r"$m_e < m_{gl} < M_{atom}$", r"$m_e < m_{gl} < M_{atom}$", "Sec. 5", "m_gl_g", _between_masses,
              "between the two masses", needs=("M_atom_g",)),
)


def classify(band: Band, interval: tuple[float, float]) -> str:
    """``"centre"`` if the band's centre is inside ``interval``, ``"band"`` if only part of the band is,
    ``"no"`` if none of it is, ``"n/a"`` if the interval is unknown (NaN)."""
    lo, mid, hi = band
    a, b = interval
    if math.isnan(a) or math.isnan(b):
        return "n/a"
    if a <= mid <= b:
        return "centre"
    if hi >= a and lo <= b:
        return "band"
    return "no"


def check(statement: Statement, ranges: Ranges) -> str:
    """The outcome (a key of :data:`OUTCOMES`) of one statement for one glass's ranges."""
    if statement.key not in ranges or any(k not in ranges for k in statement.needs):
        return "n/a"
    band = tuple(statement.factor * x for x in ranges[statement.key])
    return classify((band[0], band[1], band[2]), statement.interval(ranges))


def survival(rows: Sequence[tuple[str, Ranges]]) -> list[dict[str, object]]:
    """For each statement: the outcome per glass and the summary verdict across the glasses that can be checked.

    The verdict is "survives" when the centre satisfies it for every checkable glass, "fails" when no glass's
    band reaches it, and "survives in part" otherwise.
    """
    out = []
    for s in STATEMENTS:
        outcomes = {name: check(s, r) for name, r in rows}
        checked = [o for o in outcomes.values() if o != "n/a"]
        if not checked:
            verdict = "not checkable"
        elif all(o == "centre" for o in checked):
            verdict = "survives"
        elif all(o == "no" for o in checked):
            verdict = "fails"
        else:
            verdict = "survives in part"
        out.append({"statement": s, "outcomes": outcomes, "verdict": verdict, "checked": len(checked),
                    "at_centre": sum(o == "centre" for o in checked)})
    return out
