"""The dimension checker: consistent, inconsistent and natural-units verdicts, and its error cases."""

import pytest
import sympy as sp

from glasson.core.dimensions import (
    ACTION,
    DIMENSIONLESS,
    ENERGY,
    LENGTH,
    MASS,
    TEMPERATURE,
    TIME,
    VELOCITY,
    DimensionError,
    check_equation,
    dimension,
)

E, T, m, x, c, L, hb, w = sp.symbols("E T m x c L hbar omega", positive=True)
DIMS = {E: ENERGY, T: TEMPERATURE, m: MASS, x: LENGTH, c: VELOCITY, L: LENGTH, hb: ACTION, w: TIME**-1}


def test_energy_of_kinetic_term():
    assert dimension(hb**2 / (m * x**2), DIMS) == ENERGY


def test_sum_of_unlike_terms_raises():
    with pytest.raises(DimensionError, match="sum of"):
        dimension(E + T, DIMS)


def test_sum_of_energy_and_temperature_allowed_with_kB_equal_one():
    assert dimension(E + T, DIMS, natural=("k_B",)) == ENERGY


def test_function_argument_must_be_dimensionless():
    with pytest.raises(DimensionError, match="argument"):
        dimension(sp.exp(E), DIMS)
    assert dimension(sp.exp(E / T), DIMS, natural=("k_B",)) == DIMENSIONLESS
    assert dimension(sp.tanh(hb * w / E), DIMS) == DIMENSIONLESS


def test_rational_powers():
    assert dimension(sp.sqrt(m * x), DIMS) == (MASS * LENGTH) ** sp.Rational(1, 2)


def test_symbolic_power_needs_dimensionless_base():
    with pytest.raises(DimensionError):
        dimension(x ** (E / T), DIMS, natural=("k_B",))


def test_unknown_symbol_raises():
    with pytest.raises(DimensionError, match="no dimension declared"):
        dimension(sp.Symbol("q"), DIMS)


@pytest.mark.parametrize("eq, status", [
    (sp.Eq(E, hb * c / x), "consistent"),
    (sp.Eq(E, T), "natural-units"),
    (sp.Eq(E, hb * w), "consistent"),
    (sp.Eq(E, w), "natural-units"),          # needs hbar = 1
    (sp.Eq(x, c), "inconsistent"),
    (sp.Eq(m, sp.sqrt(hb) * c), "inconsistent"),
])
def test_check_equation(eq, status):
    assert check_equation(eq, DIMS).status == status


def test_natural_units_names_the_constant():
    verdict = check_equation(sp.Eq(E, T), DIMS)
    assert verdict.natural == ("k_B",)
    assert "k_B = 1" in verdict.detail


def test_integral_and_derivative():
    assert dimension(sp.Integral(E, (x, 0, L)), DIMS) == ENERGY * LENGTH
    assert dimension(sp.Derivative(E * x, x), DIMS) == ENERGY


def test_dim_str():
    assert str(ENERGY) == "g cm^2 s^-2"
    assert str(DIMENSIONLESS) == "1"
