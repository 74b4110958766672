"""The types of the formulas' arguments: each named after the CGS unit of what it holds, each carrying the rule its
values must obey, so that a formula states its unit and its check once, in its signature.

A public formula accepts a number or an array (scalars, lists and arrays broadcast); its shared validation
(:func:`glasson.core.validation.checked`) reads the rule of each argument from its type, hands the body a float
array, and gives a 0-d result back as a ``float``. ``Real`` is that: a float or an array of floats. The aliases are
``Real`` annotated (``typing.Annotated``) with a :class:`Rule`, so that a signature reads like the docstring's
parameter list, ``kappa_resonant(T: Kelvin, Q_inv: Dimensionless, c_t: CmPerS)``, and says what is checked: every
value finite, and positive unless the name says otherwise (``NonNegative``: ≥ 0; ``…Value``: any finite number, as a
unit conversion takes).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Annotated, Any, TypeAlias

import numpy as np
import numpy.typing as npt

__all__ = ["Rule", "RULES", "Real", "MaybeReal", "Row", "Kelvin", "Erg", "Gram", "Cm", "PerCm", "CmPerS", "GramPerCm3", "RadPerS",
           "Second", "Dimensionless", "ErgPerGramK2", "PerErgCm3", "DynPerCm2", "ErgCm3", "NonNegative", "Finite",
           "PerErgCm3OrZero", "KelvinValue", "ErgValue", "ElectronVoltValue", "CmValue", "AngstromValue"]

#: The checks a value may be held to (every one also refuses NaN and ±inf).
RULES = ("positive", "nonnegative", "finite")


@dataclass(frozen=True)
class Rule:
    """The unit of an argument (ASCII, as in ``data/materials.toml``) and the check its values must pass."""

    unit: str
    check: str = "positive"

    def __post_init__(self) -> None:
        if self.check not in RULES:
            raise ValueError(f"check must be one of {RULES}, got {self.check!r}")


#: A float or an array of floats (what a validated formula receives and returns).
Real: TypeAlias = float | npt.NDArray[np.float64]
#: An input of a model that a material may lack (``None`` then). Typed loosely on purpose: a quantity that needs the
#: input checks for it first (:meth:`glasson.models.model.GlassonModel.available`, and the ``MissingInputError`` of
#: each quantity), and with ``Real | None`` every use of an input after such a check would be a type error.
MaybeReal: TypeAlias = Any
#: A row of a registry or of a table made from one (JSON-like: text, numbers, lists, nested rows), as the CLI's JSON
#: and the pages show it.
Row: TypeAlias = Mapping[str, Any]

# Positive quantities, by unit.
Kelvin = Annotated[Real, Rule("K")]
Erg = Annotated[Real, Rule("erg")]
Gram = Annotated[Real, Rule("g")]
Cm = Annotated[Real, Rule("cm")]
PerCm = Annotated[Real, Rule("1/cm")]
CmPerS = Annotated[Real, Rule("cm/s")]
GramPerCm3 = Annotated[Real, Rule("g/cm^3")]
RadPerS = Annotated[Real, Rule("rad/s")]
Second = Annotated[Real, Rule("s")]
Dimensionless = Annotated[Real, Rule("1")]
ErgPerGramK2 = Annotated[Real, Rule("erg/(g K^2)")]
PerErgCm3 = Annotated[Real, Rule("1/(erg cm^3)")]
DynPerCm2 = Annotated[Real, Rule("dyn/cm^2")]
ErgCm3 = Annotated[Real, Rule("erg cm^3")]

# Quantities that may be zero.
#: A dimensionless number ≥ 0 (a reduced frequency ħω/k_BT, a coupling, ωτ).
NonNegative = Annotated[Real, Rule("1", "nonnegative")]
#: A density of states per energy and volume that may be zero.
PerErgCm3OrZero = Annotated[Real, Rule("1/(erg cm^3)", "nonnegative")]

# Any finite value (unit conversions, a reduced chemical potential, Poisson's ratio).
#: A dimensionless number of either sign.
Finite = Annotated[Real, Rule("1", "finite")]
KelvinValue = Annotated[Real, Rule("K", "finite")]
ErgValue = Annotated[Real, Rule("erg", "finite")]
ElectronVoltValue = Annotated[Real, Rule("eV", "finite")]
CmValue = Annotated[Real, Rule("cm", "finite")]
AngstromValue = Annotated[Real, Rule("angstrom", "finite")]
