"""What the end-to-end tests need to run servers on this machine: free
loopback ports, waiting for a condition, and starting `huiqi serve`."""
import pathlib, shutil, socket, subprocess, time

ROOT = pathlib.Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout=30, step=0.2):
    """The predicate's first true value within the timeout, else its last value."""
    end = time.time() + timeout
    while time.time() < end:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def listening(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def start_serve(huiqi, content, *extra):
    """`huiqi serve` on a free port, once it answers: (process, port)."""
    port = free_port()
    proc = subprocess.Popen([huiqi, "serve", "--content", str(content), "--theme", str(ROOT / "themes/default"),
                             "--port", str(port), "--date", "2026-11-23", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert wait_for(lambda: listening(port), 60), \
        proc.stderr.read1().decode() if proc.poll() is not None else "server did not start"
    return proc, port


def start_nginx(folder, servers, ports):
    """A real nginx with these `server` blocks, its files in `folder`, once
    every port answers. The caller terminates it."""
    (folder / "nginx.conf").write_text(f"""
daemon off;
user root;  # the tests run as root and their folders are private to root
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {folder}/body; proxy_temp_path {folder}/proxy; fastcgi_temp_path {folder}/fcgi;
    uwsgi_temp_path {folder}/uwsgi; scgi_temp_path {folder}/scgi;
    {servers}
}}
""", encoding="utf-8")
    proc = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")], stderr=subprocess.PIPE)
    for port in ports:
        assert wait_for(lambda: listening(port), 10, 0.05), "nginx did not start"
    return proc
