"""The build layer's parts that need no kernel: the cache key, the import graph, staging, the fork server's
preload list, a clean import. The build under attack (killed, interrupted, tampered, concurrent) is in
``tests/check/test_build_attacks.py``."""

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from glasson.build import cache, kernels, layout, sphinx


def _notebook(path: Path, *cells) -> Path:
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    for i, c in enumerate(nb.cells):
        c.id = f"c{i}"
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, path)
    return path



@pytest.fixture()
def tree(tmp_path):
    """A minimal repository: notebooks/, a lock and an rc file (the runner hashes them)."""
    root = tmp_path / "repo"
    (root / "notebooks").mkdir(parents=True)
    (root / "requirements.lock").write_text("x==1\n")
    (root / "matplotlibrc").write_text("figure.dpi: 100\n")
    return root



def test_the_cache_key_sees_the_data_directory_and_the_environment(monkeypatch, tmp_path):
    import shutil

    nb = layout.chapters()[0]
    before = cache.content_hash(nb)
    data = tmp_path / "data"
    shutil.copytree(layout.ROOT / "data", data)
    monkeypatch.setenv("GLASSON_DATA", str(data))
    same_files = cache.content_hash(nb)
    assert same_files != before  # the variable reaches the kernels, so it is part of the key
    (data / "tunneling.toml").write_text((data / "tunneling.toml").read_text().replace("3.0e-4", "3.1e-4"))
    assert cache.content_hash(nb) != same_files



def test_a_change_outside_a_notebooks_imports_does_not_reexecute_it():
    reached = {p.name for p in cache.reached_modules(Path("notebooks/universality.ipynb"))}
    assert "universality.py" in reached and "model.py" in reached
    assert not reached & {"runner.py", "cli.py", "pages.py", "rerun.py"}



def test_a_symbolic_link_is_not_staged(tmp_path):
    root = tmp_path / "repo"
    (root / "_vendor").mkdir(parents=True)
    (root / "_config.yml").write_text("title: x\n")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for publication")
    (root / "_vendor" / "leak.txt").symlink_to(secret)
    with pytest.raises(layout.BuildError, match="symbolic link"):
        sphinx.stage({}, stage_dir=tmp_path / "stage", root=root)



def test_staging_twice_writes_nothing(tmp_path):
    """Staging the same sources twice writes no file the second time (it needs no build: the committed chapters
    stand in for their executed copies, so that the test does not race `make test`'s build beside it)."""
    from glasson.build.layout import ROOT, chapters

    executed = tmp_path / "executed"
    executed.mkdir()
    for nb in chapters(ROOT):
        (executed / nb.name).write_bytes((ROOT / nb).read_bytes())
    stage_dir = tmp_path / "stage"
    sphinx.stage({"a.md": "text"}, stage_dir=stage_dir, executed_dir=executed)
    before = {p: p.stat().st_mtime_ns for p in stage_dir.rglob("*") if p.is_file()}
    time.sleep(0.02)
    sphinx.stage({"a.md": "text"}, stage_dir=stage_dir, executed_dir=executed)
    after = {p: p.stat().st_mtime_ns for p in stage_dir.rglob("*") if p.is_file()}
    assert after == before



@pytest.mark.parametrize("change", ["package", "data", "book", "config", "record", "extra", "none"])
def test_the_pages_are_generated_again_exactly_when_an_input_changed(tmp_path, monkeypatch, change):
    """A build reuses the staged pages only for the same inputs, and never a staged tree changed since."""
    root, data, stage_dir = tmp_path / "repo", tmp_path / "data", tmp_path / "stage"
    for path, text in ((root / "glasson" / "m.py", "x = 1\n"), (data / "materials.toml", "[a]\n"),
                       (root / "book" / "intro.md", "# Intro\n"), (root / "_config.yml", "title: x\n"),
                       (stage_dir / "book" / "intro.md", "# Intro\n")):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    monkeypatch.setattr(sphinx, "STAGE_KEY", tmp_path / "stage.key")
    records, extra = [cache.RunRecord("notebooks/a.ipynb", "h", "passed", 1.0, {})], ("pdf none",)
    key = sphinx.inputs_key(records, data, extra, root=root)
    assert not sphinx.staged_for(key, stage_dir)  # nothing recorded yet
    sphinx.record_staged(key, stage_dir)
    assert sphinx.staged_for(key, stage_dir)
    edits = {"package": root / "glasson" / "m.py", "data": data / "materials.toml", "book": root / "book" / "intro.md",
             "config": root / "_config.yml"}
    if change in edits:
        edits[change].write_text(edits[change].read_text() + "# edited\n")
    if change == "record":
        records = [cache.RunRecord("notebooks/a.ipynb", "h2", "passed", 1.0, {})]
    if change == "extra":
        extra = ("pdf 0123 abc False",)
    assert sphinx.staged_for(sphinx.inputs_key(records, data, extra, root=root), stage_dir) == (change == "none")
    (stage_dir / "book" / "intro.md").write_text("# Tampered\n")
    assert not sphinx.staged_for(key, stage_dir), "a staged tree changed since it was staged was reused"


def test_importing_the_runner_creates_no_directory(tmp_path):
    code = textwrap.dedent("""
        import os, tempfile
        before = set(os.listdir(tempfile.gettempdir()))
        import glasson.build.execute, glasson.build.sphinx
        print(sorted(set(os.listdir(tempfile.gettempdir())) - before))
    """)
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env).stdout
    assert out.strip() == "[]"



def test_a_fork_server_preloads_what_its_notebooks_import(tree):
    """A server for notebooks that do not use the package imports only what every kernel needs and what their
    cells import (not the scientific stack: two seconds of imports); the book's server imports the package
    modules every chapter reaches and the modules the chapters use."""
    _notebook(tree / "notebooks" / "a.ipynb", new_code_cell("import os, time\nfrom json import dumps"))
    assert kernels.preload_for([Path("notebooks/a.ipynb")], tree) == [*kernels.KERNEL_PRELOAD, "json", "os", "time"]
    book = kernels.preload_for(layout.chapters())
    assert set(kernels.PRELOAD) <= set(book)
    assert {"glasson.presentation.chapter", "glasson.presentation.figures", "glasson.symbolic.registry"} <= set(book)



def test_the_cache_key_does_not_depend_on_where_python_was_started(tmp_path):
    """``python -m glasson`` run in the clone has the clone on ``sys.path``, and with it the ``glasson.egg-info``
    an editable install leaves there; a script started elsewhere does not. Both must find the same key (else a
    build after the tests executed every notebook again)."""
    code = "from glasson.build import cache, layout; print(cache.content_hash(layout.chapters()[0]))"
    keys = [subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=True).stdout
            for cwd in (layout.ROOT, tmp_path)]
    assert keys[0] == keys[1] and len(keys[0].strip()) == 64


@pytest.mark.parametrize("write", ["notebooks", "stage"])
def test_a_full_disk_names_the_file_it_could_not_write(tmp_path, monkeypatch, write):
    """write() on a full disk raises an OSError with no file name; the build names the file it was writing."""
    import errno
    from pathlib import Path as _Path

    from glasson.build import notebooks as nbio
    from glasson.build import sphinx as build_sphinx

    def full(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_Path, "write_bytes", full)
    target = tmp_path / "out" / "chapter.ipynb"
    with pytest.raises(OSError) as err:
        if write == "notebooks":
            nbio.write_atomic(target, b"{}")
        else:
            build_sphinx._write_if_changed(target, b"{}")
    assert err.value.filename == str(target) and err.value.errno == errno.ENOSPC
