"""Crash consistency of publishing (issue 12): kill `huiqi build` with SIGKILL at
many points of writing a site (strace's fault injection: the kill arrives as the
Nth call of a system call begins), and check that the output folder is, byte for
byte, entirely the previous build or entirely the new one; then that the next
build, with the new or with the previous content, equals a fresh build and
leaves nothing behind."""
import hashlib, os, pathlib, shutil, subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
OLD_DATE, NEW_DATE = "2026-12-01", "2026-12-02"

# (system call, Nth call) pairs spread over a build of the example portal with
# --gzip (about 950 files): staging writes (openat, write, unlink of what a
# staging path held), hard links of unchanged files, the swap (renameat2),
# removing the old tree (unlinkat, rmdir), saving the caches (rename), the lock.
DATE_CHANGE_POINTS = (
    [("flock", 1), ("renameat2", 1), ("rename", 1), ("rename", 2), ("close", 700), ("close", 300)]
    + [("mkdir", n) for n in (1, 30, 60, 90)]
    + [("openat", n) for n in (100, 200, 300, 500, 600, 700)]
    + [("write", n) for n in (1, 80, 160, 220, 250)]
    + [("link", n) for n in (1, 40, 80, 110, 140)]
    + [("unlink", n) for n in (1, 100, 200, 280)]
    + [("unlinkat", n) for n in (1, 50, 100, 150, 200, 250, 300, 350, 390, 420)]
    + [("rmdir", n) for n in (1, 25, 50, 70)]
    + [("newfstatat", n) for n in (200, 500, 700, 900)]
)
# One product edited: most routes are reused (their files linked across).
EDIT_POINTS = [("link", 1), ("link", 100), ("link", 300), ("renameat2", 1), ("unlink", 1), ("unlink", 100),
               ("rename", 1), ("write", 1)]
# strace counts the calls of each thread apart; the numbers above are below
# what the busiest thread makes, so each point is reached.


def tree(root):
    out = {}
    for dirpath, dirnames, filenames in os.walk(root):
        for name in filenames:
            p = pathlib.Path(dirpath) / name
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest()
        for name in dirnames:
            out[str((pathlib.Path(dirpath) / name).relative_to(root)) + "/"] = None
    return out


def command(huiqi, content, out, date, *extra):
    return [huiqi, "build", "--content", str(content), "--theme", str(ROOT / "themes/default"),
            "--output", str(out), "--date", date, "--gzip", *extra]


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def setup(huiqi, tmp_path_factory):
    if not shutil.which("strace"):
        pytest.fail("strace is needed (make test installs it)")
    base = tmp_path_factory.mktemp("crash")
    old, new = base / "content-old", base / "content-new"
    shutil.copytree(ROOT / "content", old)
    shutil.copytree(ROOT / "content", new)
    # The new content also drops a product and renames another, so files go and change.
    products = sorted((new / "products").glob("*.yml"))
    products[0].unlink()
    text = products[1].read_text(encoding="utf-8")
    products[1].write_text(text.replace("\nname: ", "\nname: 新", 1), encoding="utf-8")
    refs = {}
    for key, content, date in (("old", old, OLD_DATE), ("new", new, NEW_DATE), ("edit", new, OLD_DATE)):
        out = base / f"ref-{key}" / "site"
        r = run(command(huiqi, content, out, date, "--fresh"))
        assert r.returncode == 0, r.stderr
        refs[key] = tree(out)
    assert refs["old"] != refs["new"] and refs["old"] != refs["edit"]
    return base, {"old": (old, OLD_DATE), "new": (new, NEW_DATE), "edit": (new, OLD_DATE)}, refs


def crash_round(huiqi, setup, out, state, target, recover_with, syscall, when):
    """From a site built from `state`, kill a build of `target`; then build `recover_with`."""
    base, inputs, refs = setup
    content, date = inputs[target]
    killed = run(["strace", "-f", "-o", "/dev/null", "-e", f"trace={syscall}",
                  "-e", f"inject={syscall}:signal=KILL:when={when}"] + command(huiqi, content, out, date))
    after = tree(out)
    problems = []
    if after != refs[state] and after != refs[target]:
        mixed = sum(1 for k in set(after) | set(refs[state]) if after.get(k) != refs[state].get(k))
        problems.append(f"{syscall}#{when}: output is neither build ({mixed} entries differ from the previous)")
    was_killed = "已生成" not in killed.stderr
    # The next build, with the new or the previous content, equals a fresh one and cleans up.
    content, date = inputs[recover_with]
    r = run(command(huiqi, content, out, date))
    if r.returncode != 0:
        problems.append(f"{syscall}#{when}: the next build failed: {r.stderr[-400:]}")
    elif tree(out) != refs[recover_with]:
        problems.append(f"{syscall}#{when}: the next build ({recover_with}) differs from a fresh one")
    leftovers = [p.name for p in (out.parent / ".huiqi-cache").iterdir() if "staging" in p.name]
    if leftovers:
        problems.append(f"{syscall}#{when}: left behind {leftovers}")
    return was_killed, problems


def test_killed_publish_leaves_one_whole_build(huiqi, setup, tmp_path):
    base, inputs, refs = setup
    kills, problems, unreached = 0, [], []
    for name, other, points in (("new", "old", DATE_CHANGE_POINTS), ("edit", "old", EDIT_POINTS)):
        out = tmp_path / name / "site"
        r = run(command(huiqi, inputs[other][0], out, inputs[other][1]))
        assert r.returncode == 0, r.stderr
        state = other
        for i, (syscall, when) in enumerate(points):
            # Each build goes to the other content; the next one keeps the new
            # content twice, then the previous twice, so both are checked.
            target = name if state == other else other
            recover = target if i % 4 < 2 else state
            was_killed, found = crash_round(huiqi, setup, out, state, target, recover, syscall, when)
            kills += was_killed
            if not was_killed:
                unreached.append(f"{syscall}#{when}")
            problems += found
            state = recover
    total = len(DATE_CHANGE_POINTS) + len(EDIT_POINTS)
    print(f"{total} kill points, {kills} builds killed before finishing; not reached: {unreached}")
    assert not problems, "\n".join(problems)
    assert kills >= 50, f"only {kills} of {total} kill points were reached: not {unreached}"
