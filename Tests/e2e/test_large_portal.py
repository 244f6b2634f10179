"""A generated portal of 3 000 products (bench/site/gen.py --size test), as a province-sized
portal is seen on a phone: every list paginated with working links and canonical URLs, every
product reachable from the home page without JavaScript, no page that grows with the catalogue,
and compact product data whose shards hold only what a query can match."""
import gzip
import json
import pathlib
import re
import subprocess
import sys

import pytest

from site_crawl import crawl

ROOT = pathlib.Path(__file__).resolve().parents[2]
BASE = "https://bench.example.gov.cn/"


@pytest.fixture(scope="module")
def portal(huiqi, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("large")
    subprocess.run([sys.executable, str(ROOT / "bench/site/gen.py"), "--size", "test", "--out", str(tmp), "--no-hugo"],
                   check=True, capture_output=True)
    site = tmp / "site"
    run = subprocess.run([huiqi, "build", "--strict", "--content", str(tmp / "content"), "--theme", str(ROOT / "themes/default"),
                          "--output", str(site), "--base-url", BASE, "--date", "2026-11-30"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    return tmp, site


def listed_ids(site):
    manifest = json.loads((site / "data/products.json").read_text(encoding="utf-8"))
    ids = set()
    for path in manifest["ids"]:
        ids |= {row[0] for row in json.loads((site / path).read_text(encoding="utf-8"))["p"]}
    return manifest, ids


def test_every_product_reachable_from_home_without_js(portal):
    tmp, site = portal
    reached = crawl(site)
    all_ids = {p.stem for p in (tmp / "content/products").glob("*.yml")}
    missing = sorted(i for i in all_ids if f"products/{i}/index.html" not in reached)
    assert not missing, f"{len(missing)} products unreachable, e.g. {missing[:5]}"
    assert len(all_ids) == 3000


def test_no_page_grows_with_the_catalogue(portal):
    _, site = portal
    size = lambda p: len(gzip.compress(p.read_bytes()))
    pages = list(site.rglob("*.html"))
    largest = max(pages, key=size)
    # 3 000 products; before pagination the catalogue alone was about 2.2 MB (160 KB gzip).
    assert size(largest) <= 40_000, f"{largest.relative_to(site)}: {size(largest)} bytes gzip"
    catalogue = (site / "products/index.html").read_text(encoding="utf-8")
    assert catalogue.count('class="card product-card"') == 24
    assert (site / "compare/index.html").stat().st_size < 20_000
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == 50


def test_catalogue_pages_link_each_other_with_canonical_urls(portal):
    tmp, site = portal
    manifest, ids = listed_ids(site)
    pages = -(-len(ids) // 24)
    assert (site / f"products/page/{pages}/index.html").is_file() and not (site / f"products/page/{pages + 1}").exists()
    last = (site / f"products/page/{pages}/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE}products/page/{pages}/">' in last
    assert 'rel="prev"' in last and 'rel="next"' not in last and ">首页</a>" in last
    second = (site / "products/page/2/index.html").read_text(encoding="utf-8")
    assert 'href="../../../products/" rel="prev"' in second or 'href="../../../products/">首页' in second
    cards = []
    for n in range(1, pages + 1):
        page = site / ("products/index.html" if n == 1 else f"products/page/{n}/index.html")
        cards += re.findall(r'class="card product-card"[^>]*data-id="([^"]+)"', page.read_text(encoding="utf-8"))
    assert cards == sorted(ids), "the pages hold every listed product once, in order"
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{BASE}products/page/{pages}/</loc>" in sitemap


def test_compact_data_shards_hold_only_what_a_query_can_match(portal):
    _, site = portal
    manifest, ids = listed_ids(site)
    assert manifest["count"] == len(ids)
    total = 0
    for key, (path, count) in manifest["shards"].items():
        target, category = key.split("/")
        rows = json.loads((site / path).read_text(encoding="utf-8"))["p"]
        assert len(rows) == count
        assert all(r[3] == category and target in r[4].split() for r in rows), key
        total += count
    assert total >= len(ids)
    largest = max(count for _, count in manifest["shards"].values())
    assert largest < len(ids) / 3, "a matcher query downloads a fraction of the catalogue"
    # Content-hashed names: the bytes say the name.
    for path in list(manifest["ids"]) + [p for p, _ in manifest["shards"].values()]:
        assert re.fullmatch(r"data/products-[a-z0-9-]+\.[0-9a-f]{8}\.json", path), path


def test_policy_pages_link_to_their_products_instead_of_listing_all(portal):
    _, site = portal
    longest = max(site.glob("policies/*/products/index.html"), key=lambda p: p.stat().st_size, default=None)
    assert longest is not None
    policy = longest.parent.parent / "index.html"
    text = policy.read_text(encoding="utf-8")
    assert text.count('class="card product-card"') == 24
    m = re.search(r"查看全部 (\d+) 款适用产品", text)
    assert m and int(m.group(1)) > 24
