"""Editors' tools: scaffolding, JSON Schemas, CSV import."""
import json, pathlib, shutil, subprocess
import jsonschema, yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
KINDS = ["product", "policy", "institution", "disclosure", "ledger", "event", "page", "advisor"]

def check(huiqi, content):
    r = subprocess.run([huiqi, "check", "--content", str(content), "--date", "2026-11-23", "--format", "json"],
                       capture_output=True, text=True)
    return r.returncode, json.loads(r.stdout)

def test_new_scaffolds_every_kind_and_refuses_to_overwrite(huiqi, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    for kind in KINDS:
        r = subprocess.run([huiqi, "new", kind, f"zz-{kind}", "--content", str(content)], capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
    written = sorted(p.relative_to(content).as_posix() for p in content.rglob("zz-*"))
    assert len(written) == len(KINDS)
    product = (content / "products/zz-product.yml").read_text(encoding="utf-8")
    assert "＊ 年化利率" not in product and "年化利率（%）（条件必填" in product and "＊ 产品名称" in product
    r = subprocess.run([huiqi, "new", "product", "zz-product", "--content", str(content)], capture_output=True, text=True)
    assert r.returncode == 1 and "已存在" in r.stderr
    assert (content / "products/zz-product.yml").read_text(encoding="utf-8") == product
    # The scaffolds parse: what check reports about them is only what an editor must still fill in.
    code, diagnostics = check(huiqi, content)
    ours = [d for d in diagnostics if "zz-" in d["file"]]
    assert ours and all(d["code"] in {"V001", "V013", "V017", "P001", "P012", "P015", "G002", "D009", "D001", "D006"} for d in ours), ours
    # A scaffold is not content: its sample texts are refused by name until they are rewritten.
    samples = [d for d in ours if d["code"] == "V017"]
    assert any(d["file"].endswith("zz-product.yml") and d["field"] == "name" for d in samples), samples
    assert code == 1

def test_schemas_are_current_and_accept_the_example_portal(huiqi, tmp_path):
    subprocess.run([huiqi, "schema", "--output", str(tmp_path)], check=True, capture_output=True)
    committed = ROOT / "content/schemas"
    for kind in KINDS + ["site"]:
        fresh = (tmp_path / f"{kind}.schema.json").read_bytes()
        assert (committed / f"{kind}.schema.json").read_bytes() == fresh, f"run `huiqi schema` ({kind})"
        schema = json.loads(fresh)
        assert schema["title"] and schema["properties"]
    validators = {k: jsonschema.Draft202012Validator(json.loads((tmp_path / f"{k}.schema.json").read_text())) for k in KINDS + ["site"]}
    folders = {"institutions": "institution", "products": "product", "disclosures": "disclosure", "ledgers": "ledger", "events": "event"}
    count = 0
    for folder, kind in folders.items():
        for f in (ROOT / "content" / folder).glob("*.yml"):
            text = f.read_text(encoding="utf-8")
            assert f"$schema=../schemas/{kind}.schema.json" in text
            data = yaml.load(text, Loader=yaml.BaseLoader)   # strings, as the YAML language server sees them loosely
            errors = [e.message for e in validators[kind].iter_errors(yaml.safe_load(text)) if "is not of type" not in e.message]
            assert not errors, (f.name, errors[:3])
            count += 1
    assert count > 100
    # A wrong value is caught by the schema, as an editor would see while typing.
    bad = yaml.safe_load((ROOT / "content/products" / next((ROOT / "content/products").glob("*.yml")).name).read_text(encoding="utf-8"))
    bad["category"] = "贷款"
    assert any(True for _ in validators["product"].iter_errors(bad))

def test_product_csv_template_round_trip(huiqi, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    subprocess.run([huiqi, "new", "product-csv", "zz-batch", "--content", str(content)], check=True, capture_output=True)
    csv_path = content / "products/zz-batch.csv"
    text = csv_path.read_text(encoding="utf-8-sig")
    header = text.splitlines()[0]
    assert header.startswith("产品编号,产品名称,所属机构")
    # Point the example row at a real institution and save as GB18030, as Excel in China does.
    bank = next(p.stem for p in (content / "institutions").glob("*.yml") if "type: 银行" in p.read_text(encoding="utf-8") or "type: bank" in p.read_text(encoding="utf-8"))
    text = text.replace("shili-nongshang", bank).replace(",kexindai,", ",zz-csv-product,").replace("\nkexindai,", "\nzz-csv-product,")
    assert "示例：" in text   # the sample texts are marked, and refused until rewritten
    text = text.replace("示例：", "")
    csv_path.write_bytes(text.encode("gb18030"))
    code, diagnostics = check(huiqi, content)
    assert code == 0, [d for d in diagnostics if d["severity"] == "error"]
    # A bad cell is reported with its row and column.
    lines = text.splitlines()
    cells = lines[1].split(",")
    cells[7] = "1000-10"   # 额度（万元）: min > max
    csv_path.write_bytes(("\n".join([lines[0], ",".join(cells)]) + "\n").encode("gb18030"))
    code, diagnostics = check(huiqi, content)
    bad = [d for d in diagnostics if d["file"].endswith("zz-batch.csv") and d["severity"] == "error"]
    assert code == 1 and [(d["code"], d["line"], d["column"]) for d in bad] == [("V011", 2, 8)], bad
    assert bad[0]["label"] == "额度（万元）"


def test_serve_says_plainly_what_stops_it(huiqi, tmp_path):
    import socket
    # Outside a project: no content folder, no server.
    r = subprocess.run([huiqi, "serve"], cwd=tmp_path, capture_output=True, text=True, timeout=30)
    assert r.returncode == 2 and "内容目录 content 不存在" in r.stderr, r.stderr
    # A port already taken is said in words, with what to do.
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = subprocess.run([huiqi, "serve", "--content", str(ROOT / "content"), "--theme", str(ROOT / "themes/default"),
                            "--port", str(port)], capture_output=True, text=True, timeout=30)
    assert r.returncode == 2 and f"端口 {port} 已被占用" in r.stderr and "--port" in r.stderr, r.stderr
    assert "errno" not in r.stderr
