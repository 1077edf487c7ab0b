"""A real Warta installation in a temporary folder, for tests that run its processes.

The tests of production mode start what operators start (``warta serve``,
``warta flush-views``, a ``redis-server``), kill them and start them again, so they
cannot share the test runner's in-memory database. Each ``Site`` gets its own
database, migrated once per session and copied per test: a SQLite file, or a
PostgreSQL database made from a template when ``WARTA_TEST_DATABASE_URL`` names one.
"""

import http.client
import json
import os
import select
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from .readers import CHROME

REPO = Path(__file__).resolve().parents[2]
# How long a started process may take to come up or go down before the test fails;
# generous because the machine is shared. Never a measured duration.
PATIENCE = 60

# Prints {article_id: views} of the hourly counters, and the views waiting in Redis.
_TOTALS = """
import json
import django
django.setup()
from django.db.models import Sum
from warta.audience import live_counts
from warta.audience.models import ArticleViewHour
stored = ArticleViewHour.objects.values("article_id").annotate(views=Sum("views"))
print(json.dumps({
    "stored": {row["article_id"]: row["views"] for row in stored},
    "waiting": live_counts.waiting_views(),
}))
"""


def redis_url() -> str:
    """WARTA_TEST_REDIS_URL; skip without it, or fail when CI requires the services."""
    url = os.environ.get("WARTA_TEST_REDIS_URL", "")
    if not url:
        _missing("WARTA_TEST_REDIS_URL is not set: no Redis to test against")
    return url


