"""Encode, render, decode with independent decoders (zxing-cpp, zbarimg)."""
import pathlib, subprocess
import pytest
import zxingcpp
from PIL import Image

PAYLOADS = [
    ("https://jrfw.example.gov.cn/products/gonghang-kexindai/", "M"),
    ("惠企助贷：科技型企业信用贷款，年化利率 3.45%（单利）", "M"),
    ("HELLO WORLD 12345", "Q"),
    ("0123456789" * 30, "H"),
    ("x" * 2900, "L"),   # near version 40-L byte capacity (2953)
    ("中" * 770, "M"),   # 2310 bytes + ECI 26, near version 40-M capacity (2331)
]

def decode_png(path):
    results = zxingcpp.read_barcodes(Image.open(path))
    return [r.text for r in results]

@pytest.mark.parametrize("payload,ecc", PAYLOADS, ids=[f"case{i}" for i in range(len(PAYLOADS))])
def test_png_roundtrip_zxing_and_zbar(huiqi, tmp_path, payload, ecc):
    png = tmp_path / "q.png"
    subprocess.run([huiqi, "qr", payload, "--ecc", ecc, "--format", "png", "--output", str(png), "--module-size", "4"], check=True)
    assert decode_png(png) == [payload]
    zbar = subprocess.run(["zbarimg", "-q", "--raw", str(png)], capture_output=True)
    assert zbar.stdout.decode("utf-8").rstrip("\n") == payload

def test_svg_rasterised_roundtrip(huiqi, tmp_path):
    """Paint the SVG's path (runs of `M x,y h n v1 h-n z`) into pixels and decode it."""
    import re
    payload = PAYLOADS[1][0]
    svg = subprocess.run([huiqi, "qr", payload], capture_output=True, text=True, check=True).stdout
    assert 'shape-rendering="crispEdges"' in svg and "<title>" in svg and svg.count("<path") == 1
    dim = int(re.search(r'viewBox="0 0 (\d+) \d+"', svg).group(1))
    scale = 6
    img = Image.new("L", (dim * scale, dim * scale), 255)
    for x, y, run in re.findall(r"M(\d+),(\d+)h(\d+)v1h-\d+z", svg):
        x, y, run = int(x), int(y), int(run)
        img.paste(0, (x * scale, y * scale, (x + run) * scale, (y + 1) * scale))
    path = tmp_path / "svg.png"
    img.save(path)
    assert decode_png(path) == [payload]

def test_every_product_page_qr_decodes_to_its_url(built_site):
    products = sorted((built_site / "products").glob("*/qr.png"))
    assert len(products) >= 100
    for png in products:
        product_id = png.parent.name
        assert decode_png(png) == [f"https://jrfw.example.gov.cn/products/{product_id}/"], product_id
        html = (png.parent / "index.html").read_text(encoding="utf-8")
        assert "<svg" in html and f"https://jrfw.example.gov.cn/products/{product_id}/" in html
