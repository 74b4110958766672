"""The bottom layer: where files are, physical constants, units and the validation of inputs, text helpers.

It imports nothing else of ``glasson``. :mod:`~glasson.core.constants` holds CODATA 2018 values in CGS;
:mod:`~glasson.core.units` names each unit as a type that carries its validation rule, which
:func:`~glasson.core.validation.checked` reads from a formula's signature; :mod:`~glasson.core.dimensions` checks
a sympy relation's dimensions.
"""
