"""Catalogue filters, search, the product matcher, comparison and elderly mode in real headless Chromium.
Expected results are computed here from the built catalogue's data, not hard-coded."""
import json, re, urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser_helpers import PRODUCT_VIEWS, driver, links, make_driver, page_kinds, product_ids, site_url, wait_ready  # noqa: F401


def catalogue_pages(site):
    """The full catalogue's pages, in order: page 1 at products/, then products/page/N/."""
    pages = [site / "products/index.html"]
    n = 2
    while (site / f"products/page/{n}/index.html").exists():
        pages.append(site / f"products/page/{n}/index.html")
        n += 1
    return pages


@pytest.fixture(scope="module")
def catalogue(built_site):
    """Every product card of the full catalogue (all its pages), with its data attributes."""
    html = "".join(p.read_text(encoding="utf-8") for p in catalogue_pages(built_site))
    cards = []
    for m in re.finditer(r'<li class="card product-card"([^>]*)>', html):
        attrs = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', m.group(1)))
        card = {"id": attrs["id"], "category": attrs["category"], "targets": attrs["targets"].split(),
                "guarantee": attrs["guarantee"].split(),
                "amount": (float(attrs["amount-min"]), float(attrs["amount-max"])),
                "term": (float(attrs["term-min"]), float(attrs["term-max"])),
                "apr": float(attrs["apr-min"]) if "apr-min" in attrs else None}
        cards.append(card)
    assert len(cards) > 50
    return cards


def catalogue_filter(cards, category="", target="", guarantee="", amount=0, term=0, apr=0):
    out = []
    for c in cards:
        if category and c["category"] != category: continue
        if target and target not in c["targets"]: continue
        if guarantee and guarantee not in c["guarantee"]: continue
        if amount and not (c["amount"][0] <= amount <= c["amount"][1]): continue
        if term and not (c["term"][0] <= term <= c["term"][1]): continue
        if apr and (c["apr"] is None or c["apr"] > apr): continue
        out.append(c["id"])
    return out


def visible_cards(driver):
    """The cards shown, after asking for more until all matching ones are."""
    for _ in range(100):
        more = driver.find_element(By.ID, "filter-more")
        if not more.is_displayed():
            break
        more.click()
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#product-list .product-card'))"
        ".filter(c => c.offsetParent !== null).map(c => c.dataset.id);")


FILTER_CASES = [
    {"category": "loan"},
    {"category": "loan", "guarantee": "credit"},
    {"amount": 300},
    {"category": "loan", "amount": 100, "term": 12, "apr": 4},
    {"guarantee": "mortgage", "term": 36},
    {"category": "insurance", "apr": 5},
]


@pytest.mark.parametrize("case", FILTER_CASES, ids=lambda c: urllib.parse.urlencode(c))
def test_catalogue_filter_from_url(driver, site_url, catalogue, case):
    case = {k: v for k, v in case.items() if v}
    expected = catalogue_filter(catalogue, **case)
    driver.get(site_url + "products/?" + urllib.parse.urlencode(case))
    wait_ready(driver)
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "filter-status").text.startswith("符合"))
    assert visible_cards(driver) == expected
    # The page links belong to the unfiltered list: hidden while filtering.
    assert not driver.find_element(By.ID, "product-pages").is_displayed()
    assert driver.find_element(By.ID, "result-count").text == str(len(expected))
    empty = driver.find_element(By.ID, "filter-empty")
    assert empty.is_displayed() == (not expected)
    # The form shows the state read from the URL.
    for name, value in case.items():
        el = driver.find_element(By.CSS_SELECTOR, f'#product-filters [name="{name}"]')
        assert el.get_attribute("value") == str(value)


