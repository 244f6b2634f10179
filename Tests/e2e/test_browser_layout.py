"""Screenshots at 390 px and 1280 px without horizontal overflow, the product QR code read back from a
screenshot, the product page weight, and the A4 print layout of posters and the four lists."""
import base64, io, re

import pytest
from PIL import Image
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from browser_helpers import SCREENSHOTS, driver, page_kinds, product_ids, set_elderly_mode, set_viewport, site_url, wait_ready  # noqa: F401

MAIN_KINDS = ["home", "catalogue", "catalogue-filtered", "product", "poster", "institution", "four-lists",
              "four-lists-bank", "policies", "policy", "ledger", "events", "event", "search", "match", "compare",
              "stats", "notfound"]


def _overflow(driver):
    return driver.execute_script("""
        const de = document.documentElement, out = [];
        if (de.scrollWidth > window.innerWidth) {
          for (const el of document.body.querySelectorAll('*')) {
            const r = el.getBoundingClientRect();
            if (r.right > window.innerWidth + 1 && !el.closest('.table-scroll')) out.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
            if (out.length > 5) break;
          }
          return {scrollWidth: de.scrollWidth, innerWidth: window.innerWidth, culprits: out};
        }
        return null;""")


@pytest.mark.parametrize("mode", ["normal", "elderly"])
def test_no_horizontal_overflow(driver, site_url, built_site, mode):
    kinds = page_kinds(built_site)
    set_elderly_mode(driver, site_url, mode == "elderly")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    widths = [390, 1280] if mode == "normal" else [390]
    for width in widths:
        set_viewport(driver, width, 844 if width == 390 else 900)
        for kind in MAIN_KINDS:
            driver.get(site_url + kinds[kind])
            wait_ready(driver)
            if mode == "normal" or kind in ("home", "product", "catalogue"):
                driver.save_screenshot(str(SCREENSHOTS / f"{kind}-{width}-{mode}.png"))
            o = _overflow(driver)
            if o:
                problems.append(f"{kind} at {width}px ({mode}): {o}")
    set_viewport(driver, 1280, 900)
    set_elderly_mode(driver, site_url, False)
    assert not problems, "\n".join(problems)


def _decode_qr_from_screenshot(driver, selector):
    el = driver.find_element(By.CSS_SELECTOR, selector)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    png = driver.get_screenshot_as_png()
    r = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];", el)
    img = Image.open(io.BytesIO(png)).convert("L")
    pad = 24
    crop = img.crop((max(0, int(r[0]) - pad), max(0, int(r[1]) - pad), int(r[2]) + pad, int(r[3]) + pad))
    import zxingcpp
    return [res.text for res in zxingcpp.read_barcodes(crop) if res.format == zxingcpp.BarcodeFormat.QRCode], crop


@pytest.mark.parametrize("width", [390, 1280])
def test_product_qr_decodes_to_page_url(driver, site_url, built_site, width):
    kinds = page_kinds(built_site)
    set_viewport(driver, width, 900)
    for kind in ("product", "poster"):
        driver.get(site_url + kinds[kind])
        wait_ready(driver)
        canonical = driver.find_element(By.CSS_SELECTOR, 'link[rel="canonical"]').get_attribute("href")
        expected = canonical if kind == "product" else canonical[: -len("poster.html")]
        assert expected.endswith(kinds["product"])
        selector = ".qr-wide img" if kind == "product" else ".poster-qr img"
        if kind == "product" and not driver.find_element(By.CSS_SELECTOR, ".qr-wide").is_displayed():
            selector = "details.qr-share img"
            # On a phone the code is folded behind 分享本页二维码: open it as a visitor would.
            driver.find_element(By.CSS_SELECTOR, "details.qr-share summary").click()
            WebDriverWait(driver, 5).until(lambda d: d.execute_script(
                "const i = document.querySelector('details.qr-share img'); return i.complete && i.naturalWidth > 0"))
        texts, crop = _decode_qr_from_screenshot(driver, selector)
        crop.save(SCREENSHOTS / f"qr-{kind}-{width}.png")
        assert texts == [expected], f"{kind} at {width}px: decoded {texts}, expected {expected}"
    set_viewport(driver, 1280, 900)


def test_product_page_weight_under_100kb(driver, site_url, built_site):
    kinds = page_kinds(built_site)
    weights = {}
    for pid in product_ids(built_site):
        html = (built_site / "products" / pid / "index.html").read_bytes()
        refs = re.findall(rb'<(?:link[^>]+href|script[^>]+src)="([^"]+\.(?:css|js))"', html)
        assert refs
        total = len(html)
        for ref in refs:
            total += len((built_site / "products" / pid / ref.decode()).resolve().read_bytes())
        weights[pid] = total
    heaviest = max(weights, key=weights.get)
    assert weights[heaviest] < 100_000, f"{heaviest}: {weights[heaviest]} bytes"
    # And what the browser really fetched for one product page (HTML, CSS, JS; uncompressed sizes).
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.clearBrowserCache", {})
    driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    try:
        driver.get(site_url + kinds["product"])
        wait_ready(driver)
        fetched = driver.execute_script(
            "return performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))"
            ".map(e => [e.name, e.decodedBodySize]);")
    finally:
        driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": False})
        driver.execute_cdp_cmd("Network.disable", {})
    sized = {name: size for name, size in fetched if re.search(r"(\.css|\.js|/)$", name)}
    assert any(n.endswith(".css") and s > 0 for n, s in sized.items()), fetched
    assert any(n.endswith(".js") and s > 0 for n, s in sized.items()), fetched
    total = sum(sized.values())
    assert total < 100_000, fetched
    print(f"product page weight: heaviest {heaviest} {weights[heaviest]} B; fetched {total} B")