def _missing(reason: str) -> None:
    if os.environ.get("WARTA_REQUIRE_SERVICES"):
        pytest.fail(reason + "; CI requires it")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_env(root: Path, database_url: str, redis: str) -> dict[str, str]:
    """The environment of every process of a site: none of the caller's WARTA_*."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("WARTA_")}
    env.update(
        DJANGO_SETTINGS_MODULE="warta.settings",
        PYTHONPATH=str(REPO),
        PYTHONUNBUFFERED="1",  # wait_for_line reads output as it is printed
        XDG_RUNTIME_DIR=str(root),
        WARTA_VAR_DIR=str(root / "var"),
        WARTA_DATABASE_URL=database_url,
        WARTA_REDIS_URL=redis,
        WARTA_SECRET_KEY="sites-test-key",
        WARTA_ALLOWED_HOSTS="127.0.0.1,localhost",
        # The tests send beacons as many readers through one "proxy": X-Forwarded-For.
        WARTA_TRUSTED_PROXY_COUNT="1",
        WARTA_BEACON_FLUSH_SECONDS="1",
    )
    return env


# -- databases -------------------------------------------------------------------------


class Databases:
    """Migrated once per session; each test's site gets a fresh copy."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.server_url = os.environ.get("WARTA_TEST_DATABASE_URL", "")
        self.copies: list[str] = []
        if self.server_url:
            self.template = _database_named(self.server_url, "sites")
            self._admin(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')
            self._admin(f'CREATE DATABASE "{self.template}"')
            url = _with_database(self.server_url, self.template)
        else:
            self.template = str(folder / "template.sqlite3")
            url = f"sqlite:///{self.template}"
        env = site_env(folder, url, "")
        subprocess.run(
            [sys.executable, "-m", "warta", "migrate", "--noinput", "-v0"],
            env=env,
            cwd=folder,
            check=True,
            timeout=300,
        )

    def copy(self, name: str) -> str:
        """A new database with the migrated schema; returns its URL."""
        if self.server_url:
            database = _database_named(self.server_url, f"site_{name}")
            self._admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            self._admin(f'CREATE DATABASE "{database}" TEMPLATE "{self.template}"')
            self.copies.append(database)
            return _with_database(self.server_url, database)
        target = self.folder / f"{name}.sqlite3"
        shutil.copyfile(self.template, target)
        return f"sqlite:///{target}"

    def drop(self, url: str) -> None:
        if self.server_url:
            database = urlsplit(url).path.lstrip("/")
            self._admin(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')

    def close(self) -> None:
        if self.server_url:
            self._admin(f'DROP DATABASE IF EXISTS "{self.template}" WITH (FORCE)')

    def _admin(self, sql: str) -> None:
        import psycopg

        server = _with_database(self.server_url, "postgres")
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(sql)


def _database_named(url: str, suffix: str) -> str:
    return f"{urlsplit(url).path.lstrip('/')}_{suffix}"


def _with_database(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + database))


# -- the site ---------------------------------------------------------------------------


@dataclass
class Site:
    root: Path
    env: dict[str, str]
    started: list[subprocess.Popen] = field(default_factory=list)

    def warta(self, *args: str) -> str:
        """Run a ``warta`` command to completion; its standard output."""
        done = subprocess.run(
            [sys.executable, "-m", "warta", *args],
            env=self.env,
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=PATIENCE * 2,
        )
        if done.returncode != 0:
            raise AssertionError(f"warta {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
        return done.stdout

    def add_articles(self, count: int, *, first_id: int = 1001) -> list[int]:
        """``count`` published articles (through ``warta import``); their ids."""
        published = (datetime.now(UTC) - timedelta(days=1)).isoformat()
        lines = [
            {
                "id": article_id,
                "slug": f"berita-uji-{article_id}",
                "section": "Nasional",
                "title": f"Berita uji {article_id}",
                "caption": "Foto ilustrasi",
                "reporter": "Sarah Meiliana Gunawan",
                "published_at": published,
                "lead": "Teras berita.",
                "paragraphs": ["Isi berita."],
                "tags": [],
            }
            for article_id in range(first_id, first_id + count)
        ]
        path = self.root / "articles.jsonl"
        path.write_text("".join(json.dumps(line) + "\n" for line in lines))
        self.warta("import", str(path))
        return [line["id"] for line in lines]

    def totals(self) -> tuple[dict[int, int], int]:
        """(views stored per article id, views still waiting in Redis)."""
        done = subprocess.run(
            [sys.executable, "-c", _TOTALS],
            env=self.env,
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=PATIENCE,
            check=True,
        )
        result = json.loads(done.stdout)
        return {int(key): views for key, views in result["stored"].items()}, result["waiting"]

    def start(self, command: list[str], name: str, *, piped: bool = False) -> subprocess.Popen:
        """Start a process in its own session (so its children can be killed with it);
        ``piped``: its standard output is ``proc.stdout`` (see ``wait_for_line``)."""
        log = (self.root / f"{name}.log").open("ab")
        proc = subprocess.Popen(
            command,
            env=self.env,
            cwd=self.root,
            stdout=subprocess.PIPE if piped else log,
            stderr=log,
            start_new_session=True,
        )
        log.close()
        self.started.append(proc)
        return proc

    @contextmanager
    def serving(self, command: str = "serve"):
        """``warta serve`` (or ``serve-beacon``; 2 workers) on a free port; yields a
        ``Beacons`` sender."""
        port = free_port()
        server = self.start(
            [sys.executable, "-m", "warta", command, "--bind", f"127.0.0.1:{port}"], command
        )
        try:
            _wait_for_beacon(server, port, self.root / f"{command}.log")
            yield Beacons(port)
        finally:
            stop(server)

    def flush_worker(self, *args: str) -> subprocess.Popen:
        return self.start([sys.executable, "-m", "warta", "flush-views", *args], "flush-worker")

    def stop_all(self) -> None:
        for proc in self.started:
            stop(proc)


def stop(proc: subprocess.Popen) -> None:
    """Stop a process this module started: SIGTERM, as an operator (or systemd) would;
    then SIGKILL to the session it leads if anything of it lingers."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            proc.wait(PATIENCE)
    kill(proc)


def kill(proc: subprocess.Popen) -> None:
    """SIGKILL to a process this module started and every process of its session."""
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    if proc.stdout:
        proc.stdout.close()


def wait_for_line(proc: subprocess.Popen, expected: str) -> None:
    """Read the process's piped output until a line equals ``expected``."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        ready, _, _ = select.select([proc.stdout], [], [], 1)
        if ready:
            line = proc.stdout.readline()
            if not line:
                raise AssertionError(f"process exited ({proc.wait()}) before printing {expected}")
            if line.decode().strip() == expected:
                return
    raise AssertionError(f"no {expected!r} within {PATIENCE} s")


def _wait_for_beacon(server: subprocess.Popen, port: int, log: Path) -> None:
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"warta serve exited:\n{log.read_text()[-3000:]}")
        with suppress(OSError):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/b")
            if connection.getresponse().status == 405:
                connection.close()
                return
        time.sleep(0.2)
    raise AssertionError(f"warta serve did not answer within {PATIENCE} s")


class Beacons:
    """Sends beacons to a served site over one keep-alive connection per sender."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._connection: http.client.HTTPConnection | None = None

    def sender(self) -> "Beacons":
        """Another sender (its own connection), e.g. for another thread."""
        return Beacons(self.port)

    def send(self, article_id: int, reader: str, *, ua: str = CHROME) -> int:
        """POST /b for ``article_id`` as the reader at address ``reader``; the status."""
        for attempt in (1, 2):
            if self._connection is None:
                self._connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
            try:
                self._connection.request(
                    "POST",
                    "/b",
                    body=str(article_id),
                    headers={
                        "Content-Type": "text/plain;charset=UTF-8",
                        "User-Agent": ua,
                        "X-Forwarded-For": reader,
                    },
                )
                response = self._connection.getresponse()
                response.read()
                return response.status
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection. Sending again is
                # safe: had the first one counted, this one is the same reader's
                # duplicate and does not.
                self._connection.close()
                self._connection = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")