def test_catalogue_filter_by_form_updates_url(driver, site_url, catalogue):
    targets = sorted({t for c in catalogue for t in c["targets"]})
    target = max(targets, key=lambda t: sum(t in c["targets"] for c in catalogue))
    driver.get(site_url + "products/")
    wait_ready(driver)
    first_page = visible_cards(driver)
    assert first_page == [c["id"] for c in catalogue][:len(first_page)] and 5 <= len(first_page) < len(catalogue)
    # The filters are folded behind one 筛选 control.
    assert not driver.find_element(By.ID, "f-target").is_displayed()
    driver.find_element(By.CSS_SELECTOR, ".filter-panel > summary").click()
    Select(driver.find_element(By.ID, "f-target")).select_by_value(target)
    Select(driver.find_element(By.ID, "f-guarantee")).select_by_value("credit")
    amount = driver.find_element(By.ID, "f-amount")
    amount.send_keys("50")
    amount.send_keys(Keys.ENTER)
    expected = catalogue_filter(catalogue, target=target, guarantee="credit", amount=50)
    WebDriverWait(driver, 5).until(lambda d: "amount=50" in d.current_url)
    WebDriverWait(driver, 10).until(lambda d: "符合条件的产品：%d 款" % len(expected) in d.find_element(By.ID, "filter-status").text)
    assert visible_cards(driver) == expected
    params = urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)
    assert params == {"target": [target], "guarantee": ["credit"], "amount": ["50"]}
    assert "符合条件的产品：%d 款" % len(expected) in driver.find_element(By.ID, "filter-status").text
    # A shared link reproduces the same view.
    url = driver.current_url
    driver.get(url)
    wait_ready(driver)
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "filter-status").text.startswith("符合"))
    assert visible_cards(driver) == expected
    # Back to "any guarantee": an empty choice filters nothing.
    Select(driver.find_element(By.ID, "f-guarantee")).select_by_value("")
    driver.find_element(By.CSS_SELECTOR, "#product-filters button[type=submit]").click()
    WebDriverWait(driver, 5).until(lambda d: "guarantee" not in d.current_url)
    relaxed = catalogue_filter(catalogue, target=target, amount=50)
    WebDriverWait(driver, 10).until(lambda d: "符合条件的产品：%d 款" % len(relaxed) in d.find_element(By.ID, "filter-status").text)
    assert visible_cards(driver) == relaxed


def _search(driver, site_url, query):
    driver.get(site_url + "search/")
    wait_ready(driver)
    box = driver.find_element(By.ID, "q")
    box.send_keys(query)
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").text.strip())
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href'));")


def test_search_finds_products_policies_institutions_and_pages(driver, site_url, built_site):
    index = json.loads((built_site / "search-index.json").read_text(encoding="utf-8"))
    docs = index["docs"]
    kinds = {}
    for d in docs:
        kinds.setdefault(d["u"].split("/")[0], d)
    assert {"products", "policies", "institutions", "pages"} <= set(kinds)
    for section, doc in sorted(kinds.items()):
        title = re.sub(r"\s+", "", doc["t"])
        hrefs = _search(driver, site_url, title)
        wanted = "../" + doc["u"]
        assert wanted in hrefs[:3], f"searching {title!r}: {doc['u']} not in top 3 of {hrefs[:5]}"
        # Ranked: the exact title comes first among results sharing the same title.
        same = [i for i, d in enumerate(docs) if re.sub(r"\s+", "", d["t"]) == title]
        if len(same) == 1:
            assert hrefs[0] == wanted
    assert "search/?q=" in driver.current_url


def test_search_by_fragment_and_nothing_found(driver, site_url, built_site):
    index = json.loads((built_site / "search-index.json").read_text(encoding="utf-8"))
    # Two Chinese words taken from a product title: every result must contain them in its text.
    doc = next(d for d in index["docs"] if d["u"].startswith("products/") and len(d["t"]) >= 6)
    frag = doc["t"][:4]
    hrefs = _search(driver, site_url, frag)
    assert "../" + doc["u"] in hrefs
    status = driver.find_element(By.ID, "search-status").text
    assert re.search(r"找到 (\d+) 条结果", status)
    hrefs = _search(driver, site_url, "量子隧穿火星")
    assert hrefs == []
    assert "没有找到" in driver.find_element(By.ID, "search-status").text


