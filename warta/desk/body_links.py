"""Which of the site's own pages an article's body links to: stories and previews.

A link is the site's own when it is rooted (``/ekonomi/read/…``) or names one of the
hosts the site answers to (``ALLOWED_HOSTS``); a story on another site, however much
its address looks like ours (``liputan6.com/news/read/5512345/…``), is not. The path
is resolved with the site's own URLconf, so query strings, fragments, old addresses
and shortened ones are understood exactly as the site understands them.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.http.request import validate_host
from django.urls import Resolver404, resolve

ARTICLE_VIEW = "portal:article"
ARTICLE_BY_ID_VIEW = "portal:article_by_id"
PREVIEW_VIEW = "portal:preview"


@dataclass
class SiteLinks:
    article_ids: set[int] = field(default_factory=set)
    previews: list[str] = field(default_factory=list)  # the hrefs, as written


def site_links(body: str) -> SiteLinks:
    found = SiteLinks()
    parser = _Hrefs()
    parser.feed(body or "")
    parser.close()
    for href in parser.hrefs:
        path = _own_path(href)
        if path is None:
            continue
        try:
            match = resolve(path)
        except Resolver404:
            continue
        if match.view_name == ARTICLE_VIEW:
            found.article_ids.add(int(match.kwargs["pk"]))
        elif match.view_name == ARTICLE_BY_ID_VIEW:
            pk = _id_in_shortened(match.kwargs["rest"])
            if pk is not None:
                found.article_ids.add(pk)
        elif match.view_name == PREVIEW_VIEW:
            found.previews.append(href)
    return found


class _Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # "&amp;" in a query is "&"
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def _own_path(href: str) -> str | None:
    """The path of a link to this site, or None for anything else."""
    try:
        parts = urlsplit(href.strip())
        host = parts.hostname
    except ValueError:  # a malformed address ("http://[::1") is nobody's page
        return None
    if parts.scheme not in ("", "http", "https"):
        return None  # mailto:, tel:, javascript: (the sanitizer drops that one anyway)
    if parts.netloc:
        if not host:
            return None
        if ":" in host:
            host = f"[{host}]"  # ALLOWED_HOSTS writes IPv6 addresses in brackets
        if not validate_host(host, _own_hosts()):
            return None
    elif parts.scheme:
        return None
    # A path not starting with "/" is relative to the article's own address, which no
    # editor means; the sanitizer's links are absolute or rooted.
    if not parts.path.startswith("/"):
        return None
    return unquote(parts.path)


def _own_hosts() -> list[str]:
    # "*" lets the site answer to any name, which says nothing about whose a link is.
    return [host for host in settings.ALLOWED_HOSTS if host != "*"]


def _id_in_shortened(rest: str) -> int | None:
    """The id in a shortened or mangled article address, read as the reader site reads
    it (the portal's ``article_by_id``): the last all-digit part, or the one before a
    trailing slug."""
    parts = [part for part in rest.split("/") if part]
    candidates = parts[-1:] if parts and parts[-1].isdigit() else parts[-2:-1]
    text = candidates[0] if candidates else ""
    if text.isascii() and text.isdigit() and len(text) <= 18:
        return int(text)
    return None
