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

  // --- the explorer of the guessed inputs (book/explore): the grid is computed when the book is built -----------
  function explorer() {
    var source = document.getElementById("explore-grid");
    var select = document.getElementById("explore-material");
    if (!source || !select) return;
    var g = JSON.parse(source.textContent);
    var lam = document.getElementById("explore-Lambda"), eps = document.getElementById("explore-eps_F");
    function bracket(axis, x) {  // the grid cell holding x and the fraction across it, in log space
      var lx = Math.log(x), i = 0;
      while (i < axis.length - 2 && Math.log(axis[i + 1]) < lx) i += 1;
      var f = (lx - Math.log(axis[i])) / (Math.log(axis[i + 1]) - Math.log(axis[i]));
      return {i: i, f: Math.min(1, Math.max(0, f))};
    }
    function interpolate(table, a, b) {  // bilinear in log(value) over log Λ, log ε_F
      var v00 = table[a.i][b.i], v01 = table[a.i][b.i + 1], v10 = table[a.i + 1][b.i], v11 = table[a.i + 1][b.i + 1];
      if ([v00, v01, v10, v11].some(function (v) { return v === null; })) return null;
      if ([v00, v01, v10, v11].every(function (v) { return v > 0; })) {
        return Math.exp((1 - a.f) * ((1 - b.f) * Math.log(v00) + b.f * Math.log(v01))
                        + a.f * ((1 - b.f) * Math.log(v10) + b.f * Math.log(v11)));
      }
      return (1 - a.f) * ((1 - b.f) * v00 + b.f * v01) + a.f * ((1 - b.f) * v10 + b.f * v11);
    }
    function show(x) {  // a number as the book writes it: 3 significant figures, × 10ⁿ outside 10⁻³–10⁵
      if (x === null || !isFinite(x)) return "—";
      var e = Math.floor(Math.log10(Math.abs(x)));
      if (e >= -3 && e < 5) return Number(x.toPrecision(3)).toString();
      var sup = {"-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹"};
      var mantissa = x / Math.pow(10, e);
      var m = Math.abs(mantissa - 1) < 1e-9 ? "" : mantissa.toPrecision(3) + " × ";  // 10⁻³, but 1.00 × 10⁻²⁷
      return m + "10" + String(e).split("").map(function (c) { return sup[c]; }).join("");
    }
    function verdict(c, x) {
      if (x === null) return "not-checkable";
      if (c.kind === "bound") return (c.bounds[0] < x && x < c.bounds[1]) ? "reproduced" : "discrepant";
      var r = x / c.paper;
      if (c.kind === "value") return Math.abs(r - 1) <= g.rules.value ? "reproduced" : "discrepant";
      return (1 / g.rules.order <= r && r <= g.rules.order) ? "reproduced" : "discrepant";
    }
    function update() {
      var glass = g.glasses[select.value];
      var x = parseFloat(lam.value), y = parseFloat(eps.value);
      var a = bracket(g.Lambda_eV, x), b = bracket(g.eps_F_K, y);
      var onGrid = (a.f === 0 || a.f === 1) && (b.f === 0 || b.f === 1);
      document.getElementById("explore-Lambda-value").textContent = show(x) + " eV";
      document.getElementById("explore-eps_F-value").textContent = show(y) + " K";
      document.getElementById("explore-where").textContent = onGrid
        ? "At a point of the grid computed when the book was built: the values are the package's."
        : "Between the points of the grid computed when the book was built: each value is interpolated "
          + "linearly in the logarithms of the value, Λ and εF (exact for a power law).";
      g.keys.forEach(function (key, k) {
        var table = glass.values.map(function (row) { return row.map(function (v) { return v[k]; }); });
        var v = interpolate(table, a, b);
        var q = g.quantities[k];
        document.querySelectorAll("[data-quantity='" + key + "']").forEach(function (el) {
          el.dataset.value = v === null ? "" : String(v);
          el.textContent = v === null ? "—" : show(v * q.factor);
        });
      });
      var paper = select.value === g.paper_material;
      document.querySelectorAll(".glasson-explore-claim").forEach(function (el) {
        var c = g.claims[el.dataset.claim];
        var v = paper ? interpolate(c.values, a, b) : null;
        var verdict_ = paper ? verdict(c, v) : "—";
        el.textContent = paper ? verdict_.replace("-", " ") + " (" + show(v) + ")" : "—";
        el.dataset.verdict = verdict_;
        el.dataset.value = v === null ? "" : String(v);
      });
    }
    [select, lam, eps].forEach(function (el) { el.addEventListener("input", update); el.addEventListener("change", update); });
    update();
  }

  function layout() { fitEquations(); cueTables(); }

  window.glassonReady = new Promise(function (resolve) {
    function start() {
      var typeset = (window.MathJax && MathJax.startup && MathJax.startup.promise) || Promise.resolve();
      typeset.then(function () {
        linkedFigures();
        zoomFigures();
        claimsControls();
        explorer();
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
