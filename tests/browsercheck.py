"""Load built pages of the book in headless Chromium, with the network cut, and report what a reader would see.

Chromium is driven through the DevTools protocol over a pipe (``--remote-debugging-pipe``: no port, no
extra Python package), so it can run inside a network namespace of its own (``unshare -rn``) while this
process still talks to it. For each page the check records

* the number of MathJax output elements (``mjx-container``) once MathJax has finished typesetting, and
  any TeX left as raw text (``$$``, ``\\(``, ``\\[``, or ``$…$`` holding ``\\ ^ _ { }``, in the rendered text);
* every image: whether it loaded and decoded (``naturalWidth > 0``);
* console errors, uncaught exceptions and failed loads;
* every request for an ``http(s)`` URL (there must be none: the book is self-contained).

Used by the tests (``conftest.py`` checks every page of the built book at two widths in the background;
``tests/test_book.py`` asserts on the reports, skipped with a message when no Chromium is installed). It is test
tooling, not part of the package; a maintainer at a prompt in ``tests/`` runs the same code::

    from browsercheck import Browser
    with Browser() as browser:
        print(browser.check(Path("../_build/html/notebooks/sec2_scales.html")))
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glasson.build.sphinx import network_cut_prefix

__all__ = ["PageReport", "find_chromium", "Browser", "book_pages", "layout_problems"]

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")

#: JavaScript run in the page once it has loaded and MathJax has typeset it.
PROBE = r"""
(async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
  if (document.fonts) { await document.fonts.ready; }
  if (window.glassonReady) { await window.glassonReady; }  // the page script's layout (_vendor/js/glasson.js)
  // the rendered prose: code cells and literals may show TeX source on purpose; the navigation names pages
  // (an API page is named after its module, heat_capacity), each of which is read on its own page
  const prose = document.body ? document.body.cloneNode(true) : null;
  if (prose) { prose.querySelectorAll("pre, code, script, style, .highlight, nav, .bd-sidebar-primary")
                    .forEach(e => e.remove()); }
  const text = prose ? prose.textContent : "";
  const raw = [];
  for (const marker of ["$$", "\\(", "\\[", "\\begin{"]) { if (text.includes(marker)) raw.push(marker); }
  const inline = text.match(/\$[^$\n]{0,80}[\\^_{}][^$\n]{0,80}\$/);  // $...$ with TeX inside, untypeset
  if (inline) raw.push(inline[0]);
  // layout: anything wider than the article column that is not inside a horizontal scroller, and any box
  // that hides part of its content (overflow hidden/clip with a wider content)
  const column = document.querySelector("article") || document.querySelector("main") || document.body;
  const right = column.getBoundingClientRect().right + 1;
  const scrolls = el => { for (let e = el.parentElement; e && e !== column; e = e.parentElement) {
      const o = getComputedStyle(e).overflowX; if (o === "auto" || o === "scroll") return true; } return false; };
  const describe = e => (e.tagName.toLowerCase() + (e.id ? "#" + e.id : "")
      + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : "")
      + ": " + (e.textContent || "").trim().slice(0, 60));
  const tooWide = [], clipped = [];
  // A typeset formula is measured by its container: MathJax's thousands of inner elements lie inside it.
  const inner_math = e => e.tagName.startsWith("MJX-") && e.tagName !== "MJX-CONTAINER";
  for (const e of column.querySelectorAll("*")) {
    if (inner_math(e) || e.closest("mjx-assistive-mml")) continue;  // (the latter: MathML for screen readers)
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || (e.checkVisibility && !e.checkVisibility())) continue;  // closed dropdown
    if (r.right > right && !scrolls(e)) tooWide.push(describe(e));
    const c = getComputedStyle(e);
    const hideX = ["hidden", "clip"].includes(c.overflowX), hideY = ["hidden", "clip"].includes(c.overflowY);
    if (hideX || hideY) {
      // what is drawn (not what scrollWidth counts: MathJax's hidden MathML for screen readers inflates it),
      // skipping what sits in an inner box of its own (a scroller or another clipping box, checked by itself)
      const inner = d => { for (let p = d.parentElement; p && p !== e; p = p.parentElement) {
          if (getComputedStyle(p).overflowX !== "visible") return true; } return false; };
      for (const d of e.querySelectorAll("*")) {
        if (inner_math(d) || (d.checkVisibility && !d.checkVisibility()) || inner(d)) continue;
        const q = d.getBoundingClientRect();
        if (q.width === 0 || q.height === 0) continue;
        if ((hideX && (q.right > r.right + 1 || q.left < r.left - 1))
            || (hideY && (q.bottom > r.bottom + 1 || q.top < r.top - 1))) {
          clipped.push(describe(e)); break;
        }
      }
    }
  }
  const scrolled = [];  // boxes whose content scrolls sideways (allowed on a phone, a smell on a desktop)
  for (const e of column.querySelectorAll("table, div.math, div.output, pre, .highlight")) {
    const o = getComputedStyle(e).overflowX;
    if ((o === "auto" || o === "scroll") && e.scrollWidth > e.clientWidth + 1 && e.checkVisibility()) {
      scrolled.push(describe(e));
    }
  }
  // a display equation not whole in its box (it scrolls, or was scaled below 0.7), and a scroller without a cue
  const cut_equations = [], uncued = [];
  for (const eq of column.querySelectorAll("mjx-container[display='true']")) {
    if (eq.checkVisibility && !eq.checkVisibility()) continue;
    const box = eq.closest("div.math, div.output, div.cell_output") || eq.parentElement;
    const math = eq.querySelector("mjx-math");
    const scale = parseFloat(eq.dataset.glassonScale || "1");
    if ((math && math.getBoundingClientRect().right > box.getBoundingClientRect().right + 1) || scale < 0.7) {
      cut_equations.push(describe(box) + " (scale " + scale.toFixed(2) + ")");
    }
  }
  for (const e of column.querySelectorAll("table, .pst-scrollable-table-container, div.math")) {
    const o = getComputedStyle(e).overflowX;
    if ((o === "auto" || o === "scroll") && e.scrollWidth > e.clientWidth + 1 && e.checkVisibility()) {
      const prev = e.previousElementSibling;
      if (!(prev && prev.classList.contains("glasson-scroll-cue"))
          && !(e.parentElement.previousElementSibling
               && e.parentElement.previousElementSibling.classList.contains("glasson-scroll-cue"))) {
        uncued.push(describe(e));
      }
    }
  }
  const pageScroll = document.documentElement.scrollWidth > window.innerWidth + 1;
  const images = Array.from(document.images).map(img => ({
    src: img.getAttribute("src"), ok: img.complete && img.naturalWidth > 0}));
  return JSON.stringify({
    mathjax: document.querySelectorAll("mjx-container").length,
    mathjax_loaded: !!(window.MathJax && MathJax.version),
    raw_tex: raw,
    images: images,
    title: document.title,
    text: text,
    too_wide: tooWide.slice(0, 20),
    clipped: clipped.slice(0, 20),
    scrolled: scrolled.slice(0, 20),
    cut_equations: cut_equations.slice(0, 20),
    uncued: uncued.slice(0, 20),
    page_scrolls: pageScroll,
  });
})()
"""


@dataclass
class PageReport:
    """What headless Chromium saw on one page."""

    url: str
    title: str = ""
    mathjax: int = 0
    mathjax_loaded: bool = False
    raw_tex: list[str] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    #: The rendered prose (code, literals and scripts removed), for checks on what a reader reads.
    text: str = ""
    #: Elements wider than the article column and not inside a horizontal scroller.
    too_wide: list[str] = field(default_factory=list)
    #: Boxes that hide part of their content (overflow hidden or clip).
    clipped: list[str] = field(default_factory=list)
    #: Tables, equations and code blocks whose content scrolls sideways inside the column.
    scrolled: list[str] = field(default_factory=list)
    #: Display equations not whole in their box (scrolling, or scaled below 0.7 of their size).
    cut_equations: list[str] = field(default_factory=list)
    #: Tables and equations that scroll sideways without a visible cue.
    uncued: list[str] = field(default_factory=list)
    #: Whether the whole page scrolls sideways.
    page_scrolls: bool = False

    @property
    def broken_images(self) -> list[str]:
        return [i["src"] for i in self.images if not i["ok"]]


def book_pages(html: Path) -> list[Path]:
    """Every HTML page of a built book, sorted (not the theme's files under ``_static``)."""
    return sorted(p for p in html.rglob("*.html") if "_static" not in p.parts)


def find_chromium() -> str | None:
    """Path of a Chromium-family browser, or ``None``."""
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    """Headless Chromium over a DevTools pipe (a context manager)."""

    def __init__(self, chromium: str | None = None, cut_network: bool = True, timeout: float = 60.0):
        self.chromium = chromium or find_chromium()
        if not self.chromium:
            raise FileNotFoundError("no Chromium found (looked for: " + ", ".join(CANDIDATES) + ")")
        self.prefix = network_cut_prefix() if cut_network else []
        self.timeout = timeout
        self._id = 0
        self._buffer = b""
        self._events: list[dict[str, Any]] = []

    # -- process and pipe -------------------------------------------------------------------------------
    def __enter__(self) -> Browser:
        self._profile = tempfile.mkdtemp(prefix="glasson-chromium-")
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()

        def wire() -> None:  # in the child: DevTools reads fd 3 and writes fd 4
            os.dup2(to_child_r, 3)
            os.dup2(from_child_w, 4)

        cmd = [*self.prefix, self.chromium, "--headless=new", "--no-sandbox", "--disable-gpu",
               "--remote-debugging-pipe", f"--user-data-dir={self._profile}", "--no-first-run",
               "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--hide-scrollbars",
               "--allow-file-access-from-files", "--window-size=1280,1000", "about:blank"]
        self.process = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, preexec_fn=wire, pass_fds=(3, 4))
        os.close(to_child_r)
        os.close(from_child_w)
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)
        return self

    def __exit__(self, *exc: Any) -> None:
        try:
            self.call("Browser.close")
        except Exception:  # noqa: BLE001 - closing a browser that already died
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        for fd in (self._to_child, self._from_child):
            try:
                os.close(fd)
            except OSError:
                pass
        shutil.rmtree(self._profile, ignore_errors=True)

    def _send(self, message: dict[str, Any]) -> None:
        os.write(self._to_child, json.dumps(message).encode() + b"\0")

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_child], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._from_child, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, session: bool = False, **params: Any) -> dict[str, Any]:
        """Send one DevTools command and wait for its answer; events that arrive meanwhile are kept."""
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self._send(message)
        deadline = time.monotonic() + self.timeout
        while True:
            reply = self._receive(deadline)
            if reply.get("id") == self._id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self._events.append(reply)

    def _wait_for(self, method: str) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            for i, ev in enumerate(self._events):
                if ev.get("method") == method:
                    del self._events[i]  # the events before it are still to be read by check()
                    return
            self._events.append(self._receive(deadline))

    # -- pages ------------------------------------------------------------------------------------------
    def set_width(self, width: int, height: int = 900) -> None:
        """Lay pages out at ``width`` CSS pixels (a phone below 600 px: touch, mobile viewport)."""
        self.call("Emulation.setDeviceMetricsOverride", session=True, width=width, height=height,
                  deviceScaleFactor=1, mobile=width < 600)

    def check(self, path: Path, screenshot: Path | None = None) -> PageReport:
        """Load ``path`` (a built HTML file), let MathJax finish, and report; optionally save a screenshot."""
        url = path.resolve().as_uri()
        self._events.clear()
        self.call("Page.navigate", session=True, url=url)
        self._wait_for("Page.loadEventFired")
        result = self.call("Runtime.evaluate", session=True, expression=PROBE, awaitPromise=True,
                           returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"probe failed on {url}: {result['exceptionDetails']}")
        seen = json.loads(result["result"]["value"])
        report = PageReport(url=url, **seen)
        if screenshot is not None:
            shot = self.call("Page.captureScreenshot", session=True, format="png")
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            screenshot.write_bytes(base64.b64decode(shot["data"]))
        self.call("Runtime.evaluate", session=True, expression="1", returnByValue=True)  # drain late events
        for ev in self._events:
            method, p = ev.get("method"), ev.get("params", {})
            if method == "Runtime.exceptionThrown":
                report.errors.append("exception: " + p["exceptionDetails"].get("text", "")
                                     + " " + json.dumps(p["exceptionDetails"].get("exception", {})
                                                        .get("description", "")))
            elif method == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                report.errors.append("console.error: " + " ".join(str(a.get("value", a.get("description", "")))
                                                                  for a in p.get("args", [])))
            elif method == "Log.entryAdded" and p["entry"].get("level") == "error":
                report.errors.append(f"log: {p['entry'].get('text')} ({p['entry'].get('url', '')})")
            elif method == "Network.loadingFailed" and not p.get("canceled"):
                report.errors.append(f"load failed: {p.get('errorText')}")
            elif method == "Network.requestWillBeSent":
                req = p["request"]["url"]
                if req.startswith(("http://", "https://")):
                    report.external_requests.append(req)
        return report


def layout_problems(reports: dict, width: int) -> list[str]:
    """Anything wider than its column or cut, a page that scrolls sideways, and (on a desktop) a box that scrolls."""
    problems = []
    for rel, r in reports.items():
        problems += [f"{width} px {rel}: wider than the column: {w}" for w in r.too_wide]
        problems += [f"{width} px {rel}: clipped: {w}" for w in r.clipped]
        if r.page_scrolls:
            problems.append(f"{width} px {rel}: the page scrolls sideways")
        if width >= 1000:
            problems += [f"{width} px {rel}: scrolls inside the column: {w[:80]}" for w in r.scrolled]
        problems += [f"{width} px {rel}: a display equation not whole: {w[:100]}" for w in r.cut_equations]
        problems += [f"{width} px {rel}: scrolls sideways without a cue: {w[:80]}" for w in r.uncued]
    return problems
