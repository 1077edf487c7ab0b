"""Reading the "Baca Juga" block: one query per article page."""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError

from warta.common.lock_wait import lock_wait
from warta.newsroom.models import Article
from warta.newsroom.selectors import ArticleLink

from .finding import SHOWN, find_related
from .models import RelatedArticle
from .services import related_store

logger = logging.getLogger(__name__)

# What a headline link needs of the related article, and what ``is_live`` checks.
_FIELDS = (
    "rank", "related__id", "related__title", "related__slug", "related__status",
    "related__published_at", "related__section__slug",
)  # fmt: skip


# How long a reader's request waits for another writer before it skips storing a list
# (a desk save holds the lock for some milliseconds; an import for its whole run).
STORE_LOCK_WAIT_SECONDS = 0.2

# Every cached block's key carries this number; any change to any article (a
# withdrawal must leave every block at once) moves it, so no block needs finding.
GENERATION_KEY = "related:generation"


def forget_related_blocks() -> None:
    cache.set(GENERATION_KEY, time.time_ns(), None)


def related_links(article: Article) -> list[ArticleLink]:
    """The block of a live article, from the shared cache for ``LIST_CACHE_SECONDS``.

    Most page views are of a few articles; reading the block from the cache spares
    them the query (and the ORM's work building it), which was a third of a warm
    article page's time.
    """
    if not article.is_live:  # a preview: never cached
        return _related_links(article)
    generation = cache.get_or_set(GENERATION_KEY, time.time_ns, None)
    key = f"related:block:{article.pk}:{generation}"
    links = cache.get(key)
    if links is None:
        links = _related_links(article)
        cache.set(key, links, settings.LIST_CACHE_SECONDS)
    return links


def _related_links(article: Article) -> list[ArticleLink]:
    """Up to ``SHOWN`` related articles readers may see now, best first.

    One query reads the stored list with the articles it names; a withdrawn or not
    yet published one is skipped right there, so it leaves every block at once. An
    article without a list (imported, or published before lists existed) gets one
    now, stored for the next reader; only a site with no other live article has an
    empty list, and computing that again costs next to nothing. A draft in preview
    gets a list that is not stored.
    """
    rows = _stored(article.pk)
    if rows:
        related = [row.related for row in rows]
    else:
        found = find_related(article)
        if article.is_live:
            try:
                # Storing only saves the next reader the work: while another writer
                # holds the lock (an import, a restore) this reader gets the list
                # unstored rather than wait out SQLite's busy timeout for it.
                with lock_wait(STORE_LOCK_WAIT_SECONDS):
                    related_store(article=article, found=found)
            except DatabaseError as exc:
                logger.info("Baca Juga list of article %s not stored: %s", article.pk, exc)
        related = _articles(found)
    return [ArticleLink.of(item) for item in related if item.is_live][:SHOWN]


def _articles(ids: list[int]) -> list[Article]:
    """These articles in this order, as the block shows them (any gone are skipped)."""
    by_id = (
        Article.objects.select_related("section")
        .only(*(name.removeprefix("related__") for name in _FIELDS[1:]))
        .in_bulk(ids)
    )
    return [by_id[pk] for pk in ids if pk in by_id]


def _stored(article_id: int) -> list[RelatedArticle]:
    return list(
        RelatedArticle.objects.filter(article_id=article_id)
        .select_related("related__section")
        .only(*_FIELDS)
        .order_by("rank")
    )
