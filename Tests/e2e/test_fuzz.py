"""Fuzzing `huiqi check` and `huiqi build` with hostile content (security review, issue 12).

Each input is the example portal (content/) with one to three files mutated:
byte flips, truncations, alias bombs, deep nesting, 10 MB strings, invalid
UTF-8, NUL bytes, CRLF, BOMs, symlinks out of the folder and in loops, FIFOs,
and more. Inputs come from a seeded random generator, so a failure is
reproduced by its seed and number. Every run must end by itself, within
20 s and 2 GB of address space, with exit code 0, 1 or 2 and no signal;
when it refuses the content (exit 1) an error must name a mutated file, and
nothing from outside the content folder may appear in what it prints or
publishes.

Default: HUIQI_FUZZ_COUNT=300 inputs, `check` on all of them and `build` on
every 10th (about a minute on 2 cores). `make fuzz` runs thousands and prints
the counts. HUIQI_FUZZ_SEED changes the inputs; HUIQI_FUZZ_KEEP=1 keeps the
failing inputs' folders.
"""
import json, os, pathlib, random, re, resource, shutil, signal, stat, subprocess, tempfile, threading, time
from concurrent.futures import ThreadPoolExecutor

ROOT = pathlib.Path(__file__).resolve().parents[2]
COUNT = int(os.environ.get("HUIQI_FUZZ_COUNT", "300"))
SEED = int(os.environ.get("HUIQI_FUZZ_SEED", "20261129"))
BUILD_EVERY = int(os.environ.get("HUIQI_FUZZ_BUILD_EVERY", "10"))
WORKERS = int(os.environ.get("HUIQI_FUZZ_WORKERS", "2"))
TIME_LIMIT = 20            # seconds per run
MEMORY_LIMIT = 2 << 30     # bytes of address space per run (RLIMIT_AS)
DATE = "2026-11-23"
# Written outside the content folder; must never be read, quoted or published.
SECRET = "HUIQI-OUTSIDE-SECRET-7f3a"
EXCERPT_MAX = 80
REFERENCE_CODES = {"P001", "P015", "D001", "D006", "D009", "G002", "K001"}
# HUIQI_FUZZ_ONLY=402,1822 runs just those inputs (of the same seed and count): a failure's reproduction.
ONLY = {int(n) for n in os.environ.get("HUIQI_FUZZ_ONLY", "").split(",") if n.strip()}

# ---------------------------------------------------------------- mutations
# Each takes (rng, case) and changes one file of case.content; it returns the
# content-relative paths it touched and whether they must be refused (an error
# naming them, exit 1) whatever the example content holds.

class Case:
    def __init__(self, number, content, outside):
        self.number, self.content, self.outside = number, content, outside
        # must_refuse: groups of paths, of which an error must name at least one.
        self.touched, self.must_refuse, self.kinds = [], [], []

    def files(self, rng, pattern=("*.yml", "*.yaml", "*.md", "*.csv")):
        names = sorted(p for pat in pattern for p in self.content.rglob(pat)
                       if p.is_file() and not p.is_symlink() and "schemas" not in p.parts)
        return rng.choice(names)

    def kind_folder(self, rng):
        """A kind's folder (products/, pages/, ...): names at the top other than site.yml are not content."""
        folders = sorted(p for p in self.content.iterdir() if p.is_dir() and not p.is_symlink() and p.name != "schemas")
        return rng.choice(folders)

    def site_or_file(self, rng, share, pattern):
        """site.yml `share` of the time, while it is still a regular file (opening a FIFO would block this test)."""
        site = self.content / "site.yml"
        if rng.random() < share and site.is_file() and not site.is_symlink():
            return site
        return self.files(rng, pattern)

    def rel(self, path):
        return str(path.relative_to(self.content))

    def write(self, path, data):
        # The folder is made of hard links to one copy: unlink, never write through.
        if path.is_symlink() or path.exists():
            path.unlink()
        path.write_bytes(data)


