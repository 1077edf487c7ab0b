"""``{% preview_link original as link %}``: the signed preview address of an article.

The reader-side view lives in the portal, which the desk never imports; its address
is reversed by name.
"""

from django import template
from django.urls import reverse

from ..previews import max_age_seconds, preview_token

register = template.Library()


@register.simple_tag(takes_context=True)
def preview_link(context, article) -> str:
    """The full address (scheme and host included), ready to paste into a chat."""
    path = reverse("portal:preview", kwargs={"token": preview_token(article)})
    request = context.get("request")
    return request.build_absolute_uri(path) if request is not None else path


@register.simple_tag
def preview_hours() -> int:
    """How long a link stays valid, in whole hours, for the panel's text."""
    return max_age_seconds() // 3600
