"""axe-core 4.x on every kind of page, in normal and in elderly-friendly mode: no WCAG 2.0/2.1 A/AA violations."""
import pytest

from browser_helpers import driver, page_kinds, run_axe, set_elderly_mode, site_url, wait_ready  # noqa: F401

MODES = ["normal", "elderly"]


def _violations_text(result):
    out = []
    for v in result["violations"]:
        out.append(f"{v['id']} ({v['impact']}): {v['help']}")
        for n in v["nodes"]:
            out.append(f"    {n['target']}: {n['summary'].splitlines()[-1] if n['summary'] else ''}")
    return "\n".join(out)


@pytest.mark.parametrize("mode", MODES)
def test_axe_every_page_kind(driver, site_url, built_site, mode):
    set_elderly_mode(driver, site_url, mode == "elderly")
    failures = []
    checked = 0
    for kind, path in page_kinds(built_site).items():
        driver.get(site_url + path)
        wait_ready(driver)
        if kind == "match":
            driver.find_element("id", "m-amount").send_keys("100")
            driver.find_element("id", "m-term").send_keys("12")
            driver.find_element("css selector", "#match-form button[type=submit]").click()
            driver.implicitly_wait(0)
            from selenium.webdriver.support.ui import WebDriverWait
            WebDriverWait(driver, 10).until(lambda d: d.find_element("id", "match-status").text.strip())
        on = driver.execute_script("return document.documentElement.classList.contains('large-text') && "
                                   "document.documentElement.classList.contains('high-contrast')")
        if on != (mode == "elderly"):
            failures.append(f"[{kind}] {path}: elderly mode not {'on' if mode == 'elderly' else 'off'}")
        result = run_axe(driver)
        assert result["version"].startswith("4."), result["version"]
        checked += 1
        if result["violations"]:
            failures.append(f"[{kind}] {path}\n{_violations_text(result)}")
    assert checked >= 20
    assert not failures, f"axe violations in {mode} mode:\n" + "\n".join(failures)
