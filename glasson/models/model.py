"""One model per material: the glasson phenomenology (:class:`GlassonModel`) and the standard tunnelling model
calibrated to the same glass (:class:`TunnelingModel`), built once and passed to the chapters, figures, claims
and comparisons.

Both are frozen dataclasses of CGS inputs; every derived quantity is a property computed once by the formulas of
:mod:`glasson.formulas.scales`, :mod:`glasson.formulas.fermi`, :mod:`glasson.formulas.acoustics`,
:mod:`glasson.formulas.heat_capacity` and :mod:`glasson.formulas.elastic`. Inputs may be numpy arrays that broadcast
together: one model then evaluates a whole grid of inputs (:func:`glasson.models.derived.parameter_ranges`). A
quantity whose inputs the material lacks raises :class:`MissingInputError` naming them;
:meth:`GlassonModel.available` tells beforehand. Unit conversions for display (K, eV, Å) happen at the edges:
:func:`glasson.models.derived.as_parameters` (the CLI's JSON) and the tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cached_property

from glasson.core.units import MaybeReal, Real
from glasson.core.validation import GlassonInputError
from glasson.data.materials import Material, load_table
from glasson.formulas import acoustics, elastic, fermi, heat_capacity, scales, tunneling
from glasson.models.inputs import resolve

__all__ = ["GlassonModel", "TunnelingModel", "MissingInputError", "INPUT_KEYS", "QUANTITIES", "scattering_coupling"]

#: The inputs a :class:`GlassonModel` takes (CGS), as in :data:`glasson.data.materials.PARAMETERS`.
INPUT_KEYS = ("rho", "c_t", "c_l", "Lambda", "eps_F", "cv_slope", "a", "xi_mro", "T_Q")


class MissingInputError(GlassonInputError):
    """A quantity needs an input the material does not have (the message names both)."""


#: Each derived quantity of :class:`GlassonModel` and the inputs it needs.
QUANTITIES: Mapping[str, tuple[str, ...]] = {
    "H": ("rho", "c_t"), "xi": ("Lambda", "rho", "c_t"), "m_gl": ("Lambda", "rho", "c_t"),
    "E_xi": ("Lambda", "rho", "c_t"), "E_int": ("xi_mro", "c_t"),
    "k_F": ("eps_F", "rho", "cv_slope"), "m_F": ("eps_F", "rho", "cv_slope"),
    "m_F_printed": ("eps_F", "rho", "cv_slope"), "v_F": ("eps_F", "rho", "cv_slope"),
    "nu": ("eps_F", "rho", "cv_slope"), "a_F": ("eps_F", "rho", "cv_slope"),
    "kF_xi": ("eps_F", "rho", "cv_slope", "Lambda", "c_t"), "E_F_eq18": ("eps_F", "rho", "cv_slope", "Lambda", "c_t"),
    "E_F_over_E_xi": ("eps_F", "rho", "cv_slope", "Lambda", "c_t"), "cs_over_vF": ("eps_F", "rho", "cv_slope", "c_t"),
    "T_cross": ("rho", "cv_slope", "c_t"),
    "kF_a": ("eps_F", "rho", "cv_slope", "a"), "M_atom": ("rho", "a"), "Mc2": ("rho", "a", "c_t"),
    "lambda_glph": ("eps_F", "rho", "a", "c_t"), "K_Fs": ("eps_F", "rho", "cv_slope", "a", "c_t"),
    "Q_inv_t": ("eps_F", "rho", "cv_slope", "a", "c_t"), "Q_inv_t_eq14": ("eps_F", "rho", "cv_slope", "a", "c_t"),
    "debye_coefficient": ("c_t", "c_l", "rho"), "theta_D": ("c_t", "c_l", "a"),
}


class _Present:
    """A model's inputs once :meth:`GlassonModel._need` has checked that a quantity has them all: each is a
    :data:`~glasson.core.units.Real` (never ``None``)."""

    def __init__(self, model: GlassonModel) -> None:
        self._model = model

    def __getattr__(self, key: str) -> Real:
        return getattr(self._model, key)  # present: _need checked it


@dataclass(frozen=True)
class GlassonModel:
    """The glasson phenomenology for one set of inputs, in CGS (floats, or arrays that broadcast).

    Examples
    --------
    >>> from glasson.data import materials
    >>> from glasson.core.constants import erg_to_K
    >>> m = GlassonModel.from_material(materials.get("vitreous_silica"))
    >>> round(m.xi / 1e-8, 1), round(erg_to_K(m.E_xi), 3)
    (131.5, 2.324)
    """

    rho: MaybeReal = None
    c_t: MaybeReal = None
    c_l: MaybeReal = None
    Lambda: MaybeReal = None
    eps_F: MaybeReal = None
    cv_slope: MaybeReal = None
    a: MaybeReal = None
    xi_mro: MaybeReal = None
    T_Q: MaybeReal = None
    #: The material and band end the inputs came from (for provenance lines); not physics.
    material: str = ""
    band_end: str | None = None

    @classmethod
    def from_material(cls, material: Material, band_end: str | None = None) -> GlassonModel:
        """The model of ``material``'s resolved inputs (:func:`glasson.models.inputs.resolve`)."""
        inputs = resolve(material, band_end)
        return cls(**{k: inputs[k].cgs for k in INPUT_KEYS if k in inputs}, material=material.key,
                   band_end=band_end)

    @classmethod
    def from_inputs(cls, inputs: Mapping[str, MaybeReal], material: str = "") -> GlassonModel:
        """A model of CGS inputs keyed as :data:`INPUT_KEYS` (others are ignored)."""
        return cls(**{k: inputs[k] for k in INPUT_KEYS if k in inputs and inputs[k] is not None},
                   material=material)

    # -- availability -----------------------------------------------------------------------------------------
    def has(self, *keys: str) -> bool:
        """Whether every input ``keys`` is present."""
        return all(getattr(self, k) is not None for k in keys)

    def available(self, quantity: str) -> bool:
        """Whether ``quantity`` (a key of :data:`QUANTITIES`) can be computed from this model's inputs."""
        return self.has(*QUANTITIES[quantity])

    def _need(self, quantity: str) -> _Present:
        """The inputs ``quantity`` needs, checked present (:class:`MissingInputError` naming those missing)."""
        missing = [k for k in QUANTITIES[quantity] if getattr(self, k) is None]
        if missing:
            what = f"material {self.material!r}" if self.material else "these inputs"
            raise MissingInputError(f"{quantity} needs {', '.join(missing)}, which {what} lacks")
        return _Present(self)

    # -- Section 2: the crossover (Eq. 8) ----------------------------------------------------------------------
    @cached_property
    def H(self) -> Real:
        """H = (ħρc_t)^{1/2} (g s⁻¹), the form Eqs. (6)–(7) give."""
        i = self._need("H")
        return scales.crossover_constant_H(i.rho, i.c_t)

    @cached_property
    def xi(self) -> Real:
        """Crossover length ξ of Eq. (8) (cm)."""
        i = self._need("xi")
        return scales.crossover_length(i.Lambda, i.rho, i.c_t)

    @cached_property
    def m_gl(self) -> Real:
        """Glasson mass m_gl of Eq. (8) (g)."""
        i = self._need("m_gl")
        return scales.crossover_mass(i.Lambda, i.rho, i.c_t)

    @cached_property
    def E_xi(self) -> Real:
        """Crossover energy E_ξ = ħc_t/ξ (erg)."""
        i = self._need("E_xi")
        return scales.phonon_energy(self.xi, i.c_t)

    @cached_property
    def E_int(self) -> Real:
        """MRO energy E_int = ħc_t/ξ_MRO (erg)."""
        i = self._need("E_int")
        return scales.mro_energy(i.xi_mro, i.c_t)

    # -- Section 4.1: Fermi parameters (Eqs. 16-18) ----------------------------------------------------------
    @cached_property
    def k_F(self) -> Real:
        """Fermi wave-vector of Eq. (16) (cm⁻¹)."""
        i = self._need("k_F")
        return fermi.fermi_wavevector(i.eps_F, i.rho, i.cv_slope)

    @cached_property
    def m_F(self) -> Real:
        """Fermi mass of Eq. (17) as derived (coefficient 9/2) (g)."""
        i = self._need("m_F")
        return fermi.fermi_mass(i.eps_F, i.rho, i.cv_slope)

    @cached_property
    def m_F_printed(self) -> Real:
        """Eq. (17) as printed (coefficient 3/2) (g)."""
        i = self._need("m_F_printed")
        return fermi.fermi_mass_as_printed(i.eps_F, i.rho, i.cv_slope)

    @cached_property
    def v_F(self) -> Real:
        """Fermi velocity ħk_F/m_F (cm s⁻¹)."""
        self._need("v_F")
        return fermi.fermi_velocity(self.k_F, self.m_F)

    @cached_property
    def nu(self) -> Real:
        """Free-fermion density of states at ε_F [1/(erg cm³)]."""
        self._need("nu")
        return fermi.density_of_states(self.k_F, self.m_F)

    @cached_property
    def a_F(self) -> Real:
        """Glasson de Broglie length 1/k_F (cm)."""
        self._need("a_F")
        return 1 / self.k_F

    @cached_property
    def kF_xi(self) -> Real:
        """k_F ξ."""
        self._need("kF_xi")
        return self.k_F * self.xi

    @cached_property
    def E_F_eq18(self) -> Real:
        """E_F = ħ²k_F²/(2m_gl) with the Eq. (8) mass (erg)."""
        self._need("E_F_eq18")
        return fermi.fermi_energy(self.k_F, self.m_gl)

    @cached_property
    def E_F_over_E_xi(self) -> Real:
        """E_F/E_ξ = (k_F ξ)², Eq. (18)."""
        self._need("E_F_over_E_xi")
        return fermi.fermi_to_crossover_energy_ratio(self.k_F, self.xi)

    @cached_property
    def cs_over_vF(self) -> Real:
        """c_t/v_F."""
        i = self._need("cs_over_vF")
        return i.c_t / self.v_F

    @cached_property
    def T_cross(self) -> Real:
        """Temperature where the glasson and Debye specific heats are equal (K)."""
        i = self._need("T_cross")
        return heat_capacity.crossover_temperature(i.rho, i.cv_slope, i.c_t, i.c_l)

    # -- Section 3.2: coupling and internal friction (Eqs. 14-15) -------------------------------------------------
    @cached_property
    def kF_a(self) -> Real:
        """k_F a."""
        i = self._need("kF_a")
        return self.k_F * i.a

    @cached_property
    def M_atom(self) -> Real:
        """M_atom = ρa³ (g), one atom per volume a³."""
        i = self._need("M_atom")
        return acoustics.atomic_mass(i.rho, i.a)

    @cached_property
    def Mc2(self) -> Real:
        """M_atom c_t² (erg)."""
        i = self._need("Mc2")
        return self.M_atom * i.c_t**2

    @cached_property
    def lambda_glph(self) -> Real:
        """Glasson–phonon coupling λ = (ε_F M_atom c_t²)^{1/2} (erg)."""
        i = self._need("lambda_glph")
        return acoustics.coupling_scale(i.eps_F, self.M_atom, i.c_t)

    @cached_property
    def K_Fs(self) -> Real:
        """K_F-s = νλ²/(ρc_t²) with the free-fermion ν."""
        i = self._need("K_Fs")
        return acoustics.K_Fs(self.nu, self.lambda_glph, i.rho, i.c_t)

    @cached_property
    def Q_inv_t(self) -> Real:
        """Internal friction Q_t⁻¹ of Eq. (15) with K_Q,t = 1."""
        i = self._need("Q_inv_t")
        return acoustics.internal_friction(self.k_F, i.a, i.c_t, self.v_F)

    @cached_property
    def Q_inv_t_eq14(self) -> Real:
        """Q_t⁻¹ = πK_F-s c_t/v_F, Eq. (14) as printed with the free-fermion ν."""
        i = self._need("Q_inv_t_eq14")
        return acoustics.internal_friction_from_K_Fs(self.K_Fs, i.c_t, self.v_F)

    # -- elastic -----------------------------------------------------------------------------------------------
    @cached_property
    def debye_coefficient(self) -> Real:
        """Debye T³ coefficient of the specific heat per unit mass (erg g⁻¹ K⁻⁴)."""
        i = self._need("debye_coefficient")
        return elastic.debye_coefficient(i.c_t, i.c_l, i.rho)

    @cached_property
    def theta_D(self) -> Real:
        """Debye temperature (K)."""
        i = self._need("theta_D")
        return elastic.debye_temperature(i.c_t, i.c_l, i.a)


