"""Derived parameters: the vectorised core, and uncertainty propagation over the paper's guessed inputs."""

import numpy as np
import pytest

from glasson.core import constants as c
from glasson.data import materials
from glasson.models import derived


@pytest.fixture(scope="module")
def silica():
    return materials.get("vitreous_silica")


def test_vectorised_core_matches_scalar(silica):
    inputs = {k: silica.cgs(k) for k in silica.values}
    eps = c.K_to_erg(np.array([3.0, 10.0, 30.0]))
    grid = derived.derived_from_inputs({**inputs, "eps_F": eps})
    for i, e in enumerate([3.0, 10.0, 30.0]):
        scalar = derived.derived_parameters(silica.with_overrides(eps_F=e))
        for k, v in scalar.items():
            assert np.broadcast_to(grid[k], (3,))[i] == pytest.approx(v, rel=1e-12), k


def test_ranges_bracket_and_hit_the_corners(silica):
    r = derived.parameter_ranges(silica)
    for k, (lo, mid, hi) in r.items():
        assert lo <= mid <= hi, k
    corner = derived.derived_parameters(silica.with_overrides(eps_F=30.0, Lambda=1.0))
    assert r["kF_xi"][0] == pytest.approx(corner["kF_xi"] * (3 / 30) ** (1 / 3), rel=1e-9)  # eps 3, Lambda 1
    assert r["xi_cm"][2] == pytest.approx(derived.derived_parameters(silica)["xi_cm"], rel=1e-12)  # Lambda 10


def test_Q_range_is_eps_F_power_one_third(silica):
    lo, _, hi = derived.parameter_ranges(silica)["Q_inv_t"]
    assert hi / lo == pytest.approx(10 ** (1 / 3), rel=1e-9)


def test_cv_range_widens_the_k_F_range(silica):
    base = derived.parameter_ranges(silica, eps_F_K=(10, 10), Lambda_eV=(10, 10))["k_F_per_cm"]
    wide = derived.parameter_ranges(silica, eps_F_K=(10, 10), Lambda_eV=(10, 10),
                                    cv_slope_range=(8.0, 12.0))["k_F_per_cm"]
    assert base[0] == pytest.approx(base[2]) and wide[2] / wide[0] == pytest.approx((12 / 8) ** (1 / 3))


def test_material_without_slope_spans_the_measured_band():
    from glasson.models.inputs import resolve

    pmma = materials.get("acrylic_pmma")
    band = materials.cv_slope_band()
    r = derived.parameter_ranges(pmma)
    rho = resolve(pmma)["rho"]
    rho_ratio = rho.spread[1] / rho.spread[0] if rho.spread else 1.0
    expected = (30 / 3 * band.high / band.low * rho_ratio) ** (1 / 3)  # k_F^3 is proportional to eps_F rho C_v/T
    assert r["k_F_per_cm"][2] / r["k_F_per_cm"][0] == pytest.approx(expected, rel=1e-9)
    assert "Q_inv_t" in r  # a derived from the formula's mean atomic mass and the density


def test_eps_F_for_internal_friction(silica):
    from glasson.models.model import GlassonModel

    e = derived.eps_F_for_internal_friction(GlassonModel.from_material(silica), 1e-3)
    assert derived.derived_parameters(silica.with_overrides(eps_F=e))["Q_inv_t"] == pytest.approx(1e-3, rel=1e-12)
    with pytest.raises(ValueError):
        derived.eps_F_for_internal_friction(GlassonModel.from_material(silica), -1.0)
