"""How the compendium reads the paper's words, once for every registry: the verdict of a recomputed number against a
printed one, the size of a disagreement, and the readings of "≈", "∼" and "≪"."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["VERDICTS", "KINDS", "RULES", "SEVERITIES", "VALUE_TOLERANCE", "ORDER_FACTOR", "MUCH_LESS",
           "QUOTED_Q_RANGE", "verdict", "severity", "across_conventions"]

#: ``convention-dependent``: reproduced in one reading of a convention the paper leaves open, discrepant in another
#: (the row lists the verdict in each, :func:`across_conventions`); counted apart from the other three.
VERDICTS = ("reproduced", "discrepant", "not-checkable", "convention-dependent")
KINDS = ("value", "order", "bound")
#: "≈", "≃", "=", "∝": reproduced within this relative difference.
VALUE_TOLERANCE = 0.10
#: "∼" is read as "within this factor".
ORDER_FACTOR = 3.0
#: "≪ 1" is read as "at most this".
MUCH_LESS = 0.1
#: The range of the internal friction the paper quotes in Sec. 3.2 ("of the order of 10⁻² − 10⁻³", its ref.
#: [4]): the paper's numbers, kept apart from the measured plateau in ``data/tunneling.toml``.
QUOTED_Q_RANGE: tuple[float, float] = (1.0e-3, 1.0e-2)
#: The verdict rule of each kind, in words (shown on the claims page).
RULES = {"value": "≈, ≃, =, ∝: within 10 %", "order": "∼: within a factor 3",
         "bound": "<, ≪: inside the bounds (≪ 1 read as at most 0.1)"}
#: Severity tiers by the absolute value of log₁₀(recomputed/paper): below 0.1 (a factor 1.26), below 1 (a factor 10), beyond.
SEVERITIES = ("rounding", "within an order", "beyond an order")


def verdict(paper_value: float | None, recomputed: float | None, kind: str,
            bounds: tuple[float, float] | None = None) -> str:
    """The verdict for a paper value and its recomputation.

    Examples
    --------
    >>> verdict(10.0, 10.9, "value"), verdict(10.0, 11.1, "value"), verdict(10.0, 29.0, "order")
    ('reproduced', 'discrepant', 'reproduced')
    >>> verdict(None, 1.0, "order")
    'not-checkable'
    >>> verdict(None, 0.05, "bound", (0.0, 0.1)), verdict(None, 0.2, "bound", (0.0, 0.1))
    ('reproduced', 'discrepant')
    """
    if kind == "bound":
        if recomputed is None or bounds is None:
            return "not-checkable"
        return "reproduced" if bounds[0] < recomputed < bounds[1] else "discrepant"
    if paper_value is None or recomputed is None:
        return "not-checkable"
    ratio = recomputed / paper_value
    if kind == "value":
        return "reproduced" if abs(ratio - 1) <= VALUE_TOLERANCE else "discrepant"
    return "reproduced" if 1 / ORDER_FACTOR <= ratio <= ORDER_FACTOR else "discrepant"


def across_conventions(verdicts: Sequence[str]) -> str:
    """One verdict for a claim judged in several conventions: theirs when they agree, ``convention-dependent``
    when the convention decides between reproduced and discrepant.

    Examples
    --------
    >>> across_conventions(["reproduced", "discrepant"]), across_conventions(["discrepant", "discrepant"])
    ('convention-dependent', 'discrepant')
    """
    decided = {v for v in verdicts if v != "not-checkable"}
    if not decided:
        return "not-checkable"
    return decided.pop() if len(decided) == 1 else "convention-dependent"


def severity(log10_ratio: float | None) -> str | None:
    """The tier of a disagreement of the absolute value of log₁₀ ratio (None without a ratio).

    Examples
    --------
    >>> severity(0.064), severity(-0.5), severity(1.74), severity(None)
    ('rounding', 'within an order', 'beyond an order', None)
    """
    if log10_ratio is None:
        return None
    size = abs(log10_ratio)
    return SEVERITIES[0] if size < 0.1 else SEVERITIES[1] if size < 1 else SEVERITIES[2]
