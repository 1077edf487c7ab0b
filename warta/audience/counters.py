"""Writes to the hourly view counters, one upsert statement per batch.

Two callers, two semantics:

* ``add_views`` adds live beacon counts (``views = views + excluded.views``) and keeps
  only rows whose article is published at write time, by joining the article table in
  the same statement. The beacon therefore never asks the database whether an id is
  real: unknown, draft, withdrawn and not-yet-due ids simply drop out here.
* ``set_views`` stores historical counts from imports (``views = excluded.views``), so
  importing the same batch twice leaves the same numbers.

The SQL is plain ``INSERT ... ON CONFLICT`` with a ``WITH ... AS (VALUES ...)`` list,
which SQLite (3.24+) and PostgreSQL both accept unchanged.
"""

from collections.abc import Iterable
from datetime import UTC, datetime

from django.db import connection, transaction
from django.utils import timezone

from warta.newsroom.models import Article

from .models import ArticleViewHour

# Three parameters a row; 300 rows stay far below SQLite's variable limit.
BATCH_ROWS = 300

Row = tuple[int, datetime, int]  # (article_id, hour, views)


def hour_of(moment: datetime) -> datetime:
    """The UTC clock hour a moment falls in: the bucket key."""
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment.astimezone(UTC).replace(minute=0, second=0, microsecond=0)


def add_views(rows: list[Row]) -> None:
    """Add ``rows`` to the buckets of published articles; other ids are dropped.

    ``rows`` must not repeat an (article_id, hour) pair: PostgreSQL refuses to update
    one row twice in a statement. Callers pass at most ``BATCH_ROWS`` rows.
    """
    if not rows:
        return
    qn = connection.ops.quote_name
    table = qn(ArticleViewHour._meta.db_table)
    sql = (
        f"WITH v (article_id, hour, views) AS (VALUES {_placeholders(len(rows))}) "
        f"INSERT INTO {table} (article_id, hour, views) "
        "SELECT v.article_id, v.hour, v.views FROM v "
        f"JOIN {qn(Article._meta.db_table)} a ON a.id = v.article_id "
        "WHERE a.status IN (%s, %s) AND a.published_at <= %s "
        "ON CONFLICT (article_id, hour) DO UPDATE "
        f"SET views = {table}.views + excluded.views"
    )
    params = [*_flatten(rows), *Article.LIVE_STATUSES, _db_datetime(timezone.now())]
    _execute(sql, params)


def set_views(rows: Iterable[Row]) -> None:
    """Store ``rows`` as the buckets' counts (idempotent), in batches of ``BATCH_ROWS``.

    A later row for the same (article_id, hour) wins, as a second import would.
    """
    unique = {(article_id, hour): views for article_id, hour, views in rows}
    items = [(article_id, hour, views) for (article_id, hour), views in unique.items()]
    table = connection.ops.quote_name(ArticleViewHour._meta.db_table)
    for start in range(0, len(items), BATCH_ROWS):
        batch = items[start : start + BATCH_ROWS]
        sql = (
            f"INSERT INTO {table} (article_id, hour, views) VALUES {_placeholders(len(batch))} "
            "ON CONFLICT (article_id, hour) DO UPDATE SET views = excluded.views"
        )
        _execute(sql, list(_flatten(batch)))


def _placeholders(count: int) -> str:
    return ", ".join(["(%s, %s, %s)"] * count)


def _flatten(rows: Iterable[Row]):
    for article_id, hour, views in rows:
        yield article_id
        yield _db_datetime(hour)
        yield views


def _db_datetime(moment: datetime):
    # The representation the ORM itself stores, so SQLite's text comparison and the
    # unique (article_id, hour) key match rows written through the ORM.
    return connection.ops.adapt_datetimefield_value(moment)


def _execute(sql: str, params: list) -> None:
    # A savepoint when called inside a transaction, so a failed statement leaves the
    # caller's transaction usable (PostgreSQL aborts it otherwise).
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql, params)
