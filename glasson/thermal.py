"""Section 3.1 of the paper in one namespace: specific heat, scattering rates, thermal conductivity and the
dipolar correction of Eq. (13).

The formulas live in one module per topic: :mod:`glasson.heat_capacity`, :mod:`glasson.scattering`,
:mod:`glasson.conductivity` and :mod:`glasson.dipolar`; this module re-exports them, so that a chapter or a test
reads ``thermal.kappa_resonant``.
"""

from __future__ import annotations

from ._numerics import fermi_dirac_integral
from .conductivity import *  # noqa: F403 - the namespace of Section 3.1 is the union of its topic modules
from .conductivity import KAPPA_INTEGRALS
from .conductivity import __all__ as _conductivity
from .dipolar import *  # noqa: F403 - re-exported: the namespace is the union of its topic modules
from .dipolar import __all__ as _dipolar
from .heat_capacity import *  # noqa: F403 - re-exported: the namespace is the union of its topic modules
from .heat_capacity import __all__ as _heat_capacity
from .scattering import *  # noqa: F403 - re-exported: the namespace is the union of its topic modules
from .scattering import __all__ as _scattering

__all__ = ["fermi_dirac_integral", "KAPPA_INTEGRALS", *_heat_capacity, *_scattering, *_conductivity, *_dipolar]
