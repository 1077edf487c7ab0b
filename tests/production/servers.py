"""Real servers for production-mode tests, started and stopped by the tests themselves.

``PostgresPair`` is a private PostgreSQL primary with a streaming hot standby, built
from the server binaries in a temporary folder on free localhost ports: the machine's
own cluster does not allow replication connections and is never touched. Both log
every statement with the client's application name, so a test can tell which server
a request's queries ran on.

``AppServer`` is ``warta serve`` (gunicorn, production settings) in a process of its
own; ``Browser`` talks to app servers over HTTP with one cookie jar, as a person does.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from http.cookiejar import CookieJar
from pathlib import Path

import psycopg

SERVER_TOOLS = ("initdb", "pg_ctl", "pg_basebackup")
# Statements from Warta's connections (application_name=warta in its database URLs);
# the tests' own connections call themselves "tests" and are left out.
APPLICATION = "warta"
_STATEMENT = re.compile(rf"^{APPLICATION}\|LOG:  statement: (.*)$")
_DEADLINE_SECONDS = 60


def postgres_bindir() -> Path | None:
    """A folder holding the PostgreSQL server binaries: from PATH, else Debian's newest."""
    candidates = []
    if found := shutil.which("pg_ctl"):
        candidates.append(Path(found).parent)
    debian = Path("/usr/lib/postgresql").glob("*/bin")
    candidates += sorted(debian, key=_major_version, reverse=True)
    for bindir in candidates:
        if all((bindir / tool).is_file() for tool in SERVER_TOOLS):
            return bindir
    return None


def _major_version(bindir: Path) -> int:
    name = bindir.parent.name
    return int(name) if name.isdigit() else 0


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    try:
        for s in sockets:
            s.bind(("127.0.0.1", 0))
        return [s.getsockname()[1] for s in sockets]
    finally:
        for s in sockets:
            s.close()


def _as_server_owner(command: list) -> list[str]:
    # initdb and postgres refuse to run as root; the postgres account runs them then.
    command = [str(part) for part in command]
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _run(command: list) -> None:
    result = subprocess.run(
        _as_server_owner(command), capture_output=True, text=True, timeout=_DEADLINE_SECONDS
    )
    if result.returncode != 0:
        raise RuntimeError(f"{command[0]} failed: {result.stdout}{result.stderr}")


@dataclass
class PostgresServer:
    bindir: Path
    data: Path
    port: int

    @property
    def log(self) -> Path:
        return self.data.with_suffix(".log")

    def url(self, database: str) -> str:
        return (
            f"postgres://postgres@127.0.0.1:{self.port}/{database}?application_name={APPLICATION}"
        )

    def start(self) -> None:
        _run([self.bindir / "pg_ctl", "-D", self.data, "-l", self.log, "-w", "start"])

    def stop(self) -> None:
        # The data is thrown away: no shutdown checkpoint needed.
        _run([self.bindir / "pg_ctl", "-D", self.data, "-m", "immediate", "-w", "stop"])

    def is_running(self) -> bool:
        status = subprocess.run(
            _as_server_owner([self.bindir / "pg_ctl", "-D", self.data, "status"]),
            capture_output=True,
        )
        return status.returncode == 0

    def query(self, sql: str, params=(), database: str = "postgres") -> list[tuple]:
        with psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user="postgres",
            dbname=database,
            application_name="tests",
            autocommit=True,
        ) as conn:
            cursor = conn.execute(sql, params)
            return cursor.fetchall() if cursor.description else []

    def log_position(self) -> int:
        return self.log.stat().st_size

    def statements_since(self, position: int) -> list[str]:
        """Warta's statements this server logged after ``position`` (``log_position()``)."""
        with self.log.open("rb") as log:
            log.seek(position)
            text = log.read().decode("utf-8", errors="replace")
        return [m.group(1) for line in text.splitlines() if (m := _STATEMENT.match(line))]


