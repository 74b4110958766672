"""The registries the book and the CLI report: every number the paper prints with its recomputed value and
verdict (:mod:`~glasson.registries.claims`), every equation with its derivation status
(:mod:`~glasson.registries.equations`), the comparison with measurements and the universality across glasses.
"""
