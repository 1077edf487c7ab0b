"""What "nothing was written" means in these tests: the database exactly as it was.

``snapshot()`` holds the row count of every table the project has (through tables
included) and every column of every row of the content tables, so an insert, a
delete and an update all show as a difference.
"""

from django.apps import apps
from django.db import connection

from warta.desk.models import Revision
from warta.newsroom.models import Article, Correction, Photo, Reporter, Section, Tag

CONTENT = (Article, Photo, Section, Reporter, Tag, Correction, Revision)


def table_counts() -> dict[str, int]:
    """Rows per table, in one query."""
    tables = sorted({m._meta.db_table for m in apps.get_models(include_auto_created=True)})
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def snapshot() -> dict:
    state: dict = {"counts": table_counts()}
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for model in CONTENT:
            table = model._meta.db_table
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {quote(model._meta.pk.column)}")
            state[table] = cursor.fetchall()
    return state


def differences(before: dict, after: dict) -> list[str]:
    """What changed, table by table, for an assertion message."""
    changed = [
        f"{table}: {count} -> {after['counts'][table]} rows"
        for table, count in before["counts"].items()
        if after["counts"][table] != count
    ]
    changed += [
        f"{table}: rows changed"
        for table in before
        if table != "counts" and before[table] != after[table]
    ]
    return changed
