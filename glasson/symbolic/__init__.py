"""Sympy twins of the paper's equations, the derivations solved by sympy, and their dimensions.

One module per topic; the public names of each are gathered here by name (``__all__`` below), so that a chapter
reads ``from glasson import symbolic as S``:

* ``glasson.symbolic._symbols``: every symbol with its CGS dimension
  (:data:`~glasson.symbolic._symbols.DIMS`) and the dimensions the compendium assumes where the paper states
  none (:data:`~glasson.symbolic._symbols.ASSUMED_DIMENSIONS`);
* :mod:`~glasson.symbolic.integrals`: Bose and Fermi integrals by series;
* :mod:`~glasson.symbolic.scales` (Section 2), :mod:`~glasson.symbolic.thermal` (3.1),
  :mod:`~glasson.symbolic.acoustics` (3.2), :mod:`~glasson.symbolic.fermi` (4.1),
  :mod:`~glasson.symbolic.tunneling` (the standard tunnelling model), :mod:`~glasson.symbolic.elastic`
  (velocities from elastic moduli, the Debye law);
* :mod:`~glasson.symbolic.registry`: each equation as printed and as derived, its dimension verdict, and
  :func:`~glasson.symbolic.registry.numeric` (a sympy expression as a numpy function).

The numeric functions of :mod:`glasson.formulas.scales` and friends implement the derived forms; the tests check
that the two agree.
"""

from glasson.symbolic._symbols import (
    ASSUMED_DIMENSIONS,
    DIMS,
    E_F,
    E_Q,
    POSITIVE,
    C,
    C_ph,
    C_v,
    E_xi_sym,
    H,
    H_el,
    K_Fs,
    K_Qt,
    L_log,
    Lambda,
    M_atom,
    M_x,
    M_z,
    Q_inv,
    R,
    T,
    V,
    a,
    a_gl,
    alpha_dd,
    c_s,
    c_t,
    delta_E,
    eps,
    eps1,
    eps2,
    eps_F,
    g_pair,
    gamma_m,
    hbar,
    k_B,
    k_F,
    kappa,
    lam,
    m_F,
    m_gl,
    n0_tls,
    n_F,
    n_gl,
    nu,
    nu0,
    omega,
    p_F,
    q,
    rho,
    s_snd,
    tau,
    u_dd,
    v_F,
    x,
    xi,
    y,
)
from glasson.symbolic.acoustics import (
    K_Fs_forms,
    K_Qt_conventions,
    K_Qt_from_eq14,
    broadened_absorption,
    golden_rule_absorption,
    pair_channel_absorption,
)
from glasson.symbolic.elastic import (
    debye_identity,
    elastic_velocities,
)
from glasson.symbolic.fermi import (
    eq16_printed,
    eq17_coefficient_ratio,
    eq17_printed,
    eq18_identity,
    free_fermion_dos,
    nu0_printed_forms,
    solve_fermi,
)
from glasson.symbolic.integrals import (
    bose_integral,
    definite_thermal_integral,
    fermi_integral,
)
from glasson.symbolic.registry import (
    DERIVED_LABELS,
    DERIVED_NAMES,
    RELATION_LABELS,
    RELATION_NAMES,
    assumed_dimensions,
    derived,
    dimension_check,
    dimension_report,
    numeric,
    printed,
)
from glasson.symbolic.scales import (
    E_dd,
    E_kin,
    E_s,
    H_derived,
    H_printed,
    a_gl_printed,
    crossover_energy,
    eq4_pairs,
    eq4_ratios,
    eq5_ratio,
    eq6,
    eq7,
    eq8_derived,
    eq8_printed,
    eq8_with_printed_H,
    solve_crossover,
)
from glasson.symbolic.thermal import (
    KAPPA_INTEGRANDS,
    debye_heat_capacity,
    dipolar_coupling_estimate,
    eq13_density_of_states,
    eq13_local_exponents,
    kappa_closed_form,
    kappa_integrals,
    pair_integral,
    resonant_factor_identity,
    sommerfeld_heat_capacity,
)
from glasson.symbolic.tunneling import (
    stm_fermion_dos_ratio,
    stm_heat_capacity,
    stm_plateau,
    stm_relaxation_kernel,
    stm_relaxed_fraction,
    stm_time_dependence,
)

__all__ = [
    'hbar', 'k_B', 'rho', 'c_t', 'Lambda', 'm_gl', 'R', 'xi', 'H', 'a_gl', 'n_gl', 'E_xi_sym', 'x', 'y', 'T',
    'kappa', 'C_ph', 'c_s', 'tau', 'omega', 'H_el', 'delta_E', 'M_z', 'M_x', 'eps', 'eps1', 'eps2', 'nu', 'nu0',
    'alpha_dd', 'E_Q', 'k_F', 'm_F', 'v_F', 'eps_F', 'p_F', 'E_F', 'gamma_m', 'C_v', 'a', 'M_atom', 'lam', 'K_Fs',
    'Q_inv', 'K_Qt', 's_snd', 'n_F', 'n0_tls', 'q', 'V', 'u_dd', 'L_log', 'g_pair', 'C', 'DIMS',
    'ASSUMED_DIMENSIONS', 'POSITIVE', 'bose_integral', 'fermi_integral', 'definite_thermal_integral', 'E_s',
    'E_kin', 'E_dd', 'eq4_pairs', 'eq4_ratios', 'a_gl_printed', 'eq5_ratio', 'eq6', 'eq7', 'solve_crossover',
    'H_printed', 'H_derived', 'eq8_printed', 'eq8_derived', 'eq8_with_printed_H', 'crossover_energy',
    'sommerfeld_heat_capacity', 'debye_heat_capacity', 'pair_integral', 'resonant_factor_identity',
    'KAPPA_INTEGRANDS', 'kappa_integrals', 'kappa_closed_form', 'eq13_density_of_states', 'eq13_local_exponents',
    'dipolar_coupling_estimate', 'K_Fs_forms', 'K_Qt_from_eq14', 'K_Qt_conventions', 'golden_rule_absorption',
    'broadened_absorption', 'pair_channel_absorption', 'free_fermion_dos', 'solve_fermi', 'eq16_printed',
    'eq17_printed', 'eq17_coefficient_ratio', 'eq18_identity', 'nu0_printed_forms', 'stm_heat_capacity',
    'stm_fermion_dos_ratio', 'stm_time_dependence', 'stm_relaxed_fraction', 'stm_relaxation_kernel', 'stm_plateau',
    'elastic_velocities', 'debye_identity', 'printed', 'derived', 'dimension_check', 'dimension_report',
    'assumed_dimensions', 'numeric', 'RELATION_NAMES', 'DERIVED_NAMES', 'RELATION_LABELS', 'DERIVED_LABELS',
]
