"""Writes a reader's request may skip: wait a moment for another writer's lock, no more.

SQLite, the embedded default, lets one writer in at a time; any other write queues
for the busy timeout (20 s, warta/settings) before it fails. That suits the desk, whose
saves must not be lost to a moment's contention. A reader's page that only stores
something for the next reader (the Baca Juga list computed on an article's first
view) should rather skip the store than wait while an import, a long desk operation
or a restore holds the lock: the page does not need it.

``lock_wait(seconds)`` caps how long the database waits for a lock inside the block:
SQLite's busy timeout for the connection, PostgreSQL's ``lock_timeout`` (which locks
rows, not the database, so there it matters only when two writers want one row). A
lock still held after that raises ``OperationalError``, as a timeout would.
"""

from contextlib import contextmanager, suppress

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections


@contextmanager
def lock_wait(seconds: float, *, using: str = DEFAULT_DB_ALIAS):
    connection = connections[using]
    milliseconds = max(0, round(seconds * 1000))
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA busy_timeout")
            (before,) = cursor.fetchone()
            cursor.execute(f"PRAGMA busy_timeout = {milliseconds}")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA busy_timeout = {int(before)}")
    elif connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW lock_timeout")
            (before,) = cursor.fetchone()
            cursor.execute("SELECT set_config('lock_timeout', %s, false)", [f"{milliseconds}ms"])
        try:
            yield
        finally:
            # A transaction that failed inside the block refuses every command until it
            # is rolled back, and that rollback undoes the setting anyway.
            if not connection.needs_rollback:
                with suppress(DatabaseError), connection.cursor() as cursor:
                    cursor.execute("SELECT set_config('lock_timeout', %s, false)", [before])
    else:
        yield
