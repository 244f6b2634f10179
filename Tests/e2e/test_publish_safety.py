"""Publishing never loses a file (issue 12, findings 1-4): the output folder is
guarded, foreign files survive, a damaged cache is not trusted, nothing is left
behind, and two builds never interleave. Each test breaks something for real."""
import fcntl, hashlib, os, pathlib, shutil, subprocess, time

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATE = "2026-11-23"


def build(huiqi, content, out, *extra, cwd=None, date=DATE):
    return subprocess.run([huiqi, "build", "--content", str(content), "--theme", str(ROOT / "themes/default"),
                           "--output", str(out), "--date", date, *extra], capture_output=True, text=True, cwd=cwd)


def tree(root):
    """Every entry below root: path -> bytes of a file, link target of a symlink, or None for a folder."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            p = pathlib.Path(dirpath) / name
            rel = str(p.relative_to(root))
            if p.is_symlink():
                out[rel] = ("link", os.readlink(p))
            elif p.is_dir():
                out[rel] = None
            else:
                out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture
def project(tmp_path):
    """A project folder as an editor has it: content, theme, a README, a git repository."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "themes", tmp_path / "themes")
    (tmp_path / "README.txt").write_text("项目说明\n", encoding="utf-8")
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    return tmp_path


def project_build(huiqi, project, out, *extra):
    return subprocess.run([huiqi, "build", "--content", "content", "--theme", "themes/default", "--output", out,
                           "--date", DATE, *extra], capture_output=True, text=True, cwd=project)


@pytest.mark.parametrize("out", [".", "..", "content", "themes", "themes/default", "content/site", "./content/../."])
def test_protected_folders_are_refused_even_with_force(huiqi, project, out):
    before = tree(project)
    for extra in ([], ["--force"]):
        r = project_build(huiqi, project, out, *extra)
        assert r.returncode == 2, (out, r.stderr)
        assert "拒绝输出到" in r.stderr and "refusing to build into" in r.stderr
        assert tree(project) == before, "nothing in the project changed"


def test_symlink_to_the_project_is_refused(huiqi, project, tmp_path_factory):
    link = tmp_path_factory.mktemp("links") / "out"
    link.symlink_to(project)
    before = tree(project)
    r = project_build(huiqi, project, str(link), "--force")
    assert r.returncode == 2 and "拒绝输出到" in r.stderr
    assert tree(project) == before


def test_non_empty_folder_without_manifest_is_refused_then_taken_over_with_force(huiqi, project):
    web = project / "www"
    (web / "docs").mkdir(parents=True)
    (web / "docs" / "old.pdf").write_bytes(b"%PDF-1.4 keep me")
    (web / "index.html").write_text("<p>旧首页</p>", encoding="utf-8")
    (web / "empty").mkdir()
    r = project_build(huiqi, project, "www")
    assert r.returncode == 2
    assert "没有 huiqi 的文件清单" in r.stderr and "--force" in r.stderr
    assert (web / "index.html").read_text(encoding="utf-8") == "<p>旧首页</p>"
    r = project_build(huiqi, project, "www", "--force")
    assert r.returncode == 0, r.stderr
    assert (web / "docs" / "old.pdf").read_bytes() == b"%PDF-1.4 keep me", "a file huiqi did not write is kept"
    assert (web / "empty").is_dir()
    assert "旧首页" not in (web / "index.html").read_text(encoding="utf-8"), "--force replaces same-path files"
    assert (web / ".huiqi-manifest").is_file()
    # From now on the folder is huiqi's: a plain build works and still keeps the PDF.
    r = project_build(huiqi, project, "www")
    assert r.returncode == 0, r.stderr
    assert (web / "docs" / "old.pdf").is_file()


def test_foreign_files_survive_and_only_manifest_files_are_removed(huiqi, project):
    assert project_build(huiqi, project, "site").returncode == 0
    site = project / "site"
    (site / ".well-known").mkdir()
    (site / ".well-known" / "security.txt").write_text("Contact: mailto:it@example.gov.cn\n")
    (site / "products" / "notes.txt").write_text("发布员的备注\n", encoding="utf-8")
    (site / "baidu_verify_abc.html").write_text("abc")
    (site / "latest").symlink_to("index.html")
    product = sorted((project / "content" / "products").glob("*.yml"))[0]
    product.unlink()
    r = project_build(huiqi, project, "site")
    assert r.returncode == 0, r.stderr
    assert not (site / "products" / product.stem).exists(), "the removed product's files are gone"
    assert (site / ".well-known" / "security.txt").is_file()
    assert (site / "products" / "notes.txt").read_text(encoding="utf-8") == "发布员的备注\n"
    assert (site / "baidu_verify_abc.html").read_text() == "abc"
    assert os.readlink(site / "latest") == "index.html"


def test_foreign_file_at_a_new_site_path_stops_the_build(huiqi, project):
    assert project_build(huiqi, project, "site").returncode == 0
    site = project / "site"
    # A page the next build adds (a new product) already exists, written by someone else.
    src = sorted((project / "content" / "products").glob("*.yml"))[0]
    (project / "content" / "products" / "xin-chanpin.yml").write_text(
        src.read_text(encoding="utf-8").replace(f"id: {src.stem}", "id: xin-chanpin"), encoding="utf-8")
    (site / "products" / "xin-chanpin").mkdir()
    (site / "products" / "xin-chanpin" / "index.html").write_text("<p>别人写的</p>", encoding="utf-8")
    before = tree(site)
    r = project_build(huiqi, project, "site")
    assert r.returncode == 2, r.stderr
    assert "不是 huiqi 写的文件" in r.stderr and "products/xin-chanpin/index.html" in r.stderr
    assert tree(site) == before
    assert not [p for p in (project / ".huiqi-cache").iterdir() if "staging" in p.name], "the failed build cleaned up"
    r = project_build(huiqi, project, "site", "--force")
    assert r.returncode == 0, r.stderr
    assert "别人写的" not in (site / "products" / "xin-chanpin" / "index.html").read_text(encoding="utf-8")


