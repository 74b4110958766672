"""The book is reproducible: built a second time, from scratch in another directory with the network cut, it is the
same bytes as the published one (which was built incrementally); a chapter executed again offline gives the same
outputs, figures included."""

import subprocess
import sys

import pytest

from glasson.build import sphinx
from glasson.build.layout import ROOT, STAGE, chapters

OFFLINE = sphinx.network_cut_prefix()


def test_two_builds_are_byte_identical(html, tmp_path):
    """The published book against a clean build of the same staged sources elsewhere: every file identical."""
    other = tmp_path / "book"
    sphinx.sphinx_build(STAGE, other / "html", other / "work", full=True, prefix=OFFLINE, log=lambda *_: None)
    a = {p.relative_to(html): p for p in html.rglob("*") if p.is_file()}
    b = {p.relative_to(other / "html"): p for p in (other / "html").rglob("*") if p.is_file()}
    assert sorted(a) == sorted(b), f"file lists differ: {sorted(set(a) ^ set(b))[:10]}"
    differ = [str(rel) for rel in sorted(a) if a[rel].read_bytes() != b[rel].read_bytes()]
    assert not differ, "files that differ between two builds:\n" + "\n".join(differ)
    assert not any(str(tmp_path) in p.read_text(errors="ignore") for p in b.values() if p.suffix == ".html"), \
        "the output path leaked into a page"


def test_reexecution_offline_gives_identical_figures_and_outputs(book, tmp_path):
    """A chapter executed again, in a process with the network cut, gives byte-identical outputs (figures
    included) to the copy the book is built from."""
    nb = next(n for n in chapters() if n.name == "universality.ipynb")  # the quickest to run
    code = ("from pathlib import Path; from glasson.build import execute; "
            f"execute.execute([Path({str(nb)!r})], out_dir=Path({str(tmp_path)!r}), force=True)")
    proc = subprocess.run([*OFFLINE, sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    again = (tmp_path / nb.name).read_bytes()
    assert again == (book.executed / nb.name).read_bytes(), "re-execution changed the outputs"
    assert b"image/svg" in again


def test_the_network_is_really_cut_for_the_offline_build():
    """The namespace the book is built in cannot reach the network (else the offline proof proves nothing)."""
    if not OFFLINE:
        pytest.skip("unshare -rn is not available here: the build ran with the network up")
    probe = "import socket; socket.create_connection(('1.1.1.1', 443), timeout=3)"
    proc = subprocess.run([*OFFLINE, sys.executable, "-c", probe], capture_output=True, text=True)
    assert proc.returncode != 0 and "unreachable" in proc.stderr.lower()