def scattering_coupling(model: GlassonModel, override: float | None = None) -> tuple[float, str]:
    """The dimensionless coupling a chapter gives both scattering branches of Section 3.1, and why (a sentence).

    The paper's own value is the internal friction of Eq. (15), :attr:`GlassonModel.Q_inv_t`; a glass without an
    inter-atomic distance has none, and takes πC with the measured C of glasses (``data/tunneling.toml``), the
    coupling of the tunnelling model; a reader's ``override`` wins over both.

    Examples
    --------
    >>> from glasson.data import materials
    >>> Q, why = scattering_coupling(GlassonModel.from_material(materials.get("vitreous_silica")))
    >>> f"{Q:.3g}", why
    ('4.84e-05', 'the internal friction of Eq. (15) for these inputs')
    """
    from glasson.core.text import number

    if override is not None:
        return float(override), "the value set for this run"
    if model.available("Q_inv_t"):
        return float(model.Q_inv_t), "the internal friction of Eq. (15) for these inputs"
    C = load_table("tunneling")["C"].value
    return float(3.141592653589793 * C), (f"πC with the measured C ∼ {number(C, 1)} of glasses: this glass has no "
                                          "inter-atomic distance, so Eq. (15) gives no coupling")


@dataclass(frozen=True)
class TunnelingModel:
    """The standard tunnelling model of the same glass: tunnelling strength C from ``data/tunneling.toml``, the
    distribution constant P̄ calibrated once to the glass's C_v/T at the calibration time and temperature
    (:func:`glasson.formulas.tunneling.calibrate_P_bar`), three acoustic branches at the transverse velocity."""

    C: float
    P_bar: Real
    v: Real  # sound velocity (cm s⁻¹) (c in the tunnelling-model formulas of the chapter)
    n0: Real
    t_exp: float
    T_exp: float

    @classmethod
    def calibrated(cls, model: GlassonModel) -> TunnelingModel:
        """Calibrate the STM to ``model``'s density, slope and transverse velocity."""
        rho, cv_slope, c_t = model.rho, model.cv_slope, model.c_t
        if rho is None or cv_slope is None or c_t is None:
            raise MissingInputError("the tunnelling model needs rho, cv_slope and c_t of the glass")
        table = load_table("tunneling")
        C, t_exp, T_exp = table["C"].value, table["t_exp"].value, table["T_exp"].value
        P = tunneling.calibrate_P_bar(rho, cv_slope, t_exp, T_exp, C, c_t)
        return cls(C=C, P_bar=P, v=c_t, n0=tunneling.tls_density_from_slope(rho, cv_slope), t_exp=t_exp, T_exp=T_exp)

    def as_dict(self) -> dict[str, Real]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

