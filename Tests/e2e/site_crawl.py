"""Following a built site's links as a browser without JavaScript would, from the files."""
import html
import pathlib
import re
from urllib.parse import urljoin


def hrefs(page: pathlib.Path):
    return [html.unescape(h) for h in re.findall(r'<a [^>]*href="([^"]+)"', page.read_text(encoding="utf-8"))]


def crawl(site: pathlib.Path):
    """Pages (paths relative to the site) reachable from index.html by links."""
    seen, todo = set(), ["index.html"]
    while todo:
        rel = todo.pop()
        if rel in seen or not (site / rel).is_file():
            continue
        seen.add(rel)
        for h in hrefs(site / rel):
            if re.match(r"^[a-z]+:", h) or h.startswith("#"):
                continue
            target = urljoin("http://x/" + rel, h.split("#")[0].split("?")[0])[len("http://x/"):]
            if target == "" or target.endswith("/"):
                target += "index.html"
            if target.endswith(".html"):
                todo.append(target)
    return seen
