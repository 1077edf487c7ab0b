"""Django's Redis cache, except that Redis being away is a cache miss, not an error.

Everything Warta keeps in the cache can be rebuilt from the database (lists, rendered
blocks, Populer, Baca Juga), so when Redis stops answering, pages should be served
the slow way rather than fail. While Redis is unreachable the cache behaves like an
empty one that keeps nothing: reads miss, writes are dropped, ``add`` succeeds (the
key is absent), ``incr`` raises ``ValueError`` (the key is absent), exactly as when
Redis has been restarted empty.

Why a subclass rather than django-redis with ``IGNORE_EXCEPTIONS``: this keeps
Django's own client, key format and serializer, which other code already relies on
(the beacon's Redis counters reach the same server through it), and the whole policy
fits on a screen. After a failure Redis is left alone for ``RETRY_AFTER_SECONDS``:
a Redis host that has vanished from the network would otherwise cost every cache
call its connect timeout.
"""

import logging
import time
from urllib.parse import urlsplit

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

OUTAGE = (RedisConnectionError, RedisTimeoutError)
RETRY_AFTER_SECONDS = 1.0


class ForgivingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._down_until = 0.0
        self._down = False
        # For the log: where Redis is, without the password a URL may carry.
        address = urlsplit(self._servers[0])
        self._where = f"{address.hostname}:{address.port or 6379}{address.path}"

    def _attempt(self, operation, on_outage, *args):
        if self._down and time.monotonic() < self._down_until:
            return on_outage()
        try:
            result = operation(*args)
        except OUTAGE as exc:
            self._went_away(exc)
            return on_outage()
        if self._down:
            self._down = False
            logger.warning("Redis cache %s answers again", self._where)
        return result

    def _went_away(self, exc: Exception) -> None:
        if not self._down:
            logger.warning(
                "Redis cache %s is unreachable (%s); serving without it", self._where, exc
            )
        self._down = True
        self._down_until = time.monotonic() + RETRY_AFTER_SECONDS

    def get(self, key, default=None, version=None):
        return self._attempt(super().get, lambda: default, key, default, version)

    def get_many(self, keys, version=None):
        return self._attempt(super().get_many, dict, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(super().has_key, lambda: False, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().add, lambda: True, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set, lambda: None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # Django's contract: the keys that could not be stored.
        return self._attempt(super().set_many, lambda: list(data), data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().touch, lambda: False, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        def absent():
            raise ValueError(f"Key '{key}' not found.")

        return self._attempt(super().incr, absent, key, delta, version)

    def delete(self, key, version=None):
        return self._attempt(super().delete, lambda: False, key, version)

    def delete_many(self, keys, version=None):
        return self._attempt(super().delete_many, lambda: None, keys, version)

    def clear(self):
        return self._attempt(super().clear, lambda: False)