def test_search_works_offline_once_loaded(driver, site_url, built_site):
    index = json.loads((built_site / "search-index.json").read_text(encoding="utf-8"))
    doc = next(d for d in index["docs"] if d["u"].startswith("policies/"))
    driver.get(site_url + "search/")
    wait_ready(driver)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script(
        "return performance.getEntriesByType('resource').some(e => e.name.endsWith('search-index.json') && e.responseEnd > 0)"))
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                           {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    try:
        box = driver.find_element(By.ID, "q")
        box.send_keys(doc["t"][:6])
        box.send_keys(Keys.ENTER)
        WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "search-status").text.strip())
        hrefs = driver.execute_script(
            "return Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href'));")
        assert "../" + doc["u"] in hrefs
    finally:
        driver.execute_cdp_cmd("Network.emulateNetworkConditions",
                               {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        driver.execute_cdp_cmd("Network.disable", {})


# target_rank: 0 = the target customer most products serve, 1 = the next, ...
MATCH_CASES = [
    {"amount": 100, "term": 12, "target_rank": 0, "guarantee": []},
    {"amount": 30, "term": 6, "target_rank": 1, "guarantee": ["credit"]},
    {"amount": 500, "term": 36, "target_rank": 2, "guarantee": ["mortgage", "surety"]},
]


def matcher_expected(cards, amount, term, target, guarantee):
    found = []
    for c in cards:
        if target not in c["targets"]: continue
        if guarantee and not set(guarantee) & set(c["guarantee"]) and c["guarantee"]: continue
        if not (c["amount"][0] <= amount <= c["amount"][1]): continue
        if not (c["term"][0] <= term <= c["term"][1]): continue
        found.append(c)
    found.sort(key=lambda c: 99 if c["apr"] is None else c["apr"])
    return [c["id"] for c in found]


@pytest.mark.parametrize("case", range(len(MATCH_CASES)))
def test_matcher(driver, site_url, catalogue, case):
    case = dict(MATCH_CASES[case])
    counts = {}
    for c in catalogue:
        for t in c["targets"]:
            counts[t] = counts.get(t, 0) + 1
    case["target"] = sorted(counts, key=lambda t: (-counts[t], t))[case.pop("target_rank")]
    expected = matcher_expected(catalogue, **case)
    assert expected, f"pick a case with results: {case}"
    driver.get(site_url + "match/")
    wait_ready(driver)
    driver.find_element(By.ID, "m-amount").send_keys(str(case["amount"]))
    driver.find_element(By.ID, "m-term").send_keys(str(case["term"]))
    Select(driver.find_element(By.ID, "m-target")).select_by_value(case["target"])
    for g in case["guarantee"]:
        driver.find_element(By.CSS_SELECTOR, f'#match-form input[name="guarantee"][value="{g}"]').click()
    driver.find_element(By.CSS_SELECTOR, "#match-form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "match-status").text.strip())
    shown = driver.execute_script(
        "return Array.from(document.querySelectorAll('#match-results .card-title a'))"
        ".map(a => a.getAttribute('href').replace(/\\/$/, '').split('/').pop());")
    assert shown == expected[:20]
    assert str(len(expected)) in driver.find_element(By.ID, "match-status").text
    reasons = driver.find_elements(By.CSS_SELECTOR, "#match-results .why")
    assert len(reasons) == len(shown) and all("匹配原因" in r.text for r in reasons)
    # Nothing typed leaves the browser: no navigation, no request carrying the answers.
    assert urllib.parse.urlparse(driver.current_url).query == ""
    requested = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name);")
    assert not [u for u in requested if "?" in u], requested


def test_compare_three_products(driver, site_url, catalogue, built_site):
    ids = [catalogue[0]["id"], catalogue[len(catalogue) // 2]["id"], catalogue[-1]["id"]]
    # The page lists no products itself: it reads those in the address from the compact data.
    html = (built_site / "compare/index.html").read_text(encoding="utf-8")
    assert not any(f'"{i}"' in html or f"/{i}/" in html for i in ids)
    driver.get(site_url + "compare/?" + "&".join("p=" + i for i in ids))
    wait_ready(driver)
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".compare-cards li"))
    heads = driver.execute_script(
        "return Array.from(document.querySelectorAll('.compare-cards .card-title a')).map(a => a.getAttribute('href'));")
    assert [h.rstrip("/").split("/")[-1] for h in heads] == ids
    for card in driver.find_elements(By.CSS_SELECTOR, ".compare-cards li"):
        labels = [dt.text for dt in card.find_elements(By.TAG_NAME, "dt")]
        assert {"利率/费率", "额度", "期限", "担保方式", "咨询电话"} <= set(labels), labels
        assert card.find_elements(By.CSS_SELECTOR, 'a[href^="tel:"]')
    # Remove one: the address keeps the other two.
    driver.find_elements(By.CSS_SELECTOR, ".compare-cards li button")[1].click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.count("p=") == 2)
    assert urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)["p"] == [ids[0], ids[2]]
    # Find a third by name and add it.
    index = json.loads((built_site / "search-index.json").read_text(encoding="utf-8"))
    doc = next(d for d in index["docs"] if d["u"] == f"products/{ids[1]}/")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".compare-cards li"))
    box = driver.find_element(By.ID, "compare-q")
    box.send_keys(doc["t"])
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "#compare-choices li button"))
    driver.find_element(By.CSS_SELECTOR, "#compare-choices li button").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.count("p=") == 3)
    assert ids[1] in urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)["p"]


