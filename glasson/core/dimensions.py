"""A small dimension checker for sympy expressions in CGS (mass, length, time, temperature).

A printed equation is *consistent* when both sides and every sum inside it have one dimension; it is
*natural-units* when that holds only after setting k_B = 1 (temperature ≡ energy) and/or ħ = 1 (action
dimensionless); otherwise it is *inconsistent*. Dimensions are exponent vectors over (M, L, T, Θ); "equal
modulo natural units" means their difference lies in the span of the relation vectors of k_B and ħ.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

import sympy as sp

__all__ = [
    "Dim", "DimensionError", "DimensionVerdict",
    "MASS", "LENGTH", "TIME", "TEMPERATURE", "DIMENSIONLESS", "ENERGY", "ACTION", "VELOCITY", "DENSITY",
    "NATURAL_RELATIONS", "dimension", "check_equation",
]

_UNIT_NAMES = ("g", "cm", "s", "K")


@dataclass(frozen=True)
class Dim:
    """A CGS dimension: rational exponents of mass, length, time and temperature."""

    M: sp.Rational = sp.Integer(0)
    L: sp.Rational = sp.Integer(0)
    T: sp.Rational = sp.Integer(0)
    Th: sp.Rational = sp.Integer(0)

    @property
    def vector(self) -> tuple[sp.Rational, ...]:
        return (self.M, self.L, self.T, self.Th)

    @classmethod
    def from_vector(cls, v: Iterable[sp.Rational]) -> Dim:
        return cls(*(sp.nsimplify(x) for x in v))

    def __mul__(self, other: Dim) -> Dim:
        return Dim.from_vector(a + b for a, b in zip(self.vector, other.vector, strict=True))

    def __truediv__(self, other: Dim) -> Dim:
        return Dim.from_vector(a - b for a, b in zip(self.vector, other.vector, strict=True))

    def __rtruediv__(self, other: object) -> Dim:
        if other != 1:
            return NotImplemented
        return DIMENSIONLESS / self

    def __pow__(self, p: sp.Rational) -> Dim:
        return Dim.from_vector(a * p for a in self.vector)

    @property
    def is_dimensionless(self) -> bool:
        return all(x == 0 for x in self.vector)

    def __str__(self) -> str:
        parts = [u if e == 1 else f"{u}^{e}" for u, e in zip(_UNIT_NAMES, self.vector, strict=True) if e != 0]
        return " ".join(parts) if parts else "1"


MASS, LENGTH, TIME, TEMPERATURE = Dim(M=1), Dim(L=1), Dim(T=1), Dim(Th=1)
DIMENSIONLESS = Dim()
ENERGY = MASS * LENGTH**2 / TIME**2
ACTION = ENERGY * TIME
VELOCITY = LENGTH / TIME
DENSITY = MASS / LENGTH**3

#: Setting a constant to 1 makes its dimension trivial: k_B = 1 identifies energy and temperature,
#: ħ = 1 makes action dimensionless.
NATURAL_RELATIONS: dict[str, Dim] = {"k_B": ENERGY / TEMPERATURE, "hbar": ACTION}


class DimensionError(ValueError):
    """An expression adds, exponentiates or takes a function of quantities of mismatched dimension."""


def _equal(a: Dim, b: Dim, natural: tuple[str, ...]) -> bool:
    diff = sp.Matrix((a / b).vector)
    if all(x == 0 for x in diff):
        return True
    if not natural:
        return False
    basis = sp.Matrix.hstack(*(sp.Matrix(NATURAL_RELATIONS[n].vector) for n in natural))
    return basis.rank() == sp.Matrix.hstack(basis, diff).rank()


def dimension(expr: sp.Expr, dims: Mapping[sp.Symbol, Dim], natural: tuple[str, ...] = ()) -> Dim:
    """Dimension of a sympy expression whose symbols have the dimensions ``dims``.

    Parameters
    ----------
    expr : sympy.Expr
        The expression. Numbers are dimensionless; ``exp``, ``log``, ``tanh`` … need dimensionless arguments.
    dims : mapping of sympy.Symbol to Dim
        The dimension of every free symbol.
    natural : tuple of {"k_B", "hbar"}
        Constants set to 1 when comparing dimensions (sums and function arguments).

    Raises
    ------
    DimensionError
        When a sum mixes dimensions, an exponent is not a dimensionless number, or a symbol has no dimension.

    Examples
    --------
    >>> import sympy as sp
    >>> hbar, c, R = sp.symbols("hbar c R", positive=True)
    >>> str(dimension(hbar * c / R, {hbar: ACTION, c: VELOCITY, R: LENGTH}))
    'g cm^2 s^-2'
    """
    if expr.is_Number or expr in (sp.pi, sp.E, sp.EulerGamma, sp.Catalan) or expr.is_NumberSymbol:
        return DIMENSIONLESS
    if expr.is_Symbol:
        try:
            return dims[expr]
        except KeyError:
            raise DimensionError(f"no dimension declared for symbol {expr}") from None
    if isinstance(expr, sp.Mul):
        out = DIMENSIONLESS
        for arg in expr.args:
            out = out * dimension(arg, dims, natural)
        return out
    if isinstance(expr, sp.Pow):
        base, exp = expr.args
        if exp.is_number:
            return dimension(base, dims, natural) ** sp.nsimplify(exp)
        _require_dimensionless(base, dims, natural, "base of a symbolic power")
        _require_dimensionless(exp, dims, natural, "exponent")
        return DIMENSIONLESS
    if isinstance(expr, sp.Add):
        terms = expr.args
        first = dimension(terms[0], dims, natural)
        for term in terms[1:]:
            d = dimension(term, dims, natural)
            if not _equal(first, d, natural):
                raise DimensionError(f"sum of [{first}] ({terms[0]}) and [{d}] ({term})")
        return first
    if isinstance(expr, (sp.Abs, sp.conjugate, sp.re, sp.im)):
        return dimension(expr.args[0], dims, natural)
    if isinstance(expr, sp.Integral):
        out = dimension(expr.function, dims, natural)
        for var in expr.variables:
            out = out * dims[var]
        return out
    if isinstance(expr, sp.Derivative):
        out = dimension(expr.expr, dims, natural)
        for var, count in expr.variable_count:
            out = out / dims[var] ** count
        return out
    if isinstance(expr, sp.Function) or isinstance(expr, sp.Piecewise):
        for arg in expr.args:
            if isinstance(arg, sp.Basic) and arg.is_Boolean:
                continue
            _require_dimensionless(arg, dims, natural, f"argument of {expr.func}")
        return DIMENSIONLESS
    raise DimensionError(f"cannot find the dimension of {expr!r} ({type(expr).__name__})")


def _require_dimensionless(expr: sp.Expr, dims: Mapping[sp.Symbol, Dim], natural: tuple[str, ...],
                           what: str) -> None:
    d = dimension(expr, dims, natural)
    if not _equal(d, DIMENSIONLESS, natural):
        raise DimensionError(f"{what} {expr} has dimension [{d}], not dimensionless")


@dataclass(frozen=True)
class DimensionVerdict:
    """Outcome of :func:`check_equation`."""

    status: str  #: "consistent", "natural-units" or "inconsistent"
    #: the constants set to 1: those that make it consistent ("natural-units"), or with which the two sides
    #: were compared and still differ ("inconsistent")
    natural: tuple[str, ...]
    detail: str  #: the two sides' dimensions, or what failed
    lhs: Dim | None = None  #: the dimension of the left side in CGS (None when it could not be found)
    rhs: Dim | None = None  #: the dimension of the right side in CGS

    def __str__(self) -> str:
        return f"{self.status}: {self.detail}"


def check_equation(eq: sp.Eq, dims: Mapping[sp.Symbol, Dim]) -> DimensionVerdict:
    """Classify an equation as printed: dimensionally consistent, consistent only in natural units, or not.

    Both sides are compared first in CGS, then with k_B = 1, then ħ = 1, then both.

    Examples
    --------
    >>> import sympy as sp
    >>> E, T = sp.symbols("E T", positive=True)
    >>> check_equation(sp.Eq(E, T), {E: ENERGY, T: TEMPERATURE}).status
    'natural-units'
    """
    names = tuple(NATURAL_RELATIONS)
    options = [()] + [c for r in range(1, len(names) + 1) for c in combinations(names, r)]
    first_error = ""
    mismatch: tuple[str, tuple[str, ...], Dim, Dim] | None = None
    for natural in options:
        try:
            lhs = dimension(eq.lhs, dims, natural)
            rhs = dimension(eq.rhs, dims, natural)
        except DimensionError as err:
            first_error = first_error or str(err)
            continue
        if _equal(lhs, rhs, natural):
            if not natural:
                return DimensionVerdict("consistent", (), f"both sides [{lhs}]", lhs, rhs)
            return DimensionVerdict("natural-units", natural,
                                    f"[{lhs}] = [{rhs}] only with {' and '.join(n + ' = 1' for n in natural)}",
                                    lhs, rhs)
        if mismatch is None:
            units = f" (even with {' and '.join(n + ' = 1' for n in natural)})" if natural else ""
            mismatch = (f"left side [{lhs}], right side [{rhs}]{units}", natural, lhs, rhs)
    # A mismatch of the two sides says more than an error inside one of them.
    if mismatch is not None:
        detail, natural, lhs, rhs = mismatch
        return DimensionVerdict("inconsistent", natural, detail, lhs, rhs)
    return DimensionVerdict("inconsistent", (), first_error)
