"""The page caches in front of the app, as the app tells them a page changed.

One class per kind of node, each with one method, ``refresh(paths)``, that makes the
node's copies of those paths current or raises ``OSError``/``HTTPException``. Only
nginx (the configuration in deploy/) is built in; a CDN is another small class with
the same method calling the CDN's purge API (deploy/README.md shows one).
"""

import http.client
from urllib.parse import urlsplit

# The header deploy/nginx maps to proxy_cache_bypass: with the right secret, nginx
# fetches the page from the app and stores the answer in place of its copy. The app
# answers it from the primary database, never from a replica that may lag.
from warta.common.db_routing import REFRESH_HEADER


class NginxNode:
    """An nginx with Warta's configuration: a GET with the refresh header replaces the
    cached copy with the app's current answer (a 200, or the 301 or 410 that now
    stands there). There is no purge module in nginx's free version; a refresh is
    better anyway, since readers never meet an empty cache after a change."""

    def __init__(self, base_url: str, secret: str, timeout: float) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"a cache node is an http(s):// address, not {base_url!r}")
        self.base_url = base_url
        self._https = parts.scheme == "https"
        self._host = parts.hostname
        self._port = parts.port
        self._secret = secret
        self._timeout = timeout

    def __repr__(self) -> str:
        return f"NginxNode({self.base_url!r})"

    def refresh(self, paths: list[str]) -> None:
        kind = http.client.HTTPSConnection if self._https else http.client.HTTPConnection
        connection = kind(self._host, self._port, timeout=self._timeout)
        try:
            for path in paths:
                connection.request(
                    "GET",
                    path,
                    headers={REFRESH_HEADER: self._secret, "User-Agent": "warta-edge-refresh"},
                )
                response = connection.getresponse()
                # Read to the end: nginx finishes writing its cache entry as the app's
                # answer streams through, and the connection is reused for the next path.
                response.read()
                if response.status >= 500:
                    raise http.client.HTTPException(f"{path}: HTTP {response.status}")
        finally:
            connection.close()
