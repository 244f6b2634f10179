"""The advisers' directory (金融顾问) as a visitor without JavaScript meets it:
every adviser reachable by links from the home page, the directory paginated
with numbered links and canonical URLs, tel: links, advisers on product pages."""
import pathlib
import re
import shutil
import subprocess

import pytest

from site_crawl import crawl

ROOT = pathlib.Path(__file__).resolve().parents[2]
BASE = "https://jrfw.example.gov.cn/"


def adviser_ids(content: pathlib.Path):
    return sorted(p.stem for p in (content / "advisors").glob("*.yml"))


def test_every_adviser_reachable_without_js(built_site):
    reached = crawl(pathlib.Path(built_site))
    ids = adviser_ids(ROOT / "content")
    assert len(ids) >= 12
    missing = [i for i in ids if f"advisors/{i}/index.html" not in reached]
    assert not missing, missing


def test_adviser_page_has_tel_link_and_whom_it_serves(built_site):
    site = pathlib.Path(built_site)
    text = (site / "advisors/wang-li/index.html").read_text(encoding="utf-8")
    assert 'href="tel:0535-0000101"' in text
    assert "海滨区" in text and "示例数据" in text
    assert "服务时间" in text or "工作日" in text


def test_product_pages_name_advisers_who_cover_them(built_site):
    site = pathlib.Path(built_site)
    shown = 0
    for page in sorted((site / "products").glob("*/index.html")):
        text = page.read_text(encoding="utf-8")
        if "可咨询的金融顾问" in text:
            shown += 1
            for h in re.findall(r'href="\.\./\.\./(advisors/[a-z0-9-]+/)"', text):
                assert (site / h / "index.html").is_file(), h
    assert shown >= 10


def make_portal(tmp: pathlib.Path, advisers: int, page_size: int) -> pathlib.Path:
    content = tmp / "content"
    shutil.copytree(ROOT / "content", content)
    shutil.rmtree(content / "advisors")
    (content / "advisors").mkdir()
    site_yml = content / "site.yml"
    site_yml.write_text(site_yml.read_text(encoding="utf-8") + f"\npageSize: {page_size}\n", encoding="utf-8")
    districts = ["海滨区", "高新区", "示例县"]
    for n in range(advisers):
        (content / "advisors" / f"adv-{n:03d}.yml").write_text(
            f"id: adv-{n:03d}\nname: 顾问{n}\nrole: 金融辅导员\norganization: 测试单位\n"
            f"districts: [{districts[n % 3]}]\nexpertise: [信贷]\nphone: \"0535-{n:07d}\"\nupdated: 2026-11-01\n",
            encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def paged_site(huiqi, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("advisers")
    content = make_portal(tmp, advisers=130, page_size=20)
    out = tmp / "site"
    subprocess.run([huiqi, "build", "--strict", "--content", str(content), "--theme", str(ROOT / "themes/default"),
                    "--output", str(out), "--date", "2026-11-30"], check=True, capture_output=True)
    return out


def test_directory_paginates_with_numbered_links(paged_site):
    site = paged_site
    pages = [site / "advisors/index.html"] + [site / f"advisors/page/{n}/index.html" for n in range(2, 8)]
    assert all(p.is_file() for p in pages)
    assert not (site / "advisors/page/8").exists() and not (site / "advisors/page/1").exists()
    first = pages[0].read_text(encoding="utf-8")
    assert first.count('class="card-title"') == 20
    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert 'href="../advisors/page/7/">末页' in first
    middle = pages[3].read_text(encoding="utf-8")   # page 4 of 7
    for label, target in [("首页", "advisors/"), ("上一页", "advisors/page/3/"), ("下一页", "advisors/page/5/"),
                          ("末页", "advisors/page/7/")]:
        assert re.search(rf'href="\.\./\.\./\.\./{re.escape(target)}"[^>]*>{label}<', middle), label
    assert 'aria-current="page" aria-label="第 4 页，当前页"' in middle
    assert "第 61–80 条，共 130 条" in middle
    last = pages[6].read_text(encoding="utf-8")
    assert last.count('class="card-title"') == 10
    assert 'rel="next"' not in last


def test_paginated_pages_have_their_own_canonical_urls_and_are_in_the_sitemap(paged_site):
    site = paged_site
    for n in range(2, 8):
        text = (site / f"advisors/page/{n}/index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{BASE}advisors/page/{n}/">' in text
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for n in range(2, 8):
        assert f"<loc>{BASE}advisors/page/{n}/</loc>" in sitemap


def test_filter_views_paginate_too_and_every_adviser_is_reachable(paged_site):
    site = paged_site
    district_pages = sorted((site / "advisors/district").glob("*/index.html"))
    assert len(district_pages) == 3
    # 130 advisers over three districts: 44, 43 and 43, three pages of 20 each.
    assert len(list((site / "advisors/district").glob("*/page/3/index.html"))) == 3
    assert not list((site / "advisors/district").glob("*/page/4"))
    reached = crawl(site)
    missing = [n for n in range(130) if f"advisors/adv-{n:03d}/index.html" not in reached]
    assert not missing, missing[:10]
