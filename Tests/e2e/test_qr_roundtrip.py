"""Encode with `huiqi qr`, render to PNG and SVG, decode with two independent
readers, zxing-cpp (PyPI `zxing-cpp`) and zbarimg (Debian `zbar-tools`):
the payload must come back exactly. SVGs are rasterised by cairosvg (PyPI
`cairosvg`), a real SVG renderer, so the test covers the SVG as browsers
read it, not just its path data."""
import io
import subprocess

import cairosvg
import pytest
import zxingcpp
from PIL import Image
from qrcodegen import QrCode

from qr_helpers import huiqi_binary

PAYLOADS = {
    "url": "https://jrfw.example.gov.cn/products/gonghang-kexindai/",
    "url-with-digits": "https://jrfw.example.gov.cn/p/20261123000123456789?ref=QR",
    "chinese": "惠企助贷：科技型企业信用贷款，年化利率 3.45%（单利）",
    "alphanumeric": "HELLO WORLD $%*+-./: 12345",
    "numeric": "0123456789" * 30,
    "emoji-and-latin": "Crédit € 😀 服务",
}

# (version, level): ASCII payloads filling byte-mode capacity, so the
# encoder must choose exactly this version.
NEAR_CAPACITY = [(1, "L"), (2, "M"), (5, "Q"), (7, "H"), (10, "M"), (15, "L"), (20, "Q"), (27, "H"), (33, "M"),
                 (40, "L"), (40, "H")]
LEVELS = {"L": QrCode.Ecc.LOW, "M": QrCode.Ecc.MEDIUM, "Q": QrCode.Ecc.QUARTILE, "H": QrCode.Ecc.HIGH}


def byte_capacity(version, level):
    """Bytes that fit one byte-mode segment (Table 7), from qrcodegen's data codeword count."""
    count_bits = 8 if version <= 9 else 16
    return (QrCode._get_num_data_codewords(version, LEVELS[level]) * 8 - 4 - count_bits) // 8


@pytest.fixture(scope="module")
def huiqi_bin():
    return huiqi_binary()


def zxing(image):
    return [r.text for r in zxingcpp.read_barcodes(image)]


def zbar(png_path):
    out = subprocess.run(["zbarimg", "-q", "--raw", str(png_path)], capture_output=True)
    return out.stdout.decode("utf-8").removesuffix("\n")


def encode(huiqi_bin, text, tmp_path, *args):
    png = tmp_path / "q.png"
    subprocess.run([huiqi_bin, "qr", text, "--format", "png", "--output", str(png), *args], check=True)
    return png


def matrix_size(huiqi_bin, text, *args):
    out = subprocess.run([huiqi_bin, "qr", text, "--format", "matrix", *args], check=True, capture_output=True, text=True)
    return len(out.stdout.splitlines())


@pytest.mark.parametrize("name", PAYLOADS)
def test_png_decodes_with_zxing_and_zbar(huiqi_bin, tmp_path, name):
    payload = PAYLOADS[name]
    png = encode(huiqi_bin, payload, tmp_path, "--module-size", "4")
    assert zxing(Image.open(png)) == [payload]
    assert zbar(png) == payload


@pytest.mark.parametrize("name", PAYLOADS)
def test_svg_rasterised_by_cairosvg_decodes(huiqi_bin, tmp_path, name):
    payload = PAYLOADS[name]
    svg = subprocess.run([huiqi_bin, "qr", payload], check=True, capture_output=True).stdout
    text = svg.decode("utf-8")
    assert text.startswith("<svg xmlns=\"http://www.w3.org/2000/svg\"") and text.count("<path") == 1
    assert 'shape-rendering="crispEdges"' in text and "<title>" in text
    png_bytes = cairosvg.svg2png(bytestring=svg, output_width=600, output_height=600)
    image = Image.open(io.BytesIO(png_bytes)).convert("L")   # transparent → the drawn white background
    assert zxing(image) == [payload]
    path = tmp_path / "svg.png"
    image.save(path)
    assert zbar(path) == payload


