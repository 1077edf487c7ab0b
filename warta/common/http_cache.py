"""Cache headers for reader pages.

Reader pages are the same for every reader, so browsers and shared caches (nginx,
a CDN) may keep them briefly; ``stale-while-revalidate`` lets a cache answer at once
with the previous copy while it fetches a fresh one.
"""

from functools import wraps

from django.utils.cache import patch_cache_control

PAGE_MAX_AGE = 60
PAGE_STALE_WHILE_REVALIDATE = 60


def public_page(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.has_header("Cache-Control"):
            patch_cache_control(
                response,
                public=True,
                max_age=PAGE_MAX_AGE,
                s_maxage=PAGE_MAX_AGE,
                stale_while_revalidate=PAGE_STALE_WHILE_REVALIDATE,
            )
        return response

    return wrapper
