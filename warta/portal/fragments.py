"""Rendered blocks that are the same on every page: the Populer and UPDATE boxes.

Their data is already cached (see audience.selectors and newsroom.selectors); caching
the rendered HTML as well spares every page view seventeen list items of template
work. Each block lives at most LIST_CACHE_SECONDS on top of its data's own cache
time, so a newly published article reaches UPDATE within a minute.
"""

from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from warta.audience.selectors import popular_articles
from warta.newsroom.selectors import latest_links

UPDATE_LENGTH = 10


BLOCK_KEYS = ("portal:block:popular", "portal:block:update")


def forget_blocks() -> None:
    cache.delete_many(BLOCK_KEYS)


def _cached_block(key: str, template: str, build_context) -> SafeString:
    html = cache.get(key)
    if html is None:
        html = render_to_string(template, build_context())
        cache.set(key, html, settings.LIST_CACHE_SECONDS)
    return mark_safe(html)


def popular_box() -> SafeString:
    return _cached_block(
        "portal:block:popular",
        "portal/components/popular_box.html",
        lambda: {"popular": popular_articles()},
    )


def update_box() -> SafeString:
    return _cached_block(
        "portal:block:update",
        "portal/components/update_box.html",
        lambda: {"latest": latest_links(UPDATE_LENGTH)},
    )
