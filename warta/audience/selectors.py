"""Populer: the articles readers actually read, most-read first."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone

from warta.newsroom.models import Article
from warta.newsroom.selectors import ArticleLink

from .models import ArticleViewHour


def popular_articles(limit: int | None = None) -> list[ArticleLink]:
    """The most-read published articles of the last ``POPULAR_WINDOW_DAYS`` days.

    Served from the cache, recomputed at most every ``POPULAR_CACHE_SECONDS``. When
    fewer than ``limit`` articles were read in the window, the newest published
    articles fill the rest so the box is never half empty.
    """
    limit = settings.POPULAR_LENGTH if limit is None else limit
    if limit <= 0:
        return []
    key = _cache_key(limit)
    links = cache.get(key)
    if links is None:
        links = _compute(limit)
        cache.set(key, links, timeout=settings.POPULAR_CACHE_SECONDS)
    return list(links)


def forget_popular_list() -> None:
    """Drop the cached list, so the next page computes it afresh."""
    cache.delete(_cache_key(settings.POPULAR_LENGTH))


def _cache_key(limit: int) -> str:
    return f"audience:popular:{settings.POPULAR_WINDOW_DAYS}:{limit}"


# Ranked ids fetched per wanted item: a few top ones may be withdrawn or unpublished.
CANDIDATES_PER_ITEM = 4


def _compute(limit: int) -> list[ArticleLink]:
    now = timezone.now()
    # Rank the window's buckets alone (the (hour, article) index covers the range),
    # then keep the live articles among the top candidates. Joining articles into the
    # ranking instead lets the planner walk every live article on a big archive.
    ranked = list(
        ArticleViewHour.objects.filter(hour__gte=now - timedelta(days=settings.POPULAR_WINDOW_DAYS))
        .values_list("article_id", flat=False)
        .annotate(total=Sum("views"))
        .filter(total__gt=0)
        .order_by("-total", "-article_id")[: limit * CANDIDATES_PER_ITEM]
    )
    ids = [article_id for article_id, _ in ranked]
    articles = {article.id: article for article in _links_query(now).filter(id__in=ids)}
    chosen = [articles[article_id] for article_id in ids if article_id in articles][:limit]
    if len(chosen) < limit:
        taken = [article.id for article in chosen]
        newest = _links_query(now).exclude(id__in=taken).latest_first()[: limit - len(chosen)]
        chosen.extend(newest)
    return [ArticleLink.of(article) for article in chosen]


def _links_query(now: datetime):
    return (
        Article.objects.published(now)
        .select_related("section")
        .only("id", "title", "slug", "published_at", "section__slug")
    )
