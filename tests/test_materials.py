"""Materials data: schema, provenance (every source a key of references.bib), errors, overrides."""

import re
from pathlib import Path

import pytest

from glasson.data import materials
from glasson.data.materials import PARAMETERS

BIB = Path(__file__).resolve().parent.parent / "book" / "references.bib"


def bib_keys():
    return set(re.findall(r"^@\w+\{([^,]+),", BIB.read_text(), flags=re.M))


def test_every_value_has_a_source_in_the_bibliography():
    keys = bib_keys()
    for mat in materials.load().values():
        for key, v in mat.values.items():
            assert v.source in keys, f"{mat.key}.{key}: source {v.source!r} not in references.bib"
            assert v.where.strip(), f"{mat.key}.{key}: no location in the source"
            assert v.unit == PARAMETERS[key].unit


def test_paper_material_has_the_paper_inputs(silica):
    expected = {"rho": 2.2, "c_t": 4.0e5, "Lambda": 10.0, "eps_F": 10.0, "cv_slope": 10.0, "a": 2.5,
                "xi_mro": 30.0, "T_Q": 1.0}
    for key, value in expected.items():
        assert silica.value(key).value == value
        assert silica.value(key).source == "turlakov2022fermion"


def test_cgs_conversion(silica):
    assert silica.cgs("a") == pytest.approx(2.5e-8)
    assert silica.cgs("eps_F") == pytest.approx(1.380649e-15)
    assert silica.cgs("Lambda") == pytest.approx(1.602176634e-11)


def test_unknown_material_lists_known():
    with pytest.raises(materials.UnknownMaterialError, match="unknown material 'quartz'; known: vitreous_silica"):
        materials.get("quartz")


def test_unknown_parameter(silica):
    with pytest.raises(KeyError, match="unknown parameter"):
        silica.value("nope")


@pytest.mark.parametrize("bad", [0, -1.0, float("nan"), float("inf"), "x"])
def test_override_validation(silica, bad):
    with pytest.raises(ValueError, match="^rho must"):
        silica.with_overrides(rho=bad)


def test_override_replaces_and_marks(silica):
    m = silica.with_overrides(rho=3.0, c_t=None)
    assert m.value("rho").value == 3.0 and m.value("rho").status == "override"
    assert m.value("c_t") == silica.value("c_t")
    assert silica.value("rho").value == 2.2  # the original is untouched


def test_bad_file_rejected(tmp_path):
    bad = tmp_path / "materials.toml"
    bad.write_text('[x]\nname = "x"\n[x.rho]\nvalue = 1.0\nunit = "kg/m^3"\nsource = "s"\nwhere = "w"\n'
                   'status = "paper"\n')
    with pytest.raises(ValueError, match="unit 'kg/m\\^3', expected 'g/cm\\^3'"):
        materials.load(bad)


def test_atomic_weights_sourced():
    keys = bib_keys()
    for v in materials.atomic_weights().values():
        assert v.source in keys and v.where


def test_formula_and_spacing():
    assert materials.parse_formula("C5H8O2") == {"C": 5.0, "H": 8.0, "O": 2.0}
    with pytest.raises(ValueError, match="formula"):
        materials.parse_formula("sio2")
    with pytest.raises(ValueError, match="no atomic weight for Zr"):
        materials.mean_atomic_mass("ZrO2")
    # SiO2: (28.085 + 2 * 15.999)/3 u; a = (M/rho)^(1/3)
    M = (28.085 + 2 * 15.999) / 3 * 1.66053906660e-24
    from glasson.formulas import elastic

    assert materials.mean_atomic_mass("SiO2") == pytest.approx(M, rel=1e-4)
    assert elastic.atomic_spacing(M, 2.2) == pytest.approx((M / 2.2) ** (1 / 3))


def test_every_material_has_the_paper_guesses_or_a_source():
    for mat in materials.load().values():
        for key in ("eps_F", "Lambda"):
            if key in mat:
                v = mat.value(key)
                assert v.status in ("assumption", "paper") and v.source == "turlakov2022fermion"


def test_which_inputs_need_the_band():
    from glasson.models.inputs import needs_band, provenance

    assert needs_band(materials.get("vitreous_silica")) == ()
    assert needs_band(materials.get("fused_quartz")) == ()  # the paper's silica slope, a silica glass
    assert needs_band(materials.get("pyrex_7740")) == ("cv_slope",)
    groups = provenance(materials.get("n_bk7"))
    assert groups["derived"] == ["c_t", "c_l"] and groups["band"] == ["cv_slope"]
    assert "youngs_modulus" in groups["sourced"] and "Lambda" in groups["assumed"]
