"""The tables of the chapters, as MyST: every cell typeset by :mod:`glasson.presentation.formatting` (symbols as math,
numbers as 3.05 × 10⁻¹¹, units as g s⁻¹, sources as citations), never a machine key.

Each function takes the objects a chapter already has (the inputs, the model, registry rows) and returns MyST
that a notebook displays with ``Markdown(...)``; the notebooks build no table by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import sympy as sp

from glasson.core.dimensions import Dim, DimensionVerdict
from glasson.core.text import formula_tex, frequency, number, number_tex, unit, unit_tex
from glasson.core.units import Row
from glasson.data.materials import Material, Value
from glasson.models.inputs import Input
from glasson.models.model import TunnelingModel
from glasson.presentation.formatting import (
    KEY_DISPLAY,
    PARAMETER_DISPLAY,
    SEVERITY_BADGE,
    STATUS_BADGE,
    VERDICT_BADGE,
    cite,
    escape,
    input_cell,
    key_value,
    math,
    table,
    value_math,
)
from glasson.registries import claims as claim_registry

__all__ = ["inputs_table", "inputs_dropdown", "parameters_table", "claims_table", "dimension_table", "hamiltonian_table",
           "statistics_table", "tunneling_table", "dependences_table", "predictions_table", "ring_table",
           "ranges_table", "universality_table", "mass_ordering_table", "kappa_exponent_table",
           "conventions_table", "comparison_table", "claim_line", "paper_to_recomputed", "closed_form_table",
           "accuracy_sentence", "glass_overview_table", "survival_table", "statements_list",
           "count_word", "verdicts_in_words", "claims_dropdown"]


def inputs_table(inputs: Mapping[str, Input], keys: Sequence[str]) -> str:
    """The inputs ``keys`` of a run: symbol and meaning, value (with the spread of its sources), status, source."""
    rows = []
    for key in keys:
        if key not in inputs:
            continue
        inp = inputs[key]
        d = PARAMETER_DISPLAY[key]
        if inp.status == "override":
            source = "set for this run"
        elif inp.status in ("derived", "band"):
            source = f"{cite(inp.source)}: {escape_math(inp.where)}"
        else:
            source = f"{cite(inp.source)}, {escape_math(inp.where)}"
        rows.append((f"{math(d.symbol)}, {d.description}", input_cell(inp), STATUS_BADGE[inp.status], source))
    return table(("input", "value", "status", "source"), rows)


def inputs_dropdown(inputs: Mapping[str, Input], keys: Sequence[str]) -> str:
    """A chapter's inputs, folded (the materials page holds every source of every glass)."""
    return f":::{{dropdown}} The inputs of this run, each with its source\n{inputs_table(inputs, keys)}\n:::\n"


def escape_math(text: str) -> str:
    """Escape MyST markup in a data string but keep its dollar math."""
    parts = text.split("$")
    return "$".join(p if i % 2 else escape(p) for i, p in enumerate(parts))


def parameters_table(values: Mapping[str, float], keys: Sequence[str], sig: int = 3) -> str:
    """Derived values (keys of :data:`glasson.models.derived.KEYS`) with their symbols, in their display units."""
    rows = [(math(KEY_DISPLAY[k].symbol), key_value(k, values[k], sig, with_symbol=False),
             KEY_DISPLAY[k].description) for k in keys if k in values]
    return table(("quantity", "value", "meaning"), rows, align=("l", "r", "l"))


def paper_to_recomputed(r: Row) -> str:
    """“≃ 44 Å → 131 Å”: the paper's value with its own sign, and the recomputed one (or the bounds)."""
    u = unit(r["unit"])
    tail = f" {u}" if u else ""
    if r["kind"] == "bound":
        lo, hi = r["bounds"]
        bounds = f"between {number(lo, 2)} and {number(hi, 2)}{tail}" if lo > 0 else f"at most {number(hi, 2)}{tail}"
        return f"{r['symbol']} {bounds} → {number(r['recomputed'])}{tail}"
    paper = "—" if r["paper_value"] is None else f"{r['symbol']} {number(r['paper_value'])}{tail}"
    recomputed = "" if r["recomputed"] is None else f" → {number(r['recomputed'])}{tail}"
    return paper + recomputed


