"""The built book: self-contained, numbered like the paper, citable, launchable, and read by a browser at 1280 px.

The book is the one ``make book`` publishes (``tests/book/conftest.py``); ``make test`` builds it offline where
``unshare -rn`` works. The second build for byte-identity, re-execution offline and the phone width are in
``tests/check/``.
"""

import json
import re
from pathlib import Path

import browsercheck
import nbformat
import pytest
import yaml

from glasson.build.layout import ROOT, chapters

CHAPTERS = [nb.with_suffix("") for nb in chapters()]
EXTERNAL_ASSET = re.compile(
    r"""<script[^>]+src=["']https?://|<link[^>]+href=["']https?://[^"']*["'][^>]*>|@import\s+url\(["']?https?://"""
    r"""|url\(["']?https?://""", re.I)
pages = browsercheck.book_pages
CHROMIUM = browsercheck.find_chromium()

def test_every_toc_entry_has_a_page(html):
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    files = [toc["root"]] + [ch["file"] for part in toc["parts"] for ch in part["chapters"]]
    for f in files:
        assert (html / f"{f}.html").is_file(), f"no page for {f}"


def test_no_external_scripts_stylesheets_or_fonts(html):
    offenders = []
    for p in html.rglob("*"):
        if p.suffix in (".html", ".css", ".js") and "mathjax" not in p.parts:
            for m in EXTERNAL_ASSET.finditer(p.read_text(errors="replace")):
                offenders.append(f"{p.relative_to(html)}: {m.group(0)[:80]}")
    assert not offenders, "external assets:\n" + "\n".join(offenders[:20])


def test_mathjax_is_vendored_and_loaded_locally(html):
    page = (html / "notebooks" / "sec2_scales.html").read_text()
    src = re.search(r'<script[^>]+src="([^"]*tex-chtml\.js[^"]*)"', page)
    assert src and not src.group(1).startswith("http"), "MathJax is not loaded from the local _static"
    assert (html / "notebooks" / src.group(1).split("?")[0]).resolve().is_file()


def test_footer_names_the_commit(html):
    for p in pages(html):
        text = p.read_text()
        if "bd-footer" not in text or "_modules" in p.parts:  # a source page may show the placeholder's code
            continue
        assert "@GIT_COMMIT" not in text
        assert re.search(r"Built from commit (<code>([0-9a-f]{12}\+dirty|unknown)</code>|<a href=.https://github\.com/"
                         r"[^/]+/[^/]+/commit/[0-9a-f]{12}.><code>[0-9a-f]{12}</code></a>)", text), p.name


def test_equations_carry_the_papers_numbers_and_are_referenced(html):
    text = "".join((html / f"{c}.html").read_text() for c in CHAPTERS)
    for n in range(1, 19):
        assert text.count(f'id="equation-eq-{n}"') == 1, f"Eq. {n} is not labelled exactly once"
        assert re.search(rf'<span class="eqno">\({n}\)', text), f"Eq. {n} is not numbered ({n})"
    claims = (html / "book" / "claims.html").read_text()
    refs = set(re.findall(r'#equation-eq-(\d+)"', claims))
    assert {"8", "9", "13", "15", "17", "18"} <= refs, f"claims page references only {sorted(refs)}"
    assert "Eq. (8)" in claims


def test_citations_resolve_and_the_bibliography_lists_every_reference(html):
    bib = (ROOT / "book" / "references.bib").read_text()
    keys = re.findall(r"^@\w+\{([^,]+),", bib, re.M)
    biblio = (html / "book" / "bibliography.html").read_text()
    assert biblio.count('role="doc-biblioentry"') == len(keys), "the bibliography page does not list every entry"
    for doi in re.findall(r"^\s*doi\s*=\s*\{([^}]+)\}", bib, re.M):
        assert doi in biblio, f"DOI {doi} is not shown on the bibliography page"
    for c in CHAPTERS:
        page = (html / f"{c}.html").read_text()
        assert "bibliography.html#id" in page, f"{c} cites nothing"
        assert "??" not in re.sub(r"<[^>]+>", "", page), f"{c} has an unresolved reference"


