"""What a web server sees while huiqi publishes (issue 12): a real nginx serves
site/ while builds alternate between two themes (so every page names another
stylesheet) and two dates. The site is swapped in one step, so a visitor never
sees a mixed site: two pages read with no change of the site in between carry
the same build date, and a stylesheet or QR code a page names is there unless
the site changed since (the page, read again, names another one)."""
import http.client, pathlib, re, shutil, socket, subprocess, threading, time

import pytest
from process_helpers import NGINX, free_port, start_nginx

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_visitors_never_see_a_mixed_site_during_builds(huiqi, tmp_path):
    if not pathlib.Path(NGINX).exists():
        pytest.fail("nginx is needed (make test installs it)")
    themes = [ROOT / "themes/default", tmp_path / "theme-b"]
    shutil.copytree(themes[0], themes[1])
    css = themes[1] / "assets" / "style.css"
    css.write_text(css.read_text(encoding="utf-8") + "\n/* b */\n", encoding="utf-8")
    site, port = tmp_path / "site", free_port()

    def build(i):
        return subprocess.run([huiqi, "build", "--content", str(ROOT / "content"), "--theme", str(themes[i % 2]),
                               "--output", str(site), "--date", ["2026-11-23", "2026-12-02"][i // 2 % 2]],
                              capture_output=True, text=True)

    assert build(0).returncode == 0
    nginx = start_nginx(tmp_path, f"open_file_cache off;\n    server {{ listen 127.0.0.1:{port}; root {site}; }}", [port])
    try:
        stop, failures, visits = threading.Event(), [], [0]
        product = sorted(p.name for p in (site / "products").iterdir() if (p / "qr.png").exists())[0]

        def get(conn, path):
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, response.read()

        def marker(body):
            found = re.search("数据更新至 <time datetime=\"([0-9-]+)\"".encode(), body)
            return found.group(1) if found else None

        def subresources(body):
            names = re.findall(rb'(?:href|src)="((?:\.\./)*(?:assets/[^"]+|qr\.png))"', body)
            return ["/" + re.sub(r"^(\.\./)+", "", n.decode()) if "assets/" in n.decode() else f"/products/{product}/qr.png"
                    for n in names]

        def visitor():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            page = f"/products/{product}/"
            while not stop.is_set():
                s1, home1 = get(conn, "/")
                s2, body = get(conn, page)
                missing = []
                for target in subresources(body):
                    if get(conn, target)[0] != 200:
                        missing.append(target)
                s3, home2 = get(conn, "/")
                s4, body2 = get(conn, page)
                if (s1, s2, s3, s4) != (200, 200, 200, 200):
                    failures.append(f"status {(s1, s2, s3, s4)}")
                unchanged = home1 == home2 and body == body2
                if unchanged and marker(home1) != marker(body):
                    failures.append(f"home dated {marker(home1)}, product page {marker(body)}: a mixed site")
                if unchanged and missing:
                    failures.append(f"{page} names {missing}, which answer 404 in the same site")
                visits[0] += 1

        threads = [threading.Thread(target=visitor) for _ in range(2)]
        for t in threads:
            t.start()
        for i in range(1, 9):
            r = build(i)
            assert r.returncode == 0, r.stderr
        stop.set()
        for t in threads:
            t.join()
        assert visits[0] > 20, "the visitors kept visiting during the builds"
        assert not failures, f"{len(failures)} failed requests in {visits[0]} visits: {failures[:5]}"
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
