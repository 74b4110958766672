"""Number equations like the paper: a displayed equation labelled ``eq-8`` is shown and referenced as (8).

Labels ``eq-<N>`` carry the paper's equation number; a letter suffix is kept (``eq-8b`` → 8b) and each
``-prime`` becomes a prime (``eq-8-prime`` → 8′, for the compendium's corrected form of Eq. 8). Any other
label is numbered C1, C2, … (equations of the compendium, not of the paper). Each label may be defined once in the whole book.
"""

from __future__ import annotations

import re
from typing import Any

from sphinx.application import Sphinx
from sphinx.domains.math import MathDomain
from sphinx.locale import __
from sphinx.util import logging

logger = logging.getLogger(__name__)
PAPER_LABEL = re.compile(r"^eq-(\d+[a-z]?)((?:-prime)*)$")


class PaperMathDomain(MathDomain):
    """The math domain, with paper-style equation numbers."""

    def note_equation(self, docname: str, labelid: str, location: Any = None) -> None:
        if labelid in self.equations:
            other = self.equations[labelid][0]
            logger.warning(__("duplicate label of equation %s, other instance in %s"), labelid, other,
                           location=location)
        match = PAPER_LABEL.match(labelid)
        if match:
            number = match.group(1) + "\u2032" * match.group(2).count("-prime")
        else:
            number = f"C{self.env.new_serialno('compendium-eqno') + 1}"
        self.equations[labelid] = (docname, number)  # type: ignore[assignment]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_domain(PaperMathDomain, override=True)
    return {"version": "1", "parallel_read_safe": False, "parallel_write_safe": True}
