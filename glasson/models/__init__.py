"""A glass's model: its inputs resolved from the data (:mod:`~glasson.models.inputs`), the derived
quantities of Sections 2–4 (:mod:`~glasson.models.model`) and the parameter sets the CLI reports
(:mod:`~glasson.models.derived`).
"""
