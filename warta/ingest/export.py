"""Every article as a line of the import schema (``schema.py``): ``warta export``.

The export is the import's inverse: imported into an empty database it makes the same
articles, and exporting those gives the same file, byte for byte. Hence:

* lines in id order, keys in one fixed order, compact JSON with UTF-8 as it is;
* times in UTC, ``2024-05-01T01:00:00Z`` (with ``.ffffff`` when they have microseconds);
* every value as the import would store it: text stripped as the schema strips it,
  HTML through the same sanitizer, tags once each in the order they were linked;
* optional keys left out when empty (``credit``, ``alt``, ``image``, ``views``,
  ``corrections``), so a line says no more than the article has.

Beyond the import's own fields a line carries ``status`` (every workflow status),
``revisions`` (how many saved versions the article went through) and
``corrections`` (Ralat and Hak Jawab with their times): see ``history.py``. What the
schema has no place for stays behind: placement flags, the desk's revisions
themselves, authors and editors, sections' and reporters' descriptions.

Articles are read 500 at a time by id, in one read-only snapshot (a REPEATABLE READ
transaction on PostgreSQL, a read transaction on SQLite, which in WAL mode blocks no
writer), so a site being edited exports as it stood at one moment and a million
articles need no more memory than a thousand.
"""

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.db import connection, transaction
from django.db.models import Sum
from pydantic import ValidationError

from warta.common.sanitize import sanitize_body
from warta.newsroom.models import Article

from .export_pictures import PictureFolder
from .history import corrections_of, revision_counts
from .schema import ArticleLine, reason

BATCH_SIZE = 500

_COLUMNS = (
    "id", "slug", "status", "published_at", "section__name", "reporter__name", "title",
    "lead", "body", "lead_photo_id", "lead_photo__caption", "lead_photo__credit",
    "lead_photo__alt_text", "lead_photo__image",
)  # fmt: skip


# How many refused lines a report describes (it counts them all).
REFUSED_EXAMPLES = 100


@dataclass
class ExportReport:
    articles: int = 0
    # Lines ``warta import`` would refuse: how many, and the first few with the reason.
    refused: int = 0
    refused_examples: list[str] = field(default_factory=list)


def export_articles(
    write: Callable[[str], object],
    *,
    pictures: PictureFolder | None = None,
    progress: Callable[[int], object] | None = None,
) -> ExportReport:
    """Write every article as one JSON line through ``write``; with ``pictures``,
    copy their lead photos' files there and name them in ``image``."""
    report = ExportReport()
    with read_snapshot():
        for batch in _batches():
            for line in _lines(batch, pictures):
                try:
                    ArticleLine.model_validate(line)
                except ValidationError as exc:
                    report.refused += 1
                    if len(report.refused_examples) < REFUSED_EXAMPLES:
                        report.refused_examples.append(f"article {line['id']}: {reason(exc)}")
                write(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
                report.articles += 1
            if progress:
                progress(len(batch))
    return report


def export_time(moment: datetime) -> str:
    """A time as every export writes it: UTC, ISO 8601, ``Z``."""
    utc = moment.astimezone(UTC)
    text = utc.strftime("%Y-%m-%dT%H:%M:%S")
    if utc.microsecond:
        text += f".{utc.microsecond:06d}"
    return text + "Z"


@contextmanager
def read_snapshot() -> Iterator[None]:
    """Every query inside sees the database as it stood at the first one."""
    if connection.in_atomic_block:  # a caller's transaction already is one (tests)
        yield
        return
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
        return
    # SQLite: Django's atomic() would BEGIN IMMEDIATE (settings), taking the write lock
    # for the whole export. A deferred transaction that only reads holds a WAL snapshot
    # and lets writers commit meanwhile.
    connection.ensure_connection()
    with connection.cursor() as cursor:
        cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            cursor.execute("ROLLBACK")


def _batches() -> Iterator[list[tuple]]:
    after = 0
    while True:
        batch = list(
            Article.objects.filter(id__gt=after).order_by("id").values_list(*_COLUMNS)[:BATCH_SIZE]
        )
        if not batch:
            return
        yield batch
        after = batch[-1][0]


def _lines(batch: list[tuple], pictures: PictureFolder | None) -> Iterator[dict]:
    # The batch is every article from its first id to its last: the other reads ask for
    # that range (cheaper to build and to run than a list of 500 ids).
    span = (batch[0][0], batch[-1][0])
    tags: dict[int, list[str]] = {}
    links = (
        Article.tags.through.objects.filter(article_id__gte=span[0], article_id__lte=span[1])
        .order_by("id")
        .values_list("article_id", "tag__name")
    )
    for article_id, name in links:
        tags.setdefault(article_id, []).append(name.strip())
    # The audience's hourly counters, read through the ORM relation (ingest does not
    # import the audience app); views still buffered or in Redis are not counted.
    views = dict(
        Article.objects.filter(id__range=span, view_hours__isnull=False)
        .annotate(total=Sum("view_hours__views"))
        .values_list("id", "total")
    )
    revisions = revision_counts(*span)
    corrections = corrections_of(*span)
    for row in batch:
        (article_id, slug, status, published_at, section, reporter, title, lead, body,
         photo_id, caption, credit, alt, image) = row  # fmt: skip
        line = {
            "id": article_id,
            "slug": slug,
            "status": status,
            "published_at": export_time(published_at),
            "section": section.strip(),
            "reporter": reporter.strip(),
            "title": title.strip(),
            "lead": lead.strip(),
            "body": sanitize_body(body),
            "tags": list(dict.fromkeys(tags.get(article_id, []))),
            "caption": caption.strip() if photo_id is not None else None,
        }
        if photo_id is not None:
            if credit.strip():
                line["credit"] = credit.strip()
            if alt.strip():
                line["alt"] = alt.strip()
            if image and pictures is not None:
                name = pictures.name_for(image, article_id)
                if name:
                    line["image"] = name
        if views.get(article_id):
            line["views"] = views[article_id]
        line["revisions"] = revisions.get(article_id, 0)
        if article_id in corrections:
            line["corrections"] = [
                {"kind": kind, "at": export_time(at), "body": sanitize_body(text)}
                for kind, at, text in corrections[article_id]
            ]
        yield line
