"""Measured κ(T) below 1 K against the compendium's predictions: each data set's exponent from a log–log fit, and
what it implies for Eq. (13) and the tunnelling model.

The files give no uncertainties, so each point has the same weight in log κ (a constant relative uncertainty);
the exponent is the slope of the least-squares line of log κ against log T over the points at or below
:data:`T_FIT_MAX` (:func:`scipy.stats.linregress`), its uncertainty the slope's standard error from the scatter.

Two predictions are confronted with it. The tunnelling model's resonant scattering gives κ ∝ T², exponent 2.
The glasson phenomenology's Eq. (13) lowers it to 2 − α with α = u/(1 + u ln(T_Q/T)) and u = ν₀α_dd ∝ Λ²: a
measured exponent n < 2 implies α = 2 − n, and the Λ that gives it (:func:`implied_Lambda`) with the paper's silica
inputs for everything else, since none of these materials has a sourced density, sound velocity or specific-heat
slope here. An exponent at or above 2 leaves Eq. (13) no room (α ≥ 0 for any Λ).
"""

from __future__ import annotations

import math
from functools import cache
from typing import TypedDict

import numpy as np

from glasson.core import constants as const
from glasson.data import kappa_data, materials
from glasson.data.kappa_data import KappaData
from glasson.formulas import dipolar

__all__ = ["Fit", "KappaRow", "T_FIT_MAX", "MIN_POINTS", "fit_exponent", "implied_Lambda", "rows", "row"]

#: The fits use the points at or below this temperature (K): the regime of Eq. (13) and of the tunnelling model.
T_FIT_MAX = 1.0
#: A fit needs at least this many points.
MIN_POINTS = 4


class Fit(TypedDict):
    """A power law κ ∝ T^n fitted in log–log space."""

    exponent: float
    uncertainty: float
    fit_range: list[float]
    fit_points: int


class KappaRow(TypedDict):
    """One data set, as ``python -m glasson kappa-data --json`` gives it."""

    key: str
    material: str
    what: str
    kind: str
    clean: bool
    T_range: list[float]
    points: int
    exponent: float | None
    uncertainty: float | None
    fit_range: list[float] | None
    fit_points: int
    alpha_implied: float | None
    Lambda_implied_eV: float | None
    tunneling_T2: str
    source: str
    compilation: str
    note: str


def fit_exponent(T: np.ndarray, kappa: np.ndarray, T_max: float = T_FIT_MAX) -> Fit | None:
    """The exponent n of κ ∝ T^n over the points with T ≤ ``T_max`` and its standard error; ``None`` with fewer than
    :data:`MIN_POINTS` points there.

    Examples
    --------
    >>> import numpy as np
    >>> T = np.array([0.1, 0.2, 0.4, 0.8]); fit = fit_exponent(T, 3 * T**1.9)
    >>> round(fit["exponent"], 12), fit["uncertainty"] < 1e-12, fit["fit_points"]
    (1.9, True, 4)
    """
    from scipy.stats import linregress

    keep = np.asarray(T) <= T_max
    if keep.sum() < MIN_POINTS:
        return None
    T_fit = np.asarray(T, dtype=float)[keep]
    result = linregress(np.log(T_fit), np.log(np.asarray(kappa, dtype=float)[keep]))
    return Fit(exponent=float(result.slope), uncertainty=float(result.stderr),
               fit_range=[float(T_fit.min()), float(T_fit.max())], fit_points=int(keep.sum()))


def implied_Lambda(exponent: float, T: float) -> float | None:
    """The Λ (eV) for which Eq. (13) gives κ the local exponent ``exponent`` at ``T`` (K), with the paper's silica
    inputs for C_v/T, c_t and T_Q; ``None`` when no Λ does (an exponent at or above 2, or below what Λ → ∞ gives).

    Examples
    --------
    >>> lam = implied_Lambda(1.9, 0.1)
    >>> 1 < lam < 10
    True
    >>> implied_Lambda(2.1, 0.1) is None
    True
    """
    from scipy.optimize import brentq

    silica = materials.get(materials.DEFAULT_MATERIAL)
    cv, c_t, T_Q = silica.value("cv_slope").value, silica.cgs("c_t"), silica.value("T_Q").value

    def gap(log_lambda: float) -> float:
        u = dipolar.dipolar_u_dd(cv, const.eV_to_erg(math.exp(log_lambda)), c_t)
        return float(dipolar.kappa_exponent(T, u, T_Q)) - exponent

    lo, hi = math.log(1e-3), math.log(1e3)
    if not exponent < 2 or gap(lo) * gap(hi) > 0:
        return None
    return math.exp(brentq(gap, lo, hi, xtol=1e-12))


def _tunneling(fit: Fit | None) -> str:
    """How the exponent stands against the tunnelling model's T² (two standard errors)."""
    if fit is None:
        return "no fit"
    n, s = fit["exponent"], fit["uncertainty"]
    if abs(n - 2) <= 2 * s:
        return "consistent"
    return "below" if n < 2 else "above"


def row(data: KappaData) -> KappaRow:
    """The fit and the predictions for one data set."""
    fit = fit_exponent(data.T, data.kappa)
    alpha = lam = None
    if fit is not None and fit["exponent"] < 2:
        alpha = 2 - fit["exponent"]
        lam = implied_Lambda(fit["exponent"], math.sqrt(fit["fit_range"][0] * fit["fit_range"][1]))
    return KappaRow(key=data.key, material=data.material, what=data.what, kind=data.kind, clean=data.clean,
                    T_range=[float(data.T[0]), float(data.T[-1])], points=len(data.T),
                    exponent=None if fit is None else fit["exponent"],
                    uncertainty=None if fit is None else fit["uncertainty"],
                    fit_range=None if fit is None else fit["fit_range"],
                    fit_points=0 if fit is None else fit["fit_points"], alpha_implied=alpha, Lambda_implied_eV=lam,
                    tunneling_T2=_tunneling(fit), source=data.source, compilation=data.compilation, note=data.note)


@cache
def _rows() -> tuple[KappaRow, ...]:
    return tuple(row(d) for d in kappa_data.load().values())


def rows() -> list[KappaRow]:
    """Every data set with its fit and predictions, in file order."""
    return [KappaRow(**r) for r in _rows()]
