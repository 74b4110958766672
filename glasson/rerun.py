"""Rerun the chapters for another glass or other inputs: the material and its band, validated before any kernel
starts, handed to the build layer as papermill parameters; and, with ``html``, the whole book for those inputs.

A rerun's book (``DIR/html``, or ``DIR/low/html`` and ``DIR/high/html`` for a glass on the C_v/T band) is built as
the default book is (same sources, same checks, offline), from the rerun's executed chapters and with the claims
page recomputed for its inputs; a banner on every page names the material, the band end and every overridden input.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from glasson.build import execute as build_execute
from glasson.build import sphinx as build_sphinx
from glasson.build.cache import RunRecord
from glasson.build.layout import ROOT, chapters
from glasson.data import materials
from glasson.models.inputs import BAND_ENDS, needs_band

__all__ = ["execute_for_material", "banner"]


def banner(material: str, band_end: str | None, overrides: Mapping[str, float | None]) -> str:
    """The line every page of a rerun's book shows: the glass, the band end and each overridden input."""
    from glasson.presentation.formatting import rerun_banner

    return rerun_banner(materials.get(material), band_end, {k: v for k, v in overrides.items() if v is not None})


def execute_for_material(material: str, overrides: Mapping[str, float | None], out_dir: Path,
                         band_ends: Sequence[str] = (), jobs: int | None = None, root: Path = ROOT,
                         log: Callable[[str], None] = print, only: Sequence[Path] | None = None,
                         html: bool = False) -> list[tuple[RunRecord, str | None, Path]]:
    """Execute every chapter for another material (and input overrides) into ``out_dir``.

    The material, overrides and output directory are validated before any notebook runs (nothing is written
    on bad input). A glass without a C_v/T of its own runs at each of ``band_ends`` (both ends when empty),
    into ``out_dir/low`` and ``out_dir/high`` when there are two; its chapters say which end they use. Each
    notebook receives only the parameters its ``parameters`` cell declares; ``only`` limits the run to some
    notebooks. With ``html`` each run's book is built into ``<run>/html``. Returns (record, band end, path of the
    executed notebook) per run.
    """
    mat = materials.get(material).with_overrides(**overrides)  # UnknownMaterialError / GlassonInputError
    out_dir = build_execute.check_out_dir(out_dir, root)
    ends: list[str | None] = [None]
    if needs_band(mat):
        ends = list(band_ends or BAND_ENDS)
        bad = [str(e) for e in ends if e not in BAND_ENDS]
        if bad:
            raise ValueError(f"band ends must be among {', '.join(BAND_ENDS)}, got {', '.join(bad)}")
    declared = {nb: build_execute.notebook_parameters(nb, root) for nb in (only if only is not None else chapters(root))}
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / build_execute.OUT_MARKER).write_text("written by 'python -m glasson execute'\n")
    results: list[tuple[RunRecord, str | None, Path]] = []
    for end in ends:
        wanted = {"material": material, **({"band_end": end} if end else {}),
                  **{k: v for k, v in overrides.items() if v is not None}}
        target = out_dir / end if end and len(ends) > 1 else out_dir

        def params_for(nb: Path, wanted: dict[str, Any] = wanted) -> dict[str, Any]:
            return {k: v for k, v in wanted.items() if k in declared[nb]}

        records = build_execute.execute(list(declared), target, params_for, jobs=jobs, root=root, log=log)
        results += [(record, end, target / Path(record.notebook).name) for record, _ in records]
        if html:
            _build_book(material, end, overrides, target, [r for r, _ in records], root, log)
    return results


def _build_book(material: str, band_end: str | None, overrides: Mapping[str, float | None], target: Path,
                records: Sequence[RunRecord], root: Path, log: Callable[[str], None]) -> None:
    from glasson.presentation import pages

    log(f"  building the book for this run into {target / 'html'}")
    mat = materials.get(material).with_overrides(**overrides)
    stage_dir, work = target / ".stage", target / ".sphinx"
    build_sphinx.stage(pages.fragments(records, material=mat, band_end=band_end), stage_dir, root,
                       executed_dir=target, banner=banner(material, band_end, overrides),
                       documents=pages.documents(), sections=pages.toc_sections())
    try:
        build_sphinx.sphinx_build(stage_dir, target / "html", work, full=True,
                                  prefix=build_sphinx.network_cut_prefix(), log=log)
    finally:
        shutil.rmtree(work, ignore_errors=True)