def test_status_page_lists_every_notebook_and_versions(html):
    status = (html / "book" / "status.html").read_text()
    for c in CHAPTERS:
        assert f"{c.name}" in status
    assert status.count(">passed<") == len(CHAPTERS)
    for pkg in ("numpy", "sympy", "jupyter-book", "papermill"):
        assert pkg in status


def test_how_to_cite_page_shows_both_entries(html):
    cite = (html / "book" / "cite.html").read_text()
    assert "glasson_compendium" in cite and "turlakov2022fermion" in cite and "2111.03578" in cite


@pytest.mark.parametrize("chapter", CHAPTERS, ids=str)
def test_launch_and_download_buttons(html, chapter):
    page = (html / f"{chapter}.html").read_text()
    repo = yaml.safe_load((ROOT / "_config.yml").read_text())["repository"]["url"]
    owner_repo = repo.removeprefix("https://github.com/")
    assert f"https://mybinder.org/v2/gh/{owner_repo}/main?urlpath=lab/tree/{chapter}.ipynb" in page
    assert f"https://colab.research.google.com/github/{owner_repo}/blob/main/{chapter}.ipynb" in page
    executed_nb = html / "_sources" / f"{chapter}.ipynb"
    source_nb = html / "_sources" / f"{chapter}.source.ipynb"
    assert f"_sources/{chapter}.ipynb" in page and f"_sources/{chapter}.source.ipynb" in page
    executed = nbformat.read(executed_nb, as_version=4)
    source = nbformat.read(source_nb, as_version=4)
    assert any(c.get("outputs") for c in executed.cells if c.cell_type == "code"), "executed copy has no outputs"
    assert not any(c.get("outputs") for c in source.cells if c.cell_type == "code"), "source has outputs"
    assert source_nb.read_bytes() == (ROOT / f"{chapter}.ipynb").read_bytes()


def test_pages_render_in_a_real_browser_offline(desktop):
    """Headless Chromium, network cut: math typeset, no raw TeX, every figure decoded, no console errors."""
    reports = desktop
    problems = []
    for rel, r in reports.items():
        problems += [f"{rel}: {e}" for e in r.errors]
        problems += [f"{rel}: raw TeX {m!r} in the rendered text" for m in r.raw_tex]
        problems += [f"{rel}: image not loaded: {s}" for s in r.broken_images]
        problems += [f"{rel}: network request {u}" for u in r.external_requests]
    assert not problems, "\n".join(problems)
    for c in CHAPTERS:
        r = reports[f"{c}.html"]
        assert r.mathjax_loaded and r.mathjax >= 10, f"{c}: only {r.mathjax} MathJax elements"
        assert len(r.images) >= 3, f"{c}: only {len(r.images)} figures"
    shot = ROOT / "_build" / "screenshots" / "sec3_1_thermal-1280.png"
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_browser_check_catches_raw_tex_and_broken_images(tmp_path):
    """The browser check can fail: a page with unrendered TeX, a missing image and a script error."""
    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine: real-browser check skipped")
    page = tmp_path / "bad.html"
    page.write_text("<html><body><p>$$E = mc^2$$</p><p>the friction $Q^{-1}$ stays</p><img src='missing.png'>"
                    "<pre>$x^2$ in code is fine</pre>"
                    "<script>console.error('boom'); undefinedFunction();</script></body></html>")
    with browsercheck.Browser(CHROMIUM) as browser:
        r = browser.check(page)
    assert "$$" in r.raw_tex and r.broken_images == ["missing.png"] and r.mathjax == 0
    page.write_text("<html><body><p>the friction $Q^{-1}$ stays</p><pre>$x^2$ in code is fine</pre></body></html>")
    with browsercheck.Browser(CHROMIUM) as browser:
        assert browser.check(page).raw_tex == ["$Q^{-1}$"]
    assert any("boom" in e for e in r.errors) and any("undefinedFunction" in e for e in r.errors)


