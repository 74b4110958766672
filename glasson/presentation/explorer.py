"""The explorer of the guessed inputs (``book/explore``): a grid of Λ × ε_F computed when the book is built, which
the page script interpolates in log space (no kernel, no network; it works from ``file://``).

For every glass (a glass on the C_v/T band at the band's low end), the derived quantities of Sections 2–4 are
evaluated on :data:`LAMBDA_GRID_EV` × :data:`EPS_F_GRID_K` with :func:`glasson.models.derived.derived_parameters`
(the values of ``python -m glasson params --json --Lambda … --eps-F …``), plus κ(1 K) and α(0.1 K); for the paper's
silica, the claims that depend on Λ or ε_F are recomputed at every point too, with their verdict rule, so that the
page can say which verdicts change.
"""

from __future__ import annotations

import html
import json
from typing import Any

import numpy as np

from glasson.data import materials
from glasson.formulas import dipolar
from glasson.models.derived import EPS_F_RANGE_K, LAMBDA_RANGE_EV, derived_parameters, thermal_conductivity
from glasson.models.inputs import needs_band
from glasson.models.model import GlassonModel, MissingInputError
from glasson.presentation.formatting import math, table
from glasson.registries import claims as claim_registry
from glasson.registries.recompute import T_ALPHA
from glasson.registries.rules import MUCH_LESS, ORDER_FACTOR, VALUE_TOLERANCE

__all__ = ["LAMBDA_GRID_EV", "EPS_F_GRID_K", "QUANTITIES", "grid", "page"]

#: The grid of Λ (eV): geometric, over the paper's range.
LAMBDA_GRID_EV = tuple(float(x) for x in np.geomspace(*LAMBDA_RANGE_EV, 7))
#: The grid of ε_F (K): geometric, over the compendium's reading of "within one order of magnitude".
EPS_F_GRID_K = tuple(float(x) for x in np.geomspace(*EPS_F_RANGE_K, 7))
#: The quantities shown: the key of ``params --json`` (or of the explorer, for κ and α), symbol, unit and factor
#: from CGS to the unit shown.
QUANTITIES: tuple[tuple[str, str, str, float], ...] = (
    ("xi_cm", r"\xi", "Å", 1e8), ("m_gl_g", "m_{gl}", "g", 1.0), ("E_xi_K", r"E_\xi", "K", 1.0),
    ("k_F_per_cm", "k_F", "cm⁻¹", 1.0), ("m_F_g", "m_F", "g", 1.0), ("v_F_cm_per_s", "v_F", "cm s⁻¹", 1.0),
    ("kF_xi", r"k_F\xi", "", 1.0), ("E_F_over_E_xi", r"E_F/E_\xi", "", 1.0), ("Q_inv_t", r"Q_t^{-1}", "", 1.0),
    ("kappa_1K", r"\kappa(1\,\mathrm{K})", "W cm⁻¹ K⁻¹", 1e-7), ("alpha_0_1K", r"\alpha(0.1\,\mathrm{K})", "", 1.0),
)


def _values(material: materials.Material, band_end: str | None) -> dict[str, float]:
    values = {k: float(v) for k, v in derived_parameters(material, band_end).items()}
    model = GlassonModel.from_material(material, band_end)
    try:
        values["kappa_1K"] = float(thermal_conductivity(model, 1.0))
    except (MissingInputError, ValueError):
        pass
    u = dipolar.dipolar_u_dd(model.cv_slope, model.Lambda, model.c_t)
    values["alpha_0_1K"] = float(dipolar.heat_capacity_exponent(T_ALPHA, u, model.T_Q) - 1)
    return values


def _value_of(compute: Any, material: materials.Material) -> float | None:
    try:
        return float(compute(material))
    except (KeyError, MissingInputError, TypeError, ValueError, ZeroDivisionError):
        return None


def _round(x: float | None) -> float | None:
    """Seven significant figures: the page interpolates, and the tests compare to four."""
    return None if x is None else float(f"{x:.7g}")


