"""Rerun the chapters for another glass or other inputs: the material and its band, validated before any
kernel starts, handed to the build layer (:mod:`glasson.build.runner`) as papermill parameters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from glasson.build import runner
from glasson.data import materials
from glasson.models.inputs import BAND_ENDS, needs_band

__all__ = ["execute_for_material"]


def execute_for_material(material: str, overrides: Mapping[str, float | None], out_dir: Path,
                         band_ends: Sequence[str] = (), jobs: int | None = None, root: Path = runner.ROOT,
                         log: Any = print, only: Sequence[Path] | None = None
                         ) -> list[tuple[runner.RunRecord, str | None, Path]]:
    """Execute every chapter for another material (and input overrides) into ``out_dir``.

    The material, overrides and output directory are validated before any notebook runs (nothing is written
    on bad input). A glass without a C_v/T of its own runs at each of ``band_ends`` (both ends when empty),
    into ``out_dir/low`` and ``out_dir/high`` when there are two; its chapters say which end they use. Each
    notebook receives only the parameters its ``parameters`` cell declares; ``only`` limits the run to some
    notebooks. Returns (record, band end, path of the executed notebook) per run.
    """
    mat = materials.get(material).with_overrides(**overrides)  # UnknownMaterialError / GlassonInputError
    out_dir = runner.check_out_dir(out_dir, root)
    ends: list[str | None] = [None]
    if needs_band(mat):
        ends = list(band_ends or BAND_ENDS)
        bad = [str(e) for e in ends if e not in BAND_ENDS]
        if bad:
            raise ValueError(f"band ends must be among {', '.join(BAND_ENDS)}, got {', '.join(bad)}")
    declared = {nb: runner.notebook_parameters(nb, root)
                for nb in (only if only is not None else runner.notebooks(root))}
    results: list[tuple[runner.RunRecord, str | None, Path]] = []
    for end in ends:
        wanted = {"material": material, **({"band_end": end} if end else {}),
                  **{k: v for k, v in overrides.items() if v is not None}}
        target = out_dir / end if end and len(ends) > 1 else out_dir

        def params_for(nb: Path, wanted: dict[str, Any] = wanted) -> dict[str, Any]:
            return {k: v for k, v in wanted.items() if k in declared[nb]}

        for record, _ in runner.execute(list(declared), target, params_for, jobs=jobs, root=root, log=log):
            results.append((record, end, target / Path(record.notebook).name))
    return results
