"""Every glass the data allow: sourced rows, derived inputs equal to their formulas applied by hand to the
sourced ones, bands over the measured C_v/T range, and a loader that rejects every malformed row by name."""

import math
import re
from pathlib import Path

import pytest

from glasson.core import constants as c
from glasson.data import fields, materials
from glasson.formulas import elastic
from glasson.models import derived, inputs
from glasson.models.model import GlassonModel

ROOT = Path(__file__).resolve().parent.parent
BIB = set(re.findall(r"^@\w+\{([^,]+),", (ROOT / "book" / "references.bib").read_text(), re.M))
GLASSES = materials.names()


def test_seven_glasses_or_more_with_sourced_elastic_data():
    assert len(GLASSES) >= 7
    for name in GLASSES:
        resolved = inputs.resolve(materials.get(name), band_end="low")
        for key in ("rho", "c_t"):
            assert key in resolved, (name, key)
        assert resolved["rho"].status in ("paper", "measured")


@pytest.mark.parametrize("name", GLASSES)
def test_every_row_has_source_where_and_status(name):
    mat = materials.get(name)
    for key in mat.values:
        for v in mat.entries(key):
            assert v.source in BIB, (name, key, v.source)
            assert v.where.strip() and v.status in materials.STATUSES, (name, key)
    if mat.formula:
        assert materials.atoms_per_formula_unit(mat.formula) >= 2


def test_room_temperature_values_say_so():
    """A handbook value measured at room temperature says where it was measured (issue: not 'at 1 K')."""
    for name in GLASSES:
        mat = materials.get(name)
        for key in ("c_t", "c_l"):
            for v in mat.entries(key):
                if v.status == "measured":
                    assert "room temperature" in v.where.lower() or "room-temperature" in v.where.lower() \
                        or "20 °c" in v.where.lower() or "25 °c" in v.where.lower(), (name, key, v.where)


@pytest.mark.parametrize("name", [n for n in GLASSES if "youngs_modulus" in materials.get(n)])
def test_derived_velocities_equal_their_formula(name):
    mat = materials.get(name)
    resolved = inputs.resolve(mat)
    E = mat.value("youngs_modulus").value * 1e10  # GPa -> dyn/cm^2
    nu = mat.value("poisson_ratio").value
    same_source = [v for v in mat.entries("rho") if v.source == mat.value("youngs_modulus").source]
    rho = (same_source or [mat.value("rho")])[0].value  # the density measured with the moduli
    c_t = math.sqrt(E / (2 * rho * (1 + nu)))
    c_l = math.sqrt(E * (1 - nu) / (rho * (1 + nu) * (1 - 2 * nu)))
    for key, expected in (("c_t", c_t), ("c_l", c_l)):
        r = resolved[key]
        if r.status == "derived":
            assert r.value == pytest.approx(expected, rel=1e-12)
            assert "E" in r.where and r.source == mat.value("youngs_modulus").source
        else:  # a measured velocity beside the moduli: the derived one joins its spread
            assert r.spread[0] <= expected <= r.spread[1]


@pytest.mark.parametrize("name", [n for n in GLASSES if materials.get(n).formula and "a" not in materials.get(n)])
def test_derived_spacing_equals_its_formula(name):
    mat = materials.get(name)
    weights = materials.atomic_weights()
    counts = materials.parse_formula(mat.formula)
    M = sum(n * weights[el].value for el, n in counts.items()) * c.u  # mass of one formula unit, g
    n_atoms = sum(counts.values())
    a = inputs.resolve(mat)["a"]
    assert a.status == "derived"
    assert a.value * 1e-8 == pytest.approx((M / (mat.value("rho").value * n_atoms)) ** (1 / 3), rel=1e-12)


def test_debye_temperature_by_hand():
    """Fused silica: Θ_D = (ħ/k_B)(6π² n)^{1/3} c_D with 3/c_D³ = 2/c_t³ + 1/c_l³ and n = 1/a³."""
    mat = materials.get("fused_quartz")
    r = inputs.resolve(mat)
    c_t, c_l, a = r["c_t"].value, r["c_l"].value, r["a"].value * 1e-8
    c_D = (3 / (2 / c_t**3 + 1 / c_l**3)) ** (1 / 3)
    theta = c.hbar / c.k_B * (6 * math.pi**2 / a**3) ** (1 / 3) * c_D
    assert GlassonModel.from_material(mat).theta_D == pytest.approx(theta, rel=1e-12)
    assert float(elastic.debye_temperature(c_t, c_l, a)) == pytest.approx(theta, rel=1e-12)


@pytest.mark.parametrize("name", [n for n in GLASSES if inputs.needs_band(materials.get(n))])
def test_band_glasses_span_the_measured_range(name):
    """A glass without its own C_v/T: the two ends of the band are Stephens' measured range, and the ranges of
    parameter_ranges contain both ends, with the paper's silica value marked inside the figure."""
    band = materials.cv_slope_band()
    low = derived.derived_parameters(materials.get(name), "low")
    high = derived.derived_parameters(materials.get(name), "high")
    assert (high["k_F_per_cm"] / low["k_F_per_cm"]) ** 3 == pytest.approx(band.high / band.low, rel=1e-12)
    r = derived.parameter_ranges(materials.get(name), (10.0, 10.0), (10.0, 10.0))
    lo, _, hi = r["k_F_per_cm"]
    assert lo <= low["k_F_per_cm"] * (1 + 1e-12) and hi >= high["k_F_per_cm"] * (1 - 1e-12)
    from glasson.models.model import MissingInputError

    with pytest.raises(MissingInputError, match="cv_slope"):  # no silent default: the band end must be chosen
        _ = GlassonModel.from_material(materials.get(name)).k_F


