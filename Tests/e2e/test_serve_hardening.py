"""`huiqi serve` facing a hostile network and hostile folders: it answers only
to its own names, never redirects to another host, gives back the sockets of
closed live-reload streams, says so when it listens beyond loopback, and its
watcher is not caught by symlinks that loop. No browser needed."""
import http.client, os, pathlib, shutil, socket, subprocess, time
import pytest
from process_helpers import free_port, start_serve, wait_for

ROOT = pathlib.Path(__file__).resolve().parents[2]

def start(huiqi, content, *extra):
    return start_serve(huiqi, content, *extra)

def stop(proc):
    proc.terminate()
    proc.wait(timeout=10)
    return proc.stderr.read().decode()

@pytest.fixture
def served(huiqi, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    proc, port = start(huiqi, content)
    yield proc, port, content
    stop(proc)

def get(port, path, host=None, origin=None):
    """One request with the given Host and Origin headers, as a rebinding page would send them."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest("GET", path, skip_host=True)
    conn.putheader("Host", host if host is not None else f"127.0.0.1:{port}")
    if origin:
        conn.putheader("Origin", origin)
    conn.endheaders()
    r = conn.getresponse()
    body = r.read()
    conn.close()
    return r.status, r.getheader("Location"), body

def test_only_its_own_host_and_origin_are_answered(served):
    _, port, _ = served
    for host in [f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}", f"[::1]:{port}"]:
        assert get(port, "/", host)[0] == 200, host
        assert get(port, "/__huiqi/diagnostics", host)[0] == 200, host
    # A rebinding page's own name (or the right name on another port) reaches the server but is refused.
    for host in [f"evil.example:{port}", "evil.example", f"127.0.0.1:{port + 1}", f"localhost.evil.example:{port}", "127.0.0.1"]:
        status, _, body = get(port, "/__huiqi/diagnostics", host)
        assert status == 403 and "Host" in body.decode(), (host, status, body)
        assert get(port, "/", host)[0] == 403, host
    for origin in [f"http://localhost:{port}", f"http://127.0.0.1:{port}"]:
        assert get(port, "/__huiqi/diagnostics", origin=origin)[0] == 200, origin
    for origin in ["http://evil.example", f"http://evil.example:{port}", "null", f"https://127.0.0.1:{port}"]:
        status, _, body = get(port, "/__huiqi/diagnostics", origin=origin)
        assert status == 403, (origin, status, body)
        assert get(port, "/__huiqi/events", origin=origin)[0] == 403, origin

def test_folder_redirects_stay_on_this_host(served):
    _, port, _ = served
    assert get(port, "/products")[:2] == (301, "/products/")
    for path in ["/%2fproducts", "/%2F%2Fproducts", "//products", "/%2f/products", "/%5cproducts"]:
        status, location, _ = get(port, path)
        if status == 301:
            assert location == "/products/", (path, location)
        else:
            assert status == 404, (path, status)
    assert get(port, "/%2fproducts")[:2] == (301, "/products/")

def fd_count(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))

def test_closed_event_streams_give_their_sockets_back(served):
    proc, port, content = served
    time.sleep(0.5)
    baseline = fd_count(proc.pid)
    for _ in range(3):
        socks = []
        for _ in range(100):
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.sendall(f"GET /__huiqi/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n".encode())
            socks.append(s)
        for s in socks:     # each stream is open and subscribed before it is closed
            data = b""
            while b": connected" not in data:
                chunk = s.recv(4096)
                assert chunk, data
                data += chunk
        assert fd_count(proc.pid) >= baseline + 100
        for s in socks:
            s.close()
    settled = wait_for(lambda: fd_count(proc.pid) <= baseline + 5, timeout=5, step=0.1)
    assert settled, f"{fd_count(proc.pid)} descriptors open, {baseline} before 300 streams were opened and closed"
    # A stream still open is still told of a rebuild.
    s = socket.create_connection(("127.0.0.1", port), timeout=20)
    s.sendall(f"GET /__huiqi/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    data = b""
    while b": connected" not in data:
        data += s.recv(4096)
    assert data.startswith(b"HTTP/1.1 200"), data
    policy = content / "policies" / "datong-beizeng-jinrong-2022.md"
    policy.write_text(policy.read_text(encoding="utf-8").replace("\ntitle: 大同市", "\ntitle: 改大同市", 1), encoding="utf-8")
    while b"event: reload" not in data:
        chunk = s.recv(4096)
        assert chunk, data
        data += chunk
    s.close()

def test_listening_beyond_loopback_is_said_aloud(huiqi, tmp_path):
    proc, port = start(huiqi, ROOT / "content", "--host", "0.0.0.0")
    time.sleep(0.5)
    # On every interface, the machine's own addresses name it too; other names still do not.
    assert get(port, "/", f"127.0.0.1:{port}")[0] == 200
    assert get(port, "/", f"evil.example:{port}")[0] == 403
    err = stop(proc)
    assert "警告" in err and "warning" in err and "0.0.0.0" in err and "diagnostics" in err, err
    proc, port = start(huiqi, ROOT / "content")
    time.sleep(0.5)
    assert "警告" not in stop(proc)

def cpu_seconds(pid):
    fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

def idle(pid):
    """Less than a fifth of a core used over one second."""
    before = cpu_seconds(pid)
    time.sleep(1)
    return cpu_seconds(pid) - before < 0.2

def test_watcher_ignores_symlinked_folders_and_keeps_seeing_edits(huiqi, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    # Two links to `.`: followed, they make an endless tree (a/b/a/b/…).
    os.symlink(".", content / "loop-a")
    os.symlink(".", content / "loop-b")
    os.symlink("..", content / "products" / "up")
    proc, port = start(huiqi, content)
    try:
        page = "/policies/datong-beizeng-jinrong-2022/"
        status, _, body = get(port, page)
        assert status == 200
        # Idle, the watcher costs nothing: not a walk through the loop.
        assert wait_for(lambda: idle(proc.pid), timeout=15, step=0), "the server stays busy while idle"
        # A link made while serving is not followed either.
        os.symlink(".", content / "policies" / "loop-c")
        policy = content / "policies" / "datong-beizeng-jinrong-2022.md"
        policy.write_text(policy.read_text(encoding="utf-8").replace("\ntitle: 大同市", "\ntitle: 已修改大同市", 1), encoding="utf-8")
        assert wait_for(lambda: "已修改大同市" in get(port, page)[2].decode(), timeout=20), "the edit was not seen"
        # And the next edit too, after the new link.
        policy.write_text(policy.read_text(encoding="utf-8").replace("已修改", "再次修改", 1), encoding="utf-8")
        assert wait_for(lambda: "再次修改大同市" in get(port, page)[2].decode(), timeout=20), "the second edit was not seen"
        # (The rest of the site may still be rendering: wait for the server to settle.)
        assert wait_for(lambda: idle(proc.pid), timeout=15, step=0), "the server stays busy while idle"
    finally:
        stop(proc)
