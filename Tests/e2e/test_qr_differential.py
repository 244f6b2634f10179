"""Differential test of the in-house encoder (`huiqi qr --batch`) against
Nayuki's reference implementation, qrcodegen (PyPI `qrcodegen`).

Both sides must get the same segments for the matrices to be comparable:
qrcodegen's `make_segments` puts the whole text in one mode, while Huiqi
splits it optimally. So:

* forced cases give both sides the same single segment explicitly (batch
  field "mode" here, `QrSegment.make_*` there), ECI off, no boost, and force
  version, level and (half the time) the mask: matrices and the automatically
  chosen masks must be identical;
* automatic cases use texts whose optimal split is one segment anyway (all
  digits; alphanumeric without digits; bytes without digits or capitals) so
  that `encode_text` and Huiqi's optimiser agree: version choice, level
  boost, mask choice and matrix must be identical.
"""
import multiprocessing
import os
import random

import pytest
from qrcodegen import QrCode, QrSegment

from qr_helpers import LEVEL_LETTERS, huiqi_binary, qrcodegen_matrix, run_batch

LEVELS = {"L": QrCode.Ecc.LOW, "M": QrCode.Ecc.MEDIUM, "Q": QrCode.Ecc.QUARTILE, "H": QrCode.Ecc.HIGH}
ALPHABETS = {
    "numeric": "0123456789",
    "alphanumeric": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:",
    # Any Unicode: byte mode takes the UTF-8 bytes.
    "byte": "abcdefghijklmnopqrstuvwxyz0123456789ABC#&=_~?/:.中文惠企贷款金融服务é€😀",
}
# Alphabets whose optimal split is a single segment of the mode named.
SINGLE_SEGMENT_ALPHABETS = {
    "numeric": "0123456789",
    "alphanumeric": "ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:",
    "byte": "abcdefghijklmnopqrstuvwxyz#&=_~?中文惠企",
}
CASES = 1200
AUTOMATIC_CASES = 240


@pytest.fixture(scope="module")
def huiqi_bin():
    return huiqi_binary()


def segment(text, mode):
    if mode == "numeric":
        return QrSegment.make_numeric(text)
    if mode == "alphanumeric":
        return QrSegment.make_alphanumeric(text)
    return QrSegment.make_bytes(text.encode("utf-8"))


COUNT_BITS = {"numeric": (10, 12, 14), "alphanumeric": (9, 11, 13), "byte": (8, 16, 16)}


def data_bits(mode, n):
    """Bits of n characters (bytes in byte mode) in a segment's data part."""
    if mode == "numeric":
        return n // 3 * 10 + (0, 4, 7)[n % 3]
    if mode == "alphanumeric":
        return n // 2 * 11 + (n % 2) * 6
    return n * 8


def random_text(rng, alphabet, mode, version, level):
    """A random text in this mode that fits the version and level: often
    exactly as long as fits, else of random length up to that."""
    group = 0 if version <= 9 else (1 if version <= 26 else 2)
    room = QrCode._get_num_data_codewords(version, LEVELS[level]) * 8 - 4 - COUNT_BITS[mode][group]
    chars, used = [], 0
    while True:
        c = rng.choice(alphabet)
        size = len(c.encode("utf-8")) if mode == "byte" else 1
        if data_bits(mode, used + size) > room:
            break
        chars.append(c)
        used += size
    # Bias towards full symbols, where padding is short and every block is busy.
    length = len(chars) if rng.random() < 0.25 else rng.randint(1, max(1, len(chars)))
    return "".join(chars[:length])


def reference(case):
    """qrcodegen's symbol for a batch case, in the batch output's form."""
    level = LEVELS[case["ecc"]]
    if "mode" in case:   # forced: one given segment, version, level, maybe mask; no boost
        mask = -1 if case["mask"] is None else case["mask"]
        qr = QrCode.encode_segments([segment(case["text"], case["mode"])], level, case["version"], case["version"],
                                    mask, False)
    else:
        qr = QrCode.encode_text(case["text"], level)
    return {"version": qr.get_version(), "ecc": LEVEL_LETTERS[qr.get_error_correction_level().ordinal],
            "mask": qr.get_mask(), "matrix": qrcodegen_matrix(qr)}


