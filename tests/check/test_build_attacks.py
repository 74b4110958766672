"""The build under attack: a killed or interrupted run, a tampered cache, a text-only edit, a user's IPython
startup file, a concurrent build, a removed notebook, forked and plain kernels. Each case runs tiny notebooks in a
throw-away tree, so that no case touches the default book."""

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

from glasson.build import execute as build_execute
from glasson.build import kernels, layout, lock
from glasson.build import notebooks as nbio


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
    return build_execute.execute(out_dir=out, root=root, log=lambda *_: None, **kw)



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
    code = (f"from pathlib import Path; from glasson.build import execute as build_execute; "
            f"build_execute.execute(out_dir=Path({str(out)!r}), root=Path({str(tree)!r}), force=True)")
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
    assert record.output_sha256 == nbio.sha256(out / "a.ipynb")
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
    with pytest.raises(layout.NotebookFailure, match="stderr"):
        _run(tree, tmp_path / "out")



def test_a_second_build_waits_for_the_first(tmp_path):
    root = tmp_path / "repo"
    code = (f"from pathlib import Path; from glasson.build import lock\n"
            f"with lock.build_lock(Path({str(root)!r})):\n    print('got the lock', flush=True)")
    with lock.build_lock(root, log=lambda *_: None):
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
    code = (f"from pathlib import Path; from glasson.build import execute as build_execute\n"
            f"try:\n    build_execute.execute(out_dir=Path({str(out)!r}), root=Path({str(tree)!r}), jobs=2)\n"
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



def test_a_long_temporary_directory_does_not_break_kernel_sockets(tree, tmp_path, monkeypatch):
    import tempfile

    long_tmp = tmp_path / ("t" * 90)
    long_tmp.mkdir()
    monkeypatch.setenv("TMPDIR", str(long_tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)
    _notebook(tree / "notebooks" / "a.ipynb", new_code_cell("print(1)"))
    [(record, _)] = _run(tree, tmp_path / "out")
    assert record.status == "passed"



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
    servers = {s.process.pid for s in kernels._SERVERS.values()}
    for name in ("a", "b"):
        text = (out / f"{name}.ipynb").read_text()
        ppid = int(text.split("ppid ")[1].split("\\n")[0])
        assert ppid in servers, "the kernel was not forked from the server"



def test_unforked_and_forked_kernels_give_the_same_outputs(tree, tmp_path):
    _notebook(tree / "notebooks" / "a.ipynb", new_code_cell("import numpy as np\nprint(np.linspace(0, 1, 5))"))
    _notebook(tree / "notebooks" / "b.ipynb", new_code_cell("import sympy as sp\nprint(sp.integrate(sp.Symbol('x')**2))"))
    _run(tree, tmp_path / "plain", fork=False)
    _run(tree, tmp_path / "forked")
    for name in ("a.ipynb", "b.ipynb"):
        assert (tmp_path / "plain" / name).read_bytes() == (tmp_path / "forked" / name).read_bytes()



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
        from glasson.build import execute as build_execute
        moves, chdir = [], os.chdir
        os.chdir = lambda path: (moves.append(str(path)), chdir(path))[1]
        records = build_execute.execute(out_dir=Path({str(out)!r}), root=Path({str(tree)!r}), jobs=2, fork={fork},
                                 log=lambda *_: None)
        print([r.status for r, _ in records], sorted(set(moves) - {{os.getcwd()}}), os.getcwd())
    """)
    proc = subprocess.run([sys.executable, "-c", code], cwd=here, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == f"{['passed'] * 3} [] {here}"
    for name in ("a", "b", "c"):
        outputs = nbformat.read(out / f"{name}.ipynb", as_version=4).cells[0].outputs
        assert outputs[0]["text"].strip() == str(tree / "notebooks")
