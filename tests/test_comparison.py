"""GPP beside the tunnelling model: same data, computed discriminating predictions."""

import numpy as np
import pytest

from glasson import comparison, materials


@pytest.fixture(scope="module")
def silica():
    return materials.get("vitreous_silica")


def test_stm_calibrated_to_the_same_slope(silica):
    p = comparison.stm_parameters(silica)
    curves = comparison.heat_capacity(silica, np.array([p["T_exp"]]), times=(p["t_exp"],))
    stm = curves[f"STM, t = {p['t_exp']:g} s"] - curves["Debye phonons"]
    gpp = curves["GPP"] - curves["Debye phonons"]
    assert stm[0] == pytest.approx(gpp[0], rel=1e-10)


def test_low_frequency_plateau_separates_the_models(silica):
    rows = comparison.discriminating_predictions(silica)
    q = rows[0]
    assert q["discriminates"]
    T = np.array([0.5])
    curves = comparison.internal_friction(silica, T, 9e4)
    assert curves["STM total"][0] > 1e3 * (curves["GPP resonant (Eq. 12)"][0] + curves["GPP pair, net (Eq. 11)"][0])


def test_kappa_exponent_does_not_discriminate(silica):
    assert comparison.discriminating_predictions(silica)[-1]["discriminates"] is False


def test_dos_from_scaling_scales_as_Lambda_minus_two(silica):
    d10 = comparison.dos_from_scaling(silica)
    d5 = comparison.dos_from_scaling(silica.with_overrides(Lambda=5.0))
    assert d5["ratio"] / d10["ratio"] == pytest.approx(4.0, rel=1e-12)
    matched = comparison.dos_from_scaling(silica.with_overrides(Lambda=d10["Lambda_match_eV"]))
    assert matched["ratio"] == pytest.approx(1.0, rel=1e-12)


def test_dependences_complete():
    for row in comparison.DEPENDENCES:
        assert row["observable"] and row["STM"] and row["GPP"]


def test_velocity_shift_has_a_maximum_only_in_the_stm(silica):
    T = np.geomspace(0.01, 3.0, 80)
    v = comparison.velocity_shift(silica, T, 9e4, T_ref=0.01)
    stm = v["STM total"]
    gpp = v["GPP, implied by Eq. 12 (not in the paper)"]
    assert 0 < int(np.argmax(stm)) < len(T) - 1
    assert np.all(np.diff(gpp) > 0)
