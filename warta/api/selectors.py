"""The reads behind the API: published articles only, a few queries per answer."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, prefetch_related_objects
from django.utils import timezone

from warta.common.keyset import Cursor, KeysetPage, keyset_page
from warta.newsroom.models import Article, Reporter, Section, Tag
from warta.newsroom.selectors import article_for_reading, is_withdrawn


class UnknownFilter(ValueError):
    """A filter names a section, tag or reporter that does not exist."""


class ArticleGone(LookupError):
    """The article was withdrawn (410), as opposed to never published (404)."""


@dataclass(frozen=True)
class ArticleFilters:
    section: str | None = None
    tag: str | None = None
    reporter: str | None = None
    since: datetime | None = None


def _pk_of(model, slug: str, label: str) -> int:
    # Looked up first, so that a misspelt slug is an error rather than an empty list.
    pk = model.objects.filter(slug=slug).values_list("pk", flat=True).first()
    if pk is None:
        raise UnknownFilter(f"unknown {label} {slug!r}")
    return pk


def published_articles_page(
    filters: ArticleFilters, *, cursor: str | None, size: int
) -> KeysetPage:
    """One page, newest first, of the published articles matching ``filters``.

    Raises UnknownFilter and keyset.InvalidCursor.

    "Published" covers two statuses (published, and scheduled once due); with both in
    one query the database must sort every live article to find the newest (100 ms
    and more at 100,000 articles). One keyset walk per status instead reads each
    status's slice of the (status, published_at, id) indexes in order and stops
    after a page; the newest ``size`` of the two pages are the page.
    """
    # Published by now and, past the first page, no later than the cursor: one upper
    # bound, which the index can seek to (the cursor's own condition is an OR it
    # cannot, and of two bounds SQLite seeks by one and filters by the other).
    bound = timezone.now()
    if cursor:
        bound = min(bound, Cursor.decode(cursor).moment)
    articles = Article.objects.published(bound)
    if filters.section:
        articles = articles.filter(section_id=_pk_of(Section, filters.section, "section"))
    if filters.tag:
        articles = articles.filter(tags=_pk_of(Tag, filters.tag, "tag"))
    if filters.reporter:
        articles = articles.filter(reporter_id=_pk_of(Reporter, filters.reporter, "reporter"))
    if filters.since:
        articles = articles.filter(published_at__gte=filters.since)
    articles = articles.select_related("section", "reporter", "lead_photo").defer("body")
    pages = [
        keyset_page(articles.filter(status=status), cursor, size)
        for status in Article.LIVE_STATUSES
    ]
    newest = sorted(
        (article for page in pages for article in page.items),
        key=lambda article: (article.published_at, article.pk),
        reverse=True,
    )
    items = newest[:size]
    more = len(newest) > size or any(page.next_cursor for page in pages)
    next_cursor = Cursor(items[-1].published_at, items[-1].pk).encode() if more else None
    prefetch_related_objects(
        items, Prefetch("tags", queryset=Tag.objects.only("id", "name", "slug"))
    )
    return KeysetPage(items=items, next_cursor=next_cursor, is_first=not cursor)


def published_article(pk: int) -> Article:
    """A published article with its section, reporter and lead photo.

    Raises ArticleGone when it was withdrawn and Article.DoesNotExist when readers
    cannot see it for any other reason (never existed, draft, not due yet).
    """
    article = article_for_reading(pk)
    if article is not None:
        return article
    if is_withdrawn(pk):
        raise ArticleGone(pk)
    raise Article.DoesNotExist(pk)