def test_stephens_count_and_band_come_from_the_data():
    assert len(materials.stephens_set()) == 14  # the abstract: six measured and eight previously measured
    band = materials.cv_slope_band()
    assert (band.low, band.high, band.source) == (7.0, 50.0, "stephens1973low")


# -- the loader rejects every malformed row, naming file, table and field -------------------------------------
GOOD = ('[g]\nname = "glass"\n[g.rho]\nvalue = 2.2\nunit = "g/cm^3"\nsource = "turlakov2022fermion"\nwhere = "w"\n'
        'status = "measured"\n')
MALFORMED = [
    ("value = 2.2", "value = true", "value must be a number"),
    ("value = 2.2", 'value = "2.2"', "value must be a number"),
    ("value = 2.2", "value = nan", "finite"),
    ("value = 2.2", "value = inf", "finite"),
    ("value = 2.2", "value = -2.2", "finite number in"),
    ('status = "measured"', 'status = "measured"\nuncertainty = "lots"', "uncertainty must be a number"),
    ('status = "measured"', 'status = "guessed"', "status 'guessed'"),
    ('unit = "g/cm^3"', 'unit = "kg/m^3"', "unit 'kg/m^3'"),
    ('source = "turlakov2022fermion"', 'source = "<img src=x onerror=alert(1)>"', "source must be a key"),
    ('source = "turlakov2022fermion"', 'source = ""', "source must be a non-empty text"),
    ('source = "turlakov2022fermion"', 'source = "nobody2099"', "'nobody2099' is not a key of book/references.bib"),
    ('name = "glass"', 'name = "glass"\nformula = "SiQ2"', "formula: formula 'SiQ2': no atomic weight for Q"),
    ('where = "w"\n', "", "missing 'where'"),
    ("[g.rho]", "[g.density]", "unknown parameter 'density'"),
    ('name = "glass"', 'name = "glass"\nformula = "sio2"', "formula"),
    ('status = "measured"', 'status = "measured"\ncolour = "blue"', "unknown field(s) colour"),
]


@pytest.mark.parametrize("old, new, message", MALFORMED, ids=[m[2] for m in MALFORMED])
def test_malformed_rows_are_rejected_by_name(tmp_path, old, new, message):
    path = tmp_path / "materials.toml"
    assert old in GOOD
    path.write_text(GOOD.replace(old, new, 1))
    with pytest.raises(materials.MaterialsDataError) as err:
        materials.load(path)
    text = str(err.value)
    assert text.startswith("materials.toml [g"), text
    assert message in text, text


def test_a_good_row_loads(tmp_path):
    path = tmp_path / "materials.toml"
    path.write_text(GOOD)
    assert materials.load(path)["g"].value("rho").value == 2.2


def test_missing_and_invalid_files_are_data_errors(tmp_path):
    with pytest.raises(materials.MaterialsDataError, match="file not found"):
        materials.load(tmp_path / "materials.toml")
    (tmp_path / "materials.toml").write_text("[g\n")
    with pytest.raises(materials.MaterialsDataError, match="not valid TOML"):
        materials.load(tmp_path / "materials.toml")


# -- the most primary source is used ----------------------------------------------------------------------------
def test_the_most_primary_source_of_every_input_is_the_one_used():
    kinds = fields.sources()
    for mat in materials.load().values():
        for key in mat.values:
            ranks = [kinds[v.source].rank for v in mat.entries(key)]
            assert ranks[0] == min(ranks), (mat.key, key, [v.source for v in mat.entries(key)])


def test_pyrex_takes_the_data_sheet_before_the_handbook_copy():
    from glasson.formulas import elastic
    from glasson.models.inputs import resolve

    pyrex = materials.get("pyrex_7740")
    assert pyrex.value("rho").value == 2.23 and pyrex.value("rho").source == "finkenbeiner_7740"
    inputs = resolve(pyrex)
    E, nu = pyrex.value("youngs_modulus"), pyrex.value("poisson_ratio")
    assert inputs["c_t"].status == "derived" and inputs["c_t"].source == "finkenbeiner_7740"
    assert inputs["c_t"].value == pytest.approx(float(elastic.transverse_velocity(E.cgs, nu.value, 2.23)))
    assert inputs["c_t"].spread[0] == pytest.approx(3.28e5)  # the handbook copy's value shows the spread


def test_every_data_source_has_a_kind_and_every_kind_is_known():
    kinds = fields.sources()
    used = {v.source for m in materials.load().values() for k in m.values for v in m.entries(k)}
    assert used <= set(kinds)
    assert {s.kind for s in kinds.values()} <= set(fields.SOURCE_KINDS)
    assert set(kinds) <= fields.bibliography_keys()


def test_stephens_band_covers_the_six_glasses_he_measured():
    assert materials.stephens_membership("fused_quartz") == "previously measured"
    assert materials.stephens_membership("heavy_flint") is None and materials.stephens_membership("n_bk7") is None
