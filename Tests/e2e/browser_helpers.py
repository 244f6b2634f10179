"""Shared helpers for the real-browser tests (headless Debian Chromium via Selenium).

The built example portal is served over http on 127.0.0.1 (random free port) so the
pages run as they would on a real server, not from file://.
"""
import functools, glob, http.server, importlib.util, os, pathlib, re, shutil, socketserver
import subprocess, sys, tempfile, threading, zipfile
from html.parser import HTMLParser

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCREENSHOTS = pathlib.Path(os.environ.get("HUIQI_SCREENSHOTS", ROOT / ".build-ui" / "screenshots"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        # Serve the site's own 404 page like a real web server configured for it.
        if code == 404:
            page = pathlib.Path(self.directory) / "404.html"
            if page.exists():
                body = page.read_bytes()
                self.send_response(404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)
                return
        super().send_error(code, message, explain)

    def end_headers(self):
        # The site must work under a strict policy: no inline script or style, nothing from other hosts.
        self.send_header("Content-Security-Policy", "default-src 'self'")
        super().end_headers()


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@pytest.fixture(scope="session")
def site_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def driver():
    """One Chromium with JavaScript at desktop width per test module."""
    d = make_driver(js=True, width=1280)
    yield d
    d.quit()


def make_driver(js=True, width=1280, height=900):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for a in ["--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
              "--hide-scrollbars", "--force-device-scale-factor=1", f"--window-size={width},{height}",
              "--lang=zh-CN", "--disable-extensions", "--disable-background-networking"]:
        opts.add_argument(a)
    if os.geteuid() == 0:
        opts.add_argument("--no-sandbox")
    if not js:
        opts.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=opts, service=service)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    set_viewport(driver, width, height)
    return driver


def set_viewport(driver, width, height=900):
    """Make the layout viewport exactly width × height CSS pixels."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})


def wait_ready(driver, extra_js_ready=True):
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
    if extra_js_ready:
        try:
            WebDriverWait(driver, 10).until(
                lambda d: d.execute_script("return document.documentElement.getAttribute('data-js') === 'ready'"))
        except Exception:
            pass


def set_elderly_mode(driver, base_url, on):
    """Elderly-friendly mode is remembered in localStorage; set it for the origin."""
    driver.get(base_url)
    wait_ready(driver)
    driver.execute_script(
        "for (const k of ['huiqi-large-text','huiqi-high-contrast']) localStorage.setItem(k, arguments[0] ? '1' : '0');", on)


# ---------------------------------------------------------------------------------------------
# axe-core 4.x: the copy shipped inside the axe-playwright-python wheel.

def packaged_file(module, name):
    """A data file shipped inside an installed Python package, or None."""
    spec = importlib.util.find_spec(module)
    for loc in (spec.submodule_search_locations or []) if spec else []:
        f = pathlib.Path(loc) / name
        if f.exists():
            return f
    return None


@functools.lru_cache(maxsize=1)
def axe_source():
    bundled = packaged_file("axe_playwright_python", "axe.min.js")
    if bundled:
        return bundled.read_text(encoding="utf-8")
    tmp = pathlib.Path(tempfile.mkdtemp(prefix="axe-"))
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "axe-playwright-python", "-d", str(tmp)],
                   check=True)
    wheel = next(tmp.glob("*.whl"))
    with zipfile.ZipFile(wheel) as z:
        name = next(n for n in z.namelist() if n.endswith("axe.min.js"))
        return z.read(name).decode("utf-8")


AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def run_axe(driver):
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(axe_source())
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})"
        ".then(r => done({version: axe.version, violations: r.violations.map(v => ({id: v.id, impact: v.impact,"
        " help: v.help, nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}))}))"
        ".catch(e => done({error: String(e)}));", AXE_TAGS)
    assert "error" not in result, result
    return result


# ---------------------------------------------------------------------------------------------
# The page kinds of the example portal, chosen from the built site (not hard-coded ids).

class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def links(html):
    p = _Links()
    p.feed(html)
    return p.hrefs


def first_dir(site, sub, predicate=lambda p: True):
    for d in sorted((site / sub).iterdir()):
        if d.is_dir() and (d / "index.html").exists() and predicate(d):
            return f"{sub}/{d.name}/"
    raise AssertionError(f"no page under {sub}/")


# Folders under products/ that hold views of the catalogue, not products.
PRODUCT_VIEWS = ("category", "for", "guarantee", "page", "discontinued")


def product_ids(site):
    return sorted(d.name for d in (site / "products").iterdir()
                  if d.is_dir() and d.name not in PRODUCT_VIEWS and (d / "index.html").exists())


def page_kinds(site):
    """kind -> path (relative to the site root, may carry a query) for every kind of page."""
    site = pathlib.Path(site)
    catalogue = (site / "products/index.html").read_text(encoding="utf-8")
    with_apr = re.findall(r'data-category="loan"[^>]*data-apr-min="[^"]+"[^>]*data-id="([^"]+)"', catalogue)
    product = f"products/{with_apr[0]}/" if with_apr else f"products/{product_ids(site)[0]}/"
    banks = sorted(d.name for d in (site / "four-lists").iterdir() if d.is_dir())
    three = re.findall(r'data-id="([^"]+)"', catalogue)[:3]
    return {
        "home": "",
        "catalogue": "products/",
        "catalogue-category": first_dir(site, "products/category"),
        "catalogue-filtered": "products/?category=loan&guarantee=credit&amount=100&term=12&apr=6",
        "product": product,
        "poster": product + "poster.html",
        "institutions": "institutions/",
        "institution": f"institutions/{banks[0]}/",
        "four-lists": "four-lists/",
        "four-lists-bank": f"four-lists/{banks[0]}/",
        "policies": "policies/",
        "policy": first_dir(site, "policies", lambda d: d.name not in ("status", "level", "topic")),
        "ledgers": "ledgers/",
        "ledger": first_dir(site, "ledgers"),
        "events": "events/",
        "event": first_dir(site, "events"),
        "page": first_dir(site, "pages"),
        "advisors": "advisors/",
        "advisors-district": first_dir(site, "advisors/district"),
        "advisor": first_dir(site, "advisors", lambda d: d.name not in ("district", "role", "expertise")),
        "search": "search/?q=" + "科技贷款",
        "match": "match/",
        "compare": "compare/?" + "&".join("p=" + i for i in three),
        "stats": "stats/",
        "notfound": "no-such-page/",
    }


def all_pages(site):
    site = pathlib.Path(site)
    return sorted(p for p in site.rglob("*.html"))
