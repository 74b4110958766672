"""Stage the book's sources beside the book's copies of the executed chapters, build them with jupyter-book into a
fresh directory, and publish the result only when it is complete.

1. :func:`stage` writes ``_build/stage``: ``_config.yml`` (the commit filled in, and a banner for a rerun),
   ``_toc.yml``, ``book/``, ``_vendor/``, the generated pages (``_generated/``), the committed chapters
   (``_unexecuted/``, offered as downloads) and, under ``notebooks/``, the book's copy of each executed chapter
   (:func:`glasson.build.notebooks.book_copy`). Each file is written only when it changed; a symbolic link is
   refused; what is no longer a source is removed.
2. :func:`sphinx_build` runs ``jupyter-book build -W -n --keep-going`` into a fresh HTML directory (Sphinx's
   doctrees are kept between builds, so unchanged pages are not read again, but every page is written: nothing
   of an earlier build, no orphan figure or stale search term, survives), and moves it into place when it is
   complete. It records the sha256 of every file it published: when the staged sources are unchanged and the
   published tree is exactly what was recorded, nothing is built; a deleted or edited page is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Mapping, Sequence
from pathlib import Path

from glasson.build import notebooks as nbio
from glasson.build.layout import BUILD, EXECUTED, HTML, ROOT, STAGE, BuildError, chapters

__all__ = ["stage", "sphinx_build", "git_describe", "network_cut_prefix", "build_environment", "pdf_command",
           "missing_pdf_tools", "current_pdf", "record_pdf_commit", "PDF", "PDF_COMMIT", "PDF_LOG", "PDF_PACKAGES",
           "STAGED", "published_manifest", "inputs_key", "staged_for", "record_staged", "STAGE_KEY"]

#: Book sources copied into the stage as they are (``_config.yml`` is written with the commit filled in).
STAGED = ("_toc.yml", "book", "_vendor")
#: The staged folder of the book's copies of the chapters, and of the committed ones.
NOTEBOOKS, UNEXECUTED, GENERATED = "notebooks", "_unexecuted", "_generated"


def _write_if_changed(path: Path, data: bytes) -> bool:
    if path.exists() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        path.write_bytes(data)
    except OSError as err:
        if err.filename is None:  # a full disk fails in write(), which names no file: name the one written
            raise OSError(err.errno, err.strerror or str(err), str(path)) from None
        raise
    return True


def _refuse_links(src: Path) -> None:
    if src.is_symlink():
        raise BuildError(f"refusing to stage the symbolic link {src}")
    links = [p for p in src.rglob("*") if p.is_symlink()] if src.is_dir() else []
    if links:
        raise BuildError(f"refusing to stage the symbolic link {links[0]} (it could publish a file from outside "
                         "the repository)")


def _mirror(files: Mapping[Path, bytes], dst: Path) -> None:
    """Make ``dst`` hold exactly ``files`` (relative path → bytes): changed files written, others removed."""
    for rel, data in files.items():
        _write_if_changed(dst / rel, data)
    if dst.exists():
        for p in sorted(dst.rglob("*"), reverse=True):
            if p.is_file() and p.relative_to(dst) not in files:
                p.unlink()
            elif p.is_dir() and not any(p.iterdir()):
                p.rmdir()


def _tree_files(src: Path) -> dict[Path, bytes]:
    _refuse_links(src)
    if src.is_file():
        return {Path(): src.read_bytes()}
    return {p.relative_to(src): p.read_bytes() for p in src.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def git_describe(root: Path = ROOT) -> str:
    """The commit the book is built from (``<sha>`` or ``<sha>+dirty``), or ``unknown`` outside git."""
    try:
        sha = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True,
                             text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{sha}+dirty" if dirty else sha


def _config(root: Path, banner: str | None) -> bytes:
    import yaml

    describe = git_describe(root)
    text = (root / "_config.yml").read_text()
    repository = (yaml.safe_load(text).get("repository") or {}).get("url", "")
    # the footer's commit links to the commit in the repository, unless the tree has uncommitted changes
    link = (f'<a href="{repository}/commit/{describe}"><code>{describe}</code></a>'
            if repository and describe not in ("unknown",) and not describe.endswith("+dirty")
            else f"<code>{describe}</code>")
    text = text.replace("@GIT_COMMIT_LINK@", link.replace('"', "'")).replace("@GIT_COMMIT@", describe)
    if banner:
        config = yaml.safe_load(text)
        config.setdefault("html", {})["announcement"] = banner
        text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True, width=120)
    return text.encode()


def _toc(root: Path, sections: Mapping[str, Sequence[Mapping[str, object]]]) -> bytes:
    """``root``'s ``_toc.yml`` with ``sections`` (``{file: its sections}``) added under the entries they name."""
    import yaml

    text = (root / "_toc.yml").read_bytes()
    if not sections:
        return text
    toc = yaml.safe_load(text)
    entries = [entry for part in toc.get("parts", [toc]) for entry in part.get("chapters", [])]
    for file, subs in sections.items():
        entry = next((e for e in entries if e.get("file") == file), None)
        if entry is None:
            raise BuildError(f"_toc.yml has no entry {file!r} to hold the generated pages")
        entry["sections"] = [*entry.get("sections", []), *subs]
    return yaml.safe_dump(toc, sort_keys=False, allow_unicode=True, width=120).encode()


