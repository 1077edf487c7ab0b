"""Inserting many rows at once, the fastest way each database offers.

PostgreSQL loads rows fastest through ``COPY``: no statement is composed, parsed or
planned per row. Django's psycopg cursors bind parameters on the client, so an
``executemany`` sends PostgreSQL one new SQL string per row; for the tables an
import fills (articles, photos, tag links, search documents) that per-row work cost
more than storing the rows (bench/README.md, "One million articles"). SQLite has no
``COPY``; a prepared ``executemany`` is its fastest path.

Callers pass values the way the database takes them (as for ``executemany``) and
run inside their own transaction: a failed insert leaves nothing behind.
"""

from collections.abc import Collection, Sequence

from django.db import connection


def insert_rows(table: str, columns: Sequence[str], rows: Collection[Sequence]) -> None:
    """Insert ``rows`` (values in ``columns`` order) into ``table``."""
    if not rows:
        return
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # wrap_database_errors: a duplicate key is Django's IntegrityError, as from
            # any other query, not psycopg's own exception.
            copy_sql = f"COPY {quote(table)} ({names}) FROM STDIN"
            with connection.wrap_database_errors, cursor.copy(copy_sql) as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)
