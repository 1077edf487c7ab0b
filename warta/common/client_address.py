"""Who is asking: the client's address as the app sees it behind its own proxies.

One rule for every part that keys something on the client (the view beacon's rate
limit and visitor fingerprint, the desk login's lockout), so a proxy set-up that
fools one cannot fool another.
"""

import ipaddress
from collections.abc import Mapping

from django.conf import settings


def client_ip(meta: Mapping[str, str]) -> str:
    """The client's address: REMOTE_ADDR, or the X-Forwarded-For hop our own proxies added.

    With ``settings.TRUSTED_PROXY_COUNT`` = n, each of our n proxies appended the
    address it saw, so the client is the n-th hop from the right; anything further
    left was written by the client and could be forged.
    """
    remote = meta.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        hops = [hop.strip() for hop in meta.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        hops = [hop for hop in hops if hop]
        if hops:
            # Fewer hops than proxies means a misconfiguration; the leftmost is the best guess.
            candidate = hops[-proxies] if len(hops) >= proxies else hops[0]
            return normalised(candidate) or normalised(remote) or ""
    return normalised(remote) or ""


def normalised(address: str) -> str | None:
    """``address`` in its canonical spelling, or None when it is no IP address."""
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def subscriber_network(address: str) -> str:
    """The part of ``address`` one subscriber holds whole: an IPv4 address itself, an
    IPv6 address's /64 network (an IPv4-mapped one as IPv4).

    Whatever counts or limits per client keys on this, since a subscriber can pick a
    fresh IPv6 address for every request within their /64. ``address`` is canonical
    (as ``client_ip`` returns it); anything else is returned unchanged.
    """
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:  # no address at all (an empty REMOTE_ADDR)
        return address
    if parsed.version == 4:
        return address
    if parsed.ipv4_mapped:
        return str(parsed.ipv4_mapped)
    return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
