"""Type aliases of the formulas, named after the CGS unit of what they hold.

A public formula accepts a number or an array (scalars, lists and arrays broadcast); its shared validation
(:func:`glasson.core.validation.checked`) hands the body a float array, and a 0-d result comes back as a ``float``.
``Real`` is that: a float or an array of floats. The aliases below are ``Real`` with the unit of the quantity
attached (``typing.Annotated``), so that a signature reads like the docstring's parameter list:
``kappa_resonant(T: Kelvin, Q_inv: Dimensionless, c_t: CmPerS, ...)``.
"""

from __future__ import annotations

from typing import Annotated, TypeAlias

import numpy as np
import numpy.typing as npt

__all__ = ["Real", "Kelvin", "Erg", "Gram", "Cm", "PerCm", "CmPerS", "GramPerCm3", "RadPerS", "Second",
           "Dimensionless", "ErgPerGramK2", "PerErgCm3", "DynPerCm2", "ErgCm3"]

#: A float or an array of floats (what a validated formula receives and returns).
Real: TypeAlias = float | npt.NDArray[np.float64]
Kelvin: TypeAlias = Annotated[Real, "K"]
Erg: TypeAlias = Annotated[Real, "erg"]
Gram: TypeAlias = Annotated[Real, "g"]
Cm: TypeAlias = Annotated[Real, "cm"]
PerCm: TypeAlias = Annotated[Real, "1/cm"]
CmPerS: TypeAlias = Annotated[Real, "cm/s"]
GramPerCm3: TypeAlias = Annotated[Real, "g/cm^3"]
RadPerS: TypeAlias = Annotated[Real, "rad/s"]
Second: TypeAlias = Annotated[Real, "s"]
Dimensionless: TypeAlias = Annotated[Real, "1"]
ErgPerGramK2: TypeAlias = Annotated[Real, "erg/(g K^2)"]
PerErgCm3: TypeAlias = Annotated[Real, "1/(erg cm^3)"]
DynPerCm2: TypeAlias = Annotated[Real, "dyn/cm^2"]
ErgCm3: TypeAlias = Annotated[Real, "erg cm^3"]
