"""The reader site's reactions to newsroom events."""

from django.dispatch import receiver

from warta.newsroom.signals import article_changed

from .fragments import forget_blocks


@receiver(article_changed, dispatch_uid="portal.forget_blocks")
def drop_cached_blocks(sender, **kwargs) -> None:
    # Receivers run in app order; the lists these blocks are built from were dropped
    # by newsroom and audience, so the next page renders fresh blocks.
    forget_blocks()
