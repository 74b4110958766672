"""Numbers and units as a reader sees them: ``3.05 × 10⁻¹¹``, ``g s⁻¹``, ``90 kHz``; in Unicode for prose and
tables, in TeX for math and in matplotlib mathtext for figures.

A low-level text utility with no physics (the registries and the presentation layer both use it): every number
or unit that reaches a page goes through it, so that no e-notation and no ASCII unit (``cm^3``, ``erg/(g K^2)``)
is ever shown.
"""

from __future__ import annotations

import math
import re

__all__ = ["number", "number_tex", "unit", "unit_tex", "unit_mpl", "quantity", "quantity_tex", "frequency",
           "duration", "percent", "has_e_notation", "SUPERSCRIPT", "UNITS"]

SUPERSCRIPT = str.maketrans("-0123456789/.", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹ᐟ·")
_MINUS = "−"


def _trim(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def _mantissa_exponent(x: float, sig: int) -> tuple[str, int]:
    """The mantissa (``sig`` significant figures, trailing zeros kept) and decimal exponent of ``x`` ≠ 0."""
    exponent = math.floor(math.log10(abs(x)))
    mantissa = round(x / 10**exponent, sig - 1)
    if abs(mantissa) >= 10:  # 9.996 rounded to 3 figures is 10.0
        mantissa /= 10
        exponent += 1
    return f"{mantissa:.{sig - 1}f}", exponent


def number(x: float | None, sig: int = 3, sci_below: float = 1e-3, sci_above: float = 1e5, trim: bool = False) -> str:
    """``x`` with ``sig`` significant figures, as a reader writes it: ``0.0246``, ``131``, ``3.05 × 10⁻¹¹``.

    Scientific notation is used outside [``sci_below``, ``sci_above``); a mantissa of 1 is dropped
    (``10⁻⁶``). A minus sign is U+2212; ``None`` is an em dash. ``trim`` drops trailing zeros (for a number
    quoted as given: ``10 eV``, not ``10.0 eV``).

    Examples
    --------
    >>> number(3.0463e-11), number(131.48), number(0.0246), number(1e-6), number(-2.5e7, 2), number(None)
    ('3.05 × 10⁻¹¹', '131', '0.0246', '10⁻⁶', '−2.5 × 10⁷', '—')
    >>> number(10.0), number(10.0, trim=True), number(4e5, trim=True), number(1.0026e-27)
    ('10.0', '10', '4 × 10⁵', '1.00 × 10⁻²⁷')
    """
    if x is None:
        return "—"
    if x == 0:
        return "0"
    if not math.isfinite(x):
        return "∞" if x > 0 else _MINUS + "∞"
    if sci_below <= abs(x) < sci_above:
        rounded = float(f"{x:.{sig}g}")
        digits = max(sig - 1 - math.floor(math.log10(abs(rounded))), 0)
        text = f"{rounded:.{digits}f}"
        return (_trim(text) if trim else text).replace("-", _MINUS)
    mantissa, exponent = _mantissa_exponent(x, sig)
    if trim:
        mantissa = _trim(mantissa)
    power = "10" + str(exponent).translate(SUPERSCRIPT)
    if abs(abs(x) / 10.0**exponent - 1) < 1e-12:  # an exact power of ten
        return (_MINUS if x < 0 else "") + power
    return mantissa.replace("-", _MINUS) + " × " + power


def number_tex(x: float | None, sig: int = 3, sci_below: float = 1e-3, sci_above: float = 1e5,
               trim: bool = False) -> str:
    """``x`` as TeX for math mode: ``3.05 \\times 10^{-11}`` (``trim`` as for :func:`number`).

    Examples
    --------
    >>> number_tex(3.0463e-11), number_tex(0.5), number_tex(1e9), number_tex(1.90, trim=True)
    ('3.05 \\\\times 10^{-11}', '0.500', '10^{9}', '1.9')
    """
    if x is None:
        return r"\text{—}"
    if x == 0 or not math.isfinite(x) or sci_below <= abs(x) < sci_above:
        return number(x, sig, sci_below, sci_above, trim).replace(_MINUS, "-").replace("∞", r"\infty")
    mantissa, exponent = _mantissa_exponent(x, sig)
    if trim:
        mantissa = _trim(mantissa)
    power = f"10^{{{exponent}}}"
    if abs(abs(x) / 10.0**exponent - 1) < 1e-12:  # an exact power of ten
        return ("-" if x < 0 else "") + power
    return f"{mantissa} \\times {power}"


def percent(x: float, sig: int = 2) -> str:
    """A fraction as a percentage with a narrow space: ``0.16`` → ``16 %``."""
    return number(100 * x, sig) + " %"


#: Every unit the compendium stores or shows: ASCII spelling → (Unicode, TeX). Products are separated by
#: thin spaces; negative powers are written as such (g cm⁻³), never with a slash.
UNITS: dict[str, tuple[str, str]] = {
    "1": ("", ""),
    "g": ("g", r"\mathrm{g}"),
    "K": ("K", r"\mathrm{K}"),
    "s": ("s", r"\mathrm{s}"),
    "Hz": ("Hz", r"\mathrm{Hz}"),
    "eV": ("eV", r"\mathrm{eV}"),
    "erg": ("erg", r"\mathrm{erg}"),
    "cm": ("cm", r"\mathrm{cm}"),
    "angstrom": ("Å", r"\text{Å}"),
    "GPa": ("GPa", r"\mathrm{GPa}"),
    "u": ("u", r"\mathrm{u}"),
    "g/cm^3": ("g cm⁻³", r"\mathrm{g\,cm^{-3}}"),
    "cm/s": ("cm s⁻¹", r"\mathrm{cm\,s^{-1}}"),
    "m/s": ("m s⁻¹", r"\mathrm{m\,s^{-1}}"),
    "g/s": ("g s⁻¹", r"\mathrm{g\,s^{-1}}"),
    "1/cm": ("cm⁻¹", r"\mathrm{cm^{-1}}"),
    "1/s": ("s⁻¹", r"\mathrm{s^{-1}}"),
    "erg/(g K^2)": ("erg g⁻¹ K⁻²", r"\mathrm{erg\,g^{-1}\,K^{-2}}"),
    "erg/(g K^4)": ("erg g⁻¹ K⁻⁴", r"\mathrm{erg\,g^{-1}\,K^{-4}}"),
    "erg/(g K)": ("erg g⁻¹ K⁻¹", r"\mathrm{erg\,g^{-1}\,K^{-1}}"),
    "erg/(cm^3 K)": ("erg cm⁻³ K⁻¹", r"\mathrm{erg\,cm^{-3}\,K^{-1}}"),
    "1/(erg cm^3)": ("erg⁻¹ cm⁻³", r"\mathrm{erg^{-1}\,cm^{-3}}"),
    "erg cm^3": ("erg cm³", r"\mathrm{erg\,cm^{3}}"),
    "erg/(s cm K)": ("erg s⁻¹ cm⁻¹ K⁻¹", r"\mathrm{erg\,s^{-1}\,cm^{-1}\,K^{-1}}"),
    "W/(cm K)": ("W cm⁻¹ K⁻¹", r"\mathrm{W\,cm^{-1}\,K^{-1}}"),
    "dyn/cm^2": ("dyn cm⁻²", r"\mathrm{dyn\,cm^{-2}}"),
    "K^2": ("K²", r"\mathrm{K^{2}}"),
}


def unit(ascii_unit: str) -> str:
    """A unit as Unicode text: ``"erg/(g K^2)"`` → ``"erg g⁻¹ K⁻²"``.

    Examples
    --------
    >>> unit("g/cm^3"), unit("angstrom"), unit("1")
    ('g cm⁻³', 'Å', '')
    """
    try:
        return UNITS[ascii_unit][0]
    except KeyError:
        raise ValueError(f"unit {ascii_unit!r} has no display form; add it to glasson.core.text.UNITS") from None


def unit_tex(ascii_unit: str) -> str:
    """A unit as TeX for math mode: ``"g/cm^3"`` → ``\\mathrm{g\\,cm^{-3}}``."""
    try:
        return UNITS[ascii_unit][1]
    except KeyError:
        raise ValueError(f"unit {ascii_unit!r} has no display form; add it to glasson.core.text.UNITS") from None


def unit_mpl(ascii_unit: str) -> str:
    """A unit for a matplotlib label (mathtext): ``"g/cm^3"`` → ``$\\mathrm{g\\,cm^{-3}}$``; Å stays text."""
    tex = unit_tex(ascii_unit)
    if not tex:
        return ""
    if tex == r"\text{Å}":
        return "Å"
    return f"${tex}$"


def quantity(value: float | None, ascii_unit: str = "1", sig: int = 3, trim: bool = False) -> str:
    """A value with its unit in Unicode: ``131 Å``, ``3.05 × 10⁻¹¹ g s⁻¹`` (``trim`` as for :func:`number`).

    Examples
    --------
    >>> quantity(3.0463e-11, "g/s"), quantity(131.48, "angstrom"), quantity(0.5), quantity(1.0, "K", trim=True)
    ('3.05 × 10⁻¹¹ g s⁻¹', '131 Å', '0.500', '1 K')
    """
    text = number(value, sig, trim=trim)
    u = unit(ascii_unit)
    return f"{text} {u}" if u and value is not None else text


def quantity_tex(value: float | None, ascii_unit: str = "1", sig: int = 3) -> str:
    """A value with its unit in TeX: ``3.05 \\times 10^{-11}\\,\\mathrm{g\\,s^{-1}}``."""
    text = number_tex(value, sig)
    u = unit_tex(ascii_unit)
    return f"{text}\\,{u}" if u and value is not None else text


_PREFIXES = ((1e9, "G"), (1e6, "M"), (1e3, "k"), (1.0, ""))


def frequency(f: float) -> str:
    """A frequency in human units: ``9e4`` → ``90 kHz``, ``1e9`` → ``1 GHz``.

    Examples
    --------
    >>> frequency(9e4), frequency(1e9), frequency(610.0)
    ('90 kHz', '1 GHz', '610 Hz')
    """
    for scale, prefix in _PREFIXES:
        if abs(f) >= scale:
            return f"{_trim(number(f / scale, 3))} {prefix}Hz"
    return f"{number(f)} Hz"


_DURATIONS = ((3600.0, "h"), (60.0, "min"), (1.0, "s"), (1e-3, "ms"), (1e-6, "µs"), (1e-9, "ns"))


def duration(t: float) -> str:
    """A time in human units: ``1e-6`` → ``1 µs``, ``3600`` → ``1 h``, ``100`` → ``100 s``.

    Examples
    --------
    >>> duration(1e-6), duration(3600.0), duration(100.0), duration(1.0)
    ('1 µs', '1 h', '100 s', '1 s')
    """
    for scale, name in _DURATIONS:
        if abs(t) >= scale and (scale < 60 or abs(t / scale - round(t / scale)) < 1e-9):
            return f"{_trim(number(t / scale, 3))} {name}"
    return f"{number(t)} s"


_E_NOTATION = re.compile(r"(?<![\w.])[-+]?\d+(?:\.\d+)?[eE][-+]?\d+(?![\w.])")


def has_e_notation(text: str) -> bool:
    """Whether ``text`` holds a number in e-notation (``3.05e-11``), which a page must never show.

    Examples
    --------
    >>> has_e_notation("H = 3.05e-11 g/s"), has_e_notation("3.05 × 10⁻¹¹"), has_e_notation("sec2.2-E_xi")
    (True, False, False)
    """
    return bool(_E_NOTATION.search(text))


def formula_tex(formula: str) -> str:
    """A chemical formula as TeX for math mode: ``C5H8O2`` → ``\\mathrm{C_{5}H_{8}O_{2}}``.

    Examples
    --------
    >>> formula_tex("SiO2")
    '\\\\mathrm{SiO_{2}}'
    """
    return r"\mathrm{" + re.sub(r"(\d+\.?\d*)", r"_{\1}", formula) + "}"
