"""lock_wait: a write a reader's request may skip waits a moment for another writer's
lock, not the busy timeout, and the connection's own setting comes back afterwards."""

import sqlite3
from contextlib import closing

import psycopg
import pytest
from django.db import OperationalError, connection, connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

from warta.common.lock_wait import lock_wait

pytestmark = pytest.mark.django_db


@pytest.fixture
def sqlite_file(tmp_path):
    """A SQLite file under Warta's connection settings (WAL, BEGIN IMMEDIATE, the busy
    timeout), as the alias ``lockwait``: the test database lives in memory, where
    SQLite locks differently."""
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite case: this run is on PostgreSQL")
    path = tmp_path / "warta.sqlite3"
    wrapper = DatabaseWrapper({**connection.settings_dict, "NAME": str(path)}, "lockwait")
    connections["lockwait"] = wrapper
    with wrapper.cursor() as cursor:
        cursor.execute("CREATE TABLE counted (n integer)")
    yield path
    wrapper.close()
    del connections["lockwait"]


def _busy_timeout() -> int:
    with connections["lockwait"].cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        return cursor.fetchone()[0]


def _count(n: int) -> None:
    with transaction.atomic(using="lockwait"), connections["lockwait"].cursor() as cursor:
        cursor.execute("INSERT INTO counted VALUES (%s)", [n])


def test_on_sqlite_a_write_gives_up_while_another_process_holds_the_lock(sqlite_file):
    configured = _busy_timeout()
    assert configured == 20_000  # warta/settings: writers queue for 20 s
    with closing(sqlite3.connect(sqlite_file, isolation_level=None)) as importer:
        importer.execute("BEGIN IMMEDIATE")  # another process writing, as an import does
        with lock_wait(0.05, using="lockwait"):
            assert _busy_timeout() == 50
            with pytest.raises(OperationalError, match="locked"):
                _count(1)
        assert _busy_timeout() == configured
        importer.execute("ROLLBACK")
    _count(2)
    with connections["lockwait"].cursor() as cursor:
        cursor.execute("SELECT n FROM counted")
        assert cursor.fetchall() == [(2,)]


def _lock_timeout() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        return cursor.fetchone()[0]


def test_on_postgresql_a_write_gives_up_on_a_row_another_transaction_holds():
    if connection.vendor != "postgresql":
        pytest.skip("the PostgreSQL case: this run is on SQLite")
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    configured = _lock_timeout()
    with connection.cursor() as cursor:
        cursor.execute("SELECT min(id) FROM django_migrations")
        (row,) = cursor.fetchone()
    with psycopg.connect(**params) as other:
        other.execute("SELECT id FROM django_migrations WHERE id = %s FOR UPDATE", [row])
        with lock_wait(0.05):
            assert _lock_timeout() == "50ms"
            with (
                pytest.raises(OperationalError),
                transaction.atomic(),
                connection.cursor() as cursor,
            ):
                cursor.execute("UPDATE django_migrations SET app = app WHERE id = %s", [row])
        assert _lock_timeout() == configured
        other.rollback()
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE django_migrations SET app = app WHERE id = %s", [row])
        assert cursor.rowcount == 1
