"""Helpers for search tests: articles that are indexed as the desk would index them."""

from warta.newsroom.models import Article
from warta.newsroom.signals import article_changed


def changed(article: Article) -> Article:
    """Send what the desk sends after commit when readers' view of an article changes."""
    article_changed.send(sender=Article, article_id=article.pk)
    return article