class PostgresPair:
    """A primary and a hot standby streaming from it, each on its own free port."""

    def __init__(self, bindir: Path):
        self.base = Path(tempfile.mkdtemp(prefix="warta-pg-pair-"))
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres", "postgres")
        primary_port, standby_port = free_ports(2)
        self.primary = PostgresServer(bindir, self.base / "primary", primary_port)
        self.standby = PostgresServer(bindir, self.base / "standby", standby_port)

    def start(self) -> None:
        bindir = self.primary.bindir
        _run([bindir / "initdb", "-D", self.primary.data, "-U", "postgres", "--auth=trust",
              "--no-sync", "--encoding=UTF8", "--locale=C"])  # fmt: skip
        with (self.primary.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"listen_addresses = '127.0.0.1'\nport = {self.primary.port}\n"
                f"unix_socket_directories = '{self.base}'\n"
                # Throwaway data: durability only costs time.
                "fsync = off\nfull_page_writes = off\n"
                # Which server ran what: every statement, tagged with the client's name.
                "log_statement = 'all'\nlog_line_prefix = '%a|'\n"
            )
        self.primary.start()
        # -R writes standby.signal and the primary's address: the copy starts as its
        # hot standby. initdb's pg_hba.conf already trusts replication from 127.0.0.1.
        _run([bindir / "pg_basebackup", "-h", "127.0.0.1", "-p", self.primary.port,
              "-U", "postgres", "-D", self.standby.data, "-R", "-X", "stream",
              "--checkpoint=fast", "--no-sync"])  # fmt: skip
        with (self.standby.data / "postgresql.auto.conf").open("a") as conf:
            conf.write(f"port = {self.standby.port}\n")
        self.standby.start()
        self.wait_for_standby()

    def stop(self) -> None:
        for server in (self.standby, self.primary):
            if server.data.exists() and server.is_running():
                server.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    def wait_for_standby(self) -> None:
        """Return once the standby has replayed everything the primary committed so far."""
        (target,) = self.primary.query("SELECT pg_current_wal_flush_lsn()::text")[0]
        deadline = time.monotonic() + _DEADLINE_SECONDS
        while not self.standby.query(
            "SELECT coalesce(pg_last_wal_replay_lsn() >= %s::pg_lsn, false)", [target]
        )[0][0]:
            if time.monotonic() > deadline:
                raise TimeoutError(f"the standby did not replay up to {target}")
            time.sleep(0.02)

    @contextmanager
    def replay_paused(self):
        """The standby stops applying the primary's changes: it lags, as replicas may."""
        self.standby.query("SELECT pg_wal_replay_pause()")
        try:
            yield
        finally:
            self.standby.query("SELECT pg_wal_replay_resume()")
            self.wait_for_standby()


class AppServer:
    """``warta serve`` with one worker, in its own process, on a free port.

    It is started at once; ``wait_until_serving`` returns when it answers, so several
    servers can start side by side.
    """

    def __init__(self, env: dict[str, str], var_dir: Path):
        (port,) = free_ports(1)
        self.url = f"http://127.0.0.1:{port}"
        self.log = var_dir / "server.log"
        var_dir.mkdir(parents=True, exist_ok=True)
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "warta", "serve", "--bind", f"127.0.0.1:{port}",
                 "--workers", "1"],
                env={**env, "WARTA_VAR_DIR": str(var_dir)},
                stdout=log,
                stderr=subprocess.STDOUT,
            )  # fmt: skip

    def wait_until_serving(self) -> None:
        deadline = time.monotonic() + _DEADLINE_SECONDS
        while True:
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"warta serve did not start:\n{self.log.read_text()}")
            try:
                urllib.request.urlopen(f"{self.url}/robots.txt", timeout=5).close()
                return
            except urllib.error.HTTPError:
                return  # it answers; what it answers is the test's business
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process.poll() is None:
            # SIGINT is gunicorn's quick shutdown; SIGTERM would wait out keep-alives.
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@dataclass(frozen=True)
class Page:
    status: int
    text: str
    headers: dict


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect is an answer the test looks at


class Browser:
    """One person's browser: cookies (host-only, so shared by every port of 127.0.0.1)."""

    def __init__(self):
        self.cookies = CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), _NoRedirects
        )

    def get(self, url: str, headers: dict[str, str] | None = None) -> Page:
        return self._open(urllib.request.Request(url, headers=headers or {}))

    def post(self, url: str, data: dict) -> Page:
        """A form POST carrying the CSRF token Django set in this browser's cookie."""
        token = next((c.value for c in self.cookies if c.name == "csrftoken"), "")
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, **data}).encode()
        return self._open(urllib.request.Request(url, data=body, method="POST"))

    def log_in(self, server: AppServer, username: str, password: str) -> Page:
        self.get(f"{server.url}/redaksi/login/")
        return self.post(
            f"{server.url}/redaksi/login/",
            {"username": username, "password": password, "next": "/redaksi/"},
        )

    def _open(self, request: urllib.request.Request) -> Page:
        try:
            with self._opener.open(request, timeout=30) as response:
                return Page(response.status, response.read().decode(), dict(response.headers))
        except urllib.error.HTTPError as error:
            return Page(error.code, error.read().decode(), dict(error.headers))
