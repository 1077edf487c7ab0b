"""Keeping the index in step with the articles readers may see.

Live articles (published, or scheduled for later: the query hides those until their
time) have a document; every other article has none, so a withdrawn article is
never found.

Imports index each batch inside their transaction (see receivers.py), so this path is
written for throughput: rows are read as tuples, never as model instances, and
written with one ``executemany`` per table. Building a model instance per article
and per tag cost more than the stemming itself.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from django.db import connection, transaction

from warta.newsroom.models import Article

from .analysis import plain_text, stems
from .backends import backend
from .backends.sql import DOCUMENTS
from .models import SearchDocument

BATCH_SIZE = 500
# The document columns an upsert writes, in this order (article_id is the key).
COLUMNS = (
    "article_id",
    "section_id_copy",
    "published_at",
    "stemmed_title",
    "stemmed_tags",
    "stemmed_body",
    "source_updated_at",
)
UPSERT_SQL = (
    f"INSERT INTO {DOCUMENTS} ({', '.join(COLUMNS)}) VALUES ({', '.join(['%s'] * len(COLUMNS))}) "
    f"ON CONFLICT (article_id) DO UPDATE SET "
    + ", ".join(f"{column} = excluded.{column}" for column in COLUMNS[1:])
)


def index_articles(*, article_ids: Iterable[int]) -> None:
    """Bring the documents of these articles up to date (write or remove)."""
    ids = list(dict.fromkeys(article_ids))
    engine = backend()
    with transaction.atomic():
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start : start + BATCH_SIZE]
            documents = _documents(chunk)
            gone = set(chunk) - {doc.article_id for doc in documents}
            if gone:
                SearchDocument.objects.filter(article_id__in=gone).delete()
                engine.remove(gone)
            _write(documents)
            engine.store(documents)


class Document(NamedTuple):
    """One document row as written; dates stay as the database handed them over."""

    article_id: int
    section_id_copy: int
    published_at: object
    stemmed_title: str
    stemmed_tags: str
    stemmed_body: str
    source_updated_at: object


def _documents(ids: list[int]) -> list[Document]:
    """Documents for the live articles among ``ids``, in id order (the order both
    tables write fastest in)."""
    tags: dict[int, list[str]] = defaultdict(list)
    for article_id, name in Article.tags.through.objects.filter(article_id__in=ids).values_list(
        "article_id", "tag__name"
    ):
        tags[article_id].append(name)
    # Plain SQL: the ORM would parse each date only for _write to format it again.
    query = (
        Article.objects.filter(pk__in=ids, status__in=Article.LIVE_STATUSES)
        .order_by("id")
        .values_list("id", "section_id", "published_at", "title", "lead", "body", "updated_at")
        .query
    )
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    return [
        Document(
            pk,
            section_id,
            published_at,
            stems(title),
            stems(" ".join(tags[pk])),
            stems(f"{lead}\n{plain_text(body)}"),
            updated_at,
        )
        for pk, section_id, published_at, title, lead, body, updated_at in rows
    ]


def _write(documents: list[Document]) -> None:
    with connection.cursor() as cursor:
        cursor.executemany(UPSERT_SQL, documents)


def rebuild_index() -> Iterator[int]:
    """Index every live article from scratch; yields how many are done, per batch."""
    engine = backend()
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        engine.clear()
    ids = Article.objects.filter(status__in=Article.LIVE_STATUSES).order_by("pk")
    done, last = 0, 0
    while True:
        chunk = list(ids.filter(pk__gt=last).values_list("pk", flat=True)[:BATCH_SIZE])
        if not chunk:
            return
        index_articles(article_ids=chunk)
        done += len(chunk)
        last = chunk[-1]
        yield done
