"""Measured κ(T) below 1 K: the data as read, each exponent against a hand computation on its file, the Λ that
Eq. (13) needs for it, the loader's refusals, and the CLI."""

from __future__ import annotations

import csv
import json
import math
import shutil

import numpy as np
import pytest

from glasson.core.paths import ROOT
from glasson.data import kappa_data
from glasson.data.fields import MaterialsDataError
from glasson.formulas import dipolar
from glasson.registries import kappa_fits

ROWS = {r["key"]: r for r in kappa_fits.rows()}


def _by_hand(file: str) -> tuple[float, int]:
    """The slope of log κ on log T at T ≤ 1 K, from the file itself (the textbook formula for a least-squares
    slope, not numpy's fit)."""
    with open(ROOT / "data" / "lowT-kappa" / file, encoding="utf-8-sig") as f:
        points = [(float(r[0]), float(r[1])) for r in list(csv.reader(f))[2:] if r]
    xy = [(math.log(t), math.log(k)) for t, k in points if t <= 1.0]
    n = len(xy)
    mx, my = sum(x for x, _ in xy) / n, sum(y for _, y in xy) / n
    slope = sum((x - mx) * (y - my) for x, y in xy) / sum((x - mx) ** 2 for x, _ in xy)
    return slope, n


@pytest.mark.parametrize("key", sorted(ROWS))
def test_each_exponent_against_a_hand_computation_on_its_file(key):
    data = kappa_data.get(key)
    slope, n = _by_hand(data.file)
    assert ROWS[key]["exponent"] == pytest.approx(slope, rel=1e-12)
    assert ROWS[key]["fit_points"] == n and ROWS[key]["points"] == len(data.T)
    assert ROWS[key]["fit_range"][1] <= kappa_fits.T_FIT_MAX < data.T[-1] or data.T[-1] <= kappa_fits.T_FIT_MAX


def test_the_data_are_read_in_cgs_and_sorted():
    d = kappa_data.get("olson1993_stycast1266")
    assert np.all(np.diff(d.T) > 0)
    assert d.T[0] == pytest.approx(0.0609) and d.kappa[0] == pytest.approx(1.93e-4 * 1e5)  # W/(m K) → CGS
    assert d.clean and d.kind == "amorphous"


def test_the_uncertainty_is_the_slopes_standard_error():
    T = np.array([0.1, 0.2, 0.3, 0.5, 0.8])
    noise = np.array([1.02, 0.97, 1.01, 0.99, 1.03])
    fit = kappa_fits.fit_exponent(T, 2e-3 * T**1.9 * noise)
    x, y = np.log(T), np.log(2e-3 * T**1.9 * noise)
    slope, intercept = np.polyfit(x, y, 1)
    residual = y - (slope * x + intercept)
    stderr = math.sqrt(residual @ residual / (len(x) - 2) / ((x - x.mean()) @ (x - x.mean())))
    assert fit["exponent"] == pytest.approx(slope) and fit["uncertainty"] == pytest.approx(stderr)
    assert kappa_fits.fit_exponent(T[:3], T[:3] ** 2) is None  # too few points


@pytest.mark.parametrize("key", [k for k, r in ROWS.items() if r["Lambda_implied_eV"] is not None])
def test_the_implied_lambda_gives_the_measured_exponent_back(key):
    from glasson.core import constants as const
    from glasson.data import materials

    r = ROWS[key]
    silica = materials.get(materials.DEFAULT_MATERIAL)
    T = math.sqrt(r["fit_range"][0] * r["fit_range"][1])
    u = dipolar.dipolar_u_dd(silica.value("cv_slope").value, const.eV_to_erg(r["Lambda_implied_eV"]),
                             silica.cgs("c_t"))
    assert dipolar.kappa_exponent(T, u, silica.value("T_Q").value) == pytest.approx(r["exponent"], rel=1e-9)
    assert r["alpha_implied"] == pytest.approx(2 - r["exponent"])


def test_no_lambda_for_an_exponent_at_or_above_two():
    assert all(r["Lambda_implied_eV"] is None for r in ROWS.values() if r["exponent"] >= 2)
    assert kappa_fits.implied_Lambda(2.0, 0.1) is None


def test_the_classes_and_the_clean_samples():
    assert {r["kind"] for r in ROWS.values()} <= set(kappa_data.CLASSES)
    assert {k for k, r in ROWS.items() if r["clean"]} == {"olson1993_stycast1266", "runyanjones2008_vespel_sp1"}
    assert ROWS["runyanjones2008_macor"]["tunneling_T2"] == "above"


@pytest.mark.parametrize("edit, message", [
    (lambda d: (d / "lowT-kappa" / "olson1993_corian.csv").write_text("title\nT,k,k/T\n0.1,-1e-4,1\n0.2,1e-4,1\n0.3,2e-4,1\n"),
     "positive and finite"),
    (lambda d: (d / "lowT-kappa" / "olson1993_corian.csv").write_text("title\nT,k,k/T\n0.1,abc,1\n"), "must be numbers"),
    (lambda d: (d / "lowT_kappa.toml").write_text((d / "lowT_kappa.toml").read_text().replace(
        'class = "glass-ceramic"', 'class = "glass"')), "class 'glass'"),
    (lambda d: (d / "lowT_kappa.toml").write_text((d / "lowT_kappa.toml").read_text().replace(
        'file = "runyanjones2008_macor.csv"', 'file = "../materials.toml"')), "CSV file name"),
    (lambda d: (d / "lowT_kappa.toml").write_text((d / "lowT_kappa.toml").read_text().replace(
        'source = "runyan2008thermal"', 'source = "nobody2099"', 1)), "nobody2099"),
])
def test_a_bad_data_set_is_a_data_error_naming_it(tmp_path, monkeypatch, edit, message):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    edit(data)
    monkeypatch.setenv("GLASSON_DATA", str(data))
    with pytest.raises(MaterialsDataError, match=message) as err:
        kappa_data.load()
    assert "lowT_kappa.toml [" in str(err.value)


def test_the_cli_gives_every_field_the_issue_names(capsys):
    from glasson.cli import main

    assert main(["kappa-data", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == len(ROWS)
    for r in rows:
        assert {"key", "material", "what", "T_range", "points", "exponent", "uncertainty", "fit_range",
                "source"} <= set(r)
    assert main(["kappa-data", "--key", "nosuch"]) == 2
    assert "--key" in capsys.readouterr().err
