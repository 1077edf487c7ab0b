"""Page caching: how long lists and pages may be kept, and the page caches in front of
the app (warta/edge/). Part of warta.settings, which imports every name here."""

import os

from django.core.exceptions import ImproperlyConfigured

from . import environment
from .environment import whole_number

# How long short lists (UPDATE, navigation) may be served from the cache. A scheduled
# article comes due with no event to drop them: this plus a page's s-maxage and
# stale-while-revalidate (30 + 20) is how late it can reach the lists, within 60 s.
LIST_CACHE_SECONDS = whole_number("WARTA_LIST_CACHE_SECONDS", 10)

# Reader pages in browsers and shared caches (warta/common/http_cache.py): fresh this
# long, then served stale for up to PAGE_STALE_SECONDS while a fresh copy is fetched,
# so a list shows a change within the sum. An article's own page is refreshed on
# every cache node the moment it changes (warta/edge/).
PAGE_CACHE_SECONDS = whole_number("WARTA_PAGE_CACHE_SECONDS", 30)
PAGE_STALE_SECONDS = whole_number("WARTA_PAGE_STALE_SECONDS", 20)
# The page caches in front of the app (nginx from deploy/), as the app reaches them,
# and the secret their refresh requests carry.
CACHE_NODES = [
    url.strip().rstrip("/")
    for url in os.environ.get("WARTA_CACHE_NODES", "").split(",")
    if url.strip()
]
if any(not url.startswith(("http://", "https://")) for url in CACHE_NODES):
    raise ImproperlyConfigured(
        f"WARTA_CACHE_NODES lists base URLs such as http://10.0.0.5, not {CACHE_NODES!r}"
    )


def cache_refresh_secret() -> str:
    secret = environment.secret("WARTA_CACHE_REFRESH_SECRET")
    if secret and not (secret.isascii() and secret.replace("-", "").replace("_", "").isalnum()):
        # It is written into nginx's configuration as a literal.
        raise ImproperlyConfigured(
            "WARTA_CACHE_REFRESH_SECRET may hold only letters, digits, '-' and '_'."
        )
    if CACHE_NODES and len(secret) < 16:
        raise ImproperlyConfigured(
            "WARTA_CACHE_NODES is set, so WARTA_CACHE_REFRESH_SECRET (or _FILE) must be too: "
            "at least 16 characters, the same on every app server and cache node."
        )
    return secret


CACHE_REFRESH_SECRET = cache_refresh_secret()
# A node that does not answer within this is logged and skipped; saving never waits.
CACHE_REFRESH_TIMEOUT = 2.0
# Each refresh is sent again this much later: a reader's request the app answered just
# before the commit (or from a replica a moment behind) may reach a cache after it.
CACHE_REFRESH_REPEAT_SECONDS = 3.0
