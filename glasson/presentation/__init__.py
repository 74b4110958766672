"""What a reader sees: the chapters' helpers (:mod:`~glasson.presentation.chapter`), the figures, the tables
and typeset numbers, the findings, and the generated pages of the book (:mod:`~glasson.presentation.pages`).
"""
