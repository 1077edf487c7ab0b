"""Reads that feeds and sitemaps share."""

from datetime import datetime


def newest_live(articles, limit: int) -> list[tuple[datetime, int]]:
    """``(published_at, id)`` of the newest published articles among ``articles``,
    read down the ``article_live`` index and stopped after ``limit`` rows."""
    return list(articles.published().latest_first().values_list("live_from", "id")[:limit])
