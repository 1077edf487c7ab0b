"""Tags for the article change form's editing state: who else is editing it (the soft
lock banner), and an autosaved draft of a live article that readers do not see yet."""

from django import template

from ..locks import LockHolder, lock_holder
from ..models import Revision
from ..services.revisions import pending_live_draft

register = template.Library()


@register.simple_tag
def edit_lock_holder(article, user) -> LockHolder | None:
    """The person editing ``article`` now, unless that is ``user`` or nobody."""
    holder = lock_holder(article.pk)
    if holder is None or holder.user_id == user.pk:
        return None
    return holder


@register.simple_tag
def live_draft(article) -> tuple[Revision, Revision] | None:
    """``(what readers see, the newer autosaved draft)`` for a live article, or None."""
    return pending_live_draft(article)
