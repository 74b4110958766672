"""Shared numerics of the formulas (private): the complete Fermi–Dirac integral and the average over a Boltzmann-
weighted energy distribution used by the tunnelling model. Not a physics module: no equation of the paper."""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import integrate, special

from glasson.core.units import Finite
from glasson.core.validation import checked

__all__ = ["fermi_dirac_integral", "sech2_energy_nodes"]


@checked
def fermi_dirac_integral(j: float, eta: Finite) -> Any:
    r"""Complete Fermi–Dirac integral
    :math:`\mathcal F_j(\eta) = \frac{1}{\Gamma(j+1)}\int_0^\infty \frac{x^j\,dx}{e^{x-\eta}+1}`.

    Vectorised over ``eta`` (one adaptive quadrature for the whole array, :func:`scipy.integrate.quad_vec`),
    for j > −1; the substitution x = s² removes the x^{−1/2} end-point singularity. Relative accuracy ~1e-12.

    Examples
    --------
    >>> import math
    >>> abs(fermi_dirac_integral(0.0, 0.0) - math.log(2)) < 1e-13
    True
    """
    shape = np.shape(eta)
    eta = np.atleast_1d(eta)
    if j <= -1:
        raise ValueError(f"j must be greater than -1, got {j}")
    upper = np.sqrt(max(float(eta.max()), 0.0) + 60.0)

    def integrand(s: float) -> np.ndarray:
        x = s * s
        with np.errstate(over="ignore"):
            occ = special.expit(eta - x)  # 1/(e^{x-η}+1)
        return 2 * s ** (2 * j + 1) * occ

    breaks = np.sqrt(np.clip(eta[(eta > 0) & (eta < upper**2)], 0, None))
    pts = np.unique(breaks)[:: max(1, len(breaks) // 50)] if breaks.size else None
    value, _ = integrate.quad_vec(integrand, 0.0, upper, epsrel=1e-13, epsabs=0.0, points=pts, limit=20000)
    return (value / special.gamma(j + 1)).reshape(shape)


# Gauss-Legendre nodes for averages over x = E/2k_BT in [0, 30] (sech² x is below 4 × 10⁻²⁶ beyond).
_XG, _WG = np.polynomial.legendre.leggauss(96)
_X = 15.0 * (_XG + 1.0)
_W = 15.0 * _WG


def sech2_energy_nodes(ndim: int, power: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Nodes x = E/2k_BT and weights for :math:`\\int_0^\\infty x^{p}\\,\\mathrm{sech}^2 x\\, f(x)\\,dx`, shaped to
    broadcast against arrays of ``ndim`` dimensions (the quadrature axis first): one rule for every energy
    average of the tunnelling model.

    Examples
    --------
    >>> x, w = sech2_energy_nodes(0, power=2)
    >>> round(float(np.sum(w)), 10) == round(np.pi**2 / 12, 10)  # ∫ x² sech² x dx
    True
    """
    shape = (-1,) + (1,) * ndim
    return _X.reshape(shape), (_W * _X**power / np.cosh(_X) ** 2).reshape(shape)
