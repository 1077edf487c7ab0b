"""The bulk writes of an import, as one statement (or ``COPY``) each.

``bulk_create`` builds the SQL of every batch anew and prepares every value of every
row through its field, and ``bulk_update`` writes a ``CASE`` per row: for an import
that costs more than the database's own work. Here the statement is written once per
call and the rows go to the driver as they are, so callers pass values the way the
database takes them (strings and numbers as they are; dates through
``connection.ops.adapt_datetimefield_value``; anything else through ``db_value``).

``executemany`` (and ``COPY``) return no rows, so inserts whose ids the caller needs
take them from ``reserve_ids`` first. Plain inserts go through
``warta.common.bulk_insert`` (``COPY`` on PostgreSQL); upserts and updates are the
same SQL on SQLite and PostgreSQL; reserving ids differs.
"""

from collections.abc import Sequence
from datetime import datetime

from django.db import connection, models
from django.utils import timezone

from warta.common.bulk_insert import insert_rows


def insert(model: type[models.Model], fields: Sequence[str], rows: Sequence[tuple]) -> None:
    """Insert ``rows`` (values in ``fields`` order); every column not named gets what
    ``bulk_create`` would give it: its default, or now for ``auto_now`` dates."""
    _write(model, fields, rows, "")


def upsert(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[tuple],
    *,
    unique: Sequence[str],
    update: Sequence[str],
) -> None:
    """``insert``, except that a row whose ``unique`` fields match an existing one
    updates that row's ``update`` fields instead (and nothing else of it)."""
    quote = connection.ops.quote_name
    column = {name: quote(model._meta.get_field(name).column) for name in [*unique, *update]}
    updates = ", ".join(f"{column[name]} = EXCLUDED.{column[name]}" for name in update)
    keys = ", ".join(column[name] for name in unique)
    _write(model, fields, rows, f" ON CONFLICT ({keys}) DO UPDATE SET {updates}")


def update(model: type[models.Model], fields: Sequence[str], rows: Sequence[tuple]) -> None:
    """``UPDATE … SET fields WHERE pk = id`` for each row: the values in ``fields``
    order, then the id."""
    if not rows:
        return
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(model._meta.get_field(name).column)} = %s" for name in fields)
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def check_constraints_now() -> None:
    """PostgreSQL: check foreign keys statement by statement for the rest of the
    transaction, not all at COMMIT.

    Django makes them DEFERRABLE INITIALLY DEFERRED, so a million-article import
    queued some ten million checks (300 MB in the server) and ran them all in its
    COMMIT, a minute after the last batch. Checked as each batch goes in, the server
    does that work while the next batch is read (see read_ahead.py). A no-op on
    SQLite, whose checks are immediate already.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` primary keys the database will never hand out to another row, for
    rows inserted with ``insert`` whose ids the caller needs.

    Call it inside the transaction that inserts the rows: on SQLite the ids are those
    past the highest ever given (``sqlite_sequence`` remembers it through deletions,
    as Django's ``AUTOINCREMENT`` keys do; inserting the rows moves it on), which no
    one else can take meanwhile because a SQLite transaction has one writer
    (``transaction_mode`` IMMEDIATE in settings). On PostgreSQL they come from the
    key's sequence, which never gives a number twice.
    """
    if count <= 0:
        return []
    table = model._meta.db_table
    pk = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            quote = connection.ops.quote_name
            cursor.execute(
                "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "
                f"coalesce((SELECT max({quote(pk)}) FROM {quote(table)}), 0))",
                [table],
            )
            first = cursor.fetchone()[0] + 1
            return list(range(first, first + count))
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [connection.ops.quote_name(table), pk, count],
        )
        return [row[0] for row in cursor.fetchall()]


def db_value(model: type[models.Model], field: str, value: object) -> object:
    """``value`` as the database takes it for ``field`` (JSON, files, ...)."""
    return model._meta.get_field(field).get_db_prep_save(value, connection)


def _write(model: type[models.Model], fields: Sequence[str], rows: Sequence[tuple], tail: str):
    if not rows:
        return
    quote = connection.ops.quote_name
    named = [model._meta.get_field(name) for name in fields]
    others = [
        field
        for field in model._meta.concrete_fields
        # The database writes generated columns (Article.live_from) itself.
        if field not in named
        and not field.generated
        and not (field.primary_key and field.db_returning)
    ]
    now = timezone.now()
    defaults = tuple(field.get_db_prep_save(_default(field, now), connection) for field in others)
    if defaults:
        rows = [(*row, *defaults) for row in rows]
    if not tail:
        columns = [field.column for field in [*named, *others]]
        insert_rows(model._meta.db_table, columns, rows)
        return
    columns = ", ".join(quote(field.column) for field in [*named, *others])
    marks = ", ".join(["%s"] * (len(named) + len(others)))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({marks}){tail}"
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _default(field: models.Field, now: datetime) -> object:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return now
    return field.get_default()