def by_convention(r: Row) -> str:
    """A claim's verdict in each reading of the convention that decides it: “the paper's ν₀: 1.57, reproduced;
    …”."""
    return "; ".join(f"{c['convention']}: {number(c['recomputed'], 3) if c['recomputed'] is not None else '—'}, "
                     f"{c['verdict'].replace('-', ' ')}" for c in r["by_convention"])


def inside_measured_plateau(r: Row) -> str:
    """Which readings of a claim's convention put its value inside the measured plateau of Q⁻¹ (``data/tunneling``),
    in words: “inside with $K_{Q,t} = \\pi$, the second printed form; below in the others”."""
    from glasson.registries.universality import measured_plateau

    lo, hi = measured_plateau()
    inside = [c["convention"] for c in r["by_convention"] if c["recomputed"] is not None
              and lo <= c["recomputed"] <= hi]
    span = f"{number(lo, trim=True, sci_below=0.01)} to {number(hi, trim=True, sci_below=0.01)}"
    if not inside:
        return f"outside the plateau, {span}, in every reading"
    return f"inside the plateau, {span}, with {' and with '.join(inside)}; outside it in the other readings"


def off_by(log10_ratio: float) -> str:
    """How far a recomputed number is from the printed one, as a factor ≥ 1: 10^|log₁₀(recomputed/printed)|."""
    return number(10 ** abs(log10_ratio), 3 if abs(log10_ratio) < 0.1 else 2)


#: Where the claims page is, from a page of each folder of the book (raw HTML links: a claim's anchor is its id).
CLAIMS_PAGE = {"claims": "", "book": "claims.html", "notebooks": "../book/claims.html"}


def claim_ref(r: Row, here: str = "notebooks") -> str:
    """A claim's identifier as a link to its row of the claims page (``here``: the folder of the page it is on, or
    ``"claims"`` on the claims page itself, where the identifier is also the row's anchor)."""
    anchor = f' id="{r["id"]}"' if here == "claims" else ""
    return (f'<a class="glasson-claim-id"{anchor} href="{CLAIMS_PAGE[here]}#{r["id"]}" '
            f'title="this claim\'s permalink"><code>{r["id"]}</code></a>')


def _claim_data(r: Row) -> str:
    """The attributes the claims page's filter reads (_vendor/js/glasson.js)."""
    size = abs(r["log10_ratio"]) if r["log10_ratio"] is not None else -1.0
    return (f'<span class="glasson-claim" data-verdict="{r["verdict"]}" '
            f'data-severity="{r["severity"] or "none"}" data-section="{r["section"]}" data-size="{size:.6g}"></span>')


def claim_line(r: Row, link: bool = True, from_dir: str = "book") -> str:
    """The verdict of one claim, its tier, and a link to where its chapter discusses it."""
    parts = [VERDICT_BADGE[r["verdict"]]]
    if r["verdict"] == "discrepant" and r["severity"]:
        parts.append(SEVERITY_BADGE[r["severity"]])
    if r["trivial"]:
        parts.append("{bdg-light}`" + r["trivial"].split(" of ")[0] + "`")
    if link:
        parts.append(f"{{ref}}`§ <{r['anchor']}>`")
    return " ".join(parts)