#: What a reader must never see in the prose of a page (code blocks and literals are removed before the check):
#: e-notation numbers, Python identifiers of the registries (keys with an underscore, claim ids), ASCII units.
TEXT_DEFECTS = {
    "e-notation": re.compile(r"\b\d+(?:\.\d+)?[eE][-+]?\d+\b"),
    "registry identifier": re.compile(r"\bsec\d(?:\.\d)?-\w+|\b[A-Za-z]\w*_\w*[a-z]{2,}\w*\b"),
    "ASCII unit": re.compile(r"\^-?\d|\bcm\^|\b(?:erg|cm|g|K|s)/\(?(?:cm|g|K|s)\b|\*\*"),
    "raw subscript": re.compile(r"\b[A-Za-z]_[A-Za-z]{1,3}\b"),  # C_v/T, k_BT left as ASCII, not typeset
    "table markup": re.compile(r"\|:|:\||\| \||\|[-–]{2}|[-–]{2}\|"),  # a table that did not render
}
#: Pages whose text is about code (the API reference) or quotes addresses (the bibliography's URLs).
TEXT_EXEMPT = {"book/api.html", "api/", "book/bibliography.html", "genindex.html", "py-modindex.html", "search.html",
               "_modules"}


def text_defects(text: str) -> list[str]:
    return [f"{name}: {m.group(0)!r}" for name, pat in TEXT_DEFECTS.items() for m in pat.finditer(text)]


def test_nothing_is_wider_than_its_column_or_clipped(desktop):
    """At 1280 px no equation, table or code cell scrolls or is cut, and the page never scrolls sideways."""
    problems = browsercheck.layout_problems(desktop, 1280)
    assert not problems, "\n".join(problems[:30])


def test_pages_show_typeset_physics_not_machine_text(desktop):
    problems = []
    for rel, r in desktop.items():
        if any(rel.startswith(e) for e in TEXT_EXEMPT):
            continue
        problems += [f"{rel}: {d}" for d in text_defects(r.text)]
    assert not problems, "\n".join(problems[:30])


def test_landing_page_says_how_to_rerun_and_links_the_claims_downloads(html):
    intro = re.sub(r"<[^>]+>", "", (html / "book" / "intro.html").read_text())  # code is highlighted token by token
    assert "make book" in intro and "glasson execute" in intro and "Binder" in intro
    claims_page = (html / "book" / "claims.html").read_text()
    links = dict.fromkeys(re.findall(r'href="([^"]*claims\.(?:csv|json))"', claims_page))
    assert {Path(h).suffix for h in links} == {".csv", ".json"}, links
    import csv
    import io

    from glasson.registries import claims as registry

    for href in links:
        data = (html / "book" / href).read_text()
        rows = json.loads(data) if href.endswith(".json") else list(csv.DictReader(io.StringIO(data)))
        assert [r["id"] for r in rows] == [r["id"] for r in registry.rows()]


def test_layout_and_text_checks_catch_planted_defects(tmp_path):
    """The companion of the two tests above: a page with a too-wide table, a clipped box, a sideways-scrolling
    page, and prose with e-notation, a registry key, an ASCII unit and a table left as pipes is caught on every
    count."""
    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine: real-browser check skipped")
    page = tmp_path / "planted.html"
    page.write_text(
        "<html><body style='margin:0'><article style='width:600px'>"
        "<table style='width:900px'><tr><td>wide</td></tr></table>"
        "<div style='width:200px;overflow:hidden'><span style='display:inline-block;width:400px'>cut</span></div>"
        "<pre style='width:300px;overflow-x:auto;white-space:pre'>scrolls" + "x" * 200 + "</pre>"
        "<p>xi = 1.3e-06 cm, H_g_per_s and rho in g/cm^3</p><p>| claim | |log ratio| | |:–|:–|</p>"
        "<p>the regime ħω &gt; k_BT</p>"
        "<pre>1e-06 in code is fine</pre></article><div style='width:3000px'>x</div></body></html>")
    with browsercheck.Browser(CHROMIUM) as browser:
        browser.set_width(1280)
        r = browser.check(page)
    assert any("wide" in w for w in r.too_wide) and any("cut" in w for w in r.clipped)
    assert r.page_scrolls and any("scrolls" in w for w in r.scrolled)
    found = {d.split(":")[0] for d in text_defects(r.text)}
    assert found == set(TEXT_DEFECTS), found
    assert "in code is fine" not in r.text  # code blocks are not prose


def test_executed_notebooks_in_the_book_come_from_papermill(html):
    nb = json.loads((html / "_sources" / f"{CHAPTERS[0]}.ipynb").read_text())
    assert "papermill" in nb["metadata"]




