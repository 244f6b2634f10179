"""Shared helpers for the QR end-to-end tests: finding the binary, running
the batch encoder, and turning matrices into images."""
import json
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
LEVEL_LETTERS = "LMQH"


def huiqi_binary():
    """HUIQI_BIN, else the release build, else the debug build."""
    candidates = [os.environ.get("HUIQI_BIN"), ROOT / ".build/release/huiqi", ROOT / ".build/debug/huiqi"]
    for candidate in candidates:
        if candidate and pathlib.Path(candidate).is_file():
            return str(pathlib.Path(candidate).resolve())
    raise FileNotFoundError("huiqi binary not found: set HUIQI_BIN or run swift build")


def run_batch(binary, cases, tmp_path):
    """Encodes every case in one `huiqi qr --batch` process; returns one dict per case:
    {"version", "ecc", "mask", "matrix": [row strings]} or {"error": message}."""
    path = pathlib.Path(tmp_path) / "qr-batch.jsonl"
    path.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8")
    out = subprocess.run([binary, "qr", "--batch", str(path)], check=True, capture_output=True).stdout
    results = [json.loads(line) for line in out.decode("utf-8").splitlines()]
    assert len(results) == len(cases)
    return results


def qrcodegen_matrix(qr):
    """qrcodegen's modules as the rows `huiqi qr --format matrix` prints."""
    n = qr.get_size()
    return ["".join("1" if qr.get_module(x, y) else "0" for x in range(n)) for y in range(n)]


def matrix_image(rows, scale=4, border=4):
    """A PIL greyscale image of 0/1 rows, with a light quiet zone."""
    from PIL import Image

    n = len(rows)
    side = (n + 2 * border) * scale
    img = Image.new("L", (side, side), 255)
    for y, row in enumerate(rows):
        for x, c in enumerate(row):
            if c == "1":
                img.paste(0, ((x + border) * scale, (y + border) * scale, (x + border + 1) * scale, (y + border + 1) * scale))
    return img
