"""Helpers for related-article tests: stories the desk has published (and indexed)."""

from datetime import timedelta

from django.utils import timezone

from tests.factories import make_article
from tests.search.conftest import changed
from warta.newsroom.models import Article


def story(title: str, *, days_ago: float = 0, **fields) -> Article:
    """A live article as the desk leaves it: published, indexed, its list computed."""
    published_at = timezone.now() - timedelta(days=days_ago, seconds=1)
    fields.setdefault("lead", "")
    fields.setdefault("body", "")
    return changed(make_article(title=title, published_at=published_at, **fields))


def set_status(article: Article, status: str) -> Article:
    """What the desk's workflow does to an article's status, and the signal it sends."""
    Article.objects.filter(pk=article.pk).update(status=status)
    article.refresh_from_db()
    return changed(article)
