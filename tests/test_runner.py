"""The build layer under attack: a killed or interrupted run, a tampered cache, a text-only edit, a user's
IPython startup file, a concurrent build, a symbolic link, a removed notebook. Each case runs tiny notebooks in
a throw-away tree, so that no case touches the default book."""

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from glasson.build import runner


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


def _run(root, out, **kw):
    return runner.execute(out_dir=out, root=root, log=lambda *_: None, **kw)


def test_a_killed_run_is_executed_again_and_never_published(tree, tmp_path):
    """SIGKILL while a (forced) run executes: the old record is gone before the kernel starts, the partial copy
    is a hidden temporary file, so the next run executes the notebook again and writes a complete copy."""
    flag = tmp_path / "slow"
    _notebook(tree / "notebooks" / "a.ipynb", new_markdown_cell("# A"),
              new_code_cell(f"import os, time\nif os.path.exists({str(flag)!r}):\n    time.sleep(60)\n"
                            "print('finished')"))
    out = tmp_path / "out"
    [(first, ran)] = _run(tree, out)
    assert ran and first.status == "passed"
    flag.write_text("1")
    code = (f"from pathlib import Path; from glasson import runner; "
            f"runner.execute(out_dir=Path({str(out)!r}), root=Path({str(tree)!r}), force=True)")
    proc = subprocess.Popen([sys.executable, "-c", code], start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(out.glob(".a.*.partial.ipynb")) and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)  # the kernel is inside the sleeping cell
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not (out / "a.run.json").exists(), "the old record survived: the copy could be reused"
    flag.unlink()
    [(again, ran)] = _run(tree, out)
    assert ran and again.status == "passed"
    text = (out / "a.ipynb").read_text()
    assert "finished" in text


