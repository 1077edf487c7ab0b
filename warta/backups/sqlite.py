"""SQLite (the embedded default): snapshots through SQLite's online backup API.

``Connection.backup`` copies every page in one step, inside one read transaction: in
WAL mode writers keep committing meanwhile and the copy is the database as it stood
when the step began (copied in several steps, a write in between would restart it).
The search index is an FTS5 table in the same file, so it comes along.

Restoring runs the same API the other way, into the configured database file: the
whole copy is one write transaction there, so it lands completely or, if anything
fails, not at all, and processes that have the file open see the old database or
the new one, never a mix.
"""

import sqlite3
import time
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.db import connections

from .manifest import BackupError

FILE = "database.sqlite3"
# How long to wait for a lock before giving up: a restore needs the write lock (the site
# should be stopped; an editor's save still in flight takes milliseconds).
BUSY_TIMEOUT_SECONDS = 30.0


def database_path() -> Path:
    return Path(settings.DATABASES["default"]["NAME"])


def snapshot(target: Path) -> dict:
    """Copy the live database into ``target``; returns the manifest's database entry."""
    source_path = database_path()
    if not source_path.is_file():
        raise BackupError(f"there is no database at {source_path} to back up")
    with (
        closing(sqlite3.connect(source_path, timeout=1.0)) as source,
        closing(sqlite3.connect(target)) as copy,
    ):
        try:
            source.backup(copy, progress=_give_up_when_busy(BUSY_TIMEOUT_SECONDS))
        except sqlite3.Error as exc:
            raise BackupError(f"the database could not be read ({exc})") from exc
        # The copy stands alone: one file, no -wal or -shm beside it.
        copy.execute("PRAGMA journal_mode=DELETE").fetchone()
        problems = [row[0] for row in copy.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise BackupError(f"the database failed SQLite's check: {'; '.join(problems[:5])}")
    return {"vendor": "sqlite", "file": FILE, "sqlite_version": sqlite3.sqlite_version}


def applied_migrations(snapshot_file: Path) -> dict[str, list[str]]:
    """The migrations the snapshot had applied, read from the snapshot itself."""
    with closing(sqlite3.connect(f"file:{snapshot_file}?mode=ro", uri=True)) as copy:
        rows = copy.execute("SELECT app, name FROM django_migrations").fetchall()
    return _by_app(rows)


def check_restorable(database: dict) -> None:
    """Nothing to check: this SQLite reads any SQLite 3 file."""


def restore(snapshot_file: Path) -> None:
    """Replace the configured database's content with the snapshot, atomically."""
    target_path = database_path()
    target_path.parent.mkdir(parents=True, exist_ok=True)
    connections.close_all()  # ours, opened by the checks: nothing of it stays in the way
    with (
        closing(sqlite3.connect(f"file:{snapshot_file}?mode=ro", uri=True)) as source,
        closing(sqlite3.connect(target_path, timeout=1.0)) as target,
    ):
        try:
            source.backup(target, progress=_give_up_when_busy(BUSY_TIMEOUT_SECONDS))
        except sqlite3.Error as exc:
            raise BackupError(
                f"the database could not be replaced ({exc}); it is unchanged"
            ) from exc
        target.execute("PRAGMA journal_mode=WAL").fetchone()


def _give_up_when_busy(seconds: float):
    """A ``backup`` progress callback that stops waiting for a lock after ``seconds``.

    Python's ``Connection.backup`` retries a busy or locked database forever (sleeping
    between steps); the callback sees each step's status and can end the wait.
    """
    deadline = time.monotonic() + seconds

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise sqlite3.OperationalError(f"database is locked (waited {seconds:g} s)")

    return progress


def _by_app(rows) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in rows:
        applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}
