"""The cache tier's reaction to newsroom events."""

import logging

from django.dispatch import receiver

from warta.newsroom.signals import article_changed

from .refresh import refresh_article

logger = logging.getLogger(__name__)


@receiver(article_changed, dispatch_uid="edge.refresh_article")
def refresh_cached_pages(sender, article_id=None, **kwargs) -> None:
    if article_id is None:
        return
    try:
        refresh_article(article_id)
    except Exception:
        # The change is committed; a cache that stays stale a little longer (until its
        # copy expires) must not turn the editor's save into an error page.
        logger.exception("could not ask the cache nodes to refresh article %s", article_id)