def fresh_equal(huiqi, content, out, tmp_path):
    fresh = tmp_path / "fresh-reference"
    shutil.rmtree(fresh, ignore_errors=True)
    assert build(huiqi, content, fresh, "--fresh").returncode == 0
    return tree(out) == tree(fresh)


def test_damaged_cache_is_not_trusted(huiqi, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    out = tmp_path / "site"
    assert build(huiqi, content, out).returncode == 0
    routes = tmp_path / ".huiqi-cache" / "site.routes"
    text = routes.read_bytes()
    # Cut in the middle of a line that names a qr.png: the cut path names a folder.
    cut = text.index(b"/qr.png") + 1
    routes.write_bytes(text[:cut])
    r = build(huiqi, content, out)
    assert r.returncode == 0, r.stderr
    assert "沿用 0 条" in r.stderr, r.stderr
    assert fresh_equal(huiqi, content, out, tmp_path)
    # A published file changed behind huiqi's back (same size), cache intact: rendered again.
    assert build(huiqi, content, out).returncode == 0
    page = out / "index.html"
    data = bytearray(page.read_bytes())
    data[-10] = ord("X") if data[-10] != ord("X") else ord("Y")
    page.write_bytes(bytes(data))
    r = build(huiqi, content, out)
    assert r.returncode == 0
    assert fresh_equal(huiqi, content, out, tmp_path)
    # A file replaced by a folder of the same name: rendered again, not "reused".
    qr = next(out.glob("products/*/qr.png"))
    qr.unlink()
    qr.mkdir()
    r = build(huiqi, content, out, "--force")
    assert r.returncode == 0, r.stderr
    assert qr.is_file()
    # The manifest edited: the folder is not taken for huiqi's any more.
    (out / ".huiqi-manifest").write_text((out / ".huiqi-manifest").read_text() + "x")
    r = build(huiqi, content, out)
    assert r.returncode == 2 and "没有 huiqi 的文件清单" in r.stderr


def test_leftovers_of_killed_builds_are_removed(huiqi, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    out = tmp_path / "site"
    assert build(huiqi, content, out).returncode == 0
    cache = tmp_path / ".huiqi-cache"
    for pid in (12345, 99999):
        (cache / f"site.staging-{pid}" / "products").mkdir(parents=True)
        (cache / f"site.staging-{pid}" / "products" / "x.html").write_bytes(b"x" * 1000)
    (tmp_path / ".site.staging-4242").mkdir()  # what the first release left
    (tmp_path / "other.staging-1").mkdir()     # not ours: left alone
    r = build(huiqi, content, out)
    assert r.returncode == 0
    assert sorted(p.name for p in cache.iterdir()) == ["site.files", "site.lock", "site.routes"]
    assert not (tmp_path / ".site.staging-4242").exists()
    assert (tmp_path / "other.staging-1").exists()


def test_full_disk_keeps_the_previous_site_and_no_staging(huiqi, tmp_path):
    disk = tmp_path / "small-disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here")
    try:
        content = tmp_path / "content"
        shutil.copytree(ROOT / "content", content)
        out = disk / "site"
        # A tiny site first, so there is a previous build to keep.
        (disk / "site").mkdir()
        (disk / "site" / "keep.txt").write_text("old")
        r = build(huiqi, content, out, "--force")
        assert r.returncode == 2, r.stderr
        assert "cannot write" in r.stderr
        assert (out / "keep.txt").read_text() == "old" and sorted(p.name for p in out.iterdir()) == ["keep.txt"]
        assert not [p for p in (disk / ".huiqi-cache").iterdir() if "staging" in p.name]
    finally:
        subprocess.run(["umount", str(disk)])


def test_a_second_build_into_the_same_output_is_refused(huiqi, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    out = tmp_path / "site"
    assert build(huiqi, content, out).returncode == 0
    before = tree(out)
    with open(tmp_path / ".huiqi-cache" / "site.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)   # as a running build holds it
        r = build(huiqi, content, out, date="2026-12-01")
        assert r.returncode == 2
        assert "另一个 huiqi 构建正在写入" in r.stderr
        assert tree(out) == before
    assert build(huiqi, content, out, date="2026-12-01").returncode == 0


def test_manifest_lists_exactly_what_the_build_wrote(huiqi, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    out = tmp_path / "site"
    assert build(huiqi, content, out, "--gzip").returncode == 0
    lines = (out / ".huiqi-manifest").read_text().splitlines()
    assert lines[0] == "huiqi manifest 1" and lines[-1].startswith("end\t")
    paths = [line.split("\t", 2)[2] for line in lines[1:-1]]
    assert paths == sorted(paths, key=lambda p: p.encode()), "sorted by path, so the same site has the same manifest"
    listed = set(paths)
    on_disk = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()} - {".huiqi-manifest"}
    assert listed == on_disk
    assert any(p.endswith(".gz") for p in listed)
