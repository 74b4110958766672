"""Exact operator algebra: Jordan-Wigner fermions, Pauli operators, Hermiticity and parity of Eqs. (2)-(3)."""

import pytest
import sympy as sp

from glasson.formulas import operators as O


@pytest.mark.parametrize("n", [1, 2, 3])
def test_jordan_wigner_canonical_anticommutation(n):
    c = O.jordan_wigner(n)
    one = sp.eye(2**n)
    for i in range(n):
        for j in range(n):
            assert O.anticommutator(c[i], c[j]).is_zero_matrix
            assert O.anticommutator(c[i], c[j].H) == (one if i == j else sp.zeros(2**n))


def test_pauli_operators_commute_between_sites_but_do_not_anticommute():
    s = O.pauli_lowering(2)
    assert O.commutator(s[0], s[1]).is_zero_matrix
    assert not O.anticommutator(s[0], s[1]).is_zero_matrix


def test_jordan_wigner_string_support_grows():
    c = O.jordan_wigner(3)
    assert [O.support(cj + cj.H, 3) for cj in c] == [{0}, {0, 1}, {0, 1, 2}]
    assert O.pauli_decomposition(c[2] + c[2].H, 3) == {"ZZX": 1}


def test_boson_truncation_keeps_adjoint():
    b = O.boson(3)
    number = b.H * b
    assert number == sp.diag(0, 1, 2, 3)


def test_bad_sizes_rejected():
    with pytest.raises(ValueError, match="n must be"):
        O.jordan_wigner(0)
    with pytest.raises(ValueError, match="n_max must be"):
        O.boson(0)


@pytest.fixture(scope="module")
def model():
    return O.glasson_phonon_model(n_sites=2, n_max=1)


def test_terms_not_hermitian_without_conditions(model):
    for name in ("hopping", "phonon disorder", "M^z coupling", "M^x coupling"):
        assert O.hermiticity_conditions(model.terms[name]), name


def test_terms_hermitian_with_conditions(model):
    for name, term in model.terms.items():
        assert not O.hermiticity_conditions(term.subs(model.hermitian_if)), name


def test_real_coefficients_need_no_condition(model):
    assert O.hermiticity_conditions(model.terms["glasson energies"]) == []
    assert O.hermiticity_conditions(model.terms["phonon energies"]) == []


def test_parity(model):
    classes = {name: O.parity_class(t, model.parity) for name, t in model.terms.items()}
    assert classes.pop("M^x coupling") == "odd"
    assert set(classes.values()) == {"even"}


def test_hopping_condition_found(model):
    rows = {r["term"]: r for r in O.hamiltonian_report(model)}
    conds = rows["hopping"]["conditions"]
    t12, t21 = sp.Symbol("t_12", complex=True), sp.Symbol("t_21", complex=True)
    assert conds == [sp.Eq(t21, sp.conjugate(t12))]


def test_statistics_checks():
    rows = O.statistics_checks(2)
    assert [r["holds"] for r in rows] == [True, True, True, False, True, False]


def test_two_defects_cannot_tell_fermions_from_tls():
    for n, N in ((2, 1), (2, 2), (3, 1)):
        r = O.ring_spectra(n, N)
        assert r["fermions"] == r["TLS"]


def test_loops_of_three_can():
    r = O.ring_spectra(3, 2, t=1)
    assert r["fermions"] == [-1, -1, 2] and r["TLS"] == [-2, 1, 1]


def test_ring_spectra_bad_input():
    with pytest.raises(ValueError):
        O.ring_spectra(1, 1)


def test_ring_signs_flip_which_model_a_two_excitation_spectrum_belongs_to():
    """With a sign flipped on one bond, the fermions' two-excitation spectrum is the TLS one of the other class."""
    plus = O.ring_spectra(3, 2, signs=(1, 1, 1))
    minus = O.ring_spectra(3, 2, signs=(1, 1, -1))
    assert plus["fermions"] == minus["TLS"] and minus["fermions"] == plus["TLS"]
    assert O.ring_spectra(3, 1, signs=(1, 1, -1))["fermions"] == O.ring_spectra(3, 1, signs=(1, 1, -1))["TLS"]


@pytest.mark.parametrize("n", [3, 4])
def test_random_signs_need_one_and_two_excitation_spectra(n):
    assert O.ring_discriminates(n) == {"two excitations alone": False, "one and two together": True}
    rows = O.ring_sign_classes(n)
    assert [r["flux"] for r in rows] == [1, -1]


def test_ring_signs_validated():
    with pytest.raises(ValueError, match="signs must be 3 values"):
        O.ring_spectra(3, 1, signs=(1, 2, 1))
