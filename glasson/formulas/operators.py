"""Exact operator algebra behind Eqns 1–3 and Section 4.2: fermions, Pauli matrices, phonons as matrices.

Fermions on ``n`` sites are represented through the Jordan–Wigner transformation (the reference the paper
gives for it is :cite:`wikipedia2021jordan`): :math:`c_j = Z_1 \\cdots Z_{j-1}\\, \\sigma^-_j`, with the occupation
basis :math:`|0\\rangle, |1\\rangle` per site and :math:`Z = (-1)^{n}`. Phonon modes are truncated at ``n_max``
quanta; truncation keeps :math:`b^\\dagger` the exact adjoint of :math:`b`, so Hermiticity and fermion-parity
statements made with these matrices are exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import reduce
from itertools import product
from typing import Any

import sympy as sp
from sympy.physics.quantum import TensorProduct

__all__ = [
    "I2", "SIGMA_X", "SIGMA_Y", "SIGMA_Z", "SIGMA_MINUS", "kron", "site_operator",
    "jordan_wigner", "pauli_lowering", "boson", "fermion_parity", "commutator", "anticommutator",
    "pauli_decomposition", "support", "HamiltonianModel", "glasson_phonon_model", "hermiticity_conditions",
    "parity_class", "hamiltonian_report", "statistics_checks", "ring_spectra", "ring_sign_classes",
    "ring_discriminates",
]

I2 = sp.eye(2)
SIGMA_X = sp.Matrix([[0, 1], [1, 0]])
SIGMA_Y = sp.Matrix([[0, -sp.I], [sp.I, 0]])
SIGMA_Z = sp.Matrix([[1, 0], [0, -1]])
#: Lowers an occupied site: σ⁻ takes the occupied state to the empty one (basis order: empty, occupied).
SIGMA_MINUS = sp.Matrix([[0, 1], [0, 0]])
_PAULI = {"I": I2, "X": SIGMA_X, "Y": SIGMA_Y, "Z": SIGMA_Z}


def kron(*mats: sp.Matrix) -> sp.Matrix:
    """Kronecker product of several matrices (leftmost = first site)."""
    return reduce(lambda a, b: TensorProduct(a, b), mats)


def site_operator(op: sp.Matrix, j: int, n: int) -> sp.Matrix:
    """``op`` acting on site ``j`` (0-based) of ``n`` two-level sites, identity elsewhere."""
    return kron(*[op if k == j else I2 for k in range(n)])


def jordan_wigner(n: int) -> list[sp.Matrix]:
    """Fermion annihilation operators :math:`c_j = Z_0 \\cdots Z_{j-1} \\sigma^-_j` on ``n`` sites.

    Examples
    --------
    >>> c = jordan_wigner(2)
    >>> anticommutator(c[0], c[1]) == sp.zeros(4)
    True
    >>> anticommutator(c[0], c[0].H) == sp.eye(4)
    True
    """
    if n < 1:
        raise ValueError(f"n must be a positive number of sites, got {n}")
    return [kron(*([SIGMA_Z] * j + [SIGMA_MINUS] + [I2] * (n - j - 1))) for j in range(n)]


def pauli_lowering(n: int) -> list[sp.Matrix]:
    """Two-level-system (hard-core boson) lowering operators σ⁻_j on ``n`` sites: they commute between sites."""
    return [site_operator(SIGMA_MINUS, j, n) for j in range(n)]


def boson(n_max: int) -> sp.Matrix:
    """Phonon annihilation operator truncated to 0 … ``n_max`` quanta: :math:`b|n\\rangle = \\sqrt{n}|n-1\\rangle`."""
    if n_max < 1:
        raise ValueError(f"n_max must be at least 1, got {n_max}")
    return sp.Matrix(n_max + 1, n_max + 1, lambda i, j: sp.sqrt(j) if j == i + 1 else 0)


def fermion_parity(n: int) -> sp.Matrix:
    """Fermion parity :math:`P = (-1)^{N} = Z_0 Z_1 \\cdots Z_{n-1}` on ``n`` sites."""
    return kron(*[SIGMA_Z] * n)


def commutator(a: sp.Matrix, b: sp.Matrix) -> sp.Matrix:
    """[a, b] = ab − ba."""
    return a * b - b * a


def anticommutator(a: sp.Matrix, b: sp.Matrix) -> sp.Matrix:
    """{a, b} = ab + ba."""
    return a * b + b * a


def pauli_decomposition(m: sp.Matrix, n: int) -> dict[str, sp.Expr]:
    """Coefficients of ``m`` (2ⁿ × 2ⁿ) on Pauli strings, e.g. ``{"ZX": 1}`` for σᶻ⊗σˣ.

    Examples
    --------
    >>> c = jordan_wigner(2)
    >>> pauli_decomposition(c[1] + c[1].H, 2)
    {'ZX': 1}
    """
    out = {}
    for labels in product("IXYZ", repeat=n):
        p = kron(*[_PAULI[s] for s in labels])
        coeff = sp.simplify((p.H * m).trace() / 2**n)
        if coeff != 0:
            out["".join(labels)] = coeff
    return out


def support(m: sp.Matrix, n: int) -> set[int]:
    """Sites (0-based) on which ``m`` acts non-trivially, read off its Pauli decomposition."""
    return {j for s in pauli_decomposition(m, n) for j, ch in enumerate(s) if ch != "I"}


@dataclass(frozen=True)
class HamiltonianModel:
    """The terms of Eqs. (2)–(3) as explicit matrices on a small Hilbert space, with their coefficients."""

    terms: dict[str, sp.Matrix]
    parity: sp.Matrix
    #: Hermiticity conditions the paper's sums need, as {coefficient: its required value}.
    hermitian_if: dict[sp.Symbol, sp.Expr]


def glasson_phonon_model(n_sites: int = 2, n_max: int = 1) -> HamiltonianModel:
    """Eqs. (2)–(3) on ``n_sites`` glasson sites and two phonon modes k and −k (``n_max`` quanta each).

    Every coefficient is a complex symbol (ε_α, ω real): the Hermiticity conditions are then *found*
    by :func:`hermiticity_conditions`, not assumed.
    """
    c = jordan_wigner(n_sites)
    one_f = sp.eye(2**n_sites)
    b = boson(n_max)
    one_b = sp.eye(n_max + 1)
    # Hilbert space: fermions ⊗ phonon(k) ⊗ phonon(−k); index q = 0 is k, q = 1 is −k.
    cf = [kron(cj, one_b, one_b) for cj in c]
    bq = [kron(one_f, b, one_b), kron(one_f, one_b, b)]
    minus = {0: 1, 1: 0}  # −q

    eps = sp.symbols(f"epsilon_1:{n_sites + 1}", real=True)
    omega = sp.Symbol("omega_k", positive=True)

    def cplx(name: str) -> sp.Symbol:
        return sp.Symbol(name, complex=True)

    qname = {0: "k", 1: "-k"}
    t = {(a, bb): cplx(f"t_{a + 1}{bb + 1}") for a in range(n_sites) for bb in range(n_sites) if a != bb}
    A = {(q, p): cplx(f"A_{qname[q]},{qname[p]}") for q in range(2) for p in range(2)}
    Mz = {(a, bb, q): cplx(f"M^z_{a + 1}{bb + 1},{qname[q]}")
          for a in range(n_sites) for bb in range(n_sites) for q in range(2)}
    Mx = {(a, q): cplx(f"M^x_{a + 1},{qname[q]}") for a in range(n_sites) for q in range(2)}

    def field(q: int) -> sp.Matrix:  # (b†_{−q} + b_q)
        return bq[minus[q]].H + bq[q]

    zero = sp.zeros(cf[0].rows)
    terms = {
        "glasson energies": sum((eps[a] * cf[a].H * cf[a] for a in range(n_sites)), zero),
        "hopping": sum((t[a, bb] * cf[a].H * cf[bb] for (a, bb) in t), zero),
        "phonon energies": sum((omega * bq[q].H * bq[q] for q in range(2)), zero),
        "phonon disorder": sum((A[q, p] * bq[q].H * bq[p] for (q, p) in A), zero),
        "M^z coupling": sum((sp.sqrt(omega) * Mz[a, bb, q] * cf[a].H * cf[bb] * field(q)
                             for (a, bb, q) in Mz), zero),
        "M^x coupling": sum((sp.sqrt(omega) * Mx[a, q] * (cf[a].H + cf[a]) * field(q) for (a, q) in Mx), zero),
    }
    hermitian_if: dict[sp.Symbol, sp.Expr] = {}
    for (a, bb), s in t.items():
        if a > bb:
            hermitian_if[s] = sp.conjugate(t[bb, a])
    hermitian_if[A[1, 0]] = sp.conjugate(A[0, 1])
    hermitian_if[A[0, 0]] = sp.re(A[0, 0])
    hermitian_if[A[1, 1]] = sp.re(A[1, 1])
    for (a, bb, q), s in Mz.items():
        if (bb, a, minus[q]) != (a, bb, q) and (a, bb, q) > (bb, a, minus[q]):
            hermitian_if[s] = sp.conjugate(Mz[bb, a, minus[q]])
    for (a, q), s in Mx.items():
        if q == 1:
            hermitian_if[s] = sp.conjugate(Mx[a, 0])
    parity = kron(fermion_parity(n_sites), one_b, one_b)
    return HamiltonianModel(terms, parity, hermitian_if)


def hermiticity_conditions(term: sp.Matrix) -> list[sp.Expr]:
    """The distinct non-zero entries of H − H†: each must vanish for the term to be Hermitian."""
    diff = (term - term.H).applyfunc(sp.expand)
    found: list[sp.Expr] = []
    for entry in diff:
        if entry != 0 and entry not in found and -entry not in found:
            found.append(entry)
    return found


def parity_class(term: sp.Matrix, parity: sp.Matrix) -> str:
    """``"even"`` if P H P = H, ``"odd"`` if P H P = −H (anticommutes with fermion parity), else ``"mixed"``."""
    conj = parity * term * parity
    if (conj - term).is_zero_matrix:
        return "even"
    if (conj + term).is_zero_matrix:
        return "odd"
    return "mixed"


def statistics_checks(n: int = 2) -> list[dict[str, object]]:
    """Fermion versus two-level-system algebra on ``n`` sites: which relations hold (exact matrices).

    The paper's main conjecture (Sec. 2.1) is that glasson operators on different sites anticommute, while
    the tunnelling model's pseudo-spins commute. Jordan–Wigner fermions and Pauli lowering operators show
    both, and where the mapping c + c† ↔ σˣ stops being local.

    Examples
    --------
    >>> [r["holds"] for r in statistics_checks(2)][:2]
    [True, True]
    """
    c = jordan_wigner(n)
    s = pauli_lowering(n)
    one = sp.eye(2**n)
    rows: list[dict[str, object]] = [
        {"relation": r"$\{c_1, c_2\} = 0$", "holds": anticommutator(c[0], c[1]).is_zero_matrix},
        {"relation": r"$\{c_1, c_1^\dagger\} = 1$", "holds": anticommutator(c[0], c[0].H) == one},
        {"relation": r"$[\sigma^-_1, \sigma^-_2] = 0$", "holds": commutator(s[0], s[1]).is_zero_matrix},
        {"relation": r"$\{\sigma^-_1, \sigma^-_2\} = 0$", "holds": anticommutator(s[0], s[1]).is_zero_matrix},
    ]
    for j in range(n):
        strings = pauli_decomposition(c[j] + c[j].H, n)
        local = site_operator(SIGMA_X, j, n)
        rows.append({"relation": rf"$c_{j + 1} + c_{j + 1}^\dagger = \sigma^x_{j + 1}$",
                     "holds": (c[j] + c[j].H) == local,
                     "pauli_string": " ".join(strings), "support": sorted(k + 1 for k in support(c[j] + c[j].H, n))})
    return rows


#: The hopping amplitude of the ring (a positive symbol), the default of :func:`ring_spectra`.
HOPPING = sp.Symbol("t", positive=True)


def ring_spectra(n: int, particles: int, t: sp.Expr = HOPPING,
                 signs: tuple[int, ...] | None = None) -> dict[str, list[sp.Expr]]:
    """Spectra of n sites on a ring with hopping ±t and ``particles`` excitations: fermions versus TLS.

    Fermions: H = −t Σ s_j (c†_j c_{j+1} + h.c.) with Jordan–Wigner operators; TLS (hard-core bosons, the
    tunnelling model's pseudo-spins with flip-flop coupling): the same with σ⁺σ⁻. ``signs`` are the s_j = ±1 of
    the bonds (all +1 by default); in a glass they are random. On an open chain the two models are unitarily
    equivalent (Jordan–Wigner is local for neighbours); on a ring the closing bond carries the string
    (−1)^{N−1}, so the spectra differ once N ≥ 2. Returns the eigenvalues in the sector of ``particles``.

    Examples
    --------
    >>> r = ring_spectra(3, 2)
    >>> r["fermions"], r["TLS"]
    ([-t, -t, 2*t], [-2*t, t, t])
    """
    if n < 2 or not 0 <= particles <= n:
        raise ValueError(f"need n >= 2 sites and 0 <= particles <= n, got n={n}, particles={particles}")
    t = sp.sympify(t)
    bonds = [(j, (j + 1) % n) for j in range(n if n > 2 else 1)]
    signs = tuple(signs) if signs is not None else (1,) * len(bonds)
    if len(signs) != len(bonds) or any(s not in (1, -1) for s in signs):
        raise ValueError(f"signs must be {len(bonds)} values of +1 or -1, got {signs}")
    c = jordan_wigner(n)
    s = pauli_lowering(n)
    H_f = sum((-t * sg * (c[i].H * c[j] + c[j].H * c[i]) for (i, j), sg in zip(bonds, signs, strict=True)), sp.zeros(2**n))
    H_b = sum((-t * sg * (s[i].H * s[j] + s[j].H * s[i]) for (i, j), sg in zip(bonds, signs, strict=True)), sp.zeros(2**n))
    # occupation of basis state index k: bits of k, site 0 most significant (kron order)
    sector = [k for k in range(2**n) if bin(k).count("1") == particles]
    out = {}
    for name, H in (("fermions", H_f), ("TLS", H_b)):
        block = H.extract(sector, sector)
        levels = [ev for ev, mult in block.eigenvals().items() for _ in range(mult)]
        out[name] = sorted(levels, key=lambda e: float(sp.sympify(e).subs({sym: 1 for sym in t.free_symbols})))
    return out


def ring_sign_classes(n: int, t: sp.Expr = HOPPING) -> list[dict[str, Any]]:
    """One- and two-excitation spectra of an n-ring for each sign class of its couplings (the flux ∏ s_j = ±1).

    In a glass the signs of the couplings are random, so a single spectrum of one model can be the spectrum
    of the other model with another sign class. The rows show, for each flux, the one-excitation spectrum
    (the same for fermions and TLS) and the two-excitation spectra of both. Over all sign classes the sets of
    two-excitation spectra coincide; only the pair (one-excitation, two-excitation) measured on the same
    defects tells the models apart (:func:`ring_discriminates`).

    Examples
    --------
    >>> [r["flux"] for r in ring_sign_classes(3)]
    [1, -1]
    """
    rows = []
    for flux in (1, -1):
        signs = (1,) * (n - 1) + (flux,)
        one, two = ring_spectra(n, 1, t, signs), ring_spectra(n, 2, t, signs)
        if one["fermions"] != one["TLS"]:
            raise RuntimeError("one-excitation spectra of fermions and TLS differ")  # pragma: no cover
        rows.append({"flux": flux, "one excitation": one["fermions"], "two, fermions": two["fermions"],
                     "two, TLS": two["TLS"]})
    return rows


def ring_discriminates(n: int) -> dict[str, bool]:
    """Whether the two models can be told apart on an n-ring with random coupling signs.

    ``two excitations alone``: do the sets of two-excitation spectra over both sign classes differ?
    ``one and two together``: does some one-excitation spectrum come with different two-excitation spectra?

    Examples
    --------
    >>> ring_discriminates(3)
    {'two excitations alone': False, 'one and two together': True}
    """
    rows = ring_sign_classes(n)
    fermions = sorted(str(r["two, fermions"]) for r in rows)
    tls = sorted(str(r["two, TLS"]) for r in rows)
    return {"two excitations alone": fermions != tls,
            "one and two together": any(r["two, fermions"] != r["two, TLS"] for r in rows)}


def _as_condition(entry: sp.Expr) -> sp.Eq:
    """Write a vanishing entry x − conj(y) (times a positive factor) as the condition x = conj(y)."""
    expr = sp.factor(entry)
    for factor in sp.Mul.make_args(expr):
        if factor.is_positive:
            expr = expr / factor
    expr = sp.expand(expr)
    plain = [t for t in sp.Add.make_args(expr) if not t.has(sp.conjugate)]
    if len(plain) == 1:
        return sp.Eq(plain[0], plain[0] - expr)
    return sp.Eq(expr, 0)


def hamiltonian_report(model: HamiltonianModel) -> list[dict[str, object]]:
    """One row per term of Eqs. (2)–(3): the Hermiticity conditions found, whether they suffice, the parity.

    Examples
    --------
    >>> rows = {r["term"]: r for r in hamiltonian_report(glasson_phonon_model(n_sites=1))}
    >>> rows["M^x coupling"]["parity"], rows["M^x coupling"]["hermitian_if_conditions"]
    ('odd', True)
    """
    rows = []
    for name, term in model.terms.items():
        # Single-coefficient conditions first; a condition implied by those already found is dropped.
        found = sorted(hermiticity_conditions(term), key=lambda e: len(sp.Add.make_args(e)))
        conditions: list[sp.Eq] = []
        for entry in found:
            known = {c.lhs: c.rhs for c in conditions if c.lhs.is_Symbol}
            known.update({sp.conjugate(k): sp.conjugate(v) for k, v in list(known.items())})
            if sp.simplify(entry.subs(known)) == 0:
                continue
            conditions.append(_as_condition(entry))
        rows.append({
            "term": name,
            "conditions": conditions,
            "conditions_latex": ", ".join(f"${sp.latex(c)}$" for c in conditions) or "none (real coefficients)",
            "hermitian_if_conditions": not hermiticity_conditions(term.subs(model.hermitian_if)),
            "parity": parity_class(term, model.parity),
        })
    return rows