def _print_pdf_pages(driver):
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "printBackground": False})
    data = base64.b64decode(pdf["data"])
    return len(re.findall(rb"/Type\s*/Page[^s]", data)), data


def test_print_poster_and_four_lists_on_a4(driver, site_url, built_site):
    kinds = page_kinds(built_site)
    driver.get(site_url + kinds["poster"])
    wait_ready(driver)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        width_px = driver.execute_script("return document.querySelector('.poster-qr img').getBoundingClientRect().width")
        assert width_px >= 60 / 25.4 * 96, f"poster QR is {width_px / 96 * 25.4:.1f} mm wide in print"
        hidden = driver.execute_script("return ['.site-header', '.site-footer', '.no-print']"
                                       ".map(s => getComputedStyle(document.querySelector(s)).display)")
        assert hidden == ["none"] * 3
        pages, data = _print_pdf_pages(driver)
        (SCREENSHOTS / "print-poster.pdf").write_bytes(data)
        assert pages == 1, f"poster prints on {pages} pages"
        box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
        assert box and abs(float(box.group(1)) - 595.3) < 1.5 and abs(float(box.group(2)) - 841.9) < 1.5, \
            f"not A4: {box and box.group(0)}"
        for kind in ("four-lists-bank", "four-lists", "catalogue", "policies"):
            driver.get(site_url + kinds[kind])
            wait_ready(driver)
            overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{kind} overflows in print by {overflow}px"
            assert driver.execute_script("return getComputedStyle(document.querySelector('.site-nav')).display") == "none"
            pages, data = _print_pdf_pages(driver)
            (SCREENSHOTS / f"print-{kind}.pdf").write_bytes(data)
            assert pages >= 1
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


@pytest.mark.parametrize("mode,limit", [("normal", 120), ("elderly", 160)])
def test_phone_header_leaves_the_first_screen_to_the_page(driver, site_url, built_site, mode, limit):
    """At 360 × 780 (a phone, emulated) header and navigation take at most `limit` px, the
    elderly-friendly tools stay in view, and at 320 px nothing overflows."""
    kinds = page_kinds(built_site)
    set_elderly_mode(driver, site_url, mode == "elderly")
    problems = []
    try:
        for width in (360, 320):
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                                   {"width": width, "height": 780, "deviceScaleFactor": 1, "mobile": True})
            for kind in ("home", "catalogue", "product", "policy", "advisor", "four-lists-bank"):
                driver.get(site_url + kinds[kind])
                wait_ready(driver)
                bottom, tools, menu = driver.execute_script("""
                    const h = document.querySelector('.site-header').getBoundingClientRect();
                    const buttons = [...document.querySelectorAll('#a11y-tools a, #a11y-tools button')];
                    const menu = document.querySelector('.menu-button').getBoundingClientRect();
                    return [h.bottom, buttons.map(b => b.getBoundingClientRect().bottom), menu.height];""")
                if width == 360 and bottom > limit:
                    problems.append(f"{kind} ({mode}): header ends at {bottom:.0f} px > {limit}")
                if len(tools) < 3 or max(tools) > bottom:
                    problems.append(f"{kind} at {width} ({mode}): tools not all in the header: {tools}")
                if menu < 44:
                    problems.append(f"{kind} at {width} ({mode}): 菜单 is {menu:.0f} px high")
                o = _overflow(driver)
                if o:
                    problems.append(f"{kind} at {width} ({mode}): overflow {o}")
    finally:
        set_viewport(driver, 1280, 900)
        set_elderly_mode(driver, site_url, False)
    assert not problems, "\n".join(problems)


def test_phone_menu_opens_without_javascript(site_url, built_site):
    from browser_helpers import make_driver
    d = make_driver(js=False, width=1280)
    try:
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 780, "deviceScaleFactor": 1, "mobile": True})
        d.get(site_url + "products/")
        visible = "return [...document.querySelectorAll('.menu-nav a, .site-nav a')].filter(a => a.checkVisibility()).map(a => a.textContent)"
        assert d.execute_script(visible) == []
        d.find_element(By.CSS_SELECTOR, ".menu-button").click()
        shown = d.execute_script(visible)
        assert {"首页", "金融产品", "惠企政策", "金融顾问", "四张清单"} <= set(shown), shown
        # Wide screens show the navigation bar and no 菜单.
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        d.get(site_url + "products/")
        assert not d.find_element(By.CSS_SELECTOR, ".menu-button").is_displayed()
        assert len([a for a in d.find_elements(By.CSS_SELECTOR, ".site-nav a") if a.is_displayed()]) >= 9
    finally:
        d.quit()