def billion_laughs(levels=9, width=10, indent=""):
    lines = [indent + "a0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels + 1):
        lines.append(indent + f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def yaml_part(data):
    """Where YAML goes in this file: after the opening `---` of front matter, else at the start."""
    return 4 if data.startswith(b"---\n") else 0


def m_byte_flips(rng, case):
    p = case.files(rng); data = bytearray(p.read_bytes())
    for _ in range(rng.randint(1, 8)):
        if data:
            i = rng.randrange(len(data)); data[i] ^= 1 << rng.randrange(8)
    case.write(p, bytes(data)); return [case.rel(p)], False

def m_random_bytes(rng, case):
    p = case.files(rng); data = bytearray(p.read_bytes())
    i = rng.randrange(len(data) + 1)
    data[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    case.write(p, bytes(data)); return [case.rel(p)], False

def m_truncate(rng, case):
    p = case.files(rng); data = p.read_bytes()
    case.write(p, data[:rng.randrange(len(data) + 1)]); return [case.rel(p)], False

def m_splice(rng, case):
    # A piece of the file repeated or cut out: keys twice, lists broken off.
    p = case.files(rng); data = bytearray(p.read_bytes())
    a = rng.randrange(len(data) + 1); b = rng.randrange(a, min(len(data), a + 400) + 1)
    if rng.random() < 0.5:
        data[a:a] = data[a:b] * rng.randint(1, 20)
    else:
        del data[a:b]
    case.write(p, bytes(data)); return [case.rel(p)], False

def m_alias_bomb(rng, case):
    p = case.site_or_file(rng, 0.2, ("*.yml", "*.md"))
    data = p.read_bytes(); at = yaml_part(data)
    levels = rng.choice([7, 8, 9, 12])
    case.write(p, data[:at] + billion_laughs(levels).encode() + data[at:])
    return [case.rel(p)], True

def m_deep_nesting(rng, case):
    p = case.site_or_file(rng, 0.15, ("*.yml", "*.md"))
    n = rng.choice([1000, 10_000, 100_000])
    shape = rng.choice(["flow", "map", "dash", "lines"])
    if shape == "flow": text = "deep: " + "[" * n + "]" * n + "\n"
    elif shape == "map": text = "deep: " + "{a: " * n + "1" + "}" * n + "\n"
    elif shape == "dash": text = "deep:\n" + "- " * n + "x\n"
    else: text = "deep:\n" + "".join(" " * i + "-\n" for i in range(min(n, 3000)))
    data = p.read_bytes(); at = yaml_part(data)
    case.write(p, data[:at] + text.encode() + data[at:])
    return [case.rel(p)], True

def m_huge_string(rng, case):
    p = case.files(rng, ("*.yml", "*.md", "*.csv"))
    size = rng.choice([10 * 1024 * 1024 + 1, 11 * 1024 * 1024, 6 * 1024 * 1024])
    data = p.read_bytes()
    if p.suffix == ".csv":
        case.write(p, data + b"x" * size + b"\n")
    else:
        at = yaml_part(data)
        case.write(p, data[:at] + b"summary: " + b"\xe9\x95\xbf" * (size // 3) + b"\n" + data[at:])
    return [case.rel(p)], size > 10 * 1024 * 1024

def m_long_line_value(rng, case):
    # Long, but within the size limit: a 1 MB title, a 100 000-item list.
    p = case.files(rng, ("*.yml", "*.md"))
    data = p.read_bytes(); at = yaml_part(data)
    text = rng.choice([b"title: " + b"A" * 1_000_000 + b"\n",
                       b"targets: [" + b",".join([b"x"] * 100_000) + b"]\n",
                       b"zz" * 2000 + b": 1\n"])
    case.write(p, data[:at] + text + data[at:]); return [case.rel(p)], False

def m_invalid_utf8(rng, case):
    p = case.files(rng, ("*.yml", "*.md")); data = bytearray(p.read_bytes())
    i = rng.randrange(len(data) + 1)
    data[i:i] = rng.choice([b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8\x88\x80\x80\x80", b"\xe2\x82"])
    case.write(p, bytes(data)); return [case.rel(p)], True

def m_gb18030_csv(rng, case):
    p = case.files(rng, ("*.csv",))
    text = p.read_bytes().decode("utf-8-sig")
    data = text.encode("gb18030")
    if rng.random() < 0.5:   # and broken, to be neither UTF-8 nor GB18030
        data += b"\x81\x30\xff"
    case.write(p, data); return [case.rel(p)], False

def m_nul_bytes(rng, case):
    p = case.files(rng); data = bytearray(p.read_bytes())
    for _ in range(rng.randint(1, 5)):
        data.insert(rng.randrange(len(data) + 1), 0)
    case.write(p, bytes(data)); return [case.rel(p)], True

def m_crlf(rng, case):
    p = case.files(rng); data = p.read_bytes()
    case.write(p, data.replace(b"\n", rng.choice([b"\r\n", b"\r", b"\n\r"]))); return [case.rel(p)], False

def m_bom(rng, case):
    p = case.files(rng); data = p.read_bytes()
    case.write(p, rng.choice([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]) + data)
    return [case.rel(p)], False

def m_control_characters(rng, case):
    p = case.files(rng); data = bytearray(p.read_bytes())
    for _ in range(rng.randint(1, 5)):
        data.insert(rng.randrange(len(data) + 1), rng.choice([0x1b, 0x07, 0x08, 0x7f, 0x0b, 0x0c]))
    case.write(p, bytes(data)); return [case.rel(p)], False

def m_unicode(rng, case):
    p = case.files(rng, ("*.yml", "*.md")); text = p.read_bytes().decode("utf-8", "replace")
    i = rng.randrange(len(text) + 1)
    junk = rng.choice(["\u202e", "\u200b" * 50, "\ufeff", "Ｚ１２３", "𠀀" * 30, "\u0301" * 500, "\U0010ffff", "\ud7ff"])
    case.write(p, (text[:i] + junk + text[i:]).encode("utf-8", "surrogatepass"))
    return [case.rel(p)], False

def m_markdown_bomb(rng, case):
    p = case.files(rng, ("*.md",))
    n = rng.choice([1000, 10_000, 50_000])
    body = rng.choice(["> " * n + "x\n", "[" * n + "x" + "](a)" * n + "\n", "*" * n + "x" + "*" * n + "\n",
                       "".join("  " * i + "- x\n" for i in range(min(n, 2000))), "<div>" * n + "\n",
                       "[x](" + "../" * n + "a.html)\n", "|a|\n|-|\n" + "|x|\n" * n, "`" * n + "\n"])
    case.write(p, p.read_bytes() + b"\n" + body.encode()); return [case.rel(p)], False

def m_duplicate_id(rng, case):
    p = case.files(rng, ("*.yml", "*.md"))
    if p.name == "site.yml":   # site.yaml is no content file: nothing to duplicate
        p = case.files(rng, ("*/*.yml", "*/*.md"))
    other = p.with_suffix({".yml": ".yaml", ".md": ".MD"}[p.suffix])
    case.write(other, p.read_bytes())
    # V010 is reported at the later file of the two, naming the earlier.
    return [case.rel(p), case.rel(other)], "any"

def m_symlink_outside(rng, case):
    p = case.files(rng, ("*.yml", "*.md", "*.csv"))
    target = rng.choice([case.outside / ("secret" + p.suffix), pathlib.Path("/etc/passwd"), pathlib.Path("/etc/hostname")])
    relative = rng.random() < 0.5 and target.is_relative_to(case.outside)
    p.unlink(); os.symlink(os.path.relpath(target, p.parent) if relative else target, p)
    return [case.rel(p)], True

def m_symlink_loop(rng, case):
    folder = case.kind_folder(rng)
    ext = ".md" if folder.name in ("pages", "policies") else ".yml"   # names the loader reads in that folder
    shape = rng.choice(["pair", "self", "dot", "dotdot", "dangling", "folder-out"])
    if shape == "pair":
        a, b = folder / ("loop-a" + ext), folder / ("loop-b" + ext)
        os.symlink(b.name, a); os.symlink(a.name, b); return [case.rel(a), case.rel(b)], True
    if shape == "folder-out":
        # A kind's folder replaced by a link to a folder outside.
        shutil.rmtree(folder); os.symlink(case.outside, folder); return [case.rel(folder)], True
    name = folder / (shape + ext)
    os.symlink({"self": name.name, "dot": ".", "dotdot": "..", "dangling": "nothing-here" + ext}[shape], name)
    return [case.rel(name)], True

def m_symlink_inside(rng, case):
    # Allowed: a link to another file of the content folder (it is then a duplicate or a misnamed id).
    p = case.files(rng, ("*.yml",))
    link = p.parent / ("linked-" + p.name)
    os.symlink(p.name, link); return [case.rel(link)], False

def m_special_file(rng, case):
    folder = case.kind_folder(rng)
    ext = ".md" if folder.name in ("pages", "policies") else ".yml"
    shape = rng.choice(["fifo", "fifo", "dir", "fifo-site"])
    if shape == "fifo-site":
        site = case.content / "site.yml"; site.unlink(); os.mkfifo(site); return ["site.yml"], False
    name = folder / ("special" + ext)
    if shape == "fifo": os.mkfifo(name)
    else: name.mkdir()
    return [case.rel(name)], True

def m_empty_or_whitespace(rng, case):
    p = case.files(rng)
    case.write(p, rng.choice([b"", b"\n\n", b"   ", b"---\n---\n", b"---\n", b"~\n", b"[]\n", b"- - -\n"]))
    return [case.rel(p)], False

def m_yaml_tricks(rng, case):
    p = case.files(rng, ("*.yml", "*.md"))
    data = p.read_bytes(); at = yaml_part(data)
    trick = rng.choice([b"x: !!binary AAAA\n", b"x: !!python/object:os.system ls\n", b"<<: *undefined\n",
                        b"%YAML 1.1\n---\n", b"x: &a [*a]\n", b"? [a, b]\n: 1\n", b"x: 1\n...\n---\ny: 2\n",
                        b"x: \"\\uD800\"\n", b"x: 0x" + b"f" * 5000 + b"\n", b"x: " + b"9" * 5000 + b"\n"])
    case.write(p, data[:at] + trick + data[at:]); return [case.rel(p)], False

MUTATIONS = [m_byte_flips, m_random_bytes, m_truncate, m_splice, m_alias_bomb, m_deep_nesting, m_huge_string,
             m_long_line_value, m_invalid_utf8, m_gb18030_csv, m_nul_bytes, m_crlf, m_bom, m_control_characters,
             m_unicode, m_markdown_bomb, m_duplicate_id, m_symlink_outside, m_symlink_loop, m_symlink_inside,
             m_special_file, m_empty_or_whitespace, m_yaml_tricks]
# Cheap text mutations are most of what an editor's mistakes look like: weight them up.
WEIGHTS = [6, 3, 4, 4, 2, 2, 1, 1, 2, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 2, 2, 3]

# ---------------------------------------------------------------- running

class Outcome:
    def __init__(self, command, code, signal_number, timed_out, seconds, max_rss_kb, stdout, stderr):
        self.command, self.code, self.signal, self.timed_out = command, code, signal_number, timed_out
        self.seconds, self.max_rss_kb, self.stdout, self.stderr = seconds, max_rss_kb, stdout, stderr

    @property
    def memory_hit(self):
        # Under RLIMIT_AS an allocation fails: the Swift runtime traps or glibc aborts.
        text = self.stderr[-4000:].lower()
        return self.signal is not None and (any(w in text for w in ("memory", "alloc", "mmap", "bad_alloc"))
                                            or self.max_rss_kb > MEMORY_LIMIT // 1024 // 2)

    @property
    def crashed(self):
        return not self.timed_out and (self.signal is not None or self.code not in (0, 1, 2))


def limits():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    os.setsid()


def run(huiqi, args, workdir):
    """Runs huiqi with the limits; rusage of this child alone (wait4), killed at the time limit."""
    out_path, err_path = workdir / "stdout", workdir / "stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        started = time.monotonic()
        p = subprocess.Popen([huiqi, *args], stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             preexec_fn=limits, cwd=workdir)
        timed_out = threading.Event()
        def kill():
            timed_out.set()
            try: os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError: pass
        timer = threading.Timer(TIME_LIMIT, kill); timer.start()
        _, status, usage = os.wait4(p.pid, 0)
        timer.cancel()
        p.returncode = 0   # reaped here; keep Popen from waiting again
        seconds = time.monotonic() - started
    code = os.waitstatus_to_exitcode(status)
    return Outcome(args[0], code if code >= 0 else None, -code if code < 0 else None, timed_out.is_set(), seconds,
                   usage.ru_maxrss, out_path.read_text("utf-8", "replace"), err_path.read_text("utf-8", "replace"))


DIAGNOSTIC_LINE = re.compile(r"^(?P<file>[^\s:][^:]*):\d+:\d+: (?P<severity>error|warning): \[(?P<code>[A-Z]\d{3})\] (?P<message>.*)$")

def diagnostics(outcome):
    if outcome.command == "check" and outcome.stdout.lstrip().startswith("["):
        try:
            return [(d["file"], d["severity"], d["code"], d["message"]) for d in json.loads(outcome.stdout)]
        except json.JSONDecodeError:
            pass
    found = []
    for line in (outcome.stdout + "\n" + outcome.stderr).splitlines():
        m = DIAGNOSTIC_LINE.match(line)
        if m: found.append((m["file"], m["severity"], m["code"], m["message"]))
    return found


def make_case(number, base, work, rng):
    folder = work / f"case-{number:05d}"
    content = folder / "content"
    shutil.copytree(base, content, copy_function=os.link)
    outside = folder / "outside"
    outside.mkdir()
    for ext in (".yml", ".md", ".csv"):
        (outside / ("secret" + ext)).write_text(f"---\ntitle: {SECRET}\n---\n{SECRET}\n" if ext == ".md" else f"{SECRET}: {SECRET}\n")
    (outside / "ext.yml").write_text(f"title: {SECRET}\nstart: 2026-12-01T09:30\nplace: x\norganizer: y\n")
    case = Case(number, content, outside)
    # The first inputs take each mutation once, so a short run still tries them all.
    picks = [MUTATIONS[number]] if number < len(MUTATIONS) else \
        rng.choices(MUTATIONS, WEIGHTS, k=rng.choice([1, 1, 1, 2, 3]))
    for mutate in picks:
        try:
            touched, refuse = mutate(rng, case)
        except (FileNotFoundError, FileExistsError, IndexError, ValueError):
            continue   # e.g. a second mutation picked a file the first made a link or removed
        case.kinds.append(mutate.__name__[2:])
        case.touched += touched
        if refuse == "any": case.must_refuse.append(touched)
        elif refuse: case.must_refuse += [[t] for t in touched]
    return folder, case


def problems(case, outcome, folder):
    """What is wrong with one run, as sentences (empty: fine)."""
    found = []
    if outcome.timed_out:
        return [f"hang: {outcome.command} ran past {TIME_LIMIT} s"]
    if outcome.memory_hit:
        return [f"memory limit: {outcome.command} died (signal {outcome.signal}) at {outcome.max_rss_kb // 1024} MB"]
    if outcome.crashed:
        return [f"crash: {outcome.command} exit {outcome.code} signal {outcome.signal}: {outcome.stderr[-800:]}"]
    diags = diagnostics(outcome)
    errors = [d for d in diags if d[1] == "error"]
    named = {d[0] for d in errors}
    touched = {"content/" + t for t in case.touched}
    # Errors about references (a product a disclosure names, a link) are reported where the reference
    # is written: a file emptied of its products is fine in itself, its dependents are not. The link
    # checker (K001) names the output page. Then the changed file needs no error of its own.
    only_references = bool(errors) and all(d[2] in REFERENCE_CODES for d in errors)
    if outcome.code == 1 and not only_references and not (named & touched) and not any(t.startswith("content/site.yml") for t in touched):
        # Refused: some error must name what was changed (site.yml changes may surface anywhere).
        if not any(n.startswith(tuple(t + "/" for t in touched)) for n in named):
            found.append(f"{outcome.command} exit 1 but no error names {sorted(touched)}; errors name {sorted(named)[:5]}")
    def is_named(t):
        # Named itself, or a folder it is in was refused (a later mutation may replace the folder).
        path = "content/" + t
        return any(f == path or path.startswith(f + "/") for f in named)
    for group in case.must_refuse:
        if outcome.code == 0:
            found.append(f"{outcome.command} accepted {group}, which must be refused")
        elif outcome.code == 1 and not any(is_named(t) for t in group):
            found.append(f"{outcome.command}: no error names {group}")
    if SECRET in outcome.stdout or SECRET in outcome.stderr:
        found.append(f"{outcome.command} printed text from outside the content folder")
    for f, _, code, message in diags:
        for quoted in re.findall(r"“([^”]*)”", message):
            if len(quoted) > EXCERPT_MAX:
                found.append(f"{code} in {f} quotes {len(quoted)} characters")
    if outcome.command == "build" and outcome.code == 0:
        site = folder / "site"
        for p in site.rglob("*"):
            if p.is_file() and p.stat().st_size < 50_000_000 and SECRET.encode() in p.read_bytes():
                found.append(f"published text from outside the content folder in {p.relative_to(site)}")
                break
    return found


def fuzz(huiqi, count, seed):
    base_parent = pathlib.Path(tempfile.mkdtemp(prefix="huiqi-fuzz-"))
    base = base_parent / "base"
    shutil.copytree(ROOT / "content", base, ignore=shutil.ignore_patterns("schemas"))
    rng = random.Random(seed)
    # Cases are made in order from one generator (deterministic), run two at a time.
    seeds = [rng.randrange(1 << 30) for _ in range(count)]
    counts = {"inputs": 0, "runs": 0, "check": 0, "build": 0, "exit0": 0, "exit1": 0, "exit2": 0,
              "crashes": 0, "hangs": 0, "memory-limit hits": 0, "other failures": 0}
    failures, slowest, biggest = [], (0.0, ""), (0, "")
    lock = threading.Lock()
    keep = os.environ.get("HUIQI_FUZZ_KEEP") == "1"

    def one(number):
        nonlocal slowest, biggest
        folder, case = make_case(number, base, base_parent, random.Random(seeds[number]))
        commands = [["check", "--content", "content", "--date", DATE, "--format", "json"]]
        if number % BUILD_EVERY == 0:
            commands.append(["build", "--content", "content", "--theme", str(ROOT / "themes/default"),
                             "--output", "site", "--date", DATE])
        bad = []
        for args in commands:
            outcome = run(huiqi, args, folder)
            issues = problems(case, outcome, folder)
            with lock:
                counts["runs"] += 1; counts[args[0]] += 1
                if outcome.code in (0, 1, 2) and not outcome.crashed and not outcome.timed_out:
                    counts[f"exit{outcome.code}"] += 1
                counts["hangs"] += outcome.timed_out
                counts["memory-limit hits"] += outcome.memory_hit
                counts["crashes"] += outcome.crashed and not outcome.memory_hit
                counts["other failures"] += bool(issues) and not (outcome.timed_out or outcome.crashed)
                if outcome.seconds > slowest[0]: slowest = (outcome.seconds, f"#{number} {args[0]} {case.kinds}")
                if outcome.max_rss_kb > biggest[0]: biggest = (outcome.max_rss_kb, f"#{number} {args[0]} {case.kinds}")
            bad += [f"#{number} (seed {seed}) {case.kinds} {case.touched}: {i}" for i in issues]
        with lock:
            counts["inputs"] += 1
            failures.extend(bad)
        if not (keep and bad):
            shutil.rmtree(folder, ignore_errors=True)

    try:
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            list(pool.map(one, sorted(ONLY) if ONLY else range(count)))
    finally:
        if not keep:
            shutil.rmtree(base_parent, ignore_errors=True)
    return counts, failures, slowest, biggest


def test_fuzz_check_and_build(huiqi):
    started = time.monotonic()
    counts, failures, slowest, biggest = fuzz(huiqi, COUNT, SEED)
    summary = (f"fuzz: {counts['inputs']} inputs, {counts['runs']} runs ({counts['check']} check, {counts['build']} build), "
               f"exit 0/1/2: {counts['exit0']}/{counts['exit1']}/{counts['exit2']}, crashes: {counts['crashes']}, "
               f"hangs: {counts['hangs']}, memory-limit hits: {counts['memory-limit hits']}, "
               f"other failures: {counts['other failures']}; slowest run {slowest[0]:.1f} s ({slowest[1]}), "
               f"largest {biggest[0] // 1024} MB ({biggest[1]}); {time.monotonic() - started:.0f} s in all")
    print("\n" + summary)
    assert counts["inputs"] == (len(ONLY) if ONLY else COUNT)
    assert not failures, summary + "\n" + "\n".join(failures[:30])
