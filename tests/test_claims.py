"""Claims registry: fields, required ids, verdict rules, recomputation from the paper's inputs only."""

import math

import pytest

from glasson.core import constants as c
from glasson.core.text import has_e_notation
from glasson.data import materials
from glasson.registries import claims

REQUIRED_IDS = ["sec2.1-E_int", "sec2.2-H", "sec2.2-xi", "sec2.2-m_gl", "sec2.2-E_xi", "sec2.1-Lambda_K",
                # Section 4.1 and 3.2 (issue 5)
                "sec4.1-eps_F_erg", "sec4.1-k_F", "sec4.1-a_F", "sec4.1-m_gl", "sec4.1-m_gl_over_m_He3",
                "sec4.1-v_F", "sec4.1-kF_xi", "sec4.1-E_F_E_xi", "sec3.2-lambda_K", "sec3.2-lambda_over_Lambda",
                "sec3.2-Mc2_K", "sec3.2-cs_over_vF"]
SCALING_IDS = ["sec3.1-tau_x_T_exponent", "sec3.1-kappa_T_exponent", "sec3.1-C_gl_exponent"]


def test_fields_and_types():
    for r in claims.rows():
        assert tuple(r) == claims.FIELDS
        assert r["kind"] in claims.KINDS
        assert r["verdict"] in claims.VERDICTS
        assert r["symbol"] in ("≈", "≃", "∼", "=", "∝", "<", "≪", "≤", "×2–3"), r["id"]
        assert r["severity"] in claims.SEVERITIES + (None,)
        assert r["chapter"].startswith("notebooks/") and r["anchor"]
        assert r["equation"] is None or isinstance(r["equation"], int)
        assert r["note"] and "«" not in r["note"], r["id"]  # every placeholder filled
        assert not has_e_notation(r["note"]), r["id"]       # numbers as a reader writes them
        if r["recomputed"] is not None:
            assert math.isfinite(r["recomputed"])
        if r["verdict"] != "not-checkable" and r["kind"] != "bound":
            assert r["ratio"] == pytest.approx(r["recomputed"] / r["paper_value"])
            assert r["log10_ratio"] == pytest.approx(math.log10(r["ratio"]))
        if r["kind"] == "bound":
            assert r["bounds"] is not None and r["paper_value"] is None and r["ratio"] is None


def test_ids_unique_and_required_present():
    ids = [r["id"] for r in claims.rows()]
    assert len(ids) == len(set(ids))
    for cid in REQUIRED_IDS:
        assert cid in ids


@pytest.mark.parametrize("paper, rec, kind, expected", [
    (10.0, 10.999, "value", "reproduced"), (10.0, 9.0001, "value", "reproduced"),
    (10.0, 11.01, "value", "discrepant"), (10.0, 8.99, "value", "discrepant"),
    (10.0, 29.99, "order", "reproduced"), (10.0, 3.34, "order", "reproduced"),
    (10.0, 30.1, "order", "discrepant"), (10.0, 3.32, "order", "discrepant"),
    (None, 1.0, "value", "not-checkable"), (1.0, None, "order", "not-checkable"),
])
def test_verdict_rules(paper, rec, kind, expected):
    assert claims.verdict(paper, rec, kind) == expected


@pytest.mark.parametrize("value, bounds, expected", [
    (0.05, (0.0, 0.1), "reproduced"), (0.1, (0.0, 0.1), "discrepant"), (0.2, (0.0, 0.1), "discrepant"),
    (2e-27, (9e-28, 3e-23), "reproduced"), (5e-28, (9e-28, 3e-23), "discrepant"), (None, (0, 1), "not-checkable"),
])
def test_bound_verdicts(value, bounds, expected):
    assert claims.verdict(None, value, "bound", bounds) == expected


@pytest.mark.parametrize("log10_ratio, tier", [
    (0.0, "rounding"), (0.099, "rounding"), (-0.1, "within an order"), (0.99, "within an order"),
    (1.0, "beyond an order"), (-1.74, "beyond an order"), (None, None),
])
def test_severity_tiers(log10_ratio, tier):
    assert claims.severity(log10_ratio) == tier


def test_a_rounding_is_not_graded_like_a_factor_55():
    assert claims.get("sec4.3-E_BP_K")["severity"] == "rounding"
    assert claims.get("sec2.2-m_gl")["severity"] == "beyond an order"


def test_trivial_rows_are_flagged_and_counted_apart():
    trivial = {r["id"]: r["trivial"] for r in claims.rows() if r["trivial"]}
    assert trivial["sec2.1-Lambda_K"] == "unit conversion" and trivial["sec4.1-eps_F_erg"] == "unit conversion"
    assert trivial["sec1-E_int"] == "duplicate of sec2.1-E_int"
    for text in trivial.values():
        if text.startswith("duplicate of "):
            claims.get(text.removeprefix("duplicate of "))  # names a real row
    all_, substantive = claims.summary(), claims.summary(substantive=True)
    assert all_["reproduced"] - substantive["reproduced"] == sum(
        1 for r in claims.rows() if r["trivial"] and r["verdict"] == "reproduced")


