"""An installation's processes as an operator runs them: ``warta serve`` and
``warta import``, started in their own sessions and killed with SIGKILL, as a crash
or the kernel's OOM killer would, then started again.

Helper code for the crash tests (tests/crash/) and ``make soak`` (bench/soak.py).
"""

import os
import re
import sys
import time
from pathlib import Path

import psycopg

from tests.installations import REPOSITORY, Installation, postgres_mode
from tests.processes import READY_TIMEOUT, Server, free_port

# The name a `warta import` gives its PostgreSQL connection (libpq reads PGAPPNAME),
# so a test can see when it has begun writing.
IMPORT_APPLICATION_NAME = "warta-crash-import"
# SQLite's WAL write lock: one byte of the -shm file, held for a whole write
# transaction (WAL_WRITE_LOCK in SQLite's wal.c: byte 120).
SQLITE_WAL_WRITE_LOCK = 120


class ServedSite:
    """``warta serve`` (gunicorn, 2 workers) of one installation, on one port across
    restarts, so clients keep their address."""

    def __init__(self, installation: Installation, *, workers: int = 2) -> None:
        self.installation = installation
        self.workers = workers
        self.port = free_port()
        self.server: Server | None = None
        self.starts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.starts += 1
        command = [
            sys.executable, "-m", "warta", "serve",
            "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
        ]  # fmt: skip
        self.server = Server(
            command,
            logs(self.installation) / f"serve-{self.starts}.log",
            env=self.installation.env,
            cwd=REPOSITORY,
        )
        self.server.wait_for_http(self.url + "/robots.txt")

    def kill(self) -> None:
        """SIGKILL to the master and its workers at once."""
        if self.server is not None:
            self.server.kill()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()


class RunningImport:
    """``warta import FILE`` in the background."""

    def __init__(self, installation: Installation, path: Path, *, name: str) -> None:
        self.installation = installation
        self.log = logs(installation) / f"{name}.log"
        env = {**installation.env, "PGAPPNAME": IMPORT_APPLICATION_NAME}
        self.server = Server(
            [sys.executable, "-m", "warta", "import", str(path)], self.log, env=env, cwd=REPOSITORY
        )

    @property
    def finished(self) -> bool:
        return self.server.process.poll() is not None

    def wait(self, timeout: float) -> int:
        return self.server.process.wait(timeout)

    def kill(self) -> None:
        self.server.kill()

    def wait_until_writing(self) -> bool:
        """Block until the import holds the database's write transaction; False if it
        finished first (a small file can be written between two looks)."""
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if writing(self.installation, self.server.pid):
                return True
            if self.finished:
                return False
            time.sleep(0.005)
        raise AssertionError(f"the import did not begin writing; see {self.log}")


def writing(installation: Installation, pid: int) -> bool:
    """Whether process ``pid`` (the import) is inside a write transaction."""
    if postgres_mode():
        # An assigned transaction id means the transaction has written something.
        with psycopg.connect(installation.database_url, autocommit=True) as connection:
            row = connection.execute(
                "SELECT count(*) FROM pg_stat_activity "
                "WHERE application_name = %s AND backend_xid IS NOT NULL",
                [IMPORT_APPLICATION_NAME],
            ).fetchone()
        return row[0] > 0
    return _holds_sqlite_write_lock(installation.sqlite_file, pid)


def _holds_sqlite_write_lock(database: Path, pid: int) -> bool:
    """Read from /proc/locks (Linux), which touches no lock itself: a probe that tried
    to take the lock would make the import wait for it."""
    try:
        shm = os.stat(f"{database}-shm")
    except FileNotFoundError:
        return False
    device = f"{os.major(shm.st_dev):02x}:{os.minor(shm.st_dev):02x}:{shm.st_ino}"
    pattern = re.compile(rf"POSIX\s+ADVISORY\s+WRITE\s+{pid}\s+{re.escape(device)}\s+(\d+)\s+(\d+)")
    with open("/proc/locks") as locks:
        for line in locks:
            found = pattern.search(line)
            if found and int(found[1]) <= SQLITE_WAL_WRITE_LOCK <= int(found[2]):
                return True
    return False


def logs(installation: Installation) -> Path:
    folder = installation.var / "logs"
    folder.mkdir(exist_ok=True)
    return folder
