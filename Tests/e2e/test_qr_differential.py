"""Differential test of the in-house QR encoder against Nayuki's qrcodegen."""
import functools, json, random, subprocess
import qrcodegen
from qrcodegen import QrCode, QrSegment

LEVELS = {"L": QrCode.Ecc.LOW, "M": QrCode.Ecc.MEDIUM, "Q": QrCode.Ecc.QUARTILE, "H": QrCode.Ecc.HIGH}
# Alphabets whose texts both encoders put in a single segment of one mode,
# so forced version, level and mask must give the same matrix.
ALPHABETS = {
    "numeric": "0123456789",
    "alphanumeric": "ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:",
    "byte": "abcdefghijklmnopqrstuvwxyz#&=_~",
}

@functools.lru_cache(maxsize=None)
def capacity(version, ecc, mode):
    """Largest text length of this mode that fits version and level, found by qrcodegen's own bit count."""
    lo, hi = 0, 8000
    while lo < hi:
        mid = (lo + hi + 1) // 2
        seg = make_segment(ALPHABETS[mode][0] * mid, mode)
        bits = QrSegment.get_total_bits([seg], version)
        cap = QrCode._get_num_data_codewords(version, LEVELS[ecc]) * 8
        if bits is not None and bits <= cap:
            lo = mid
        else:
            hi = mid - 1
    return lo

def make_segment(text, mode):
    if mode == "numeric":
        return QrSegment.make_numeric(text)
    if mode == "alphanumeric":
        return QrSegment.make_alphanumeric(text)
    return QrSegment.make_bytes(text.encode())

def matrix(qr):
    return ",".join("".join("1" if qr.get_module(x, y) else "0" for x in range(qr.get_size())) for y in range(qr.get_size()))

def test_matrices_and_mask_choice_match_qrcodegen(huiqi, tmp_path):
    rng = random.Random(18004)
    cases, expected = [], []
    for i in range(1200):
        version = i % 40 + 1
        ecc = "LMQH"[(i // 40) % 4]
        mode = ["numeric", "alphanumeric", "byte"][i % 3]
        n = rng.randint(1, max(1, capacity(version, ecc, mode)))
        text = "".join(rng.choice(ALPHABETS[mode]) for _ in range(n))
        mask = rng.randrange(8) if i % 2 == 0 else -1
        qr = QrCode.encode_segments([make_segment(text, mode)], LEVELS[ecc], version, version, mask, False)
        cases.append({"text": text, "ecc": ecc, "version": version, "mask": None if mask < 0 else mask, "boost": False, "eci": "off"})
        expected.append(f"{qr.get_version()} {qr.get_mask()} {ecc} {matrix(qr)}")
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in cases) + "\n", encoding="utf-8")
    out = subprocess.run([huiqi, "qr", "--batch", str(path)], check=True, capture_output=True, text=True).stdout.splitlines()
    assert len(out) == len(expected)
    versions = set()
    for case, got, want in zip(cases, out, expected):
        assert got == want, f"mismatch for {case}"
        versions.add(case["version"])
    assert versions == set(range(1, 41))

def test_errors_are_reported_not_crashes(huiqi):
    r = subprocess.run([huiqi, "qr", "x" * 3000, "--ecc", "H"], capture_output=True, text=True)
    assert r.returncode == 1 and "data too long" in r.stderr
    r = subprocess.run([huiqi, "qr", "hello", "--mask", "9"], capture_output=True, text=True)
    assert r.returncode == 1 and "invalid mask" in r.stderr
    r = subprocess.run([huiqi, "qr", "hello" * 40, "--version", "1"], capture_output=True, text=True)
    assert r.returncode == 1 and "data too long" in r.stderr
