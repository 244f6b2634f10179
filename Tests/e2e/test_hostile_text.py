"""Hostile text in content (control characters, line breaks, delimiters) must
not break the outputs: feed.xml and sitemap.xml stay well-formed XML, pages
carry no character HTML forbids, an event's .ics keeps one property per
field, and `huiqi check` names where the characters are."""
import json, pathlib, re, shutil, subprocess
import xml.etree.ElementTree as ET

ROOT = pathlib.Path(__file__).resolve().parents[2]
POLICY = "datong-beizeng-jinrong-2022"
EVENT = "2026-06-qianqi-wanhu-zoufang"
# XML 1.0 forbids these; HTML also makes DEL, C1 controls and noncharacters parse errors.
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")

def hostile_copy(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    policy = content / "policies" / f"{POLICY}.md"
    text = policy.read_text(encoding="utf-8")
    # YAML's double-quoted escapes are how such characters get into a value.
    text = text.replace("\ntitle: 大同市", '\ntitle: "大同市\\x01\\x0b\\x1f\\uFFFE\\x7f', 1)
    text = re.sub(r'(\ntitle: "[^\n]*)', r'\1"', text, count=1)
    policy.write_text(text + "\n正文里也有\x02控制字符。\n", encoding="utf-8")
    event = content / "events" / f"{EVENT}.yml"
    text = event.read_text(encoding="utf-8")
    text = re.sub(r"\ntitle: [^\n]*", r'\ntitle: "培训\\r\\nATTACH:https://evil.example/x\\nRRULE:FREQ=DAILY"', text, count=1)
    text = re.sub(r"\norganizer: [^\n]*", r'\norganizer: "金融办:MAILTO:evil@example.com;ROLE=CHAIR"', text, count=1)
    event.write_text(text, encoding="utf-8")
    return content

def build_hostile(huiqi, tmp_path):
    """The hostile copy of the example portal, built: (content, site)."""
    content = hostile_copy(tmp_path)
    out = tmp_path / "site"
    r = subprocess.run([huiqi, "build", "--content", str(content), "--theme", str(ROOT / "themes/default"),
                        "--output", str(out), "--date", "2026-11-23"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return content, out

def test_control_characters_are_dropped_and_reported(huiqi, tmp_path):
    content, out = build_hostile(huiqi, tmp_path)
    feed = ET.parse(out / "feed.xml")        # raises when not well-formed
    ET.parse(out / "sitemap.xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [t.text for t in feed.getroot().findall("a:entry/a:title", ns)]
    assert any(t.startswith("大同市强化市场主体倍增") for t in titles), titles
    for page in out.rglob("*"):
        if page.suffix in {".html", ".xml", ".ics"}:
            assert not FORBIDDEN.search(page.read_text(encoding="utf-8").replace("\r", "")), page

    r = subprocess.run([huiqi, "check", "--content", str(content), "--date", "2026-11-23", "--format", "json"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout          # warnings only
    found = [d for d in json.loads(r.stdout) if d["code"] == "V015"]
    title = [d for d in found if d.get("field") == "title"]
    assert title and title[0]["file"].endswith(f"policies/{POLICY}.md") and title[0]["line"] == 3, found
    assert title[0]["label"] == "政策名称" and title[0]["severity"] == "warning"
    assert any(d.get("field") == "body" and d["file"].endswith(f"{POLICY}.md") for d in found), found

def test_event_text_stays_inside_its_ics_property(huiqi, tmp_path):
    content, out = build_hostile(huiqi, tmp_path)
    raw = (out / "events" / EVENT / "event.ics").read_bytes()
    assert raw.endswith(b"\r\n")
    physical = raw[:-2].split(b"\r\n")
    assert all(b"\r" not in l and b"\n" not in l and len(l) <= 75 for l in physical), physical
    lines = []
    for l in (p.decode("utf-8") for p in physical):     # each folded piece is whole UTF-8
        if l.startswith(" "):
            lines[-1] += l[1:]
        else:
            lines.append(l)
    names = [re.match(r"[A-Z-]+", l).group(0) for l in lines]
    assert "ATTACH" not in names and "RRULE" not in names and names.count("ORGANIZER") == 1, names
    organizer = next(l for l in lines if l.startswith("ORGANIZER"))
    assert organizer.startswith('ORGANIZER;CN="金融办:MAILTO:evil@example.com;ROLE=CHAIR":MAILTO:noreply@'), organizer
