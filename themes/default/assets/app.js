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

  var CATEGORY_LABELS = { loan: "信贷", guarantee: "担保", insurance: "保险", leasing: "租赁", other: "其他" };

  /* The compact product data (ProductData.swift): a manifest naming shards by
     target customer and category, and by a hash of the id. Each shard is
     fetched once per page; rows become plain objects. */
  function productData(manifestURL, base) {
    var manifest = null, shards = {};
    function json(url) {
      return fetch(url).then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); });
    }
    function load() {
      if (!manifest) {
        manifest = json(manifestURL);
        manifest.catch(function () { manifest = null; });
      }
      return manifest;
    }
    function shard(path) {
      if (!shards[path]) {
        shards[path] = json(base + path).then(function (d) {
          return d.p.map(function (r) {
            return { id: r[0], name: r[1], inst: d.i[r[2]], cat: r[3], targets: words(r[4]), guarantees: words(r[5]),
                     amin: r[6], amax: r[7], tmin: r[8], tmax: r[9], rmin: r[10], rmax: r[11], simple: r[12] === 1,
                     amountText: r[13], termText: r[14], rateText: r[15], phone: r[16], days: r[17],
                     purposes: purposeTags(r[18]), apply: r[19] || "", repayment: r[20] || "", eligibility: r[21] || "" };
          });
        });
        shards[path].catch(function () { delete shards[path]; });
      }
      return shards[path];
    }
    function merge(lists) {
      var seen = {}, out = [];
      lists.forEach(function (l) { l.forEach(function (p) { if (!seen[p.id]) { seen[p.id] = true; out.push(p); } }); });
      return out.sort(function (a, b) { return a.id < b.id ? -1 : 1; });
    }
    function fnv(s) {
      var h = 0x811c9dc5;
      for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
      return h;
    }
    return {
      /* The products a query on target and category can match: only their shards. */
      query: function (q) {
        return load().then(function (m) {
          var paths = Object.keys(m.shards).filter(function (k) {
            var parts = k.split("/");
            return (!q.target || parts[0] === q.target) && (!q.category || parts[1] === q.category);
          }).map(function (k) { return m.shards[k][0]; });
          return Promise.all(paths.map(shard)).then(merge);
        });
      },
      byIds: function (ids) {
        return load().then(function (m) {
          var paths = ids.map(function (id) { return m.ids[fnv(id) % m.ids.length]; });
          return Promise.all(paths.map(shard)).then(function (lists) {
            var all = merge(lists);
            return ids.map(function (id) { return all.filter(function (p) { return p.id === id; })[0]; }).filter(Boolean);
          });
        });
      }
    };
  }

  function words(s) { return (s || "").split(/\s+/).filter(Boolean); }

  /* "equipment:3:农机 research:1:" → { equipment: {strength: 3, word: "农机"}, research: {strength: 1, word: ""} } */
  function purposeTags(s) {
    var out = {};
    words(s).forEach(function (w) {
      var parts = w.split(":");
      out[parts[0]] = { strength: parseInt(parts[1], 10) || 1, word: parts.slice(2).join(":") };
    });
    return out;
  }

  /* Does a product fit what the visitor asked for? Returns reasons, or null.
     strict: the catalogue filter (a guarantee method must be offered by the product);
     otherwise the matcher (products that need no guarantee fit any visitor). */
  function fits(p, q, strict) {
    var why = [];
    if (q.category && p.cat !== q.category) return null;
    if (q.target) {
      if (p.targets.indexOf(q.target) < 0) return null;
      why.push("适用于所选企业类型");
    }
    var wanted = (q.guarantee || []).filter(Boolean);
    if (wanted.length) {
      var ok = wanted.filter(function (x) { return p.guarantees.indexOf(x) >= 0; });
      if (!ok.length && (strict || p.guarantees.length)) return null;
      if (ok.length) why.push("接受您可提供的担保方式");
      else why.push("无需担保");
    }
    if (q.amount) {
      if (p.amin === null || q.amount < p.amin || q.amount > p.amax) return null;
      why.push("额度 " + p.amin + "–" + p.amax + " 万元，覆盖 " + q.amount + " 万元");
    }
    if (q.term) {
      if (p.tmin === null || q.term < p.tmin || q.term > p.tmax) return null;
      why.push("期限 " + p.tmin + "–" + p.tmax + " 个月，覆盖 " + q.term + " 个月");
    }
    if (q.apr) {
      if (p.rmin === null || p.rmin > q.apr) return null;
      why.push("年化利率最低 " + p.rmin + "%");
    }
    return why;
  }

  /* A phone number as a link that dials it: only what a phone dials goes in the address. */
  function telLink(phone) {
    var a = document.createElement("a");
    a.href = "tel:" + phone.replace(/[^0-9+\-,;]/g, "");
    a.textContent = phone;
    return a;
  }

  /* A link to a lender's own application page (an http(s) URL, checked at build time). */
  function applyLink(url, text) {
    var a = document.createElement("a");
    a.href = url;
    a.rel = "noopener";
    a.textContent = text;
    return a;
  }

  /* A list item headed by the product's name, linked to its page. */
  function productItem(p, base, tag, className) {
    var li = document.createElement("li");
    li.className = className;
    li.setAttribute("data-id", p.id);
    var h = document.createElement(tag);
    h.className = "card-title";
    var a = document.createElement("a");
    a.href = base + "products/" + p.id + "/";
    a.textContent = p.name;
    h.appendChild(a);
    li.appendChild(h);
    return li;
  }

  /* A product as a card, built from text only (nothing is parsed as HTML). */
  function productCard(p, base, tag, extra) {
    var li = productItem(p, base, tag || "h3", "card product-card");
    function line(cls, text) {
      if (!text) return;
      var el = document.createElement("p");
      el.className = cls;
      el.textContent = text;
      li.appendChild(el);
    }
    line("card-meta", (CATEGORY_LABELS[p.cat] || "") + " · " + p.inst);
    line("apr", p.rateText);
    line("card-facts", "额度 " + p.amountText + " · 期限 " + p.termText);
    (extra || []).forEach(function (e) { line(e[0], e[1]); });
    if (p.apply) {
      var ap = document.createElement("p");
      ap.appendChild(applyLink(p.apply, "在线申请"));
      li.appendChild(ap);
    }
    if (p.phone) {
      var tel = document.createElement("p");
      tel.className = "card-facts";
      tel.appendChild(document.createTextNode("咨询电话 "));
      tel.appendChild(telLink(p.phone));
      li.appendChild(tel);
    }
    return li;
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

  /* The catalogue's filter form: every page of the list is one static page of
     it; a filter reads the compact data of the whole catalogue instead, shows
     the matching products in place of the page's, and hides the page links. */
  function setupFilters() {
    var form = document.getElementById("product-filters");
    var list = document.getElementById("product-list");
    if (!form || !list) return;
    form.hidden = false;
    var data = productData(form.getAttribute("data-products"), form.getAttribute("data-base"));
    var staticItems = Array.prototype.slice.call(list.children);
    var staticCount = document.getElementById("result-count");
    var initialCount = staticCount ? staticCount.textContent : "";
    var pages = document.getElementById("product-pages");
    var more = document.getElementById("filter-more");
    var status = document.getElementById("filter-status");
    var empty = document.getElementById("filter-empty");
    var shown = [], step = 48, limit = step;
    function render() {
      list.textContent = "";
      shown.slice(0, limit).forEach(function (p) { list.appendChild(productCard(p, form.getAttribute("data-base"))); });
      more.hidden = shown.length <= limit;
    }
    function apply(params, announce) {
      var q = queryFrom(params);
      var filtering = q.category || q.target || q.guarantee.length || q.amount || q.term || q.apr;
      if (!filtering) {
        list.textContent = "";
        staticItems.forEach(function (li) { list.appendChild(li); });
        if (staticCount) staticCount.textContent = initialCount;
        if (pages) pages.hidden = false;
        more.hidden = true;
        if (empty) empty.hidden = true;
        return;
      }
      if (status && announce) status.textContent = "正在查找…";
      data.query(q).then(function (products) {
        shown = products.filter(function (p) { return fits(p, q, true) !== null; });
        limit = step;
        render();
        if (pages) pages.hidden = true;
        if (staticCount) staticCount.textContent = String(shown.length);
        if (empty) empty.hidden = shown.length > 0;
        if (status && announce) status.textContent = "符合条件的产品：" + shown.length + " 款";
      }, function () {
        if (status) status.textContent = "产品数据加载失败，请检查网络后重试。";
      });
    }
    more.addEventListener("click", function () { limit += step; render(); });
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
    /* A shared link with filters shows them, so the visitor sees why the list is short. */
    var panel = form.closest("details");
    if (panel && location.search.length > 1) panel.open = true;
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

  /* What differs between a product and the visitor's need, in words, or [] when it fits. */
  function differences(p, q) {
    var out = [];
    if (q.amount && p.amin !== null && q.amount < p.amin) out.push("额度下限 " + p.amin + " 万元，高于所需 " + q.amount + " 万元");
    if (q.amount && p.amax !== null && q.amount > p.amax) out.push("额度上限 " + p.amax + " 万元，低于所需 " + q.amount + " 万元");
    if (q.term && p.tmin !== null && q.term < p.tmin) out.push("期限至少 " + p.tmin + " 个月");
    if (q.term && p.tmax !== null && q.term > p.tmax) out.push("期限最长 " + p.tmax + " 个月");
    var wanted = (q.guarantee || []).filter(Boolean);
    if (wanted.length && p.guarantees.length && !wanted.some(function (g) { return p.guarantees.indexOf(g) >= 0; }))
      out.push("需要其他担保方式");
    return out;
  }

  function setupMatcher() {
    var form = document.getElementById("match-form");
    if (!form) return;
    form.hidden = false;
    var base = form.getAttribute("data-base");
    var data = productData(form.getAttribute("data-products"), base);
    var results = document.getElementById("match-results");
    var status = document.getElementById("match-status");
    var nearest = document.getElementById("match-nearest");
    var advisors = document.getElementById("match-advisors");
    var purposeLabels = {};
    Array.prototype.forEach.call(document.querySelectorAll("#m-purpose option"), function (o) { purposeLabels[o.value] = o.textContent; });
    var advisorsPromise = null;
    function showAdvisors(q) {
      var url = form.getAttribute("data-advisors");
      if (!url) return;
      if (!advisorsPromise) advisorsPromise = fetch(url).then(function (r) { return r.json(); });
      advisorsPromise.then(function (rows) {
        var list = advisors.querySelector("ul");
        list.textContent = "";
        /* Those serving the visitor's district; who knows their kind of firm first. */
        var fit = rows.filter(function (a) { return !q.district || words(a[4]).indexOf(q.district) >= 0; });
        fit.sort(function (a, b) {
          var x = words(a[5]).indexOf(q.target) >= 0 ? 0 : 1, y = words(b[5]).indexOf(q.target) >= 0 ? 0 : 1;
          return x - y || (a[0] < b[0] ? -1 : 1);
        });
        fit.slice(0, 4).forEach(function (a) {
          var li = document.createElement("li");
          li.className = "card";
          var h = document.createElement("h3");
          h.className = "card-title";
          var link = document.createElement("a");
          link.href = base + "advisors/" + a[0] + "/";
          link.textContent = a[1] + "（" + a[2] + "）";
          h.appendChild(link);
          li.appendChild(h);
          var p = document.createElement("p");
          p.className = "card-facts";
          p.textContent = a[3] + " · 服务区域：" + words(a[4]).join("、") + (a[7] ? " · " + a[7] : "") + " · 电话 ";
          p.appendChild(telLink(a[6]));
          li.appendChild(p);
          list.appendChild(li);
        });
        advisors.hidden = fit.length === 0;
      });
    }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var fd = new FormData(form);
      var q = { target: fd.get("target") || "", guarantee: fd.getAll("guarantee"), amount: parseFloat(fd.get("amount")) || 0,
                term: parseFloat(fd.get("term")) || 0, purpose: fd.get("purpose") || "", district: fd.get("district") || "" };
      status.textContent = "正在查找…";
      data.query({ target: q.target }).then(function (products) {
        var found = [], near = [];
        products.forEach(function (p) {
          var why = fits(p, q);
          var fit = q.purpose && Object.prototype.hasOwnProperty.call(p.purposes, q.purpose) ? p.purposes[q.purpose] : null;
          /* Products whose name names the purpose first, then their summary, then the rest. */
          var first = fit ? 3 - fit.strength : 3;
          if (why) {
            if (fit) why.unshift("适合" + purposeLabels[q.purpose] + (fit.word ? "（产品说明提到“" + fit.word + "”）" : "（面向相应企业）"));
            found.push({ p: p, why: why, first: first });
          } else {
            var diff = differences(p, q);
            if (diff.length === 1) near.push({ p: p, why: ["与需求不同：" + diff[0]], first: first });
          }
        });
        function order(a, b) {
          var x = a.p.rmin === null ? 99 : a.p.rmin, y = b.p.rmin === null ? 99 : b.p.rmin;
          return a.first - b.first || x - y || b.why.length - a.why.length || (a.p.id < b.p.id ? -1 : 1);
        }
        found.sort(order);
        near.sort(order);
        results.textContent = "";
        found.slice(0, 20).forEach(function (f) {
          var extra = [["why", "匹配原因：" + f.why.join("；")]];
          results.appendChild(productCard(f.p, base, "h2", extra));
        });
        var nearList = nearest.querySelector("ol");
        nearList.textContent = "";
        if (!found.length) near.slice(0, 5).forEach(function (f) { nearList.appendChild(productCard(f.p, base, "h3", [["why", f.why[0]]])); });
        nearest.hidden = found.length > 0 || near.length === 0;
        advisors.hidden = true;
        if (!found.length) showAdvisors(q);
        status.textContent = found.length ? "为您找到 " + found.length + " 款产品" + (q.purpose ? "，适合所选用途的排在前面" : "") + "，再按年化利率从低到高排列" + (found.length > 20 ? "（显示前 20 款）" : "") + "。"
                                          : "没有完全符合的产品。" + (near.length ? "下面是只差一项条件的产品，" : "") + "也可以直接联系金融顾问。";
        status.focus();
        status.scrollIntoView({ block: "start" });
      }, function () {
        status.textContent = "产品数据加载失败，请检查网络后重试。";
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

  /* Compare: the products named in the address (?p=id, at most three), read
     from the compact data by id; more are found by name with the search index. */
  function setupCompare() {
    var form = document.getElementById("compare-form");
    if (!form) return;
    form.hidden = false;
    var base = form.getAttribute("data-base");
    var data = productData(form.getAttribute("data-products"), base);
    var out = document.getElementById("compare-result");
    var status = document.getElementById("compare-status");
    var choices = document.getElementById("compare-choices");
    var params = new URLSearchParams(location.search);
    var ids = params.getAll("p").filter(Boolean).slice(0, 3);
    function go(next) {
      var qs = next.map(function (id) { return "p=" + encodeURIComponent(id); }).join("&");
      location.search = qs ? "?" + qs : "";
    }
    function button(text, onClick) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "button";
      b.textContent = text;
      b.addEventListener("click", onClick);
      return b;
    }
    if (ids.length) {
      data.byIds(ids).then(function (products) {
        out.textContent = "";
        var h = document.createElement("h2");
        h.textContent = "对比结果（" + products.length + " 款）";
        out.appendChild(h);
        var rows = [["机构", "inst"], ["类别", function (p) { return CATEGORY_LABELS[p.cat] || ""; }], ["利率/费率", "rateText"],
                    ["额度", "amountText"], ["期限", "termText"], ["担保方式", function (p) { return p.guarantees.length ? p.guarantees.map(function (g) { return ({ credit: "信用", surety: "保证", mortgage: "抵押", pledge: "质押" })[g] || g; }).join("、") : "—"; }],
                    ["还款方式", "repayment"], ["办理时限", function (p) { return p.days ? p.days + " 个工作日" : "—"; }],
                    ["申请条件", "eligibility"], ["咨询电话", "phone"], ["在线申请", "apply"]];
        var list = document.createElement("ul");
        list.className = "card-list compare-cards";
        products.forEach(function (p) {
          var li = productItem(p, base, "h3", "card");
          var dl = document.createElement("dl");
          dl.className = "plain";
          rows.forEach(function (r) {
            var dt = document.createElement("dt"), dd = document.createElement("dd");
            dt.textContent = r[0];
            var v = typeof r[1] === "function" ? r[1](p) : p[r[1]];
            if (r[0] === "咨询电话" && v) dd.appendChild(telLink(v));
            else if (r[0] === "在线申请" && v) dd.appendChild(applyLink(v, "去申请"));
            else dd.textContent = v || "—";
            dl.appendChild(dt);
            dl.appendChild(dd);
          });
          li.appendChild(dl);
          li.appendChild(button("移出对比", function () { go(ids.filter(function (x) { return x !== p.id; })); }));
          list.appendChild(li);
        });
        out.appendChild(list);
        if (products.length < ids.length) status.textContent = "有 " + (ids.length - products.length) + " 款产品已不在产品超市中。";
      }, function () { status.textContent = "产品数据加载失败，请检查网络后重试。"; });
    } else {
      status.textContent = "尚未选择产品：请在下面按名称查找，或在产品页点“与其他产品对比”。";
    }
    var index = null;
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var q = document.getElementById("compare-q").value.trim().toLowerCase();
      if (!q) return;
      if (!index) index = fetch(form.getAttribute("data-index")).then(function (r) { return r.json(); });
      status.textContent = "正在查找…";
      index.then(function (idx) {
        var found = idx.docs.filter(function (d) { return d.k.indexOf("产品") === 0 && d.t.toLowerCase().indexOf(q) >= 0; }).slice(0, 10);
        choices.textContent = "";
        found.forEach(function (d) {
          var id = d.u.replace(/^products\//, "").replace(/\/$/, "");
          var li = document.createElement("li");
          li.className = "card";
          var t = document.createElement("p");
          t.className = "card-title";
          t.textContent = d.t + "（" + d.s.split(" ")[0] + "）";
          li.appendChild(t);
          if (ids.indexOf(id) < 0 && ids.length < 3) li.appendChild(button("加入对比", function () { go(ids.concat([id])); }));
          choices.appendChild(li);
        });
        status.textContent = found.length ? "找到 " + found.length + " 款产品" + (ids.length >= 3 ? "；已选满三款，请先移出一款。" : "。")
                                          : "没有名称含“" + q + "”的产品。";
      });
    });
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