def claims_table(section: str | None = None, rows: Sequence[Row] | None = None,
                 link: bool = True, here: str = "notebooks") -> str:
    """The claims of a section (or ``rows``): quantity, paper → recomputed, verdict with tier, and the reason; each
    with its identifier, which links to its row of the claims page (is its anchor there, ``here="claims"``)."""
    rows = claim_registry.rows(section) if rows is None else rows
    body = []
    for r in rows:
        log = (f"<br>off by a factor {off_by(r['log10_ratio'])}"
               if r["verdict"] == "discrepant" and r["log10_ratio"] else "")
        why = r["note"] + (f" *Convention: {r['convention']}.*" if r["convention"] else "") + (
            f"<br>*In each reading:* {by_convention(r)}." if r.get("by_convention") else "")
        eq = f" {{eq}}`eq-{r['equation']}`" if r["equation"] else ""  # links to the equation, numbered as printed
        data = _claim_data(r) if here == "claims" else ""
        body.append((f"{data}{r['quantity']}<br>{claim_line(r, link)}{eq}<br>{claim_ref(r, here)}",
                     paper_to_recomputed(r) + log, why))
    return table(("claim", "paper → recomputed", "why"), body)


def dimension_table(rows: Sequence[Row]) -> str:
    """Dimension verdicts (:func:`glasson.symbolic.registry.dimension_report`), with the two sides typeset."""
    from glasson.presentation.formatting import DIMENSION_BADGE

    body = []
    for r in rows:
        v = r["verdict"]
        detail = _dimension_detail(v)
        assumed = ""
        if r["assumed"]:
            assumed = "<br>*Reading:* " + "; ".join(why for why in r["assumed"].values())
        body.append((r["label"], DIMENSION_BADGE[r["status"]], detail + assumed))
    return table(("relation", "dimensions", "left and right side (CGS)"), body)


def _dim_tex(dim: Dim) -> str:
    names = ("g", "cm", "s", "K")

    def power(e: sp.Rational) -> str:
        return str(e) if getattr(e, "q", 1) == 1 else f"{e.p}/{e.q}"

    parts = [n if e == 1 else f"{n}^{{{power(e)}}}" for n, e in zip(names, dim.vector, strict=True) if e != 0]
    return math(r"\mathrm{" + r"\,".join(parts) + "}") if parts else "dimensionless"


_NATURAL = {"k_B": "k_B", "hbar": r"\hbar"}


def _dimension_detail(v: DimensionVerdict) -> str:
    if v.lhs is None or v.rhs is None:
        return escape(v.detail)
    units = " and ".join(math(_NATURAL[n] + " = 1") for n in v.natural)
    if v.status == "consistent":
        return f"both sides {_dim_tex(v.lhs)}"
    if v.status == "natural-units":
        if v.lhs == v.rhs:  # the sides agree; a function's argument needs the natural units
            return f"both sides {_dim_tex(v.lhs)}; a function's argument is dimensionless only with {units}"
        return f"{_dim_tex(v.lhs)} and {_dim_tex(v.rhs)}, equal only with {units}"
    return f"left {_dim_tex(v.lhs)}, right {_dim_tex(v.rhs)}" + (f", even with {units}" if v.natural else "")


def hamiltonian_table(report: Sequence[Row]) -> str:
    """The Hermiticity conditions and fermion parity of each term of Eqs. (2)–(3)."""
    return table(("term of Eqs. (2)–(3)", "Hermitian if", "then Hermitian", "fermion parity"),
                 [(escape(r["term"]).replace("M^z", "$M^z$").replace("M^x", "$M^x$"), r["conditions_latex"],
                   "yes" if r["hermitian_if_conditions"] else "no", escape(r["parity"])) for r in report])


def statistics_table(rows: Sequence[Row]) -> str:
    """The (anti)commutation relations of Jordan–Wigner fermions and Pauli operators between sites."""
    return table(("relation", "holds"), [(r["relation"], "yes" if r["holds"] else "no") for r in rows])


