"""`huiqi serve` as an editor uses it: change a product file, and the open
page updates by itself; break the file, and the errors show over the last
good page. Runs in real headless Chromium."""
import pathlib, re, shutil, socket, subprocess, time
import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from process_helpers import start_serve, wait_for

ROOT = pathlib.Path(__file__).resolve().parents[2]

def heading(browser):
    """The page's h1 text, read in one script call: a page that reloads between
    finding the element and reading it cannot leave a stale reference."""
    return browser.execute_script("var h = document.querySelector('h1'); return h ? h.textContent : ''")

@pytest.fixture
def served(huiqi, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    proc, port = start_serve(huiqi, content)
    yield content, port
    proc.terminate()
    proc.wait(timeout=10)

@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"]:
        options.add_argument(arg)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver"))
    yield driver
    driver.quit()

def test_page_updates_without_reload_and_errors_overlay(served, browser):
    content, port = served
    product = next(p for p in sorted((content / "products").glob("*.yml")) if "category: 信贷" in p.read_text(encoding="utf-8"))
    # A page the edit does not touch, open in another tab, must not reload.
    browser.get(f"http://127.0.0.1:{port}/ledgers/")
    browser.execute_script("window.__untouched = true")
    other_tab = browser.current_window_handle
    browser.switch_to.new_window("tab")
    browser.get(f"http://127.0.0.1:{port}/products/{product.stem}/")
    h1 = heading(browser)
    assert h1
    browser.execute_script("window.__notReloaded = true")
    text = product.read_text(encoding="utf-8")
    name = re.search(r"^name: (.+)$", text, re.M).group(1).strip().strip('"')
    product.write_text(text.replace(f"name: {name}", f"name: {name}（已更新）", 1).replace(f'name: "{name}"', f'name: "{name}（已更新）"', 1), encoding="utf-8")
    assert wait_for(lambda: "已更新" in heading(browser)), "page did not update"
    # The page reloaded itself: the marker set before the change is gone, and nobody called refresh.
    assert browser.execute_script("return window.__notReloaded === undefined")
    this_tab = browser.current_window_handle
    time.sleep(1)   # past the end of the rebuild, whose event lists the other changed pages
    browser.switch_to.window(other_tab)
    assert browser.execute_script("return window.__untouched === true"), "an unchanged page reloaded"
    browser.switch_to.window(this_tab)

    # Two saves in quick succession: the second stops the rebuild of the first, and wins.
    text = product.read_text(encoding="utf-8")
    product.write_text(text.replace("（已更新）", "（第二次）"), encoding="utf-8")
    time.sleep(0.15)
    product.write_text(text.replace("（已更新）", "（第三次）"), encoding="utf-8")
    assert wait_for(lambda: "第三次" in heading(browser)), "the last save did not win"

    # A content error: the last good page stays, the diagnostics show over it.
    product.write_text(product.read_text(encoding="utf-8").replace("category: 信贷", "category: 贷款"), encoding="utf-8")
    overlay = wait_for(lambda: browser.find_elements(By.ID, "huiqi-overlay"))
    assert overlay, "no error overlay"
    assert "V005" in overlay[0].text and "产品类别" in overlay[0].text
    assert "第三次" in heading(browser)

def test_built_site_has_no_reload_script(built_site):
    for page in built_site.rglob("*.html"):
        assert "__huiqi" not in page.read_text(encoding="utf-8"), page
