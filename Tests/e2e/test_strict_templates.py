"""Strict templates (issue 15): a template that names a value its page does not
have, or a partial the theme does not have, is a warning with the template's
file, line and column, and an error with --strict. The default theme is clean."""
import pathlib, shutil, subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]


def build(huiqi, theme, out, *extra):
    return subprocess.run([huiqi, "build", "--content", str(ROOT / "content"), "--theme", str(theme),
                           "--output", str(out), "--date", "2026-11-23", *extra], capture_output=True, text=True)


def test_default_theme_is_clean_under_strict(huiqi, tmp_path):
    r = build(huiqi, ROOT / "themes/default", tmp_path / "site", "--strict")
    assert r.returncode == 0, r.stderr
    assert "[T00" not in r.stderr


def test_misspelt_name_and_missing_partial_are_placed_and_fail_strict(huiqi, tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "themes/default", theme)
    product = theme / "templates" / "product.mustache"
    lines = product.read_text(encoding="utf-8").split("\n")
    at = lines.index("{{#page}}") + 1
    lines.insert(at, "<p>{{nmae}}</p>")                  # line at+1, column 4
    lines.insert(at + 1, "  {{>partials/no-such-thing}}")  # line at+2, column 3
    product.write_text("\n".join(lines), encoding="utf-8")
    r = build(huiqi, theme, tmp_path / "site")
    assert r.returncode == 0, r.stderr
    assert f"{product}:{at + 1}:4: warning: [T001]" in r.stderr and "nmae" in r.stderr
    assert f"{product}:{at + 2}:3: warning: [T002]" in r.stderr and "partials/no-such-thing" in r.stderr
    r = build(huiqi, theme, tmp_path / "strict", "--strict")
    assert r.returncode == 1
    assert f"{product}:{at + 1}:4: error: [T001]" in r.stderr
    assert f"{product}:{at + 2}:3: error: [T002]" in r.stderr
    assert not (tmp_path / "strict").exists(), "nothing is published"
    assert r.stderr.count("[T001]") == 1, "each place once, not once per page"