def test_phone_checks_catch_a_cut_equation_and_an_uncued_table(tmp_path):
    """The companion of the phone checks (tests/check/test_phone.py): at 412 px a display equation wider than its
    box and a table that scrolls without a cue are both found; with the page script (_vendor/js/glasson.js) the
    table gets its cue and a formula is scaled to fit (down to 0.7 of its size)."""
    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine: real-browser check skipped")
    script = (ROOT / "_vendor" / "js" / "glasson.js").read_text()
    body = ("<html><body style='margin:0'><article style='width:380px'>"
            "<div class='math'><mjx-container display='true' style='display:block'>"
            "<mjx-math style='display:inline-block;width:{w}em'>x</mjx-math></mjx-container></div>"
            "<table style='display:block;overflow-x:auto;max-width:100%'><tr><td style='min-width:900px'>wide</td>"
            "</tr></table></article>{script}</body></html>")
    bare, fixed = tmp_path / "bare.html", tmp_path / "fixed.html"
    bare.write_text(body.format(w=56, script=""))  # a formula's width scales with its font (em)
    fixed.write_text(body.format(w=28, script=f"<script>{script}</script>"))
    with browsercheck.Browser(CHROMIUM) as browser:
        browser.set_width(412)
        r_bare, r_fixed = browser.check(bare), browser.check(fixed)
    assert r_bare.cut_equations and r_bare.uncued
    assert not r_fixed.uncued and not r_fixed.cut_equations  # 448 px scaled to fit 380 (0.85): whole


def test_every_figure_says_in_words_what_it_shows(html):
    """Alt text for every figure: the first sentence of its caption as plain text (no TeX, no file name)."""
    problems = []
    for p in pages(html):
        if "_modules" in p.parts:
            continue
        for fig in re.findall(r"<figure.*?</figure>", p.read_text(), flags=re.DOTALL):
            for alt in re.findall(r'<img[^>]*\balt="([^"]*)"', fig):
                if not alt.strip() or "$" in alt or "\\" in alt or re.search(r"\.(svg|png)$", alt):
                    problems.append(f"{p.name}: {alt[:80]!r}")
    assert not problems, problems


def test_the_explorer_gives_the_packages_numbers_at_its_grid_points(html):
    """book/explore without a kernel: at a grid point the page shows, for each quantity with a key in
    ``params --json``, the value the package gives with the same overrides (to 4 figures), for several glasses."""
    if CHROMIUM is None:
        pytest.skip("no Chromium on this machine: real-browser check skipped")
    from glasson.data import materials
    from glasson.models.derived import derived_parameters
    from glasson.models.inputs import needs_band
    from glasson.presentation import explorer

    cases = [("vitreous_silica", 6, 0), ("vitreous_silica", 2, 4), ("pyrex_7740", 3, 6), ("polystyrene", 0, 3)]
    with browsercheck.Browser(CHROMIUM) as browser:
        browser.set_width(1280)
        browser.check(html / "book" / "explore.html")
        for key, i, j in cases:
            lam, eps = explorer.LAMBDA_GRID_EV[i], explorer.EPS_F_GRID_K[j]
            script = (f"(() => {{ const s = document.getElementById('explore-material'); s.value = '{key}';"
                      f" document.getElementById('explore-Lambda').value = {lam!r};"
                      f" document.getElementById('explore-eps_F').value = {eps!r};"
                      " s.dispatchEvent(new Event('change'));"
                      " return JSON.stringify(Array.from(document.querySelectorAll('[data-quantity]'))"
                      ".map(e => [e.dataset.quantity, e.dataset.value])); })()")
            shown = json.loads(browser.call("Runtime.evaluate", session=True, expression=script,
                                            returnByValue=True)["result"]["value"])
            mat = materials.get(key)
            expected = derived_parameters(mat.with_overrides(Lambda=lam, eps_F=eps),
                                          "low" if needs_band(mat) else None)
            compared = 0
            for quantity, value in shown:
                if quantity in expected and value:
                    assert float(value) == pytest.approx(expected[quantity], rel=1e-4), (key, quantity)
                    compared += 1
            assert compared >= 8, (key, shown)