def tunneling_table(stm: TunnelingModel, table_values: Mapping[str, Value]) -> str:
    """The STM's parameters with their sources, and the calibrated P̄."""
    from glasson.presentation.formatting import STATUS_BADGE as badge

    names = {"C": ("C", "tunnelling strength, glasses in general"),
             "C_silica": ("C", "tunnelling strength of vitreous silica"),
             "Q_plateau_low": (r"Q^{-1}_{min}", "measured plateau, lower end"),
             "Q_plateau_high": (r"Q^{-1}_{max}", "measured plateau, upper end"),
             "Q_plateau_T_low": (r"T_{min}", "lowest temperature of the measured plateau"),
             "Q_plateau_T_high": (r"T_{max}", "highest temperature of the measured plateau"),
             "f_torsional": ("f", "torsional oscillator"), "f_ultrasonic": ("f", "ultrasonic (resonant regime)"),
             "t_exp": (r"t_{exp}", "calibration time"), "T_exp": (r"T_{exp}", "calibration temperature"),
             "l_over_lambda": (r"l/\lambda", "phonon mean free path over wavelength, glasses below about 1 K")}
    body = []
    for key, v in table_values.items():
        symbol, meaning = names[key]
        # one style per quantity: a frequency in kHz or GHz, a dimensionless number without trailing zeros
        value = (frequency(v.value) if v.unit == "Hz" else
                 math(number_tex(v.value, 3, sci_below=0.01, trim=True)
                      + (r"\," + unit_tex(v.unit) if v.unit != "1" else "")))
        body.append((f"{math(symbol)}, {meaning}", value, badge[v.status], f"{cite(v.source)}, {escape_math(v.where)}"))
    body.append((r"$\bar P$, distribution constant", value_math(float(stm.P_bar), "1/(erg cm^3)", 3),
                 badge["derived"], "calibrated: the exact STM reproduces the glass's $C_v/T$ at $t_{exp}$, $T_{exp}$"))
    return table(("parameter", "value", "status", "source"), body)


def dependences_table(rows: Sequence[Mapping[str, str]]) -> str:
    """The temperature and frequency dependences the two models predict."""
    return table(("observable", "standard tunnelling model", "glassons (GPP)"),
                 [(r["observable"], r["STM"], r["GPP"]) for r in rows])


def predictions_table(rows: Sequence[Row], kind: str) -> str:
    """The discriminating predictions of one kind (:data:`glasson.registries.comparison.PREDICTION_KINDS`)."""
    return table(("observable", "STM", "GPP", "measured", "tells them apart"),
                 [(r["observable"], r["STM"], r["GPP"], r["measured"],
                   ("yes: " if r["discriminates"] else "no: ") + r["where"]) for r in rows if r["kind"] == kind])


def ring_table(classes: Sequence[Row]) -> str:
    """One- and two-excitation spectra of a ring for each sign class of the couplings."""
    def spectrum(levels: Sequence[sp.Expr]) -> str:
        return math(", ".join(sp.latex(e) for e in levels))

    return table(("flux of the signs", "one excitation (both)", "two, fermions", "two, TLS"),
                 [(math(f"{r['flux']:+d}"), spectrum(r["one excitation"]), spectrum(r["two, fermions"]),
                   spectrum(r["two, TLS"])) for r in classes])


def ranges_table(ranges: Mapping[str, tuple[float, float, float]], keys: Sequence[str],
                 at_inputs: Mapping[str, float] | None = None) -> str:
    """(min, centre, max) of derived values in their display units, with the spread max/min; with ``at_inputs``
    (:func:`glasson.models.derived.derived_parameters` of the same glass), the value at the glass's own inputs
    beside the centre of the box, which it is not."""
    body = []
    for k in keys:
        if k not in ranges:
            continue
        lo, mid, hi = ranges[k]
        d = KEY_DISPLAY[k]
        own = [] if at_inputs is None else [value_math(at_inputs[k] * d.factor, d.unit) if k in at_inputs else "—"]
        span = (f"{value_math(lo * d.factor, d.unit)} to {value_math(hi * d.factor, d.unit)}"
                f"<br>(a factor {number(hi / lo, 2)})")
        body.append((math(d.symbol), *own, value_math(mid * d.factor, d.unit), span))
    header = ("quantity", *(() if at_inputs is None else ("at its own inputs",)), "centre of the box", "range")
    return table(header, body, align=("l", *(() if at_inputs is None else ("r",)), "r", "r"))


