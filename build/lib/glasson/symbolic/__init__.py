"""Sympy twins of the paper's equations, the derivations solved by sympy, and their dimensions.

One module per topic, every name re-exported here so that a chapter reads ``from glasson import symbolic as S``:

* ``glasson.symbolic._symbols``: every symbol with its CGS dimension
  (:data:`~glasson.symbolic._symbols.DIMS`) and the dimensions the compendium assumes where the paper states
  none (:data:`~glasson.symbolic._symbols.ASSUMED_DIMENSIONS`);
* :mod:`~glasson.symbolic.integrals`: Bose and Fermi integrals by series;
* :mod:`~glasson.symbolic.scales` (Section 2), :mod:`~glasson.symbolic.thermal` (3.1),
  :mod:`~glasson.symbolic.acoustics` (3.2), :mod:`~glasson.symbolic.fermi` (4.1),
  :mod:`~glasson.symbolic.tunneling` (the standard tunnelling model), :mod:`~glasson.symbolic.elastic`
  (velocities from elastic moduli, the Debye law);
* :mod:`~glasson.symbolic.registry`: each equation as printed and as derived, its dimension verdict, and
  :func:`~glasson.symbolic.registry.numeric` (a sympy expression as a numpy function).

The numeric functions of :mod:`glasson.scales` and friends implement the derived forms; the tests check that
the two agree.
"""

from . import _symbols, acoustics, elastic, fermi, integrals, registry, scales, thermal, tunneling
from ._symbols import *  # noqa: F403 - the package's namespace is the union of its topic modules
from .acoustics import *  # noqa: F403 - re-exported: the namespace is the union of its topic modules
from .elastic import *  # noqa: F403 - re-exported: the namespace is the union of its topic modules
from .fermi import *  # noqa: F403 - re-exported: the namespace is the union of its topic modules
from .integrals import *  # noqa: F403 - re-exported: the namespace is the union of its topic modules
from .registry import *  # noqa: F403 - re-exported: the namespace is the union of its topic modules
from .scales import *  # noqa: F403 - re-exported: the namespace is the union of its topic modules
from .thermal import *  # noqa: F403 - re-exported: the namespace is the union of its topic modules
from .tunneling import *  # noqa: F403 - re-exported: the namespace is the union of its topic modules

__all__ = [name for module in (_symbols, integrals, scales, thermal, acoustics, fermi, tunneling, elastic, registry)
           for name in module.__all__]
