"""Absolute addresses of articles, formatted from plain rows.

Feeds and sitemaps list up to a thousand articles per response, and ``reverse()`` per
article costs more than the rest of its entry. The article route is reversed once per
request with placeholder values and its shape reused for every row, so the portal's
URL pattern stays the one place that defines an article's address.
"""

from datetime import datetime
from urllib.parse import quote

from django.urls import reverse
from django.utils import timezone
from django.utils.http import RFC3986_SUBDELIMS

# Placeholder arguments, each a whole path segment no real value of another field can be.
_PLACEHOLDERS = {
    "section": "section-placeholder",
    "year": "1111",
    "month": "02",
    "day": "03",
    "pk": "444444",
    "slug": "slug-placeholder",
}
# What reverse() leaves unquoted in a path argument.
_SAFE = RFC3986_SUBDELIMS + "/~:@"


class ArticleAddresses:
    """``article(row)``: the absolute address of an article page, as
    ``Article.get_absolute_url()`` gives it (with ``base``, ``scheme://host``, before it)."""

    def __init__(self, base: str):
        path = reverse("portal:article", kwargs=_PLACEHOLDERS)
        fields = {value: name for name, value in _PLACEHOLDERS.items()}
        segments = [
            f"{{{fields[segment]}}}"
            if segment in fields
            else segment.replace("{", "{{").replace("}", "}}")
            for segment in path.split("/")
        ]
        self._template = base.replace("{", "{{").replace("}", "}}") + "/".join(segments)
        # The date in the address is the site's, as get_absolute_url() takes it.
        self._zone = timezone.get_current_timezone()

    def article(self, *, pk: int, slug: str, section_slug: str, published_at: datetime) -> str:
        local = published_at.astimezone(self._zone)
        return self._template.format(
            section=quote(section_slug, safe=_SAFE),
            year=f"{local.year:04d}",
            month=f"{local.month:02d}",
            day=f"{local.day:02d}",
            pk=pk,
            slug=quote(slug, safe=_SAFE),
        )
