"""The paper's equations as vectorised numpy functions, one module per topic, in CGS (temperatures in K).

Each public function states its equation in ``.. math::`` with the paper's equation number, takes unit-named
arguments (validated by :func:`glasson.core.validation.checked`) and broadcasts over arrays. Their sympy twins are
in :mod:`glasson.symbolic`.
"""
