"""Two bulk writes the ORM makes slow, as one ``executemany`` each.

``bulk_create(update_conflicts=...)`` builds a model instance and prepares every
value of every row, and ``bulk_update`` writes a ``CASE`` per row: for the three
small tables of a migration (old addresses, post records, attachments) that costs
more than writing the articles. The SQL is the same on SQLite and PostgreSQL.
"""

from collections.abc import Sequence

from django.db import connection, models


def upsert(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[tuple],
    *,
    unique: Sequence[str],
    update: Sequence[str],
) -> None:
    """Insert ``rows`` (values in ``fields`` order); a row whose ``unique`` fields
    match an existing one updates that row's ``update`` fields instead."""
    if not rows:
        return
    quote = connection.ops.quote_name
    column = {name: quote(model._meta.get_field(name).column) for name in fields}
    updates = ", ".join(f"{column[name]} = EXCLUDED.{column[name]}" for name in update)
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({', '.join(column.values())}) "
        f"VALUES ({', '.join(['%s'] * len(fields))}) "
        f"ON CONFLICT ({', '.join(column[name] for name in unique)}) DO UPDATE SET {updates}"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def set_column(model: type[models.Model], field: str, pairs: Sequence[tuple]) -> None:
    """``UPDATE … SET field = value WHERE pk = id`` for each ``(value, id)`` pair."""
    if not pairs:
        return
    quote = connection.ops.quote_name
    column = quote(model._meta.get_field(field).column)
    pk = quote(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {quote(model._meta.db_table)} SET {column} = %s WHERE {pk} = %s", pairs
        )
