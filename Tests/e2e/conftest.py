import os, pathlib, subprocess, pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]

@pytest.fixture(scope="session")
def huiqi():
    for candidate in [os.environ.get("HUIQI_BIN"), ROOT / ".build/debug/huiqi", ROOT / ".build/release/huiqi"]:
        if candidate and pathlib.Path(candidate).exists():
            return str(pathlib.Path(candidate).resolve())
    pytest.fail("huiqi binary not found: run swift build first")

@pytest.fixture(scope="session")
def built_site(huiqi, tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "site"
    subprocess.run([huiqi, "build", "--content", str(ROOT / "content"), "--theme", str(ROOT / "themes/default"),
                    "--output", str(out), "--date", "2026-11-23"], check=True, capture_output=True)
    return out