def universality_table(rows: Sequence[tuple[str, Mapping[str, tuple[float, float, float]]]],
                       keys: Sequence[str], reference: tuple[str, Mapping[str, float]] | None = None) -> str:
    """Glasses × quantities: each cell the centre of the box of guessed inputs and, below it, the range; with
    ``reference`` (a label and :func:`glasson.models.derived.derived_parameters` of one glass), a first row of that
    glass's values at its own inputs (the paper's silica at the paper's Λ and ε_F), which the centres are not."""
    header = ["glass"] + [math(KEY_DISPLAY[k].symbol) for k in keys]
    body = []
    if reference is not None:
        label, values = reference
        body.append([f"**{escape(label)}**"] + [number(values[k] * KEY_DISPLAY[k].factor, 2) if k in values else "—"
                                                for k in keys])
    for name, r in rows:
        cells = [f"{escape(name)}<br>*centre; range*"]
        for k in keys:
            if k not in r:
                cells.append("—")
                continue
            lo, mid, hi = (x * KEY_DISPLAY[k].factor for x in r[k])
            cells.append(f"{number(mid, 2)}<br>({number(lo, 2)} to {number(hi, 2)})")
        body.append(cells)
    return table(header, body)


def mass_ordering_table(rows: Sequence[tuple[str, float, float, float]]) -> str:
    """The Conclusion's m_e < m_gl < M_atom per glass: (label, m_gl of Eq. 8, m_F of Eq. 17, M_atom) in g,
    each glasson mass also in units of m_e (a mass outside the interval is marked)."""
    from glasson.core.constants import m_e

    def cell(m: float, M: float) -> str:
        if not m:
            return "—"
        mark = " (below $m_e$)" if m <= m_e else " (above $M_{atom}$)" if M and m >= M else ""
        return f"{value_math(m, 'g')}<br>= {math(number_tex(m / m_e, 2) + ' m_e')}{mark}"

    body = [(escape(name), cell(m8, M), cell(m17, M), value_math(M, "g") if M else "—")
            for name, m8, m17, M in rows]
    return table(("glass", "$m_{gl}$ (Eq. 8)", "$m_F$ (Eq. 17)", "$M_{atom}$"), body)


def kappa_exponent_table(glasses: Sequence[tuple[str, Value]]) -> str:
    """Measured κ exponents (where sourced) against the two scattering branches of Section 3.1. Glasses that
    share one value of one source (a group value) share one row."""
    groups: dict[tuple[float, float, str], list[str]] = {}
    for label, value in glasses:
        groups.setdefault((value.value, value.uncertainty or 0.0, value.source), []).append(label)
    body = []
    for (v, unc, source), labels in groups.items():

        def inside(predicted: float, v: float = v, unc: float = unc) -> str:
            return "within" if abs(predicted - v) <= unc + 1e-12 else "outside"

        body.append((", ".join(escape(x) for x in labels), math(f"{number_tex(v, 3, trim=True)} \\pm "
                                                                   f"{number_tex(unc, 3, trim=True)}"),
                     cite(source), f"2 ({inside(2.0)})", f"1 ({inside(1.0)})"))
    return table(("glasses", r"measured $\delta$", "source", "resonant branch", "pair branch"), body)


