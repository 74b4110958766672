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
from typing import Any

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

    rho: Any = None
    c_t: Any = None
    c_l: Any = None
    Lambda: Any = None
    eps_F: Any = None
    cv_slope: Any = None
    a: Any = None
    xi_mro: Any = None
    T_Q: Any = None
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
    def from_inputs(cls, inputs: Mapping[str, Any], material: str = "") -> GlassonModel:
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

    def _need(self, quantity: str) -> None:
        missing = [k for k in QUANTITIES[quantity] if getattr(self, k) is None]
        if missing:
            what = f"material {self.material!r}" if self.material else "these inputs"
            raise MissingInputError(f"{quantity} needs {', '.join(missing)}, which {what} lacks")

    # -- Section 2: the crossover (Eq. 8) ----------------------------------------------------------------------
    @cached_property
    def H(self) -> Any:
        """H = (ħρc_t)^{1/2} [g/s], the form Eqs. (6)–(7) give."""
        self._need("H")
        return scales.crossover_constant_H(self.rho, self.c_t)

    @cached_property
    def xi(self) -> Any:
        """Crossover length ξ of Eq. (8) [cm]."""
        self._need("xi")
        return scales.crossover_length(self.Lambda, self.rho, self.c_t)

    @cached_property
    def m_gl(self) -> Any:
        """Glasson mass m_gl of Eq. (8) [g]."""
        self._need("m_gl")
        return scales.crossover_mass(self.Lambda, self.rho, self.c_t)

    @cached_property
    def E_xi(self) -> Any:
        """Crossover energy E_ξ = ħc_t/ξ [erg]."""
        self._need("E_xi")
        return scales.phonon_energy(self.xi, self.c_t)

    @cached_property
    def E_int(self) -> Any:
        """MRO energy E_int = ħc_t/ξ_MRO [erg]."""
        self._need("E_int")
        return scales.mro_energy(self.xi_mro, self.c_t)

    # -- Section 4.1: Fermi parameters (Eqs. 16-18) ----------------------------------------------------------
    @cached_property
    def k_F(self) -> Any:
        """Fermi wave-vector of Eq. (16) [1/cm]."""
        self._need("k_F")
        return fermi.fermi_wavevector(self.eps_F, self.rho, self.cv_slope)

    @cached_property
    def m_F(self) -> Any:
        """Fermi mass of Eq. (17) as derived (coefficient 9/2) [g]."""
        self._need("m_F")
        return fermi.fermi_mass(self.eps_F, self.rho, self.cv_slope)

    @cached_property
    def m_F_printed(self) -> Any:
        """Eq. (17) as printed (coefficient 3/2) [g]."""
        self._need("m_F_printed")
        return fermi.fermi_mass_as_printed(self.eps_F, self.rho, self.cv_slope)

    @cached_property
    def v_F(self) -> Any:
        """Fermi velocity ħk_F/m_F [cm/s]."""
        self._need("v_F")
        return fermi.fermi_velocity(self.k_F, self.m_F)

    @cached_property
    def nu(self) -> Any:
        """Free-fermion density of states at ε_F [1/(erg cm³)]."""
        self._need("nu")
        return fermi.density_of_states(self.k_F, self.m_F)

    @cached_property
    def a_F(self) -> Any:
        """Glasson de Broglie length 1/k_F [cm]."""
        self._need("a_F")
        return 1 / self.k_F

    @cached_property
    def kF_xi(self) -> Any:
        """k_F ξ."""
        self._need("kF_xi")
        return self.k_F * self.xi

    @cached_property
    def E_F_eq18(self) -> Any:
        """E_F = ħ²k_F²/(2m_gl) with the Eq. (8) mass [erg]."""
        self._need("E_F_eq18")
        return fermi.fermi_energy(self.k_F, self.m_gl)

    @cached_property
    def E_F_over_E_xi(self) -> Any:
        """E_F/E_ξ = (k_F ξ)², Eq. (18)."""
        self._need("E_F_over_E_xi")
        return fermi.fermi_to_crossover_energy_ratio(self.k_F, self.xi)

    @cached_property
    def cs_over_vF(self) -> Any:
        """c_t/v_F."""
        self._need("cs_over_vF")
        return self.c_t / self.v_F

    @cached_property
    def T_cross(self) -> Any:
        """Temperature where the glasson and Debye specific heats are equal [K]."""
        self._need("T_cross")
        return heat_capacity.crossover_temperature(self.rho, self.cv_slope, self.c_t, self.c_l)

    # -- Section 3.2: coupling and internal friction (Eqs. 14-15) -------------------------------------------------
    @cached_property
    def kF_a(self) -> Any:
        """k_F a."""
        self._need("kF_a")
        return self.k_F * self.a

    @cached_property
    def M_atom(self) -> Any:
        """M_atom = ρa³ [g], one atom per volume a³."""
        self._need("M_atom")
        return acoustics.atomic_mass(self.rho, self.a)

    @cached_property
    def Mc2(self) -> Any:
        """M_atom c_t² [erg]."""
        self._need("Mc2")
        return self.M_atom * self.c_t**2

    @cached_property
    def lambda_glph(self) -> Any:
        """Glasson–phonon coupling λ = (ε_F M_atom c_t²)^{1/2} [erg]."""
        self._need("lambda_glph")
        return acoustics.coupling_scale(self.eps_F, self.M_atom, self.c_t)

    @cached_property
    def K_Fs(self) -> Any:
        """K_F-s = νλ²/(ρc_t²) with the free-fermion ν."""
        self._need("K_Fs")
        return acoustics.K_Fs(self.nu, self.lambda_glph, self.rho, self.c_t)

    @cached_property
    def Q_inv_t(self) -> Any:
        """Internal friction Q_t⁻¹ of Eq. (15) with K_Q,t = 1."""
        self._need("Q_inv_t")
        return acoustics.internal_friction(self.k_F, self.a, self.c_t, self.v_F)

    @cached_property
    def Q_inv_t_eq14(self) -> Any:
        """Q_t⁻¹ = πK_F-s c_t/v_F, Eq. (14) as printed with the free-fermion ν."""
        self._need("Q_inv_t_eq14")
        return acoustics.internal_friction_from_K_Fs(self.K_Fs, self.c_t, self.v_F)

    # -- elastic -----------------------------------------------------------------------------------------------
    @cached_property
    def debye_coefficient(self) -> Any:
        """Debye T³ coefficient of the specific heat per unit mass [erg/(g K⁴)]."""
        self._need("debye_coefficient")
        return elastic.debye_coefficient(self.c_t, self.c_l, self.rho)

    @cached_property
    def theta_D(self) -> Any:
        """Debye temperature [K]."""
        self._need("theta_D")
        return elastic.debye_temperature(self.c_t, self.c_l, self.a)


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
    P_bar: Any
    v: Any  # sound velocity [cm/s] (c in the tunnelling-model formulas of the chapter)
    n0: Any
    t_exp: float
    T_exp: float

    @classmethod
    def calibrated(cls, model: GlassonModel) -> TunnelingModel:
        """Calibrate the STM to ``model``'s density, slope and transverse velocity."""
        if not model.has("rho", "cv_slope", "c_t"):
            raise MissingInputError("the tunnelling model needs rho, cv_slope and c_t of the glass")
        table = load_table("tunneling")
        C, t_exp, T_exp = table["C"].value, table["t_exp"].value, table["T_exp"].value
        P = tunneling.calibrate_P_bar(model.rho, model.cv_slope, t_exp, T_exp, C, model.c_t)
        return cls(C=C, P_bar=P, v=model.c_t, n0=tunneling.tls_density_from_slope(model.rho, model.cv_slope),
                   t_exp=t_exp, T_exp=T_exp)

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

