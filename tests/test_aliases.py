"""PlasmaPy-style short names: each alias ends with an underscore (so it never shadows an argument named after
the symbol), is listed in its module's ``__aliases__`` and ``__all__``, and is the very function it names."""

import importlib

import pytest

ALIASES = {
    "glasson.formulas.scales": {"H_": "crossover_constant_H", "xi_": "crossover_length", "m_gl_": "crossover_mass",
                       "E_xi_": "crossover_energy"},
    "glasson.formulas.fermi": {"k_F_": "fermi_wavevector", "m_F_": "fermi_mass", "v_F_": "fermi_velocity"},
    "glasson.formulas.acoustics": {"Q_inv_t_": "internal_friction"},
}


@pytest.mark.parametrize("module", sorted(ALIASES))
def test_aliases_are_listed_and_identical(module):
    mod = importlib.import_module(module)
    assert sorted(mod.__aliases__) == sorted(ALIASES[module])
    for alias, target in ALIASES[module].items():
        assert alias.endswith("_") and alias in mod.__all__
        assert getattr(mod, alias) is getattr(mod, target)


def test_no_public_name_without_underscore_is_an_alias():
    """An alias without the trailing underscore would shadow parameter names such as ``k_F`` or ``xi``."""
    for module in ALIASES:
        mod = importlib.import_module(module)
        funcs = {}
        for name in mod.__all__:
            obj = getattr(mod, name)
            if callable(obj):
                funcs.setdefault(id(obj), []).append(name)
        for names in funcs.values():
            plain = [n for n in names if not n.endswith("_")]
            assert len(plain) <= 1, f"{module}: {names} name one function"
