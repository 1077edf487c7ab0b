"""Cache headers for reader pages.

Reader pages are the same for every reader, so browsers and shared caches (nginx,
a CDN) may keep them briefly. ``stale-while-revalidate`` lets a cache answer at once
with the previous copy while it fetches a fresh one, so a list page shows a change
within ``PAGE_CACHE_SECONDS + PAGE_STALE_SECONDS`` however rarely it is read. An
article's own page does not wait for that: the edge app asks every cache node to
fetch it again the moment it changes (see ``warta.edge``).

The answers that replace a page when it changes are cacheable too, or a cache would
keep the old page: the 301 of a renamed article and the 410 of a withdrawn one. A
404 may be an article scheduled to appear any second (scheduling needs no event),
so it is kept only ``MISSING_PAGE_SECONDS``.

Every page also carries a strong ``ETag`` (a hash of its body), so a browser or a
cache revalidating an expired copy gets a bodiless 304 when nothing changed.
"""

from functools import wraps

from django.conf import settings
from django.utils.cache import patch_cache_control
from django.views.decorators.http import conditional_page

# The answers a reader page may give that a shared cache should keep: the page, its
# permanent redirect, its revalidation, its removal.
CACHEABLE_STATUSES = frozenset({200, 301, 304, 410})
MISSING_PAGE_SECONDS = 10


def public_page(view):
    """Mark a reader view's answers as public and short-lived, with ETag and 304."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code in CACHEABLE_STATUSES:
            mark_public(response)
        return response

    # conditional_page runs after the headers are set, so a 304 carries them too.
    return conditional_page(wrapper)


def mark_public(response, seconds: int | None = None) -> None:
    """Let every cache keep ``response`` for ``seconds`` (the page default), unless the
    view already said otherwise."""
    if response.has_header("Cache-Control"):
        return
    if seconds is None:
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_SECONDS,
            s_maxage=settings.PAGE_CACHE_SECONDS,
            stale_while_revalidate=settings.PAGE_STALE_SECONDS,
        )
    else:
        patch_cache_control(response, public=True, max_age=seconds, s_maxage=seconds)