def stage(fragments: Mapping[str, str | bytes], stage_dir: Path = STAGE, root: Path = ROOT,
          executed_dir: Path = EXECUTED / "notebooks", banner: str | None = None,
          documents: Mapping[str, str] | None = None,
          sections: Mapping[str, Sequence[Mapping[str, object]]] | None = None) -> None:
    """Write the staged book (see the module's docstring): the sources of ``root``, the generated ``fragments``
    (``{file name: text or bytes}``, from :func:`glasson.presentation.pages.fragments`), the book's copies of the
    chapters executed into ``executed_dir``, and, for a rerun, a ``banner`` shown at the top of every page.

    ``documents`` are generated pages of the book (``{"<folder>/<page>.md": text}``, such as the API reference's
    pages), each folder of them mirrored into the stage; ``sections`` puts them into the table of contents
    (``{file of _toc.yml: [its sections]}``).
    """
    import nbformat

    if (root / "_toc.yml").is_file():
        _write_if_changed(stage_dir / "_toc.yml", _toc(root, sections or {}))
    folders: dict[str, dict[Path, bytes]] = {}
    for rel, text in (documents or {}).items():
        folder, _, name = rel.partition("/")
        if not name or folder in (*STAGED, NOTEBOOKS, UNEXECUTED, GENERATED, "_config.yml"):
            raise BuildError(f"a generated page must be in a folder of its own: {rel!r}")
        folders.setdefault(folder, {})[Path(name)] = text.encode()
    for folder, files in folders.items():
        _mirror(files, stage_dir / folder)
    for name in STAGED:
        if name == "_toc.yml":
            continue
        if (root / name).exists():
            files = _tree_files(root / name)
            if (root / name).is_file():
                _write_if_changed(stage_dir / name, files[Path()])
            else:
                _mirror(files, stage_dir / name)
    _write_if_changed(stage_dir / "_config.yml", _config(root, banner))
    _mirror({Path(rel): content if isinstance(content, bytes) else content.encode()
             for rel, content in fragments.items()}, stage_dir / GENERATED)
    book: dict[Path, bytes] = {}
    for nb in chapters(root):
        executed = executed_dir / nb.name
        if not executed.is_file():
            raise BuildError(f"{nb} has not been executed into {executed_dir}")
        copy = nbio.book_copy(nbformat.read(executed, as_version=4), str(nb))
        book[Path(nb.name)] = nbformat.writes(copy).encode() + b"\n"
    _mirror(book, stage_dir / NOTEBOOKS)
    # The committed notebooks (no outputs), offered beside the executed ones by book/_ext/source_downloads.py.
    _mirror({nb: (root / nb).read_bytes() for nb in chapters(root)}, stage_dir / UNEXECUTED)


