"""Reactions to newsroom events: lists follow the desk, imports are computed later.

An import drops the lists of the articles it wrote instead of computing them: at
some 30 ms an article (measured on the benchmark corpus) that would take ``warta
import`` from thousands of articles a second to a few dozen. Each list is computed
when its article is first read, or ahead of time by ``warta related``.
"""

from django.dispatch import receiver

from warta.newsroom.signals import article_changed, articles_imported

from .selectors import forget_related_blocks
from .services import related_forget, related_refresh


@receiver(article_changed, dispatch_uid="related.refresh_changed_article")
def refresh_changed_article(sender, article_id=None, **kwargs) -> None:
    """Published or edited: computed again (after search, which indexes it first)."""
    if article_id is not None:
        related_refresh(article_id=article_id)
    forget_related_blocks()


@receiver(articles_imported, dispatch_uid="related.forget_imported")
def forget_imported(sender, article_ids=(), **kwargs) -> None:
    related_forget(article_ids=article_ids)
    forget_related_blocks()
