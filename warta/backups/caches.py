"""After a restore, nothing cached from the database as it was may be served.

Lists, rendered blocks, Populer and sessions in the cache describe the old content.
The embedded cache (files under ``var/cache``) is simply cleared. With Redis, only the
cache's own keys go: the view counts waiting there (``warta:views:…``) are readers'
real views, which ``warta flush-views`` still writes (to articles that exist).
"""

from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

SCAN_BATCH = 1000


def forget_cached_content() -> str | None:
    """Drop the cached content; returns a warning when that was impossible."""
    cache = caches["default"]
    if not isinstance(cache, RedisCache):
        cache.clear()
        return None
    try:
        _delete_cache_keys(cache)
    except RedisError as exc:
        return (
            f"Redis did not answer ({exc}): its cached pages and lists expire within "
            "minutes, or delete the warta:1:* keys by hand"
        )
    return None


def _delete_cache_keys(cache: RedisCache) -> None:
    client = cache._cache.get_client(write=True)
    pattern = cache.make_key("*")
    batch = []
    for key in client.scan_iter(match=pattern, count=SCAN_BATCH):
        batch.append(key)
        if len(batch) >= SCAN_BATCH:
            client.delete(*batch)
            batch.clear()
    if batch:
        client.delete(*batch)
