/* The glasson compendium's page script (no network; every page is complete without it).
 *
 * 1. Display equations fit their column: one wider than the column is scaled down, never below 0.7 of its size
 *    (EQUATION_MIN_SCALE); one that still does not fit scrolls sideways under a visible cue.
 * 2. A table or an equation that scrolls sideways gets a visible cue above it ("scroll sideways").
 * 3. A figure opens full size on a click.
 * 4. The claims page: every claim can be filtered by verdict, severity and section, and sorted by the size of its
 *    disagreement (the rows carry data-* attributes; the page lists every claim without the script).
 * window.glassonReady resolves when the page is laid out (the browser tests wait for it).
 */
(function () {
  "use strict";
  var EQUATION_MIN_SCALE = 0.7;

  function cue(box, text) {
    if (box.previousElementSibling && box.previousElementSibling.classList.contains("glasson-scroll-cue")) return;
    var c = document.createElement("div");
    c.className = "glasson-scroll-cue";
    c.setAttribute("aria-hidden", "true");
    c.textContent = text;
    box.parentNode.insertBefore(c, box);
  }

  function uncue(box) {
    var prev = box.previousElementSibling;
    if (prev && prev.classList.contains("glasson-scroll-cue")) prev.remove();
  }

  function fitEquations() {
    document.querySelectorAll("mjx-container[display='true']").forEach(function (eq) {
      var box = eq.closest("div.math, div.output, div.cell_output, .MathJax_Display") || eq.parentElement;
      var math = eq.querySelector("mjx-math");
      if (!math || !box) return;
      if (!eq.dataset.glassonSize) eq.dataset.glassonSize = getComputedStyle(eq).fontSize;
      var base = parseFloat(eq.dataset.glassonSize);
      eq.style.fontSize = base + "px";
      var available = box.clientWidth - 4, needed = math.getBoundingClientRect().width;
      var scale = needed > available ? Math.max(EQUATION_MIN_SCALE, available / needed) : 1;
      eq.style.fontSize = (base * scale) + "px";
      eq.dataset.glassonScale = String(scale);
      if (box.scrollWidth > box.clientWidth + 1) cue(box, "Equation wider than the screen: scroll sideways →");
      else uncue(box);
    });
  }

  function cueTables() {
    document.querySelectorAll("article table").forEach(function (table) {
      var container = table.closest(".pst-scrollable-table-container");
      var box = container || table;
      var wide = table.scrollWidth > table.clientWidth + 1 || (container && box.scrollWidth > box.clientWidth + 1);
      if (wide) cue(box, "Table wider than the screen: scroll sideways →");
      else uncue(box);
    });
  }

  function linkedFigures() {
    // a figure whose SVG holds links (each dot of the landing page's overview links to its claim) is shown as an
    // object, in which the links work; an <img> shows the same drawing without them
    document.querySelectorAll("img[src$='claims_overview.svg']").forEach(function (img) {
      var o = document.createElement("object");
      o.type = "image/svg+xml";
      o.data = img.getAttribute("src");
      o.className = img.className + " glasson-linked-figure";
      o.setAttribute("aria-label", img.alt);
      o.style.width = "100%";
      img.replaceWith(o);
    });
  }

  function zoomFigures() {
    document.querySelectorAll("article figure img, article .cell_output img").forEach(function (img) {
      if (img.closest("a")) return;
      var a = document.createElement("a");
      a.href = img.currentSrc || img.src;
      a.className = "glasson-figure-link";
      a.title = "Open the figure full size";
      img.parentNode.insertBefore(a, img);
      a.appendChild(img);
    });
  }

  function claimsControls() {
    var rows = Array.prototype.map.call(document.querySelectorAll("span.glasson-claim"), function (s, i) {
      return {row: s.closest("tr"), data: s.dataset, index: i};
    }).filter(function (r) { return r.row; });
    if (!rows.length) return;
    var first = rows[0].row.closest("table");
    var box = first.closest(".pst-scrollable-table-container") || first;
    var heading = box.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    var bar = document.createElement("form");
    bar.className = "glasson-claims-filter";
    bar.setAttribute("aria-label", "Filter and sort the claims");
    function select(name, label, values) {
      var l = document.createElement("label");
      l.textContent = label + " ";
      var s = document.createElement("select");
      s.name = name;
      ["all"].concat(values).forEach(function (v) {
        var o = document.createElement("option");
        o.value = v; o.textContent = v;
        s.appendChild(o);
      });
      l.appendChild(s);
      bar.appendChild(l);
      return s;
    }
    function values(key) {
      var seen = [];
      rows.forEach(function (r) { var v = r.data[key]; if (v && seen.indexOf(v) < 0) seen.push(v); });
      return seen;
    }
    var verdict = select("verdict", "verdict", values("verdict"));
    var severity = select("severity", "severity", values("severity"));
    var section = select("section", "section", values("section"));
    var sort = select("sort", "order", ["largest disagreement first"]);
    sort.options[0].textContent = "the paper's order";
    var count = document.createElement("span");
    count.className = "glasson-claims-count";
    bar.appendChild(count);
    (heading ? heading.parentNode : box.parentNode).insertBefore(bar, heading || box);
    function apply() {
      var shown = 0;
      rows.forEach(function (r) {
        var ok = (verdict.value === "all" || r.data.verdict === verdict.value)
          && (severity.value === "all" || r.data.severity === severity.value)
          && (section.value === "all" || r.data.section === section.value);
        r.row.style.display = ok ? "" : "none";
        if (ok) shown += 1;
      });
      var bodies = [];
      rows.forEach(function (r) { if (bodies.indexOf(r.row.parentNode) < 0) bodies.push(r.row.parentNode); });
      bodies.forEach(function (body) {
        var mine = rows.filter(function (r) { return r.row.parentNode === body; });
        mine.sort(function (a, b) {
          return sort.value === "all" ? a.index - b.index : parseFloat(b.data.size) - parseFloat(a.data.size);
        });
        mine.forEach(function (r) { body.appendChild(r.row); });
      });
      count.textContent = shown + " of " + rows.length + " claims shown";
    }
    bar.addEventListener("change", apply);
    apply();
  }

  function layout() { fitEquations(); cueTables(); }

  window.glassonReady = new Promise(function (resolve) {
    function start() {
      var typeset = (window.MathJax && MathJax.startup && MathJax.startup.promise) || Promise.resolve();
      typeset.then(function () {
        linkedFigures();
        zoomFigures();
        claimsControls();
        layout();
        var timer = null;
        window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(layout, 100); });
        resolve(true);
      });
    }
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
    else start();
  });
})();
