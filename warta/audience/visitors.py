"""Who is asking, without cookies: the client IP and a visitor fingerprint."""

import hashlib
import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address: REMOTE_ADDR, or the X-Forwarded-For hop our own proxies added.

    With ``settings.TRUSTED_PROXY_COUNT`` = n, each of our n proxies appended the
    address it saw, so the client is the n-th hop from the right; anything further
    left was written by the client and could be forged.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if hops:
            # Fewer hops than proxies means a misconfiguration; the leftmost is the best guess.
            candidate = hops[-proxies] if len(hops) >= proxies else hops[0]
            return _normalised(candidate) or _normalised(remote) or ""
    return _normalised(remote) or ""


def visitor_key(request: HttpRequest) -> str:
    """A stable, non-reversible name for one reader: hash of client IP and User-Agent."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")
    return _digest(f"{client_ip(request)}\n{user_agent}")


def client_key(request: HttpRequest) -> str:
    """A non-reversible name for the client address (the rate limit's key)."""
    return _digest(client_ip(request))


def _digest(text: str) -> str:
    # Keyed with the secret so the stored keys cannot be matched back to addresses.
    key = hashlib.sha256(settings.SECRET_KEY.encode()).digest()
    return hashlib.blake2b(text.encode(errors="replace"), key=key, digest_size=16).hexdigest()


def _normalised(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None
