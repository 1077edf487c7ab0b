"""PostgreSQL (production): snapshots with ``pg_dump``, restores with ``pg_restore``.

``pg_dump`` reads the whole database in one REPEATABLE READ transaction, so the dump is
one consistent moment while the site keeps serving and saving. Custom format (one
compressed file, restorable table by table), ``--no-owner`` and ``--no-privileges``:
the restored objects belong to whoever restores them, so a backup moves between
servers whose roles differ. The search index lives in the documents' table (a stored
generated tsvector column with a GIN index on it), so it comes along: the restore
computes the column and builds the index again from the documents' rows.

``pg_restore --clean --if-exists --single-transaction`` drops what the dump holds and
recreates it in one transaction: into an empty or freshly migrated database alike,
and a failure anywhere rolls back everything, leaving the database as it was.

The client tools come from PATH and must be at least as new as the server (``pg_dump``
refuses a newer server) and, for a restore, as the ``pg_dump`` that made the dump.
"""

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

from django.db import connection, connections

from .manifest import BackupError

FILE = "database.pgdump"
# A restore waits this long for a lock (the site should be stopped), then gives up and
# rolls back instead of hanging behind a forgotten session.
LOCK_WAIT_SECONDS = 30.0
POLL_SECONDS = 0.5
# libpq variables for the OPTIONS dj-database-url passes through from the URL.
_OPTION_VARIABLES = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}


def snapshot(target: Path) -> dict:
    tool = _tool("pg_dump")
    client, client_version = _client_version(tool)
    server, server_version = _server_version()
    if client < server:
        raise BackupError(
            f"pg_dump {client_version} cannot dump a PostgreSQL {server_version} server "
            f"(pg_dump must be as new as the server): install postgresql-client-{server}"
        )
    _run(
        [tool, "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"],
        what="pg_dump",
    )
    return {
        "vendor": "postgresql",
        "file": FILE,
        "server_version": server_version,
        "pg_dump_version": client_version,
    }


def applied_migrations(dump_file: Path) -> dict[str, list[str]]:
    """The migrations the dump had applied, read from the dump itself."""
    output = _run(
        [
            _tool("pg_restore"),
            "--data-only",
            "--table=django_migrations",
            "--file=-",
            str(dump_file),
        ],  # fmt: skip
        what="pg_restore",
        connect=False,
    )
    applied: dict[str, list[str]] = {}
    copying = False
    for line in output.splitlines():
        if line.startswith("COPY ") and "django_migrations" in line:
            copying = True
        elif copying and line == "\\.":
            break
        elif copying:
            _id, app, name, *_ = line.split("\t")
            applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def check_restorable(database: dict) -> None:
    tool = _tool("pg_restore")
    client, client_version = _client_version(tool)
    made_by = _major(str(database.get("pg_dump_version", "0")))
    if client < made_by:
        raise BackupError(
            f"pg_restore {client_version} cannot read a dump made by pg_dump "
            f"{database['pg_dump_version']}: install postgresql-client-{made_by}"
        )


def restore(dump_file: Path) -> None:
    name = connection.settings_dict["NAME"]
    # Our own sessions would hold locks the restore waits for.
    connections.close_all()
    session = f"warta-restore-{os.getpid()}"
    command = [
        _tool("pg_restore"), "--clean", "--if-exists", "--single-transaction",
        "--exit-on-error", "--no-owner", "--no-privileges", f"--dbname={name}", str(dump_file),
    ]  # fmt: skip
    process = subprocess.Popen(
        command,
        env=_environment({"PGAPPNAME": session}),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    watch = _LockWatch(session)
    try:
        while True:
            try:
                _, errors = process.communicate(timeout=POLL_SECONDS)
                break
            except subprocess.TimeoutExpired:
                watch.check()
    except BaseException:
        process.kill()
        process.wait()
        raise
    finally:
        connections.close_all()
    if process.returncode != 0:
        detail = " ".join(errors.strip().splitlines()[-3:])
        if watch.gave_up:
            detail = (
                f"it waited {LOCK_WAIT_SECONDS:g} s for another session's lock (stop the app "
                f"servers and workers first): {detail}"
            )
        raise BackupError(
            f"pg_restore failed: the database could not be replaced and is unchanged: {detail}"
        )


class _LockWatch:
    """Cancels the restore when it has waited ``LOCK_WAIT_SECONDS`` for a lock.

    A ``lock_timeout`` cannot do it: the dump's own preamble sets ``lock_timeout = 0``.
    The restore's statement is cancelled, its one transaction rolls back, and the
    database is as it was.
    """

    def __init__(self, session: str) -> None:
        self.session = session
        self.waiting_since: float | None = None
        self.gave_up = False

    def check(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity "
                "WHERE application_name = %s AND wait_event_type = 'Lock'",
                [self.session],
            )
            waiting = cursor.fetchall()
            if not waiting:
                self.waiting_since = None
                return
            self.waiting_since = self.waiting_since or time.monotonic()
            if time.monotonic() - self.waiting_since > LOCK_WAIT_SECONDS:
                cursor.execute("SELECT pg_cancel_backend(%s)", [waiting[0][0]])
                self.gave_up = True


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(
            f"{name} is not on PATH: install PostgreSQL's client tools "
            "(Debian: apt-get install postgresql-client)"
        )
    return found


def _client_version(tool: str) -> tuple[int, str]:
    output = subprocess.run([tool, "--version"], capture_output=True, text=True, check=False)
    version = re.search(r"\)\s+(\d+(?:\.\d+)*)", output.stdout)
    if output.returncode != 0 or version is None:
        raise BackupError(f"{tool} --version did not say its version: {output.stderr.strip()}")
    return _major(version.group(1)), version.group(1)


def _server_version() -> tuple[int, str]:
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0].split()[0]
    return _major(version), version


def _major(version: str) -> int:
    match = re.match(r"(\d+)", version)
    return int(match.group(1)) if match else 0


def _environment(extra: dict | None = None) -> dict[str, str]:
    """The connection as libpq variables: no password on a command line."""
    settings = connection.settings_dict
    variables = {
        "PGDATABASE": settings["NAME"],
        "PGHOST": settings.get("HOST") or "",
        "PGPORT": str(settings.get("PORT") or ""),
        "PGUSER": settings.get("USER") or "",
        "PGPASSWORD": settings.get("PASSWORD") or "",
    }
    for option, variable in _OPTION_VARIABLES.items():
        if option in settings.get("OPTIONS", {}):
            variables[variable] = str(settings["OPTIONS"][option])
    env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
    env.update({k: v for k, v in variables.items() if v})
    env.update(extra or {})
    return env


def _run(command: list[str], *, what: str, connect: bool = True) -> str:
    result = subprocess.run(
        command,
        env=_environment() if connect else None,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        detail = " ".join(result.stderr.strip().splitlines()[-3:])
        raise BackupError(f"{what} failed: {detail}")
    return result.stdout
