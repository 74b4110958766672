"""A chapter as a reader reruns it: JupyterLab started as ``make lab`` starts it (this environment, its kernel, the
jupyterlab-myst renderer), the chapter opened through its ``/lab/tree/...`` URL in headless Chromium, Run All, and
what the page then shows: its text, its figures, and any MyST left unrendered.

Test tooling (``tests/test_lab.py``), not part of the package. The server runs with a throw-away configuration and
runtime directory; JupyterLab's application object is exposed to the page (``expose_app_in_browser``) so that the
check can run every cell through JupyterLab's own command, as the Run menu does.
"""

from __future__ import annotations

import base64
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from browsercheck import Browser

__all__ = ["LabReport", "lab_server", "run_all", "RAW_MYST"]

JUPYTER = Path(sys.executable).parent / "jupyter"
#: MyST a renderer would have turned into something else: a role, a directive fence, a glue reference.
RAW_MYST = re.compile(r"\{(?:glue|cite|eq|numref|ref|doc|bdg|py)[\w:-]*\}|:::\{|```\{")


@dataclass
class LabReport:
    """What the page of a chapter shows after Run All."""

    text: str = ""
    #: Figures rendered in output areas (``img`` of SVG or PNG outputs, and inline ``svg``).
    figures: int = 0
    errors: list[str] = field(default_factory=list)
    #: Cells whose output is an error.
    failed_cells: int = 0

    @property
    def raw_myst(self) -> list[str]:
        return sorted(set(RAW_MYST.findall(self.text)))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def lab_server(root: Path, home: Path, myst: bool = True) -> Iterator[tuple[str, str]]:
    """JupyterLab on ``root`` as ``make lab`` runs it, headless; yields ``(base URL, token)``. ``myst=False`` starts
    it with the jupyterlab-myst extension disabled (the planted defect: Markdown without the MyST renderer)."""
    port, token = _free_port(), secrets.token_hex(16)
    config = home / "config"
    # no pop-up asking about news over the chapter; and, for the planted defect, no MyST renderer
    disabled = {"@jupyterlab/apputils-extension:announcements": True, **({} if myst else {"jupyterlab-myst": True})}
    (config / "labconfig").mkdir(parents=True, exist_ok=True)
    (config / "labconfig" / "page_config.json").write_text(json.dumps({"disabledExtensions": disabled}))
    env = {**os.environ, "JUPYTER_CONFIG_DIR": str(config), "JUPYTER_RUNTIME_DIR": str(home / "rt"),
           "JUPYTER_PLATFORM_DIRS": "1", "HOME": str(home), "IPYTHONDIR": str(home / "ipython"),
           "MPLCONFIGDIR": str(home / "mpl")}
    proc = subprocess.Popen(
        [str(JUPYTER), "lab", "--no-browser", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}",
         "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--MultiKernelManager.default_kernel_name=python3", "--LabApp.expose_app_in_browser=True",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         *(["--allow-root"] if os.geteuid() == 0 else [])],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                req = urllib.request.Request(f"{base}/api/status", headers={"Authorization": f"token {token}"})
                urllib.request.urlopen(req, timeout=5).read()
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                    raise RuntimeError("jupyter lab did not start:\n" + out[-3000:]) from None
                time.sleep(0.3)
        yield base, token
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


#: Run in the page: wait for the notebook panel and its kernel, run every cell, wait until the kernel is idle and
#: every prompt has its number, then report what is shown.
RUN_ALL = r"""
(async () => {
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  let panel = null;
  for (let i = 0; i < 600 && !panel; i++) {
    if (window.jupyterapp) {
      panel = [...jupyterapp.shell.widgets('main')].find(w => w.sessionContext && w.content && w.content.widgets);
    }
    if (!panel) await sleep(100);
  }
  if (!panel) return JSON.stringify({error: "no notebook panel"});
  jupyterapp.shell.activateById(panel.id);
  await panel.sessionContext.ready;
  for (let i = 0; i < 600 && !(panel.sessionContext.session && panel.sessionContext.session.kernel); i++) await sleep(100);
  await jupyterapp.commands.execute('notebook:run-all-cells');
  const busy = () => [...panel.node.querySelectorAll('.jp-InputPrompt')].some(e => e.textContent.includes('*'));
  for (let i = 0; i < 1800; i++) {
    await sleep(100);
    if (panel.sessionContext.session.kernel.status === 'idle' && !busy()) break;
  }
  await sleep(1500);  // late renders (MathJax, MyST)
  const node = panel.content.node;
  const prose = node.cloneNode(true);
  prose.querySelectorAll('.jp-InputArea-editor, .jp-InputPrompt, .jp-OutputPrompt, script, style').forEach(e => e.remove());
  return JSON.stringify({
    text: prose.innerText,
    figures: node.querySelectorAll('.jp-RenderedSVG img, .jp-RenderedSVG svg, .jp-RenderedImage img').length,
    failed: node.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"],'
                                  + ' [data-mime-type="application/vnd.jupyter.error"]').length,
  });
})()
"""


def run_all(base: str, token: str, notebook: str, screenshot: Path | None = None, width: int = 1280) -> LabReport:
    """Open ``notebook`` (a path under the server's root) in JupyterLab, Run All, and report what it shows."""
    with Browser(cut_network=False, timeout=240) as browser:
        browser.set_width(width, 1000)
        browser.call("Page.navigate", session=True, url=f"{base}/lab/tree/{notebook}?token={token}")
        browser._wait_for("Page.loadEventFired")
        result = browser.call("Runtime.evaluate", session=True, expression=RUN_ALL, awaitPromise=True,
                              returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"Run All failed in the page: {result['exceptionDetails']}")
        seen = json.loads(result["result"]["value"])
        if "error" in seen:
            raise RuntimeError(seen["error"])
        if screenshot is not None:  # a figure with the prose above it, as a reader scrolls to it
            browser.call("Runtime.evaluate", session=True, awaitPromise=True, expression="""
                (async () => { const figs = document.querySelectorAll('.jp-RenderedSVG');
                  const fig = figs[Math.min(1, figs.length - 1)];
                  if (fig) { fig.scrollIntoView({block: 'start'});
                             const box = fig.closest('.jp-WindowedPanel-outer') || fig.closest('.jp-Notebook');
                             if (box) box.scrollBy(0, -330); }
                  await new Promise(r => setTimeout(r, 800)); })()""")
            shot = browser.call("Page.captureScreenshot", session=True, format="png")
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            screenshot.write_bytes(base64.b64decode(shot["data"]))
        errors = [ev["params"]["exceptionDetails"].get("text", "") for ev in browser._events
                  if ev.get("method") == "Runtime.exceptionThrown"]
    return LabReport(seen["text"], seen["figures"], errors, seen["failed"])
