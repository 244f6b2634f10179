"""The build as publishers and editors use it: determinism, safety, exit codes."""
import hashlib, json, pathlib, re, shutil, subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]

def tree_digest(root):
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(root)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()

def build(huiqi, content, out, *extra):
    return subprocess.run([huiqi, "build", "--content", str(content), "--theme", str(ROOT / "themes/default"),
                           "--output", str(out), "--date", "2026-11-23", *extra], capture_output=True, text=True)

def test_example_portal_checks_clean(huiqi):
    r = subprocess.run([huiqi, "check", "--content", str(ROOT / "content"), "--date", "2026-11-23", "--format", "json"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout
    diagnostics = json.loads(r.stdout)
    assert all(d["severity"] == "warning" for d in diagnostics)

def test_build_is_deterministic_and_rewrites_nothing_unchanged(huiqi, tmp_path, built_site):
    out = tmp_path / "again"
    assert build(huiqi, ROOT / "content", out).returncode == 0
    assert tree_digest(out) == tree_digest(built_site)
    stamp = (out / "index.html").stat().st_mtime_ns
    r = build(huiqi, ROOT / "content", out)
    assert r.returncode == 0 and "未变" in r.stderr
    assert (out / "index.html").stat().st_mtime_ns == stamp

def test_incremental_build_equals_a_fresh_one(huiqi, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    out = tmp_path / "site"
    assert build(huiqi, content, out).returncode == 0
    assert (tmp_path / ".huiqi-cache" / "site.routes").is_file()
    product = sorted((content / "products").glob("*.yml"))[0]
    ledger_page = out / "ledgers" / "quanmian" / "index.html"
    stamp = ledger_page.stat().st_mtime_ns
    text = product.read_text(encoding="utf-8")
    product.write_text(text.replace("\nname: ", "\nname: 新版", 1), encoding="utf-8")
    r = build(huiqi, content, out)
    assert r.returncode == 0, r.stderr
    rendered, reused = map(int, re.search(r"重新渲染 (\d+) 条路由，沿用 (\d+) 条", r.stderr).groups())
    assert 0 < rendered < reused, r.stderr
    assert ledger_page.stat().st_mtime_ns == stamp
    fresh = tmp_path / "fresh"
    assert build(huiqi, content, fresh, "--fresh").returncode == 0
    assert tree_digest(out) == tree_digest(fresh)

def test_failed_build_leaves_previous_site_untouched(huiqi, tmp_path, built_site):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    out = tmp_path / "site"
    shutil.copytree(built_site, out)
    before = tree_digest(out)
    p = next(p for p in sorted((content / "products").glob("*.yml")) if "category: 信贷" in p.read_text(encoding="utf-8"))
    p.write_text(p.read_text(encoding="utf-8").replace("category: 信贷", "category: 贷款"), encoding="utf-8")
    r = build(huiqi, content, out)
    assert r.returncode == 1
    assert "[V005]" in r.stderr and "产品类别 (category)" in r.stderr
    assert tree_digest(out) == before

def test_check_exit_codes(huiqi, tmp_path):
    r = subprocess.run([huiqi, "check", "--content", str(tmp_path / "missing")], capture_output=True, text=True)
    assert r.returncode == 2

def test_site_pages_and_feeds(built_site):
    for path in ["index.html", "404.html", "sitemap.xml", "robots.txt", "feed.xml", "search-index.json",
                 "four-lists/index.html", "ledgers/quanmian/index.html", "stats/index.html", "match/index.html"]:
        assert (built_site / path).is_file(), path
    ledger = (built_site / "ledgers/quanmian/index.html").read_text(encoding="utf-8")
    assert ledger.count('<th scope="row">') == 44
    ics = list((built_site / "events").glob("*/event.ics"))
    assert ics and all("BEGIN:VEVENT" in p.read_text() for p in ics)
    for html in built_site.rglob("*.html"):
        text = html.read_text(encoding="utf-8")
        assert "<script>" not in text and " style=" not in text, html


def test_build_says_which_address_it_built_for(huiqi, tmp_path):
    """QR codes and canonical links carry the base URL: one that differs from site.yml is said, and at a
    sub-path the line for the host's own robots.txt is printed."""
    r = build(huiqi, ROOT / "content", tmp_path / "sub", "--base-url", "https://www.example.gov.cn/jrfw/")
    assert "站点地址 https://www.example.gov.cn/jrfw/（--base-url；site.yml 中为 https://jrfw.example.gov.cn/）" in r.stderr
    assert "Sitemap: https://www.example.gov.cn/jrfw/sitemap.xml" in r.stderr
    assert "https://www.example.gov.cn/robots.txt" in r.stderr
    r = build(huiqi, ROOT / "content", tmp_path / "root")
    assert "站点地址" not in r.stderr and "子路径" not in r.stderr