def references(cases):
    """qrcodegen is pure Python and slow on large symbols: use every core."""
    with multiprocessing.get_context("fork").Pool(os.cpu_count()) as pool:
        return pool.map(reference, cases, chunksize=8)


def describe(case):
    return {k: (v if k != "text" else v[:40] + ("…" if len(v) > 40 else "")) for k, v in case.items()}


def test_forced_version_level_mask_match_qrcodegen(huiqi_bin, tmp_path):
    rng = random.Random(18004)
    cases = []
    for i in range(CASES):
        version = i % 40 + 1
        level = LEVEL_LETTERS[(i // 40) % 4]
        mode = ["numeric", "alphanumeric", "byte"][(i // 160) % 3]
        text = random_text(rng, ALPHABETS[mode], mode, version, level)
        mask = rng.randrange(8) if i % 3 != 0 else None   # automatic for a third: qrcodegen is slow at it
        cases.append({"text": text, "ecc": level, "version": version, "mask": mask, "boost": False,
                      "eci": "off", "mode": mode})
    expected = references(cases)
    results = run_batch(huiqi_bin, cases, tmp_path)
    covered = set()
    for case, got, want in zip(cases, results, expected):
        assert got == want, f"mismatch for {describe(case)}"
        covered.add((case["version"], case["ecc"], case["mode"]))
    assert {v for v, _, _ in covered} == set(range(1, 41))
    assert {(l, m) for _, l, m in covered} == {(l, m) for l in LEVEL_LETTERS for m in ALPHABETS}


def test_automatic_choices_match_qrcodegen(huiqi_bin, tmp_path):
    """Smallest version, level boost and mask, all chosen automatically."""
    rng = random.Random(7)
    cases = []
    for i in range(AUTOMATIC_CASES):
        mode = ["numeric", "alphanumeric", "byte"][i % 3]
        level = LEVEL_LETTERS[(i // 3) % 4]
        version = rng.randint(1, 40)   # aim the length at some version's capacity
        text = random_text(rng, SINGLE_SEGMENT_ALPHABETS[mode], mode, version, level)
        cases.append({"text": text, "ecc": level, "eci": "off"})
    expected = references(cases)
    results = run_batch(huiqi_bin, cases, tmp_path)
    for case, got, want in zip(cases, results, expected):
        assert got == want, f"mismatch for {describe(case)}"
    assert len({r["version"] for r in results}) > 30
    assert {r["ecc"] for r in results} == set(LEVEL_LETTERS)


def test_errors_are_reported_not_crashes(huiqi_bin, tmp_path):
    cases = [
        {"text": "x" * 3000, "ecc": "H"},
        {"text": "hello" * 40, "ecc": "M", "version": 1},
        {"text": "hello", "mask": 9},
        {"text": "hello", "version": 41},
        {"text": "hello", "minVersion": 5, "maxVersion": 2},
        {"text": "12a", "mode": "numeric"},
        {"text": "abc", "mode": "alphanumeric"},
    ]
    results = run_batch(huiqi_bin, cases, tmp_path)
    messages = [r.get("error", "") for r in results]
    assert messages[0].startswith("data too long: it needs 24020 bits (3003 bytes), but version 40 at level H holds only 10208 bits (1276 bytes)")
    assert messages[1].startswith("version 1 too small") and "smallest version that fits is 10" in messages[1]
    assert messages[2].startswith("invalid mask 9")
    assert messages[3].startswith("invalid version 41")
    assert messages[4].startswith("invalid version range 5–2")
    assert messages[5] == "invalid character for numeric mode at byte 2"
    assert messages[6] == "invalid character for alphanumeric mode at byte 0"