def test_thermal_phonons_and_both_halves_are_scored():
    """The pair-rate exponents are judged for thermal phonons (not at 0.01 k_BT), and E_xi is scored too."""
    row = claims.get("sec3.1-tau_z_T_exponent")
    assert row["recomputed"] == pytest.approx(0.1786, abs=2e-4) and row["verdict"] == "discrepant"
    assert "thermal phonons" in row["convention"]
    assert claims.get("sec4.1-E_xi_K")["recomputed"] == pytest.approx(2.3237, rel=1e-4)
    assert claims.get("sec4.1-E_xi_K")["verdict"] == "discrepant"


def test_eq13_alpha_is_checkable_from_the_papers_numbers():
    """u = (C_v/T) Λ²/(k_B c_t)² = 0.842 with Λ = 10 eV; α(0.1 K) = u/(1 + u ln 10)."""
    u = 10.0 * (10 * c.eV) ** 2 / (c.k_B * 4e5) ** 2
    row = claims.get("sec3.1-C_log_alpha")
    assert row["recomputed"] == pytest.approx(u / (1 + u * math.log(10)), rel=1e-12)
    assert row["verdict"] == "discrepant" and row["bounds"] == [0.0, 0.1]
    assert "3.9 eV" in row["note"]


def test_mass_ordering_of_the_conclusion():
    for cid in ("sec5-m_gl_between_eq8", "sec5-m_gl_between_eq17"):
        row = claims.get(cid)
        assert row["bounds"][0] == c.m_e and row["verdict"] == "reproduced"
    assert "$m_{gl}/m_e$ = 1.1;" in claims.get("sec5-m_gl_between_eq8")["note"]


def test_K_Qt_conventions_are_all_named():
    row = claims.get("sec3.2-K_Qt")
    assert row["recomputed"] == pytest.approx(math.pi / 2) and row["verdict"] == "convention-dependent"
    assert r"\nu_0" in row["convention"]
    assert [c["verdict"] for c in row["by_convention"]] == ["reproduced", "discrepant", "discrepant", "discrepant"]
    assert [round(c["recomputed"], 4) for c in row["by_convention"]] == [1.5708, 3.1416, 0.1592, 0.0796]
    for value in ("1.57", "0.159", "3.14", "0.0796"):
        assert value in row["note"]


def test_section2_values_by_hand():
    assert claims.get("sec2.2-H")["recomputed"] == pytest.approx(3.0463e-11, rel=1e-4)
    assert claims.get("sec2.2-xi")["recomputed"] == pytest.approx(131.48, rel=1e-4)
    assert claims.get("sec2.2-m_gl")["recomputed"] == pytest.approx(1.0026e-27, rel=1e-4)
    assert claims.get("sec2.2-E_xi")["recomputed"] == pytest.approx(2.3237, rel=1e-4)
    assert claims.get("sec2.1-E_int")["recomputed"] == pytest.approx(10.184, rel=1e-4)
    assert claims.get("sec2.1-Lambda_K")["recomputed"] == pytest.approx(1.16045e5, rel=1e-5)


def test_section2_verdicts():
    verdicts = {cid: claims.get(cid)["verdict"] for cid in REQUIRED_IDS if cid.startswith("sec2")}
    assert verdicts == {"sec2.1-E_int": "reproduced", "sec2.2-H": "discrepant", "sec2.2-xi": "discrepant",
                        "sec2.2-m_gl": "discrepant", "sec2.2-E_xi": "discrepant",
                        "sec2.1-Lambda_K": "reproduced"}


def test_recomputed_follows_the_inputs_not_the_paper():
    """A different input changes the recomputed value: nothing is hard-wired to the printed number."""
    claim = next(x for x in claims.CLAIMS if x.id == "sec2.2-xi")
    silica = materials.get("vitreous_silica")
    row_paper = claims.row(claim, silica)
    row_other = claims.row(claim, silica.with_overrides(Lambda=5.0))
    assert row_other["recomputed"] == pytest.approx(row_paper["recomputed"] / 2, rel=1e-12)


def test_notes_computed_not_typed():
    from glasson.core.text import number

    note = claims.get("sec2.1-E_dd_mro")["note"]
    shown = claims.CLAIMS[[x.id for x in claims.CLAIMS].index("sec2.1-E_dd_mro")].explain(
        materials.get("vitreous_silica"))["Lambda_eV"]
    # E_dd(30 A) = E_int  <=>  Lambda = xi c_t sqrt(hbar rho c_t)
    lam = 30e-8 * 4e5 * math.sqrt(c.hbar * 2.2 * 4e5) / c.eV
    assert shown == number(lam, 2) == "2.3"
    assert f"$\\Lambda$ = {shown} eV" in note  # computed, written as a reader writes it


def test_get_unknown():
    with pytest.raises(KeyError, match="unknown claim"):
        claims.get("nope")


