/* Huiqi portal enhancements. Every page works without this file; it adds the
   elderly-friendly switches, read-aloud, live filters, search, the product
   matcher and comparison. Nothing a visitor types leaves the browser. */
(function () {
  "use strict";
  var doc = document.documentElement;
  var store = { get: function (k) { try { return localStorage.getItem(k); } catch (e) { return null; } },
                set: function (k, v) { try { localStorage.setItem(k, v); } catch (e) { /* private mode */ } } };

  ["large-text", "high-contrast"].forEach(function (c) { if (store.get("huiqi-" + c) === "1") doc.classList.add(c); });

  function rootURL() {
    var link = document.querySelector('link[rel="stylesheet"]');
    var href = link ? link.getAttribute("href") : "";
    return href.replace(/assets\/[^\/]+$/, "");
  }

  function addToggle(tools, cls, label) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.setAttribute("aria-pressed", doc.classList.contains(cls) ? "true" : "false");
    b.addEventListener("click", function () {
      var on = !doc.classList.contains(cls);
      doc.classList.toggle(cls, on);
      b.setAttribute("aria-pressed", on ? "true" : "false");
      store.set("huiqi-" + cls, on ? "1" : "0");
    });
    tools.appendChild(b);
  }

  function setupTools() {
    var tools = document.getElementById("a11y-tools");
    if (!tools) return;
    addToggle(tools, "large-text", "大字模式");
    addToggle(tools, "high-contrast", "高对比度");
    var area = document.getElementById("read-area") || document.getElementById("main");
    if ("speechSynthesis" in window && area) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = "朗读本页";
      b.setAttribute("aria-pressed", "false");
      var reset = function () { b.setAttribute("aria-pressed", "false"); b.textContent = "朗读本页"; };
      b.addEventListener("click", function () {
        if (b.getAttribute("aria-pressed") === "true") { speechSynthesis.cancel(); reset(); return; }
        /* Short sentences: long utterances are cut off by some engines. */
        var text = area.innerText.replace(/\s+/g, " ").slice(0, 6000);
        var parts = text.match(/[^。！？；!?;]{1,180}[。！？；!?;]?/g) || [];
        parts.forEach(function (part, i) {
          var u = new SpeechSynthesisUtterance(part);
          u.lang = doc.lang || "zh-CN";
          u.rate = 0.9;
          if (i === parts.length - 1) u.onend = reset;
          speechSynthesis.speak(u);
        });
        b.setAttribute("aria-pressed", "true");
        b.textContent = "停止朗读";
      });
      tools.appendChild(b);
    }
  }

  function num(el, name) { var v = parseFloat(el.getAttribute("data-" + name)); return isNaN(v) ? null : v; }

  function words(s) { return (s || "").split(/\s+/).filter(Boolean); }

  /* Does a product card fit what the visitor asked for? Returns reasons, or null.
     strict: the catalogue filter (a guarantee method must be offered by the product);
     otherwise the matcher (products that need no guarantee fit any visitor). */
  function fits(card, q, strict) {
    var why = [];
    if (q.category && card.getAttribute("data-category") !== q.category) return null;
    if (q.target) {
      if (words(card.getAttribute("data-targets")).indexOf(q.target) < 0) return null;
      why.push("适用于所选企业类型");
    }
    var wanted = (q.guarantee || []).filter(Boolean);
    if (wanted.length) {
      var offered = words(card.getAttribute("data-guarantee"));
      var ok = wanted.filter(function (x) { return offered.indexOf(x) >= 0; });
      if (!ok.length && (strict || offered.length)) return null;
      if (ok.length) why.push("接受您可提供的担保方式");
      else why.push("无需担保");
    }
    if (q.amount) {
      if (q.amount < num(card, "amount-min") || q.amount > num(card, "amount-max")) return null;
      why.push("额度 " + num(card, "amount-min") + "–" + num(card, "amount-max") + " 万元，覆盖 " + q.amount + " 万元");
    }
    if (q.term) {
      if (q.term < num(card, "term-min") || q.term > num(card, "term-max")) return null;
      why.push("期限 " + num(card, "term-min") + "–" + num(card, "term-max") + " 个月，覆盖 " + q.term + " 个月");
    }
    if (q.apr) {
      var a = num(card, "apr-min");
      if (a === null || a > q.apr) return null;
      why.push("年化利率最低 " + a + "%");
    }
    return why;
  }

  function queryFrom(params) {
    return { category: params.get("category") || "", target: params.get("target") || "",
             guarantee: params.getAll("guarantee").filter(Boolean),
             amount: parseFloat(params.get("amount")) || 0, term: parseFloat(params.get("term")) || 0,
             apr: parseFloat(params.get("apr")) || 0 };
  }

  function fillForm(form, params) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name) return;
      if (el.type === "checkbox") el.checked = params.getAll(el.name).indexOf(el.value) >= 0;
      else if (params.has(el.name)) el.value = params.get(el.name);
    });
  }

  function setupFilters() {
    var form = document.getElementById("product-filters");
    var list = document.getElementById("product-list");
    if (!form || !list) return;
    form.hidden = false;
    var cards = list.querySelectorAll(".product-card");
    var count = document.getElementById("result-count");
    var status = document.getElementById("filter-status");
    var empty = document.getElementById("filter-empty");
    function apply(params, announce) {
      var q = queryFrom(params);
      var shown = 0;
      Array.prototype.forEach.call(cards, function (c) {
        var ok = fits(c, q, true) !== null;
        c.hidden = !ok;
        if (ok) shown++;
      });
      if (count) count.textContent = String(shown);
      if (empty) empty.hidden = shown > 0;
      if (status && announce) status.textContent = "符合条件的产品：" + shown + " 款";
    }
    function formParams() {
      var params = new URLSearchParams();
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.value === "" || (el.type === "checkbox" && !el.checked)) return;
        params.append(el.name, el.value.trim());
      });
      return params;
    }
    var initial = new URLSearchParams(location.search);
    fillForm(form, initial);
    apply(initial, location.search.length > 1);
    function update() {
      var params = formParams();
      var qs = params.toString();
      history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
      apply(params, true);
    }
    form.addEventListener("change", update);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); update(); });
  }

  function setupMatcher() {
    var form = document.getElementById("match-form");
    if (!form) return;
    form.hidden = false;
    var results = document.getElementById("match-results");
    var status = document.getElementById("match-status");
    var cardsPromise = null;
    function loadCards() {
      if (!cardsPromise) {
        cardsPromise = fetch(rootURL() + "products/").then(function (r) { return r.text(); }).then(function (html) {
          var d = new DOMParser().parseFromString(html, "text/html");
          return Array.prototype.slice.call(d.querySelectorAll(".product-card"));
        });
      }
      return cardsPromise;
    }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var fd = new FormData(form);
      var q = { target: fd.get("target") || "", guarantee: fd.getAll("guarantee"), amount: parseFloat(fd.get("amount")) || 0,
                term: parseFloat(fd.get("term")) || 0 };
      loadCards().then(function (cards) {
        var found = [];
        cards.forEach(function (c) {
          var why = fits(c, q);
          if (why) found.push({ card: c, why: why, apr: num(c, "apr-min"), days: 0 });
        });
        found.sort(function (a, b) {
          var x = a.apr === null ? 99 : a.apr, y = b.apr === null ? 99 : b.apr;
          return x - y || b.why.length - a.why.length;
        });
        results.textContent = "";
        var base = rootURL();
        found.slice(0, 20).forEach(function (f) {
          var li = document.createElement("li");
          li.className = "card";
          var a = f.card.querySelector(".card-title a");
          var h = document.createElement("h2");
          h.className = "card-title";
          var link = document.createElement("a");
          link.href = base + a.getAttribute("href").replace(/^(\.\.\/)+/, "");
          link.textContent = a.textContent;
          h.appendChild(link);
          li.appendChild(h);
          ["card-meta", "apr", "card-facts"].forEach(function (cls) {
            var src = f.card.querySelector("." + cls);
            if (src) { var p = document.createElement("p"); p.className = cls; p.textContent = src.textContent; li.appendChild(p); }
          });
          var why = document.createElement("p");
          why.className = "why";
          why.textContent = "匹配原因：" + f.why.join("；");
          li.appendChild(why);
          results.appendChild(li);
        });
        status.textContent = found.length ? "为您找到 " + found.length + " 款产品，按年化利率从低到高排列" + (found.length > 20 ? "（显示前 20 款）" : "") + "。"
                                          : "没有完全符合的产品，请调整金额、期限或担保方式。";
      });
    });
  }

  function setupSearch() {
    var form = document.getElementById("search-form");
    if (!form) return;
    var input = document.getElementById("q");
    var results = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var indexPromise = null;
    /* Loaded with the page, so searching keeps working offline afterwards. */
    function loadIndex() {
      if (!indexPromise) {
        indexPromise = fetch(form.getAttribute("data-index")).then(function (r) {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        });
        indexPromise.catch(function () { indexPromise = null; status.textContent = "搜索索引加载失败，请检查网络后重试。"; });
      }
      return indexPromise;
    }
    loadIndex();
    function terms(s) {
      var chars = Array.from(s.toLowerCase().replace(/[\s\p{P}]/gu, ""));
      var out = [];
      if (chars.length === 1) return [chars[0]];
      for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
      return out;
    }
    function run(query) {
      loadIndex().then(function (idx) {
        var score = {};
        var words = query.split(/\s+/).filter(Boolean);
        words.forEach(function (w) {
          terms(w).forEach(function (t) { (idx.terms[t] || []).forEach(function (d) { score[d] = (score[d] || 0) + 1; }); });
        });
        var ranked = Object.keys(score).map(Number).map(function (d) {
          var doc = idx.docs[d], s = score[d];
          words.forEach(function (w) {
            w = w.toLowerCase();
            if (doc.t.toLowerCase().indexOf(w) >= 0) s += 10;
            else if (doc.s.toLowerCase().indexOf(w) >= 0) s += 3;
          });
          return { d: doc, s: s };
        }).filter(function (r) { return r.s >= Math.max(1, terms(query.replace(/\s+/g, "")).length * 0.6); });
        ranked.sort(function (a, b) { return b.s - a.s || (a.d.t < b.d.t ? -1 : 1); });
        results.textContent = "";
        var base = rootURL();
        ranked.slice(0, 30).forEach(function (r) {
          var li = document.createElement("li");
          li.className = "card";
          var h = document.createElement("h2");
          h.className = "card-title";
          var a = document.createElement("a");
          a.href = base + r.d.u;
          a.textContent = r.d.t;
          h.appendChild(a);
          var p = document.createElement("p");
          p.className = "card-meta";
          p.textContent = r.d.k + " · " + (r.d.s.length > 90 ? r.d.s.slice(0, 88) + "…" : r.d.s);
          li.appendChild(h);
          li.appendChild(p);
          results.appendChild(li);
        });
        status.textContent = ranked.length ? "找到 " + ranked.length + " 条结果" : "没有找到与“" + query + "”相关的内容";
      });
    }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var q = input.value.trim();
      if (!q) return;
      history.replaceState(null, "", "?q=" + encodeURIComponent(q));
      run(q);
    });
    var initial = new URLSearchParams(location.search).get("q");
    if (initial) { input.value = initial; run(initial); }
  }

  function setupPrint() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (b) {
      b.hidden = false;
      b.addEventListener("click", function () { window.print(); });
    });
  }

  function setupCompare() {
    var form = document.getElementById("compare-form");
    var data = document.getElementById("compare-data");
    if (!form || !data) return;
    var out = document.getElementById("compare-result");
    var ids = new URLSearchParams(location.search).getAll("p").filter(Boolean).slice(0, 3);
    var selects = form.querySelectorAll("select");
    ids.forEach(function (id, i) { if (selects[i]) selects[i].value = id; });
    if (!ids.length) return;
    var rows = ids.map(function (id) { return data.querySelector('tr[data-id="' + CSS.escape(id) + '"]'); }).filter(Boolean);
    if (!rows.length) return;
    var heads = data.querySelectorAll("thead th");
    var table = document.createElement("table");
    table.className = "data-table compare-table";
    var cap = document.createElement("caption");
    cap.textContent = "所选 " + rows.length + " 款产品对比";
    table.appendChild(cap);
    var head = document.createElement("thead");
    var htr = document.createElement("tr");
    var corner = document.createElement("td");
    htr.appendChild(corner);
    rows.forEach(function (r) {
      var th = document.createElement("th");
      th.scope = "col";
      th.innerHTML = r.children[0].innerHTML; /* our own link markup, copied from this page */
      htr.appendChild(th);
    });
    head.appendChild(htr);
    table.appendChild(head);
    var body = document.createElement("tbody");
    Array.prototype.forEach.call(heads, function (th, col) {
      if (col === 0) return;
      var tr = document.createElement("tr");
      var rh = document.createElement("th");
      rh.scope = "row";
      rh.textContent = th.textContent;
      tr.appendChild(rh);
      rows.forEach(function (r) {
        var td = document.createElement("td");
        td.textContent = r.children[col].textContent;
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    table.appendChild(body);
    var h = document.createElement("h2");
    h.textContent = "对比结果";
    var wrap = document.createElement("div");
    wrap.className = "table-scroll";
    wrap.tabIndex = 0;
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "对比结果（可横向滚动）");
    wrap.appendChild(table);
    out.textContent = "";
    out.appendChild(h);
    out.appendChild(wrap);
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupTools();
    setupFilters();
    setupMatcher();
    setupSearch();
    setupCompare();
    setupPrint();
    doc.setAttribute("data-js", "ready");
  });
})();
