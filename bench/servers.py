"""The two servers under load: ``warta serve`` (gunicorn) and nginx serving saved pages.

Each runs in its own session, so Ctrl+C reaches only the benchmark, whose ``finally``
blocks then stop exactly the processes it started: SIGTERM to the master it spawned
(gunicorn and nginx both stop their workers on it), then SIGKILL to that process
group if it lingers. Nothing else on the machine is touched.
"""

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, suppress
from pathlib import Path

from sandbox import Sandbox, die_with_parent

READY_TIMEOUT = 60
STOP_TIMEOUT = 15

NGINX_CONF = """\
# Written by bench/servers.py for one benchmark run.
daemon off;
master_process on;
worker_processes 2;
pid {root}/nginx.pid;
error_log {root}/nginx-error.log warn;

events {{
    worker_connections 1024;
}}

http {{
    access_log off;
    default_type text/html;
    charset utf-8;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    client_body_temp_path {root}/nginx-temp/body;
    proxy_temp_path {root}/nginx-temp/proxy;
    fastcgi_temp_path {root}/nginx-temp/fastcgi;
    uwsgi_temp_path {root}/nginx-temp/uwsgi;
    scgi_temp_path {root}/nginx-temp/scgi;

    server {{
        listen 127.0.0.1:{port};
        root {pages};
        location / {{
            try_files $uri $uri.html $uri/index.html =404;
        }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(sandbox: Sandbox, probe_path: str):
    """``warta serve`` on a free local port; yields its base URL."""
    port = free_port()
    command = sandbox.warta("serve", "--bind", f"127.0.0.1:{port}")
    with _server(sandbox, command, "gunicorn", port, probe_path) as base_url:
        yield base_url


@contextmanager
def nginx(sandbox: Sandbox, pages: Path, probe_path: str):
    """nginx serving ``pages`` (a folder mirroring the URLs) on a free local port."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    root = sandbox.root / "nginx"
    (root / "nginx-temp").mkdir(parents=True, exist_ok=True)
    port = free_port()
    conf = root / "nginx.conf"
    conf.write_text(NGINX_CONF.format(root=root, port=port, pages=pages))
    # -e: the error log before the config is read; the default /var/log path may not exist.
    command = [binary, "-e", str(root / "nginx-error.log"), "-p", str(root), "-c", str(conf)]
    with _server(sandbox, command, "nginx", port, probe_path) as base_url:
        yield base_url


@contextmanager
def nginx_configured(sandbox: Sandbox, conf: Path, name: str, port: int, probe_path: str):
    """nginx running a configuration written elsewhere (`warta nginx-config --standalone`
    writes one), listening on ``port``; its folder is the configuration's."""
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    command = [binary, "-e", "stderr", "-p", str(conf.parent), "-c", str(conf)]
    with _server(sandbox, command, name, port, probe_path) as base_url:
        yield base_url


@contextmanager
def _server(sandbox: Sandbox, command: list[str], name: str, port: int, probe_path: str):
    log = sandbox.root / f"{name}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            command,
            env=sandbox.env,
            cwd=sandbox.root,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent,
        )
    try:
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_ready(proc, base_url + probe_path, name, log)
        yield base_url
    finally:
        _stop(proc)


def _wait_until_ready(proc: subprocess.Popen, url: str, name: str, log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:]
            raise RuntimeError(f"{name} exited with {proc.returncode}:\n{tail}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{name} did not answer {url} within {READY_TIMEOUT} s; see {log}")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    with suppress(subprocess.TimeoutExpired):
        proc.wait(STOP_TIMEOUT)
    # The group is the one start_new_session made for this server: its workers only.
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