def test_section_filter():
    assert {r["section"] for r in claims.rows("2")} <= {"2", "2.1", "2.2"}
    assert all(r["id"].startswith("sec1") for r in claims.rows("1"))


def test_summary_counts_add_up():
    assert sum(claims.summary().values()) == len(claims.rows())


def test_section3_4_values_by_hand():
    assert claims.get("sec4.1-eps_F_erg")["recomputed"] == pytest.approx(1.380649e-15, rel=1e-12)
    assert claims.get("sec4.1-k_F")["recomputed"] == pytest.approx(2.1224e6, rel=1e-4)
    assert claims.get("sec4.1-a_F")["recomputed"] == pytest.approx(47.116, rel=1e-4)
    assert claims.get("sec4.1-m_gl")["recomputed"] == pytest.approx(1.8143e-27, rel=1e-4)
    assert claims.get("sec4.1-m_gl_over_m_He3")["recomputed"] == pytest.approx(1.8143e-27 / 5.00823e-24, rel=1e-4)
    assert claims.get("sec4.1-v_F")["recomputed"] == pytest.approx(1.2337e6, rel=1e-4)
    assert claims.get("sec4.1-kF_xi")["recomputed"] == pytest.approx(2.1224e6 * 1.3148e-6, rel=2e-4)
    assert claims.get("sec4.1-E_F_E_xi")["recomputed"] == pytest.approx((2.1224e6 * 1.3148e-6) ** 2, rel=4e-4)
    assert claims.get("sec3.2-Mc2_K")["recomputed"] == pytest.approx(2.2 * 2.5e-8**3 * 1.6e11 / 1.380649e-16, rel=1e-10)
    assert claims.get("sec3.2-lambda_K")["recomputed"] == pytest.approx(math.sqrt(10 * 39836.34), rel=1e-6)
    assert claims.get("sec3.2-cs_over_vF")["recomputed"] == pytest.approx(4e5 / 1.2337e6, rel=1e-4)
    assert claims.get("sec3.2-Q_t")["recomputed"] == pytest.approx(4.8435e-5, rel=1e-4)
    assert claims.get("sec3.2-K_Qt")["recomputed"] == pytest.approx(math.pi / 2, rel=1e-14)
    assert claims.get("sec4.3-E_BP_K")["recomputed"] == pytest.approx(4e-3 * 1.602176634e-12 / 1.380649e-16)


def test_section3_4_verdicts():
    expected = {"sec4.1-k_F": "reproduced", "sec4.1-m_gl": "discrepant", "sec4.1-v_F": "discrepant",
                "sec4.1-a_F": "reproduced", "sec4.1-kF_xi": "reproduced", "sec4.1-E_F_E_xi": "discrepant",
                "sec3.2-lambda_K": "reproduced", "sec3.2-Mc2_K": "reproduced", "sec3.2-cs_over_vF": "discrepant",
                "sec3.2-Q_t": "discrepant", "sec3.2-K_Qt": "convention-dependent", "sec4.3-E_BP_K": "discrepant"}
    assert {k: claims.get(k)["verdict"] for k in expected} == expected


@pytest.mark.parametrize("cid", SCALING_IDS)
def test_stated_scalings_reproduced(cid):
    row = claims.get(cid)
    assert row["verdict"] == "reproduced"


def test_net_pair_rate_is_temperature_independent():
    note = claims.get("sec3.1-tau_z_T_exponent")["note"]
    assert "the exponent is 0:" in note and "(exponent 0.995 at 0.01 $k_BT$)" in note


def test_every_paper_section_has_claims():
    sections = {r["section"].split(".")[0] for r in claims.rows()}
    assert {"1", "2", "3", "4", "5"} <= sections


def test_convention_dependent_only_where_the_convention_decides():
    from glasson.registries.rules import across_conventions

    assert across_conventions(["reproduced", "reproduced"]) == "reproduced"
    assert across_conventions(["discrepant"] * 5) == "discrepant"
    assert across_conventions(["reproduced", "discrepant"]) == "convention-dependent"
    assert across_conventions(["not-checkable", "discrepant"]) == "discrepant"
    rows = claims.rows()
    for r in rows:
        verdicts = {c["verdict"] for c in r["by_convention"]} - {"not-checkable"}
        assert (r["verdict"] == "convention-dependent") == (verdicts == {"reproduced", "discrepant"}), r["id"]
    # Q_t is discrepant in every reading of K_Q,t; the independence claim is decided by which statement is read
    assert claims.get("sec3.2-Q_t")["verdict"] == "discrepant"
    assert len(claims.get("sec3.2-Q_t")["by_convention"]) == 5
    independent = claims.get("sec3.2-Q_independent")
    assert independent["verdict"] == "convention-dependent"
    eq12 = independent["by_convention"][1]["recomputed"]
    from glasson.core import constants as const
    hand = math.tanh(const.hbar * 2 * math.pi * 9e4 / (2 * const.k_B * 0.1))  # tanh(ħω/2k_BT) at 90 kHz, 0.1 K
    assert eq12 == pytest.approx(hand, rel=1e-12)
