"""Reads that feeds and sitemaps share."""

from datetime import datetime

from django.utils import timezone

from warta.newsroom.models import Article


def newest_live(articles, limit: int) -> list[tuple[datetime, int]]:
    """``(published_at, id)`` of the newest published articles among ``articles``.

    Read status by status, each down its own part of the ``article_latest`` index
    (status, newest first) and stopped after ``limit`` rows; ``published()`` asks for
    both statuses at once, which SQLite answers by sorting every live article.
    """
    now = timezone.now()
    rows = []
    for status in Article.LIVE_STATUSES:
        rows += (
            articles.filter(status=status, published_at__lte=now)
            .order_by("-published_at", "-id")
            .values_list("published_at", "id")[:limit]
        )
    return sorted(rows, reverse=True)[:limit]
