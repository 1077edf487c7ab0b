"""Reactions to newsroom events."""

from django.dispatch import receiver

from warta.newsroom.signals import article_changed, articles_imported

from .counters import hour_of, set_views
from .selectors import forget_popular_list


@receiver(articles_imported, dispatch_uid="audience.store_imported_views")
def store_imported_views(sender, views=(), **kwargs) -> None:
    """Put each imported article's historical count in the bucket of its publishing hour.

    Runs inside the import's transaction; the counts are set, not added, so importing
    the same file again changes nothing.
    """
    set_views(
        (article_id, hour_of(published_at), count)
        for article_id, published_at, count in views
        if count is not None and count >= 0
    )


@receiver(article_changed, dispatch_uid="audience.forget_popular")
def forget_popular(sender, article_id=None, **kwargs) -> None:
    """A withdrawn article must leave Populer at once, not when the cache expires."""
    forget_popular_list()