def conventions_table(values: Mapping[str, float]) -> str:
    """K_Q,t in each reading of Eq. (14) (:func:`glasson.formulas.acoustics.K_Qt_conventions`)."""
    readings = {"golden rule": r"Eq. (14) derived by the golden rule, $\nu$ of both spins",
                "free-fermion nu": r"Eq. (14) as printed, free-fermion $\nu$",
                "paper nu_0": r"Eq. (14) as printed, the paper's $\nu_0 = p_F m_F/\hbar^3$",
                "second form": r"Eq. (14) with the second printed form of $K_{F\text{-}s}$"}
    exact = {"golden rule": r"1/4\pi", "free-fermion nu": r"1/2\pi", "paper nu_0": r"\pi/2", "second form": r"\pi"}
    body = [(readings[k], math(f"K_{{Q,t}} = {exact[k]}"), number(v), "reproduced" if 1 / 3 <= v <= 3 else "discrepant")
            for k, v in values.items()]
    return table(("reading of Eq. (14)", "constant", "value", "“order 1” (factor 3)"), body)


def comparison_table(rows: Sequence[tuple[str, str, str]]) -> str:
    """Two-column comparisons (quantity, value, note), e.g. the density of states or the atomic mass."""
    return table(("quantity", "value", "note"), rows)



def closed_form_table(rows: Sequence[Row]) -> str:
    """κ of each scattering branch in closed form and by quadrature (:func:`glasson.formulas.conductivity.closed_form_check`),
    in the unit of the chapter's κ figures (W cm⁻¹ K⁻¹), with the figures that tell them apart."""
    branch = {"resonant": "resonant (Eq. 12)", "pair, net": "pair, detailed balance (Eq. 11)",
              "pair, absorption only": "pair, absorption only (Eq. 11 as printed)"}
    to_w = 1e-7  # erg s⁻¹ cm⁻¹ K⁻¹ → W cm⁻¹ K⁻¹, the unit of the chapter's κ figures
    body = [(value_math(r["T_K"], "K", 2), branch[r["branch"]], number(r["closed_form"] * to_w, 4),
             number(r["quadrature"] * to_w, 4), number(r["relative_difference"], 2)) for r in rows]
    k_unit = unit("W/(cm K)")
    return table(("$T$", "branch", f"closed form ({k_unit})", f"quadrature ({k_unit})", "relative difference"),
                 body, align=("r", "l", "r", "r", "r"))


def accuracy_sentence(accuracy: Mapping[str, float]) -> str:
    """The experimental accuracies assumed by :func:`glasson.registries.comparison.discriminating_predictions`, in words
    (Unicode: it is glued inline, where dollar math is not typeset)."""
    from glasson.core.text import percent

    return (f"{percent(accuracy['internal_friction_relative'])} in Q⁻¹, "
            f"{percent(accuracy['heat_capacity_relative'])} in C, "
            f"{number(accuracy['velocity_shift_per_decade'])} per decade in Δv/v, "
            f"{number(accuracy['kappa_exponent'], trim=True)} in the κ exponent")


def glass_overview_table(glasses: Sequence[Material], band_end: str = "low") -> str:
    """One row per glass: composition, the elastic inputs (a dagger marks a value derived from others), the
    inter-atomic distance, the specific-heat slope (or the band that stands in for it) and the Debye temperature.
    ``glasses`` are :class:`glasson.data.materials.Material`."""
    from glasson.core.text import unit as unit_text
    from glasson.data import materials
    from glasson.models.derived import as_parameters
    from glasson.models.inputs import resolve
    from glasson.models.model import GlassonModel

    band = materials.cv_slope_band()
    cols = (("rho", 3), ("c_t", 3), ("c_l", 3), ("a", 3))
    header = ["glass", "formula"] + [f"{math(PARAMETER_DISPLAY[k].symbol)} ({unit_text(PARAMETER_DISPLAY[k].unit)})"
                                     for k, _ in cols]
    header += [f"$C_v/T$ ({unit_text('erg/(g K^2)')})", f"$\\Theta_D$ ({unit_text('K')})"]
    body = []
    for mat in glasses:
        inputs = resolve(mat, band_end=band_end)
        cells = [escape(mat.label), mat.formula and math(formula_tex(mat.formula)) or "—"]
        for key, sig in cols:
            if key not in inputs:
                cells.append("—")
                continue
            inp = inputs[key]
            mark = "†" if inp.status == "derived" else ""
            cells.append(number(inp.value, sig) + mark)
        cv = inputs["cv_slope"]
        cells.append(f"{number(band.low, 2)}–{number(band.high, 2)} (band)" if cv.status == "band"
                     else number(cv.value, 3))
        params = as_parameters(GlassonModel.from_material(mat, band_end))
        cells.append(number(float(params["theta_D_K"]), 3) + "†" if "theta_D_K" in params else "—")
        body.append(cells)
    return table(header, body, align=("l", "l", "r", "r", "r", "r", "r", "r"))


