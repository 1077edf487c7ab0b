"""Fresh Warta installations for tests that run ``warta`` commands as an operator does.

Each one has a var folder and a database of its own: a SQLite file in the embedded
mode, or in production mode (``WARTA_TEST_DATABASE_URL``) a PostgreSQL database made
on the test server for it and dropped afterwards, with the tests' Redis as its cache.
Commands run in child processes with nothing of the test process's environment but
what an installation sets, from the repository root (so helper modules under
``tests/`` can run there too: ``Installation.python``).
"""

import json
import os
import sqlite3
import subprocess
import sys
import uuid
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import psycopg
import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
COMMAND_TIMEOUT = 300


def postgres_mode() -> bool:
    return bool(os.environ.get("WARTA_TEST_DATABASE_URL"))


@dataclass
class Installation:
    name: str
    var: Path
    database_url: str
    env: dict[str, str] = field(repr=False)

    @property
    def redis(self) -> bool:
        return "WARTA_REDIS_URL" in self.env

    @property
    def media(self) -> Path:
        return self.var / "media"

    @property
    def sqlite_file(self) -> Path:
        return self.var / "warta.sqlite3"

    @property
    def database_name(self) -> str:
        return dj_database_url.parse(self.database_url)["NAME"]

    def warta(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        """``warta ARGS`` here; fails the test with its output when it fails, unless
        ``check`` is off."""
        return self._run([sys.executable, "-m", "warta", *args], check)

    def python(self, module: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        """``python -m MODULE ARGS`` in this installation's environment."""
        return self._run([sys.executable, "-m", module, *args], check)

    def start(self, module: str, *args: str, log: Path) -> subprocess.Popen:
        """``python -m MODULE ARGS`` in the background; the caller waits for it."""
        with log.open("ab") as out:
            return subprocess.Popen(
                [sys.executable, "-m", module, *args],
                env=self.env,
                cwd=REPOSITORY,
                stdout=out,
                stderr=subprocess.STDOUT,
            )

    def query(self, sql: str) -> list[tuple]:
        """Rows of a query run straight on the database (no Django)."""
        if postgres_mode():
            with psycopg.connect(self.database_url) as connection:
                return connection.execute(sql).fetchall()
        with closing(sqlite3.connect(self.sqlite_file)) as connection:
            return connection.execute(sql).fetchall()

    def execute(self, sql: str) -> None:
        """A statement run straight on the database and committed."""
        if postgres_mode():
            with psycopg.connect(self.database_url) as connection:
                connection.execute(sql)
            return
        with closing(sqlite3.connect(self.sqlite_file)) as connection, connection:
            connection.execute(sql)

    def tables(self) -> list[str]:
        if postgres_mode():
            rows = self.query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            )
        elif self.sqlite_file.exists():
            rows = self.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        else:
            rows = []
        return sorted(row[0] for row in rows)

    def _run(self, command: list[str], check: bool) -> subprocess.CompletedProcess:
        result = subprocess.run(
            command,
            env=self.env,
            cwd=REPOSITORY,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
        )
        if check and result.returncode != 0:
            pytest.fail(
                f"{' '.join(command[2:])} failed ({result.returncode}) in {self.name}:\n"
                f"{result.stdout}{result.stderr}"
            )
        return result


class Installations:
    """Makes installations under ``root`` and, in production mode, drops their databases."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._databases: list[str] = []

    def new(self, name: str, *, migrate: bool = True) -> Installation:
        var = self.root / name
        var.mkdir(parents=True)
        url = self._database(name) if postgres_mode() else f"sqlite:///{var / 'warta.sqlite3'}"
        env = {k: v for k, v in os.environ.items() if not k.startswith("WARTA_")}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        env.update(
            WARTA_SECRET_KEY="installation-tests-only",
            WARTA_VAR_DIR=str(var),
            WARTA_DATABASE_URL=url,
            WARTA_ALLOWED_HOSTS="testserver,127.0.0.1",
            PYTHONPATH=str(REPOSITORY),
        )
        if os.environ.get("WARTA_TEST_REDIS_URL") and postgres_mode():
            env["WARTA_REDIS_URL"] = os.environ["WARTA_TEST_REDIS_URL"]
        installation = Installation(name, var, url, env)
        if migrate:
            installation.warta("migrate", "--verbosity=0")
        return installation

    def drop_databases(self) -> None:
        for name in self._databases:
            with _maintenance() as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        self._databases.clear()

    def _database(self, name: str) -> str:
        settings = dj_database_url.parse(os.environ["WARTA_TEST_DATABASE_URL"])
        database = f"{settings['NAME']}_{name}_{uuid.uuid4().hex[:8]}"
        with _maintenance() as connection:
            connection.execute(f'CREATE DATABASE "{database}"')
        self._databases.append(database)
        return _with_name(os.environ["WARTA_TEST_DATABASE_URL"], database)


def _maintenance() -> psycopg.Connection:
    """A connection to the test server's ``postgres`` database, for CREATE/DROP DATABASE."""
    url = _with_name(os.environ["WARTA_TEST_DATABASE_URL"], "postgres")
    return psycopg.connect(url, autocommit=True)


def _with_name(url: str, database: str) -> str:
    return urlsplit(url)._replace(path=f"/{database}").geturl()


def read_json_lines(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
