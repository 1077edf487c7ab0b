"""Who is asking, without cookies: the client IP and a visitor fingerprint.

Each function takes the request's WSGI environ (``request.META`` in a Django view), so
the beacon's shortcut past Django's request cycle uses them too.
"""

import functools
import hashlib
from collections.abc import Mapping

from django.conf import settings

from warta.common.client_address import client_ip, subscriber_network

__all__ = ["client_ip", "client_key", "reader_keys", "visitor_key"]


def visitor_key(meta: Mapping[str, str]) -> str:
    """A stable, non-reversible name for one reader: hash of client IP and User-Agent."""
    return reader_keys(meta)[1]


def client_key(meta: Mapping[str, str]) -> str:
    """A non-reversible name for the client's address (an IPv6 client's /64): the key
    of the rate limit and of the cap on views per article."""
    return reader_keys(meta)[0]


def reader_keys(meta: Mapping[str, str]) -> tuple[str, str]:
    """``(client_key, visitor_key)`` together, the address worked out once (the beacon's
    every request needs both)."""
    address = client_ip(meta)
    user_agent = meta.get("HTTP_USER_AGENT", "")
    return _digest(subscriber_network(address)), _digest(f"{address}\n{user_agent}")


def _digest(text: str) -> str:
    # Keyed with the secret so the stored keys cannot be matched back to addresses.
    key = _hash_key(settings.SECRET_KEY)
    return hashlib.blake2b(text.encode(errors="replace"), key=key, digest_size=16).hexdigest()


@functools.cache
def _hash_key(secret: str) -> bytes:
    return hashlib.sha256(secret.encode()).digest()
