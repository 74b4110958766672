"""glasson: the reproducibility compendium of M. Turlakov, arXiv:2111.03578, as a Python package.

Its folders are its layers (``pyproject.toml`` declares them; README, "Architecture"): ``core``, ``data``,
``formulas`` beside ``symbolic``, ``models``, ``registries``, ``presentation`` beside ``build``, and the faces
``cli`` and ``rerun`` (``python -m glasson``).
"""

from importlib import metadata

try:
    __version__ = metadata.version("glasson")
except metadata.PackageNotFoundError:  # pragma: no cover - a copy of the sources, not installed
    __version__ = "unknown"
