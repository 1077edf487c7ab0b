"""Reactions to newsroom events: the index follows every change the desk makes.

Imports are not indexed as they run (stemming every body would halve the import
rate); `warta reindex` indexes them afterwards, and `make run` runs it after the demo.
"""

from django.dispatch import receiver

from warta.newsroom.signals import article_changed

from .indexing import index_articles


@receiver(article_changed, dispatch_uid="search.index_changed_article")
def index_changed_article(sender, article_id=None, **kwargs) -> None:
    """Published, edited, corrected: indexed again; withdrawn: removed at once."""
    if article_id is not None:
        index_articles(article_ids=[article_id])