@pytest.mark.parametrize("damage", ["edit", "truncate"])
def test_a_tampered_or_truncated_copy_is_executed_again(tree, tmp_path, damage):
    _notebook(tree / "notebooks" / "a.ipynb", new_code_cell("x = 131.5\nprint(x)"))
    out = tmp_path / "out"
    _run(tree, out)
    executed = out / "a.ipynb"
    data = executed.read_text()
    executed.write_text(data.replace("131.5", "999.5") if damage == "edit" else data[: len(data) // 2])
    [(record, ran)] = _run(tree, out)
    assert ran and "999.5" not in executed.read_text() and json.loads(executed.read_text())


def test_a_text_only_edit_rebuilds_the_page_without_executing(tree, tmp_path):
    nb = _notebook(tree / "notebooks" / "a.ipynb", new_markdown_cell("Old text."), new_code_cell("print(6 * 7)"))
    out = tmp_path / "out"
    _run(tree, out)
    edited = nbformat.read(nb, as_version=4)
    edited.cells[0].source = "New text."
    nbformat.write(edited, nb)
    [(record, ran)] = _run(tree, out)
    assert not ran
    merged = nbformat.read(out / "a.ipynb", as_version=4)
    assert merged.cells[0].source == "New text." and "42" in merged.cells[1].outputs[0]["text"]
    assert record.output_sha256 == runner._sha256(out / "a.ipynb")
    edited.cells[1].source = "print(6 * 9)"  # a code edit does execute
    nbformat.write(edited, nb)
    [(_, ran)] = _run(tree, out)
    assert ran


def test_kernels_ignore_the_users_ipython_startup_and_home(tree, tmp_path, monkeypatch):
    """An IPython startup file in $HOME would run in every kernel; kernels use build-local configuration."""
    home = tmp_path / "home"
    startup = home / ".ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-inject.py").write_text("INJECTED = True\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("IPYTHONDIR", raising=False)
    monkeypatch.delenv("MPLCONFIGDIR", raising=False)
    _notebook(tree / "notebooks" / "a.ipynb",
              new_code_cell("assert 'INJECTED' not in globals()\nimport matplotlib\nprint(matplotlib.get_configdir())"))
    [(record, _)] = _run(tree, tmp_path / "out")
    assert record.status == "passed"
    assert str(home) not in (tmp_path / "out" / "a.ipynb").read_text()


def test_a_notebook_that_warns_does_not_pass(tree, tmp_path):
    _notebook(tree / "notebooks" / "a.ipynb", new_code_cell("import warnings\nwarnings.warn('careful')"))
    with pytest.raises(runner.NotebookFailure, match="stderr"):
        _run(tree, tmp_path / "out")


def test_the_cache_key_sees_the_data_directory_and_the_environment(monkeypatch, tmp_path):
    import shutil

    nb = runner.notebooks()[0]
    before = runner.content_hash(nb)
    data = tmp_path / "data"
    shutil.copytree(runner.ROOT / "data", data)
    monkeypatch.setenv("GLASSON_DATA", str(data))
    same_files = runner.content_hash(nb)
    assert same_files != before  # the variable reaches the kernels, so it is part of the key
    (data / "tunneling.toml").write_text((data / "tunneling.toml").read_text().replace("3.0e-4", "3.1e-4"))
    assert runner.content_hash(nb) != same_files


def test_a_change_outside_a_notebooks_imports_does_not_reexecute_it():
    reached = {p.name for p in runner.reached_modules(Path("notebooks/universality.ipynb"))}
    assert "universality.py" in reached and "model.py" in reached
    assert not reached & {"runner.py", "cli.py", "pages.py", "rerun.py"}


def test_a_second_build_waits_for_the_first(tmp_path):
    root = tmp_path / "repo"
    code = (f"from pathlib import Path; from glasson import runner\n"
            f"with runner.build_lock(Path({str(root)!r})):\n    print('got the lock', flush=True)")
    with runner.build_lock(root, log=lambda *_: None):
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
        time.sleep(1.5)
        assert proc.poll() is None, "the second build did not wait"
    out, _ = proc.communicate(timeout=30)
    assert "waiting for another build" in out and out.strip().endswith("got the lock")


def test_an_interrupt_stops_within_seconds(tree, tmp_path):
    _notebook(tree / "notebooks" / "a.ipynb", new_code_cell("import time\ntime.sleep(60)"))
    _notebook(tree / "notebooks" / "b.ipynb", new_code_cell("import time\ntime.sleep(60)"))
    _notebook(tree / "notebooks" / "c.ipynb", new_code_cell("import time\ntime.sleep(60)"))
    out = tmp_path / "out"
    code = (f"from pathlib import Path; from glasson import runner\n"
            f"try:\n    runner.execute(out_dir=Path({str(out)!r}), root=Path({str(tree)!r}), jobs=2)\n"
            f"except KeyboardInterrupt:\n    print('interrupted', flush=True)")
    # as in a terminal: SIGINT not ignored (a job started in the background of a script inherits it ignored)
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while len(list(out.glob(".*.partial.ipynb"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(1.0)
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    stdout, _ = proc.communicate(timeout=30)
    assert time.monotonic() - t0 < 10, "Ctrl-C took longer than 10 s"
    assert "interrupted" in stdout
    assert not list(out.glob("*.run.json")) or all(
        json.loads(p.read_text())["status"] != "passed" for p in out.glob("*.run.json"))
    assert not (out / "c.ipynb").exists()  # the queued notebook never started


def test_a_removed_notebook_leaves_nothing_behind(tree, tmp_path):
    _notebook(tree / "notebooks" / "a.ipynb", new_code_cell("1"))
    out = tmp_path / "out"
    (out).mkdir()
    for stale in ("gone.ipynb", "gone.run.json", ".a.1234.partial.ipynb"):
        (out / stale).write_text("{}")
    _run(tree, out, prune=True)
    assert sorted(p.name for p in out.iterdir()) == ["a.ipynb", "a.run.json"]


def test_a_symbolic_link_is_not_staged(tmp_path):
    root = tmp_path / "repo"
    (root / "_vendor").mkdir(parents=True)
    (root / "_config.yml").write_text("title: x\n")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for publication")
    (root / "_vendor" / "leak.txt").symlink_to(secret)
    with pytest.raises(runner.BuildError, match="symbolic link"):
        runner.stage({}, stage_dir=tmp_path / "stage", root=root)


def test_staging_twice_writes_nothing(tmp_path):
    stage_dir = tmp_path / "stage"
    runner.stage({"a.md": "text"}, stage_dir=stage_dir)
    before = {p: p.stat().st_mtime_ns for p in stage_dir.rglob("*") if p.is_file()}
    time.sleep(0.02)
    runner.stage({"a.md": "text"}, stage_dir=stage_dir)
    after = {p: p.stat().st_mtime_ns for p in stage_dir.rglob("*") if p.is_file()}
    assert after == before


def test_a_long_temporary_directory_does_not_break_kernel_sockets(tree, tmp_path, monkeypatch):
    import tempfile

    long_tmp = tmp_path / ("t" * 90)
    long_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(long_tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    _notebook(tree / "notebooks" / "a.ipynb", new_code_cell("print(1)"))
    [(record, _)] = _run(tree, tmp_path / "out")
    assert record.status == "passed"


def test_importing_the_runner_creates_no_directory(tmp_path):
    code = textwrap.dedent("""
        import os, tempfile
        before = set(os.listdir(tempfile.gettempdir()))
        import glasson.build.runner
        print(sorted(set(os.listdir(tempfile.gettempdir())) - before))
    """)
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env).stdout
    assert out.strip() == "[]"


def test_forked_kernels_run_each_chapter_as_if_alone(tree, tmp_path):
    """Two chapters executed one after the other in kernels forked from one server: the second sees nothing of
    what the first did to a preloaded module or to its namespace, and both kernels are children of the server."""
    _notebook(tree / "notebooks" / "a.ipynb",
              new_code_cell("import os, numpy\nnumpy.LEAK = 1\nSECRET = 2\nprint('ppid', os.getppid())"))
    _notebook(tree / "notebooks" / "b.ipynb",
              new_code_cell("import os, numpy\nassert not hasattr(numpy, 'LEAK')\nassert 'SECRET' not in globals()\n"
                            "print('ppid', os.getppid())"))
    out = tmp_path / "out"
    results = _run(tree, out, jobs=1)
    assert [r.status for r, _ in results] == ["passed", "passed"]
    servers = {s.process.pid for s in runner._SERVERS.values()}
    for name in ("a", "b"):
        text = (out / f"{name}.ipynb").read_text()
        ppid = int(text.split("ppid ")[1].split("\\n")[0])
        assert ppid in servers, "the kernel was not forked from the server"


def test_a_fork_server_preloads_what_its_notebooks_import(tree):
    """A server for notebooks that do not use the package imports only what every kernel needs and what their
    cells import (not the scientific stack: two seconds of imports); the book's server imports the package
    modules every chapter reaches and the modules the chapters use."""
    _notebook(tree / "notebooks" / "a.ipynb", new_code_cell("import os, time\nfrom json import dumps"))
    assert runner.preload_for([Path("notebooks/a.ipynb")], tree) == [*runner.KERNEL_PRELOAD, "json", "os", "time"]
    book = runner.preload_for(runner.notebooks())
    assert set(runner.PRELOAD) <= set(book)
    assert {"glasson.presentation.chapter", "glasson.presentation.figures", "glasson.symbolic.registry"} <= set(book)


def test_unforked_and_forked_kernels_give_the_same_outputs(tree, tmp_path):
    _notebook(tree / "notebooks" / "a.ipynb", new_code_cell("import numpy as np\nprint(np.linspace(0, 1, 5))"))
    _notebook(tree / "notebooks" / "b.ipynb", new_code_cell("import sympy as sp\nprint(sp.integrate(sp.Symbol('x')**2))"))
    _run(tree, tmp_path / "plain", fork=False)
    _run(tree, tmp_path / "forked")
    for name in ("a.ipynb", "b.ipynb"):
        assert (tmp_path / "plain" / name).read_bytes() == (tmp_path / "forked" / name).read_bytes()


def test_the_cache_key_does_not_depend_on_where_python_was_started(tmp_path):
    """``python -m glasson`` run in the clone has the clone on ``sys.path``, and with it the ``glasson.egg-info``
    an editable install leaves there; a script started elsewhere does not. Both must find the same key (else a
    build after the tests executed every notebook again)."""
    code = "from glasson import runner; print(runner.content_hash(runner.notebooks()[0]))"
    keys = [subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, check=True).stdout
            for cwd in (runner.ROOT, tmp_path)]
    assert keys[0] == keys[1] and len(keys[0].strip()) == 64


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "unforked"])
def test_parallel_runs_leave_the_working_directory_alone(tree, tmp_path, fork):
    """Each kernel starts in its notebook's folder, and the process running the build stays where it was: two
    runs in parallel must not leave it in ``notebooks/`` (papermill's ``cwd=`` changes the whole process's
    directory; two threads restored it in the wrong order, and the book's own figure then missed the
    repository's matplotlibrc). In a process of its own, started elsewhere: papermill also ``chdir``s to the
    directory it was started in around every read and write, which would race with a test changing this
    process's directory while the background jobs of ``conftest.py`` run notebooks."""
    here = tmp_path / "elsewhere"
    here.mkdir()
    for name in ("a", "b", "c"):
        _notebook(tree / "notebooks" / f"{name}.ipynb", new_code_cell("import os\nprint(os.getcwd())"))
    out = tmp_path / "out"
    # every os.chdir of the build process is recorded: a race shows only sometimes, a chdir elsewhere always
    code = textwrap.dedent(f"""
        import os
        from pathlib import Path
        from glasson import runner
        moves, chdir = [], os.chdir
        os.chdir = lambda path: (moves.append(str(path)), chdir(path))[1]
        records = runner.execute(out_dir=Path({str(out)!r}), root=Path({str(tree)!r}), jobs=2, fork={fork},
                                 log=lambda *_: None)
        print([r.status for r, _ in records], sorted(set(moves) - {{os.getcwd()}}), os.getcwd())
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=here, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == f"{['passed'] * 3} [] {here}"
    for name in ("a", "b", "c"):
        outputs = nbformat.read(out / f"{name}.ipynb", as_version=4).cells[0].outputs
        assert outputs[0]["text"].strip() == str(tree / "notebooks")


def test_source_pages_are_written_again_when_the_configuration_changes(tmp_path):
    """The highlighted-source pages (``_modules``) carry the footer with the commit; Sphinx's viewcode rewrites one
    only when its module changed, so a changed staged configuration (a new commit) removes them first."""
    stage, build = tmp_path / "stage", tmp_path / "_build"
    stage.mkdir()
    page = build / "html" / "_modules" / "glasson" / "scales.html"
    page.parent.mkdir(parents=True)
    (stage / "_config.yml").write_text("extra_footer: commit aaa\n")
    page.write_text("commit aaa")
    (build / ".built-config").write_text(runner._config_digest(stage))
    runner._drop_stale_source_pages(stage, build)
    assert page.exists(), "same configuration: the pages are kept (and nothing is rebuilt for them)"
    (stage / "_config.yml").write_text("extra_footer: commit bbb\n")
    runner._drop_stale_source_pages(stage, build)
    assert not page.exists()