def test_elderly_mode_switch_is_remembered(driver, site_url):
    driver.get(site_url)
    wait_ready(driver)
    driver.execute_script("localStorage.clear()")
    driver.get(site_url + "products/")
    wait_ready(driver)
    size = lambda: driver.execute_script("return parseFloat(getComputedStyle(document.body).fontSize)")
    normal = size()
    buttons = {b.text: b for b in driver.find_elements(By.CSS_SELECTOR, "#a11y-tools button")}
    assert {"大字模式", "高对比度"} <= set(buttons), buttons.keys()
    assert buttons["大字模式"].get_attribute("aria-pressed") == "false"
    # Keyboard operation: Tab to the switch and press Enter.
    buttons["大字模式"].send_keys(Keys.ENTER)
    buttons["高对比度"].send_keys(" ")
    assert size() >= normal * 1.25
    assert buttons["大字模式"].get_attribute("aria-pressed") == "true"
    driver.get(site_url + "policies/")
    wait_ready(driver)
    cls = driver.execute_script("return document.documentElement.className")
    assert "large-text" in cls and "high-contrast" in cls
    assert size() >= normal * 1.25
    on = [b for b in driver.find_elements(By.CSS_SELECTOR, "#a11y-tools button") if b.get_attribute("aria-pressed") == "true"]
    assert len(on) == 2
    driver.execute_script("localStorage.clear()")


def test_read_aloud_uses_speech_synthesis(driver, site_url, built_site):
    pid = product_ids(built_site)[0]
    driver.get(site_url + f"products/{pid}/")
    wait_ready(driver)
    if not driver.execute_script("return 'speechSynthesis' in window"):
        pytest.skip("no speechSynthesis in this Chromium")
    driver.execute_script("window.__spoken = []; speechSynthesis.speak = u => { window.__spoken.push(u.text); };")
    button = next(b for b in driver.find_elements(By.CSS_SELECTOR, "#a11y-tools button") if b.text == "朗读本页")
    button.click()
    spoken = driver.execute_script("return window.__spoken")
    h1 = driver.find_element(By.TAG_NAME, "h1").text
    assert spoken and h1 in spoken[0]


def test_skip_link_is_first_and_visible_on_focus(driver, site_url):
    driver.get(site_url + "products/")
    wait_ready(driver)
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    rect = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width];", active)
    assert rect[0] >= 0 and rect[1] >= 0 and rect[2] > 10
    outline = driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", active)
    assert outline != "none"
    active.send_keys(Keys.ENTER)
    assert driver.switch_to.active_element.get_attribute("id") == "main"


