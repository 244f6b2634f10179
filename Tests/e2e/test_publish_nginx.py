"""A real nginx on 127.0.0.1 with the shipped configuration, serving freshly
built portals: headers, caching, 404, precompressed responses, a sub-path,
and every link found in the pages answering 200."""
import gzip, html.parser, http.client, pathlib, shutil, socket, subprocess, time, urllib.parse
import pytest
from process_helpers import free_port, start_nginx

ROOT = pathlib.Path(__file__).resolve().parents[2]

def build(huiqi, out, base_url):
    subprocess.run([huiqi, "build", "--content", str(ROOT / "content"), "--theme", str(ROOT / "themes/default"),
                    "--output", str(out), "--date", "2026-11-23", "--gzip", "--base-url", base_url],
                   check=True, capture_output=True)

@pytest.fixture(scope="module")
def nginx(huiqi, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nginx")
    port, sub_port = free_port(), free_port()
    root_site, sub_site = tmp / "site", tmp / "sub-site"
    build(huiqi, root_site, f"http://127.0.0.1:{port}/")
    build(huiqi, sub_site, f"http://127.0.0.1:{sub_port}/jrfw/")
    server = (ROOT / "deploy/nginx/huiqi.conf").read_text(encoding="utf-8")
    server = server.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("/srv/huiqi/site", str(root_site))
    sub = (ROOT / "deploy/nginx/huiqi-subpath.conf").read_text(encoding="utf-8").replace("/srv/huiqi/site", str(sub_site))
    (tmp / "host-root").mkdir()
    proc = start_nginx(tmp, f"""
    {server}
    server {{
        # A host's own site, as real servers have it: a default location and a
        # regex location for static files that would win over plain prefixes.
        listen 127.0.0.1:{sub_port};
        root {tmp}/host-root;
        location / {{ try_files $uri $uri/ =404; }}
        location ~* \\.(js|css|png|jpg|gif|ico|svg)$ {{ expires 30d; }}
        {sub}
    }}""", [port, sub_port])
    yield {"port": port, "sub_port": sub_port, "site": root_site, "sub_site": sub_site}
    proc.terminate()
    proc.wait(timeout=10)

def get(port, path, headers=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    c.request("GET", path, headers=headers or {})
    r = c.getresponse()
    body = r.read()
    c.close()
    return r, body

def test_security_and_cache_headers(nginx):
    r, body = get(nginx["port"], "/")
    assert r.status == 200 and b"<html" in body
    assert "default-src 'self'" in r.getheader("Content-Security-Policy")
    assert r.getheader("X-Content-Type-Options") == "nosniff"
    assert r.getheader("Referrer-Policy") == "strict-origin-when-cross-origin"
    assert r.getheader("Cache-Control") == "no-cache"
    css = next(p.name for p in (nginx["site"] / "assets").glob("style.*.css"))
    r, _ = get(nginx["port"], f"/assets/{css}")
    assert r.status == 200 and "immutable" in r.getheader("Cache-Control")
    assert "default-src 'self'" in r.getheader("Content-Security-Policy")

def test_not_found_page(nginx):
    r, body = get(nginx["port"], "/no/such/page/")
    assert r.status == 404 and "页面未找到" in body.decode("utf-8")
    r, body = get(nginx["sub_port"], "/jrfw/no/such/page/")
    text = body.decode("utf-8")
    # Served at any depth, the 404 page links from the base path, so its stylesheet still loads.
    assert r.status == 404 and 'href="/jrfw/assets/style.' in text
    css = text.split('href="/jrfw/assets/style.')[1].split('"')[0]
    r, _ = get(nginx["sub_port"], "/jrfw/assets/style." + css)
    assert r.status == 200

def test_sub_path_survives_a_host_with_its_own_static_location(nginx):
    port = nginx["sub_port"]
    r, _ = get(port, "/jrfw")
    assert r.status == 301 and r.getheader("Location").endswith("/jrfw/")
    _, body = get(port, "/jrfw/")
    css = body.decode("utf-8").split('href="assets/style.')[1].split('"')[0]
    r, _ = get(port, "/jrfw/assets/style." + css)
    assert r.status == 200 and "immutable" in r.getheader("Cache-Control"), "the host's regex location must not win"
    ics = next(nginx["sub_site"].glob("events/*/*.ics")).relative_to(nginx["sub_site"])
    r, body = get(port, f"/jrfw/{ics}")
    assert r.status == 200 and r.getheader("Content-Type").startswith("text/calendar")
    r, _ = get(port, "/jrfw/feed.xml")
    assert r.status == 200 and "charset=utf-8" in r.getheader("Content-Type")


def test_manifest_is_not_served(nginx):
    assert (nginx["site"] / ".huiqi-manifest").is_file()
    assert get(nginx["port"], "/.huiqi-manifest")[0].status == 404
    assert get(nginx["sub_port"], "/jrfw/.huiqi-manifest")[0].status == 404


def test_precompressed_responses(nginx):
    r, body = get(nginx["port"], "/products/", {"Accept-Encoding": "gzip"})
    assert r.status == 200 and r.getheader("Content-Encoding") == "gzip"
    on_disk = (nginx["site"] / "products/index.html.gz").read_bytes()
    assert body == on_disk, "nginx should send the precompressed file as it is"
    assert gzip.decompress(body) == (nginx["site"] / "products/index.html").read_bytes()

class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
    def handle_starttag(self, tag, attrs):
        for k, v in attrs:
            if k in ("href", "src") and v:
                self.links.append(v)

def crawl(port, start):
    """Every page reachable from start, and every link found in them, must answer 200."""
    seen, queue, checked = set(), [start], set()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    while queue:
        path = queue.pop()
        if path in seen:
            continue
        seen.add(path)
        c.request("GET", path)
        r = c.getresponse()
        body = r.read()
        assert r.status == 200, f"{path} answered {r.status}"
        checked.add(path)
        if "text/html" not in (r.getheader("Content-Type") or ""):
            continue
        parser = Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.links:
            target = urllib.parse.urljoin(path, link)
            parts = urllib.parse.urlsplit(target)
            if parts.scheme or parts.netloc or link.startswith(("tel:", "mailto:", "#")):
                continue
            if parts.path not in seen:
                queue.append(parts.path)
    c.close()
    return checked

def test_every_link_answers_200_at_root(nginx):
    pages = crawl(nginx["port"], "/")
    assert len(pages) > 300

def test_every_link_answers_200_under_a_sub_path(nginx):
    pages = crawl(nginx["sub_port"], "/jrfw/")
    assert len(pages) > 300
    assert all(p.startswith("/jrfw/") for p in pages)
    _, body = get(nginx["sub_port"], "/jrfw/")
    assert f'href="http://127.0.0.1:{nginx["sub_port"]}/jrfw/"' in body.decode("utf-8")  # canonical link
