"""A small-business owner on a 360 × 780 phone (viewport emulated), in normal and large-text mode:
the answer (what it costs, whom to call, what to do next) comes in the first screens."""
import re
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser_helpers import driver, set_elderly_mode, set_viewport, site_url, wait_ready  # noqa: F401

LIMITS = {"normal": 1200, "elderly": 1600}
PRODUCT = "products/nongshang-nongjidai/"


def phone(driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 360, "height": 780, "deviceScaleFactor": 1, "mobile": True})


def y(driver, selector):
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]); if (!e || !e.getClientRects().length) return null;"
        "return e.getBoundingClientRect().top + scrollY;", selector)


@pytest.fixture(params=["normal", "elderly"])
def mode(request, driver, site_url):
    set_elderly_mode(driver, site_url, request.param == "elderly")
    phone(driver)
    yield request.param
    set_viewport(driver, 1280, 900)
    set_elderly_mode(driver, site_url, False)


def test_product_page_answers_in_the_first_screens(driver, site_url, mode):
    driver.get(site_url + PRODUCT)
    wait_ready(driver)
    limit = LIMITS[mode]
    for what, selector in [("APR", ".fact-apr"), ("cost example", ".cost-example"), ("phone", '.actions a[href^="tel:"]'),
                           ("apply", '.actions a[href^="http"]')]:
        at = y(driver, selector)
        assert at is not None and at < limit, f"{what} at {at} ({mode}), limit {limit}"
    text = driver.find_element(By.CSS_SELECTOR, ".cost-example").text
    m = re.search(r"借 ([\d.]+) 万元、(\d+) 个月，按年化利率 ([\d.]+)% 等额本息还款，每月约还 ([\d,]+) 元，利息共约 ([\d,]+) 元", text)
    assert m, text
    # The same arithmetic, done here: equal monthly instalments at the simple APR / 12.
    principal, months, apr = float(m.group(1)) * 10000, int(m.group(2)), float(m.group(3)) / 100
    r = apr / 12
    payment = principal * r * (1 + r) ** months / ((1 + r) ** months - 1)
    assert int(m.group(4).replace(",", "")) == round(payment)
    assert abs(int(m.group(5).replace(",", "")) - round(payment * months - principal)) <= 1
    assert "单利" in driver.find_element(By.CSS_SELECTOR, ".term-note").text
    # The QR code is folded on the phone, for passing the page on.
    assert not driver.find_element(By.CSS_SELECTOR, ".qr-wide").is_displayed()
    share = driver.find_element(By.CSS_SELECTOR, "details.qr-share")
    assert share.is_displayed() and share.get_attribute("open") is None
    assert "分享本页二维码" in share.text


def test_poster_keeps_its_qr_code(driver, site_url):
    phone(driver)
    driver.get(site_url + PRODUCT + "poster.html")
    wait_ready(driver)
    assert driver.find_element(By.CSS_SELECTOR, ".poster-qr img").is_displayed()
    set_viewport(driver, 1280, 900)


def test_compare_three_fits_the_phone_and_shows_whom_to_call(driver, site_url, built_site, mode):
    catalogue = (built_site / "products/index.html").read_text(encoding="utf-8")
    ids = re.findall(r'data-category="loan"[^>]*data-id="([^"]+)"', catalogue)[:3]
    driver.get(site_url + "compare/?" + "&".join("p=" + i for i in ids))
    wait_ready(driver)
    WebDriverWait(driver, 10).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".compare-cards li")) == 3)
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 360
    for card in driver.find_elements(By.CSS_SELECTOR, ".compare-cards li"):
        assert "咨询电话" in card.text and card.find_elements(By.CSS_SELECTOR, 'a[href^="tel:"]')
        assert {"利率/费率", "额度", "期限", "担保方式", "还款方式", "办理时限", "申请条件"} <= set(
            dt.text for dt in card.find_elements(By.TAG_NAME, "dt"))


def test_matcher_puts_farm_machinery_loans_first_and_brings_the_answer_into_view(driver, site_url, mode):
    driver.get(site_url + "match/")
    wait_ready(driver)
    driver.find_element(By.ID, "m-amount").send_keys("20")
    driver.find_element(By.ID, "m-term").send_keys("24")
    Select(driver.find_element(By.ID, "m-target")).select_by_visible_text("三农")
    Select(driver.find_element(By.ID, "m-purpose")).select_by_visible_text("购买设备/农机")
    driver.find_element(By.CSS_SELECTOR, "#match-form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "找到" in d.find_element(By.ID, "match-status").text)
    names = [h.text for h in driver.find_elements(By.CSS_SELECTOR, "#match-results .card-title")]
    farm = [i for i, n in enumerate(names) if "农机" in n]
    assert farm and farm == list(range(len(farm))), names
    first = driver.find_element(By.CSS_SELECTOR, "#match-results li")
    assert "农机" in first.find_element(By.CSS_SELECTOR, ".why").text
    assert first.find_elements(By.CSS_SELECTOR, 'a[href^="tel:"]')
    time.sleep(0.3)
    top = driver.execute_script("return document.getElementById('match-status').getBoundingClientRect().top")
    assert -1 <= top < 780, f"result count at {top}, out of view"
    assert driver.execute_script("return document.activeElement.id") == "match-status"


def test_matcher_without_a_fit_offers_the_nearest_and_advisers(driver, site_url):
    phone(driver)
    driver.get(site_url + "match/")
    wait_ready(driver)
    driver.find_element(By.ID, "m-amount").send_keys("50000")
    driver.find_element(By.ID, "m-term").send_keys("24")
    Select(driver.find_element(By.ID, "m-target")).select_by_visible_text("三农")
    Select(driver.find_element(By.ID, "m-district")).select_by_visible_text("示例县")
    driver.find_element(By.CSS_SELECTOR, "#match-form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "match-advisors").is_displayed())
    nearest = driver.find_elements(By.CSS_SELECTOR, "#match-nearest li")
    assert nearest and all("与需求不同" in li.text for li in nearest)
    advisers = driver.find_elements(By.CSS_SELECTOR, "#match-advisors li")
    assert advisers and all("示例县" in a.text and a.find_elements(By.CSS_SELECTOR, 'a[href^="tel:"]') for a in advisers)
    set_viewport(driver, 1280, 900)


def test_first_catalogue_product_within_the_first_screen(driver, site_url, mode):
    driver.get(site_url + "products/")
    wait_ready(driver)
    at = y(driver, "#product-list .product-card")
    assert at is not None and at <= 900, f"first product at {at} ({mode})"