def test_no_console_errors_under_csp(driver, site_url, built_site):
    """The server sends Content-Security-Policy: default-src 'self'; nothing may be blocked."""
    for path in ["", "products/", "search/?q=贷款", "match/", "stats/", "compare/"]:
        driver.get_log("browser")
        driver.get(site_url + path)
        wait_ready(driver)
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, f"{path}: {errors}"
    for page in built_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), f"inline script in {page}"
        assert not re.search(r"\sstyle=\"", html), f"style attribute in {page}"
        assert "<style" not in html, f"style element in {page}"
        assert not re.search(r'(?:src|href)="(?:https?:)?//(?!jrfw\.)[^"]*\.(?:css|js|woff2?|ttf)"', html), page


def test_without_javascript_every_product_is_reachable(built_site, site_url):
    d = make_driver(js=False, width=390)
    try:
        d.get(site_url + "products/")
        wait_ready(d, extra_js_ready=False)
        assert not d.find_element(By.ID, "product-filters").is_displayed()
        cards = d.find_elements(By.CSS_SELECTOR, "#product-list .product-card")
        assert cards and all(c.is_displayed() for c in cards)
        reached, frontier = set(), ["products/"]
        seen_pages = set()
        while frontier:  # every list page reachable from the catalogue by its links
            nxt = []
            for page in frontier:
                if page in seen_pages: continue
                seen_pages.add(page)
                d.get(site_url + page)
                hrefs = d.execute_script("return Array.from(document.querySelectorAll('main a[href]')).map(a => a.href)")
                for h in hrefs:
                    if not h.startswith(site_url): continue
                    rel = h[len(site_url):].split("#")[0]
                    m = re.fullmatch(r"products/([a-z0-9-]+)/", rel)
                    if m and m.group(1) not in PRODUCT_VIEWS:
                        reached.add(m.group(1))
                    elif rel.startswith(("products/category/", "products/for/", "products/guarantee/", "products/page/",
                                         "products/discontinued/")):
                        nxt.append(rel)
            frontier = nxt
        assert set(product_ids(built_site)) <= reached
        # Every kind of page shows its content without scripts.
        for kind, path in page_kinds(built_site).items():
            d.get(site_url + path)
            info = d.execute_script("""
                const m = document.querySelector('main'), h = document.querySelector('h1');
                return {text: m ? m.innerText.trim().length : 0, h1: !!h && h.offsetParent !== null,
                        links: m ? m.querySelectorAll('a[href]').length : 0};""")
            assert info["h1"] and info["text"] > 20, f"{kind} without JS: {info}"
        # Compare needs scripts, and says so, with links to browse instead.
        d.get(site_url + "compare/")
        assert d.find_elements(By.CSS_SELECTOR, "main noscript") or "需要浏览器启用脚本" in d.page_source
    finally:
        d.quit()


def test_keyboard_focus_is_always_visible(driver, site_url, built_site):
    """Tab through the first interactive elements of a few pages: each one shows a focus ring."""
    for path in ["", "products/", "match/", "products/" + product_ids(built_site)[0] + "/"]:
        driver.get(site_url + path)
        wait_ready(driver)
        body = driver.find_element(By.TAG_NAME, "body")
        body.click()
        seen = []
        for _ in range(25):
            driver.switch_to.active_element.send_keys(Keys.TAB)
            info = driver.execute_script("""
                const el = document.activeElement, s = getComputedStyle(el);
                return {tag: el.tagName, text: (el.textContent || el.name || '').trim().slice(0, 20),
                        outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
                        shadow: s.boxShadow !== 'none'};""")
            if info["tag"] == "BODY":  # wrapped around past the last element
                break
            seen.append(info)
            assert info["outline"] or info["shadow"], f"{path}: no visible focus on {info}"
        assert len({(i["tag"], i["text"]) for i in seen}) > 10
