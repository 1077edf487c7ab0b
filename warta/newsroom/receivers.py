"""The newsroom's own reactions to its events."""

from django.dispatch import receiver

from .selectors import forget_lists
from .signals import article_changed


@receiver(article_changed, dispatch_uid="newsroom.forget_lists")
def drop_cached_lists(sender, **kwargs) -> None:
    forget_lists()
