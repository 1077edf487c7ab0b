"""The reads behind the API: published articles only, a few queries per answer."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Prefetch, prefetch_related_objects

from warta.common.keyset import KeysetPage, keyset_page, newest_shown
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
    """
    # One upper bound the index can seek to (the cursor's own condition is an OR).
    articles = Article.objects.published(newest_shown(cursor))
    if filters.section:
        articles = articles.filter(section_id=_pk_of(Section, filters.section, "section"))
    if filters.tag:
        articles = articles.filter(tags=_pk_of(Tag, filters.tag, "tag"))
    if filters.reporter:
        articles = articles.filter(reporter_id=_pk_of(Reporter, filters.reporter, "reporter"))
    if filters.since:
        articles = articles.filter(live_from__gte=filters.since)
    articles = articles.select_related("section", "reporter", "lead_photo").defer("body")
    page = keyset_page(articles, cursor, size, time_field="live_from")
    prefetch_related_objects(
        page.items, Prefetch("tags", queryset=Tag.objects.only("id", "name", "slug"))
    )
    return page


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
