"""The addresses a WordPress site gave a post or a category, as lookup keys.

WordPress answers one post under several permalink structures over a site's life
(``/2024/05/14/slug/``, ``/2024/05/slug/``, ``/slug/``), with or without the
trailing slash, and with non-Latin slugs percent-encoded. A post is stored once, by
its slug, in one normal shape (decoded, lower case, no trailing slash); a request's
path is brought to the same shape, and looked up with its date taken out too.
"""

import re
from urllib.parse import unquote, urlsplit

MAX_KEY_LENGTH = 600
# ``…/2024/05/14/slug`` and ``…/2024/05/slug`` (after any folder the site lived in).
_DATED = re.compile(r"^(.*?)/\d{4}/\d{2}(?:/\d{2})?/(?=[^/]+$)")


def legacy_key(path: str) -> str:
    """``/2024/05/Pemilu-%E6%97%A5/`` → ``/2024/05/pemilu-日``: how old paths are matched.

    Request paths reach Django already decoded; decoding again is harmless for them
    and needed for the encoded slugs an export holds.
    """
    decoded = unquote(path, errors="replace") if "%" in path else path
    # PostgreSQL text cannot hold NUL; no real address has one, so it becomes U+FFFD.
    key = "/" + decoded.replace("\x00", "\ufffd").strip("/").lower()
    return key[:MAX_KEY_LENGTH]


def site_prefix(site_url: str) -> str:
    """The path a site lives under: ``""`` for ``https://lama.example``,
    ``/berita`` for ``https://example.com/berita/``."""
    return urlsplit(site_url).path.rstrip("/")


def post_keys(prefix: str, slug: str, link: str) -> set[str]:
    """The keys a post is stored under (its ``?p=ID`` form is looked up by id instead).

    The date forms (``/2024/05/14/slug/``, ``/2024/05/slug/``) are not stored: a
    request's path is looked up with its date taken out as well (``lookup_keys``), so
    one row per post serves all three forms, as WordPress itself finds a post by its
    slug when the date in a link is wrong.
    """
    keys = set()
    if slug:
        keys.add(legacy_key(f"{prefix}/{slug}"))
    # The post's own permalink covers custom structures (``/%category%/%postname%/``).
    parts = urlsplit(link)
    if parts.path.strip("/") and not parts.query:
        key = legacy_key(parts.path)
        if _DATED.sub(r"\1/", key) not in keys:
            keys.add(key)
    return keys


def lookup_keys(path: str) -> list[str]:
    """What a request's path may have been stored as: itself, and without its date."""
    key = legacy_key(path)
    undated = _DATED.sub(r"\1/", key)
    return [key] if undated == key else [key, undated]


def category_keys(prefix: str, nicenames: list[str]) -> set[str]:
    """``/category/parent/child/`` as WordPress builds it, and ``/category/child/``,
    which WordPress also answers."""
    if not nicenames:
        return set()
    return {
        legacy_key(f"{prefix}/category/{'/'.join(nicenames)}"),
        legacy_key(f"{prefix}/category/{nicenames[-1]}"),
    }


def tag_key(prefix: str, nicename: str) -> str:
    return legacy_key(f"{prefix}/tag/{nicename}")


def post_id_from_query(value: str) -> int | None:
    """The id in ``?p=123``; None for anything else (``?p=abc``, a 40-digit number)."""
    value = value.strip()
    if value.isascii() and value.isdigit() and len(value) <= 18:
        return int(value)
    return None