_OUTCOME_MARK = {"centre": "✓", "band": "◐", "no": "✗", "n/a": "—"}


def survival_table(result: Sequence[Row]) -> str:
    """Glasses × statements (:func:`glasson.registries.universality.survival`), the statements numbered as in
    :func:`statements_list`: ✓ the centre of the glass's band satisfies the statement, ◐ only part of the band
    does, ✗ none of it, — not checkable."""
    names = list(result[0]["outcomes"]) if result else []
    header = ["glass"] + [f"({i})" for i in range(1, len(result) + 1)]
    body = [[escape(n)] + [_OUTCOME_MARK[r["outcomes"][n]] for r in result] for n in names]
    return table(header, body, align=("l",) + ("c",) * len(result))


def statements_list(result: Sequence[Row]) -> str:
    """The statements tested by :func:`glasson.registries.universality.survival` as a numbered list: what the paper says,
    where, how its words are read, and the verdict across the glasses."""
    return "\n".join(f"{i}. {r['statement'].text} ({r['statement'].where}; read as "
                     f"{escape(r['statement'].reading)}): **{r['verdict']}**, at the centre of the band for "
                     f"{r['at_centre']} of the {r['checked']} glasses that can be checked."
                     for i, r in enumerate(result, 1)) + "\n"


_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
          10: "ten"}


def count_word(n: int, capital: bool = False) -> str:
    """A small count in words, a larger one in digits: ``count_word(4)`` → ``'four'``; ``capital`` to open a
    sentence."""
    word = _WORDS.get(n, str(n))
    return word[:1].upper() + word[1:] if capital else word


def verdicts_in_words(rows: Sequence[Row]) -> str:
    """How many of ``rows`` the registry finds reproduced, discrepant or not checkable, as a reader says it (so
    that a chapter states what the registry finds instead of asserting it).

    Examples
    --------
    >>> verdicts_in_words([{"verdict": "discrepant"}] * 4)
    'all four are discrepant'
    >>> verdicts_in_words([{"verdict": "discrepant"}] * 3 + [{"verdict": "reproduced"}])
    'three of the four are discrepant and one is reproduced'
    """
    counts = {v: sum(r["verdict"] == v for r in rows)
              for v in ("discrepant", "reproduced", "not-checkable", "convention-dependent")}
    counts = {v: n for v, n in counts.items() if n}
    label = {"not-checkable": "not checkable", "convention-dependent": "decided by a convention"}
    if len(counts) == 1:
        (v, n), = counts.items()
        if n == 1:
            return f"it is {label.get(v, v)}"
        return f"{'both' if n == 2 else 'all ' + count_word(n)} are {label.get(v, v)}"
    parts = [f"{count_word(n)} {'is' if n == 1 else 'are'} {label.get(v, v)}" for v, n in counts.items()]
    first = parts[0].replace(" ", f" of the {count_word(len(rows))} ", 1)
    return first + "".join(f" and {p}" if i == len(parts) - 2 else f", {p}" for i, p in enumerate(parts[1:]))


def claims_dropdown(rows: Sequence[Row], title: str) -> str:
    """A chapter's claims, folded: the claims page holds them all; a chapter lists its own, closed by default."""
    return f":::{{dropdown}} {title}\n{claims_table(rows=rows, link=False)}\n:::\n"
