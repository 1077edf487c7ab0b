"""Keeping the index in step with the articles readers may see.

Live articles (published, or scheduled for later: the query hides those until their
time) have a document; every other article has none, so a withdrawn article is
never found.

Imports index each batch inside their transaction (see receivers.py), so this path is
written for throughput: rows are read as tuples, never as model instances, and
written in bulk, one statement (``COPY`` on PostgreSQL) per table. Building a model
instance per article and per tag cost more than the stemming itself. An import hands
over the articles it has just written, so their text is not read back either
(``index_written_articles``).
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from django.db import connection, transaction

from warta.common.bulk_insert import insert_rows
from warta.newsroom.models import Article, Tag

from .analysis import plain_text, stems
from .backends import backend
from .backends.sql import DOCUMENTS

BATCH_SIZE = 500
# The document columns, in the order rows are written (article_id is the key).
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


class Document(NamedTuple):
    """One document row as written; dates as the database takes them."""

    article_id: int
    section_id_copy: int
    published_at: object
    stemmed_title: str
    stemmed_tags: str
    stemmed_body: str
    source_updated_at: object


def index_articles(*, article_ids: Iterable[int]) -> None:
    """Bring the documents of these articles up to date (write or remove)."""
    ids = list(dict.fromkeys(article_ids))
    with transaction.atomic():
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start : start + BATCH_SIZE]
            _replace(chunk, _documents(chunk))


def index_written_articles(
    *, articles: Iterable[Article], tag_links: Iterable[tuple[int, int]]
) -> None:
    """``index_articles`` for Article instances whose fields are exactly what was just
    written, with every ``(article_id, tag_id)`` link they have (an import's batch):
    nothing is read back but the tags' names."""
    written = list({article.pk: article for article in articles}.values())
    tag_ids: defaultdict[int, list[int]] = defaultdict(list)
    for article_id, tag_id in tag_links:
        tag_ids[article_id].append(tag_id)
    names = dict(
        Tag.objects.filter(pk__in={t for ids in tag_ids.values() for t in ids}).values_list(
            "pk", "name"
        )
    )
    adapt = connection.ops.adapt_datetimefield_value
    with transaction.atomic():
        for start in range(0, len(written), BATCH_SIZE):
            chunk = written[start : start + BATCH_SIZE]
            live = [article for article in chunk if article.status in Article.LIVE_STATUSES]
            documents = [
                _document(
                    article.pk,
                    article.section_id,
                    adapt(article.published_at),
                    article.title,
                    article.lead,
                    article.body,
                    adapt(article.updated_at),
                    # In tag id order, as _tag_names reads them.
                    [names[tag_id] for tag_id in sorted(tag_ids[article.pk])],
                )
                for article in sorted(live, key=lambda article: article.pk)
            ]
            _replace([article.pk for article in chunk], documents, bulk=True)


def rebuild_index() -> Iterator[int]:
    """Index every live article from scratch; yields how many are done, per batch."""
    with transaction.atomic():
        backend().clear()
        _delete_documents(None)
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


def _replace(ids: list[int], documents: list["Document"], *, bulk: bool = False) -> None:
    """Make ``documents`` the documents of ``ids``; an id without one loses its own.

    ``bulk`` (an import's batch): every old row out and the new ones in, in bulk
    (``COPY`` on PostgreSQL, a fraction of an upsert per row: see
    warta/common/bulk_insert.py); an import's new articles have no rows to delete.
    Otherwise an upsert, so that two changes of one article indexing it at once
    (two desk saves) both succeed, the later one last.
    """
    engine = backend()
    # First, while each row still holds the words its index entries were made of.
    engine.remove(ids)
    if bulk:
        _delete_documents(set(ids))
        insert_rows(DOCUMENTS, COLUMNS, documents)
    else:
        gone = set(ids) - {doc.article_id for doc in documents}
        if gone:
            _delete_documents(gone)
        with connection.cursor() as cursor:
            cursor.executemany(UPSERT_SQL, documents)
    engine.store(documents)


def _documents(ids: list[int]) -> list[Document]:
    """Documents for the live articles among ``ids``, in id order (the order both
    tables write fastest in)."""
    tags = _tag_names(ids)
    # Plain SQL: the ORM would parse each date only for the upsert to format it again.
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
    return [_document(*row, tags[row[0]]) for row in rows]


def _document(pk, section_id, published_at, title, lead, body, updated_at, tags) -> Document:
    return Document(
        pk,
        section_id,
        published_at,
        stems(title),
        stems(" ".join(tags)),
        stems(f"{lead}\n{plain_text(body)}"),
        updated_at,
    )


def _tag_names(ids: list[int]) -> defaultdict[int, list[str]]:
    tags: defaultdict[int, list[str]] = defaultdict(list)
    links = Article.tags.through.objects.filter(article_id__in=ids).order_by("tag_id")
    for article_id, name in links.values_list("article_id", "tag__name"):
        tags[article_id].append(name)
    return tags


def _delete_documents(ids: set[int] | None) -> None:
    """Delete these document rows (all when None) in plain SQL: the index entries are
    the caller's business, so the receiver that follows ORM deletes must not run."""
    with connection.cursor() as cursor:
        if ids is None:
            cursor.execute(f"DELETE FROM {DOCUMENTS}")
            return
        ids = sorted(ids)
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start : start + BATCH_SIZE]
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(f"DELETE FROM {DOCUMENTS} WHERE article_id IN ({marks})", chunk)
