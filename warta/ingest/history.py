"""What an import line carries of an article's past: its Ralat and Hak Jawab, and how
many revisions it went through.

Both exist so that ``warta export`` and ``warta import`` are each other's inverse: an
exported site imported into an empty database exports to the same file.

* Corrections are records of their own (the Press Council wants them kept, with their
  time). An import adds the ones an article lacks, matched by kind, time and text, and
  never removes one, so importing a file twice adds nothing the second time.
* Revisions are the desk's, and their content does not travel (it names rows of the
  old database). The count does: ``ImportedHistory`` keeps the revisions the article
  had before it came here, so its total (those plus the desk's own) is the line's.
  The desk's revisions are counted through the ORM relation ``Article.revisions``;
  ingest does not import the desk.
"""

from collections.abc import Iterable
from datetime import datetime

from django.db import connection
from django.db.models import Count, Max

from warta.common.sanitize import sanitize_body
from warta.newsroom.models import Article, Correction

from . import bulk_sql
from .models import ImportedHistory
from .schema import CorrectionLine


def write_corrections(items: Iterable[tuple[int, list[CorrectionLine] | None]]) -> None:
    """Give each article the corrections of its line it does not have yet, and set its
    ``last_corrected_at`` to the latest one's time."""
    wanted = {article_id: lines for article_id, lines in items if lines}
    if not wanted:
        return
    have = set(
        Correction.objects.filter(article_id__in=wanted).values_list(
            "article_id", "kind", "created_at", "body"
        )
    )
    adapt = connection.ops.adapt_datetimefield_value
    rows = []
    for article_id, lines in wanted.items():
        for line in lines:
            body = sanitize_body(line.body)
            key = (article_id, line.kind, line.at, body)  # aware datetimes compare as instants
            if key not in have:
                have.add(key)
                rows.append((article_id, line.kind, body, adapt(line.at)))
    bulk_sql.insert(Correction, ["article", "kind", "body", "created_at"], rows)
    latest = (
        Correction.objects.filter(article_id__in=wanted)
        .values("article_id")
        .annotate(latest=Max("created_at"))
        .values_list("latest", "article_id")
    )
    bulk_sql.update(
        Article, ["last_corrected_at"], [(adapt(when), article_id) for when, article_id in latest]
    )


def write_revision_counts(items: Iterable[tuple[int, int | None]], *, new: set[int]) -> None:
    """Record, for each article whose line gives ``revisions``, how many of them the
    desk's own revisions do not account for. ``new``: articles created by this batch
    (no revisions, no record yet)."""
    counts = {article_id: total for article_id, total in items if total is not None}
    if not counts:
        return
    existing = [article_id for article_id in counts if article_id not in new]
    own = dict(
        Article.objects.filter(id__in=existing)
        .annotate(revision_count=Count("revisions"))
        .values_list("id", "revision_count")
    )
    rows = [
        (article_id, max(0, total - own.get(article_id, 0))) for article_id, total in counts.items()
    ]
    # A new article with no earlier revisions needs no record; an existing one may
    # hold a record that must come down to 0.
    rows = [(article_id, before) for article_id, before in rows if before or article_id not in new]
    bulk_sql.upsert(
        ImportedHistory, ["article", "revisions"], rows, unique=["article"], update=["revisions"]
    )


def revision_counts(first_id: int, last_id: int) -> dict[int, int]:
    """The revisions of each article with an id from ``first_id`` to ``last_id``: the
    desk's, plus those it had before it was imported. (A range, not a list of ids: an
    export reads articles in id order, and a range is cheaper to ask for.)"""
    span = (first_id, last_id)
    counts = dict(
        Article.objects.filter(id__range=span)
        .annotate(revision_count=Count("revisions"))
        .values_list("id", "revision_count")
    )
    earlier = ImportedHistory.objects.filter(article_id__gte=first_id, article_id__lte=last_id)
    for article_id, before in earlier.values_list("article_id", "revisions"):
        counts[article_id] = counts.get(article_id, 0) + before
    return counts


def corrections_of(first_id: int, last_id: int) -> dict[int, list[tuple[str, datetime, str]]]:
    """The corrections of each article with an id from ``first_id`` to ``last_id``, as
    ``(kind, time, body)``, oldest first."""
    result: dict[int, list[tuple[str, datetime, str]]] = {}
    rows = (
        Correction.objects.filter(article_id__gte=first_id, article_id__lte=last_id)
        .order_by("article_id", "created_at", "id")
        .values_list("article_id", "kind", "created_at", "body")
    )
    for article_id, kind, at, body in rows:
        result.setdefault(article_id, []).append((kind, at, body))
    return result