@pytest.mark.parametrize("version,level", NEAR_CAPACITY)
def test_near_capacity_payloads(huiqi_bin, tmp_path, version, level):
    length = byte_capacity(version, level)
    payload = "".join(chr(ord("a") + (i * 7 + i // 26) % 26) for i in range(length))
    args = ["--ecc", level, "--no-boost"]
    assert matrix_size(huiqi_bin, payload, *args) == 4 * version + 17
    png = encode(huiqi_bin, payload, tmp_path, "--module-size", "3", *args)
    assert zxing(Image.open(png)) == [payload]
    assert zbar(png) == payload
    # One byte more needs the next version (or does not fit at all).
    r = subprocess.run([huiqi_bin, "qr", payload + "a", "--format", "matrix", *args], capture_output=True, text=True)
    if version == 40:
        assert r.returncode == 1 and r.stderr.startswith("huiqi qr: data too long")
    else:
        assert len(r.stdout.splitlines()) > 4 * version + 17


def test_table_7_capacities():
    assert [byte_capacity(40, level) for level in "LMQH"] == [2953, 2331, 1663, 1273]


def test_chinese_near_version_40_capacity(huiqi_bin, tmp_path):
    # 2953 bytes at 40-L, less the ECI designator (12 bits) and count: 983 three-byte characters.
    payload = "惠企金融服务" * 163 + "惠企贷款助"
    assert len(payload.encode("utf-8")) == 2949
    png = encode(huiqi_bin, payload, tmp_path, "--ecc", "L", "--module-size", "3")
    assert matrix_size(huiqi_bin, payload, "--ecc", "L") == 177
    assert zxing(Image.open(png)) == [payload]
    assert zbar(png) == payload


def test_cli_errors_exit_1_with_a_message(huiqi_bin):
    r = subprocess.run([huiqi_bin, "qr", "x" * 3000, "--ecc", "H"], capture_output=True, text=True)
    assert r.returncode == 1 and r.stderr.startswith("huiqi qr: data too long: it needs 24020 bits")
    r = subprocess.run([huiqi_bin, "qr", "hello", "--mask", "9"], capture_output=True, text=True)
    assert r.returncode == 1 and "invalid mask 9" in r.stderr
    r = subprocess.run([huiqi_bin, "qr", "hello" * 40, "--version", "1"], capture_output=True, text=True)
    assert r.returncode == 1 and "version 1 too small" in r.stderr
    r = subprocess.run([huiqi_bin, "qr", "hello", "--version", "0"], capture_output=True, text=True)
    assert r.returncode == 1 and "invalid version 0" in r.stderr


def test_png_to_stdout_and_matrix_format(huiqi_bin):
    png = subprocess.run([huiqi_bin, "qr", "hello", "--format", "png"], check=True, capture_output=True).stdout
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert zxing(Image.open(io.BytesIO(png))) == ["hello"]
    matrix = subprocess.run([huiqi_bin, "qr", "hello", "--format", "matrix"], check=True, capture_output=True, text=True).stdout
    rows = matrix.split("\n")
    assert rows[-1] == "" and len(rows) == 22 and all(len(r) == 21 and set(r) <= {"0", "1"} for r in rows[:-1])


def test_every_product_page_qr_decodes_to_its_url(built_site):
    products = sorted((built_site / "products").glob("*/qr.png"))
    assert len(products) >= 100
    for png in products:
        product_id = png.parent.name
        assert zxing(Image.open(png)) == [f"https://jrfw.example.gov.cn/products/{product_id}/"], product_id
        html = (png.parent / "index.html").read_text(encoding="utf-8")
        # The page shows this PNG (WeChat's long-press recognises images) and prints its address.
        assert '<img class="qr-code" src="../../products/' + product_id + '/qr.png"' in html
        assert f"https://jrfw.example.gov.cn/products/{product_id}/" in html
