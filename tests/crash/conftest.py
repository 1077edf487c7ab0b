"""The crash tests run real processes of an installation of their own (``warta serve``,
``warta import``) and SIGKILL them; every test module here carries the ``crash``
mark (``pytest -m crash``)."""

import os
import shutil
import sqlite3
import sys
from contextlib import closing
from urllib.parse import urlsplit

import psycopg
import pytest

from tests.installations import Installation, Installations, postgres_mode

from .rounds import add_editor, prepare


@pytest.fixture(autouse=True)
def _linux_only():
    # /proc/locks tells when an import holds SQLite's write lock; process groups and
    # SIGKILL are POSIX.
    if not sys.platform.startswith("linux") or not os.path.exists("/proc/locks"):
        pytest.skip("the crash harness needs Linux (/proc/locks, process groups)")


@pytest.fixture(scope="session")
def migrated(tmp_path_factory):
    """An installation migrated, with its Redaktur, once per session; each test's
    installation starts as a copy of it."""
    made = Installations(tmp_path_factory.mktemp("crash-template"))
    template = made.new("template")
    add_editor(template)
    if not postgres_mode():
        with closing(sqlite3.connect(template.sqlite_file)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    yield template
    made.drop_databases()


@pytest.fixture
def installations(tmp_path):
    made = Installations(tmp_path / "installations")
    made.root.mkdir()
    yield made
    made.drop_databases()


@pytest.fixture
def installation(installations, migrated):
    """A migrated installation (SQLite, or a PostgreSQL database of its own in
    production mode), set up as ``rounds.prepare`` says."""
    installation = installations.new("warta", migrate=False)
    _copy_database(migrated, installation)
    prepare(installation)
    return installation


def _copy_database(source: Installation, target: Installation) -> None:
    if not postgres_mode():
        shutil.copyfile(source.sqlite_file, target.sqlite_file)
        return
    server = urlsplit(target.database_url)._replace(path="/postgres").geturl()
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE "{target.database_name}"')
        connection.execute(
            f'CREATE DATABASE "{target.database_name}" TEMPLATE "{source.database_name}"'
        )


@pytest.fixture
def seed() -> int:
    """The kill moments' seed: fixed, so a failure can be run again; WARTA_CRASH_SEED
    tries others."""
    return int(os.environ.get("WARTA_CRASH_SEED", "20261128"))