def grid() -> dict[str, Any]:
    """Everything the explorer page needs, as JSON-able data (see the module's docstring)."""
    keys = [k for k, _, _, _ in QUANTITIES]
    glasses: dict[str, Any] = {}
    for key, mat in materials.load().items():
        band_end = "low" if needs_band(mat) else None
        points = []
        for lam in LAMBDA_GRID_EV:
            row = []
            for eps in EPS_F_GRID_K:
                found = _values(mat.with_overrides(Lambda=lam, eps_F=eps), band_end)
                row.append([_round(found.get(k)) for k in keys])
            points.append(row)
        glasses[key] = {"label": mat.label, "band_end": band_end, "values": points}
    paper = materials.get(claim_registry.PAPER_MATERIAL)
    base = {r["id"]: r for r in claim_registry.rows()}
    corners = [paper.with_overrides(Lambda=LAMBDA_GRID_EV[0], eps_F=EPS_F_GRID_K[0]),
               paper.with_overrides(Lambda=LAMBDA_GRID_EV[-1], eps_F=EPS_F_GRID_K[-1])]
    claims: dict[str, Any] = {}
    at = {(lam, eps): paper.with_overrides(Lambda=lam, eps_F=eps) for lam in LAMBDA_GRID_EV for eps in EPS_F_GRID_K}
    derived_at = {point: derived_parameters(m) for point, m in at.items()}
    for c in claim_registry.CLAIMS:
        r = base[c.id]
        if c.compute is None or r["recomputed"] is None or r["trivial"]:
            continue
        if all(_value_of(c.compute, m) == r["recomputed"] for m in corners):
            continue  # depends on neither guess
        named = c.data.recompute.removeprefix("derived:") if c.data.recompute.startswith("derived:") else None
        values = [[_round(float(derived_at[(lam, eps)][named]) if named else _value_of(c.compute, at[(lam, eps)]))
                   for eps in EPS_F_GRID_K] for lam in LAMBDA_GRID_EV]
        claims[c.id] = {"quantity": r["quantity"], "paper": r["paper_value"], "kind": r["kind"],
                        "bounds": r["bounds"], "verdict": r["verdict"], "values": values}
    return {"Lambda_eV": LAMBDA_GRID_EV, "eps_F_K": EPS_F_GRID_K, "keys": keys, "glasses": glasses, "claims": claims,
            "rules": {"value": VALUE_TOLERANCE, "order": ORDER_FACTOR, "much_less": MUCH_LESS},
            "paper_material": claim_registry.PAPER_MATERIAL,
            "quantities": [{"key": k, "unit": u, "factor": f} for k, _, u, f in QUANTITIES]}


def page() -> str:
    """The explorer's controls, its tables and its grid (MyST with raw HTML, for ``book/explore.md``)."""
    data = grid()
    paper = materials.get(data["paper_material"])
    options = "".join(f'<option value="{html.escape(k)}"{" selected" if k == data["paper_material"] else ""}>'
                      f'{html.escape(g["label"])}{" (C<sub>v</sub>/T: low end of the band)" if g["band_end"] else ""}'
                      "</option>" for k, g in data["glasses"].items())
    lam, eps = data["Lambda_eV"], data["eps_F_K"]
    controls = (
        '<form class="glasson-explore" aria-label="The guessed inputs">'
        f'<label>glass <select id="explore-material">{options}</select></label>'
        f'<label>Λ (eV) <input type="range" id="explore-Lambda" min="{lam[0]}" max="{lam[-1]}" step="any" '
        f'value="{paper.value("Lambda").value}"><output id="explore-Lambda-value"></output></label>'
        f'<label>ε<sub>F</sub> (K) <input type="range" id="explore-eps_F" min="{eps[0]}" max="{eps[-1]}" step="any" '
        f'value="{paper.value("eps_F").value}"><output id="explore-eps_F-value"></output></label>'
        '<p id="explore-where" class="glasson-explore-where"></p></form>')
    rows = [(math(symbol), f'<span class="glasson-explore-value" data-quantity="{key}" data-value="">—</span>',
             unit or "—") for key, symbol, unit, _ in QUANTITIES]
    quantities = table(("quantity", "value", "unit"), rows)
    script = ('<script type="application/json" id="explore-grid">'
              + json.dumps(data, separators=(",", ":")).replace("</", "<\\/") + "</script>")
    claims_rows = [(f'<a href="claims.html#{i}"><code>{i}</code></a>', c["quantity"],
                    f'<span class="glasson-explore-claim" data-claim="{i}">{c["verdict"]}</span>')
                   for i, c in data["claims"].items()]
    return "\n\n".join([controls, quantities, "## The claims that move with them",
                        "Each claim of the paper's silica whose recomputed number depends on $\\Lambda$ or "
                        "$\\epsilon_F$, with its verdict at the chosen point (by the registry's rules); for "
                        "another glass they are not shown, as the paper's numbers are about silica.",
                        table(("claim", "quantity", "verdict here"), claims_rows), script, ""])

