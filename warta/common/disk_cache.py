"""The embedded default's shared cache: diskcache, kept open between requests.

Django closes every cache at the end of each request (``close_caches``). For
diskcache that means dropping its SQLite connections and reopening them, with their
PRAGMAs, on the next request: most of the cache's cost per page. Its connections are
per thread and safe to keep, so closing is left to process exit.
"""

from diskcache import DjangoCache


class PersistentDiskCache(DjangoCache):
    def close(self, **kwargs) -> None:
        pass
