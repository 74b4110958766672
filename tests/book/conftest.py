"""The tests of the built book (step 2 of the suite): the fixtures of :mod:`bookfixtures`."""

from bookfixtures import book, desktop, executed, html  # noqa: F401 - fixtures, found by pytest by name