def _tree_hash(directory: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(directory.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(directory)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


#: What the staged book was last generated from (:func:`inputs_key`) and the staged tree's hash then.
STAGE_KEY = BUILD / "stage.key"


def inputs_key(records: Sequence[object], data: Path, extra: Sequence[str] = (), root: Path = ROOT) -> str:
    """A hash of everything the staged book is made from: the package's source, the data in ``data``, the book's
    sources, the configuration, the lock, the citation files, the chapters' run ``records``, the commit the book
    names, this Python, and ``extra`` (what else a build puts in, such as the PDF it offers).

    Measured: generating the pages takes about 11 s (imports 3 s, the explorer's grid 3 s, the API pages 2.5 s,
    the claims 2 s, the overview figure 1.4 s); hashing these inputs takes about 0.1 s. A build whose inputs did not
    change reuses the staged tree (checked against its recorded hash), and so ``make book`` with nothing changed
    stays a few seconds.
    """
    h = hashlib.sha256()
    files = [*sorted((root / "glasson").rglob("*.py")), *sorted(data.rglob("*")),
             *(p for name in STAGED for p in sorted((root / name).rglob("*")) if (root / name).is_dir()),
             *(root / name for name in ("_toc.yml", "_config.yml", "requirements.lock", "pyproject.toml",
                                        "CITATION.cff", ".zenodo.json"))]
    for path in files:
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path).encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    for item in (*map(repr, records), git_describe(root), sys.version, *extra):
        h.update(item.encode() + b"\0")
    return h.hexdigest()


def staged_for(key: str, stage_dir: Path = STAGE) -> bool:
    """Whether ``stage_dir`` holds what was staged for ``key``, unchanged since (else the pages are generated again)."""
    try:
        recorded, digest = STAGE_KEY.read_text().split()
    except (OSError, ValueError):
        return False
    return recorded == key and stage_dir.is_dir() and _tree_hash(stage_dir) == digest


def record_staged(key: str, stage_dir: Path = STAGE) -> None:
    """Note that ``stage_dir`` now holds what was staged for ``key``."""
    nbio.write_atomic(STAGE_KEY, f"{key} {_tree_hash(stage_dir)}\n".encode())


def published_manifest(html: Path) -> dict[str, str]:
    """``{relative path: sha256}`` of every file of a published book."""
    return {str(p.relative_to(html)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(html.rglob("*")) if p.is_file()}


def network_cut_prefix() -> list[str]:
    """``["unshare", "-rn"]`` when a private network namespace can be made here (no network in it), else ``[]``."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    return []


def _jupyter_book(stage_dir: Path, out_root: Path, *options: str) -> list[str]:
    """The ``jupyter-book build`` command for the staged tree, output under ``out_root/_build``."""
    return [sys.executable, "-c", "import sys; from jupyter_book.cli.main import main; sys.exit(main())",
            "build", str(stage_dir), "--path-output", str(out_root), *options]


def build_environment() -> dict[str, str]:
    """This process's environment, with the settings that make a Sphinx build reproducible and quiet.

    SOURCE_DATE_EPOCH is left out: Sphinx would rewrite the book's copyright year to that date's year.
    """
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    return {**env, "PYTHONHASHSEED": "0", "JUPYTER_PLATFORM_DIRS": "1"}


def _records(html: Path) -> tuple[Path, Path]:
    """Where the build of ``html`` keeps the hash of the staged tree it was built from, and its manifest."""
    return html.parent / f".{html.name}.built-from", html.parent / f".{html.name}.manifest.json"


def _unchanged(html: Path, digest: str) -> bool:
    marker, manifest = _records(html)
    if not (marker.is_file() and manifest.is_file() and html.is_dir()) or marker.read_text() != digest:
        return False
    try:
        return json.loads(manifest.read_text()) == published_manifest(html)
    except ValueError:
        return False


def sphinx_build(stage_dir: Path = STAGE, html: Path = HTML, work: Path = BUILD / "sphinx", full: bool = False,
                 prefix: Sequence[str] = (), log=print) -> bool:
    """Build the staged book into ``html`` (see the module's docstring); ``False`` when nothing had to be built.

    ``full`` (and a failed earlier build) also drops Sphinx's doctrees, so that every page is read again. ``prefix``
    is prepended to the command (:func:`network_cut_prefix` builds offline).
    """
    digest = _tree_hash(stage_dir)
    if not full and _unchanged(html, digest):
        log("  book unchanged: nothing to build")
        return False
    out = work / "_build" / "html"
    shutil.rmtree(out, ignore_errors=True)
    if full:
        shutil.rmtree(work / "_build" / ".doctrees", ignore_errors=True)
    cmd = [*prefix, *_jupyter_book(stage_dir, work, "-W", "-n", "--keep-going", "-q",
                                   *(["--all"] if full else []))]
    work.mkdir(parents=True, exist_ok=True)
    # jupyter-book prints where it wrote the pages (the work directory, not where they are published): not shown
    proc = subprocess.run(cmd, cwd=work.parent, env=build_environment(), stdout=subprocess.DEVNULL)
    if proc.returncode != 0 or not (out / "index.html").is_file():
        # A failed build must not let the next one skip reading the pages that warned.
        shutil.rmtree(work / "_build" / ".doctrees", ignore_errors=True)
        raise BuildError(f"jupyter-book build failed (exit {proc.returncode}); see the warnings above")
    # Sphinx's record of its configuration holds absolute paths (two clones would differ); a fresh directory
    # never needs it.
    (out / ".buildinfo").unlink(missing_ok=True)
    manifest = published_manifest(out)
    html.parent.mkdir(parents=True, exist_ok=True)
    old = html.with_name(f".{html.name}.old-{uuid.uuid4().hex[:8]}")
    if html.exists():
        os.replace(html, old)
    os.replace(out, html)
    shutil.rmtree(old, ignore_errors=True)
    marker, manifest_path = _records(html)
    nbio.write_atomic(manifest_path, (json.dumps(manifest, indent=0, sort_keys=True) + "\n").encode())
    nbio.write_atomic(marker, digest.encode())
    return True


#: What ``make pdf`` needs on PATH (jupyter-book's ``pdflatex`` builder runs latexmk with XeLaTeX; the figures'
#: SVG is converted to PDF by rsvg-convert, through sphinxcontrib-svg2pdfconverter).
PDF_TOOLS = ("latexmk", "xelatex", "rsvg-convert")
#: The Debian packages that provide them (and the fonts Sphinx's XeLaTeX preamble asks for).
PDF_PACKAGES = ("latexmk", "texlive-xetex", "texlive-latex-recommended", "texlive-fonts-recommended",
                "fonts-freefont-otf", "librsvg2-bin")
#: Where ``make pdf`` leaves the whole book as a PDF.
PDF = BUILD / "latex" / "book.pdf"
#: Its LaTeX run's output (the terminal shows one line; this file holds the rest).
PDF_LOG = BUILD / "latex-build.log"
#: The commit the PDF was typeset from (written after a successful ``make pdf``).
PDF_COMMIT = PDF.with_name("book.pdf.commit")


def record_pdf_commit(commit: str) -> None:
    """Note that :data:`PDF` was typeset from ``commit``."""
    nbio.write_atomic(PDF_COMMIT, (commit + "\n").encode())


def current_pdf(root: Path = ROOT) -> tuple[Path, str] | None:
    """The whole-book PDF and its commit when it was typeset from the commit checked out now, with no uncommitted
    change (a PDF of a dirty tree may not be what the tree holds now); ``None`` otherwise."""
    commit = git_describe(root)
    if commit == "unknown" or commit.endswith("+dirty") or not PDF.is_file() or not PDF_COMMIT.is_file():
        return None
    return (PDF, commit) if PDF_COMMIT.read_text().strip() == commit else None


def missing_pdf_tools() -> list[str]:
    """The TeX programs ``make pdf`` needs that are not on PATH."""
    return [tool for tool in PDF_TOOLS if shutil.which(tool) is None]


def pdf_command(stage_dir: Path = STAGE, out_root: Path = ROOT) -> list[str]:
    """The jupyter-book command that typesets the staged book to ``out_root/_build/latex/book.pdf``."""
    return _jupyter_book(stage_dir, out_root, "--builder", "pdflatex", "-q")
