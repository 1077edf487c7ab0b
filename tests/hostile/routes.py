"""Every address the URL resolver knows, and how to make hostile requests to each.

``url_patterns()`` walks the resolver; ``PUBLIC`` names each public pattern with the
query parameters its view (or a middleware in front of it) reads. A route added to
the site without an entry here fails ``test_every_public_route_has_a_strategy``, so
no address escapes the fuzzing. Paths are generated from the pattern itself: every
converter gets real values from the test's newsroom mixed with hostile ones.
"""

import re
from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import strategies as st

from .strategies import digits, nasty, numbers, slug_shaped, url_part

DESK = "redaksi/"

LIST = ["sebelum"]
API_LIST = ["section", "tag", "reporter", "since", "cursor", "limit"]
SITEMAP = ["p"]  # Django's sitemap views read the page number from ?p=

# pattern -> the query parameters read there (``p`` is added everywhere: the old
# WordPress address lookup reads it on any page that would otherwise be a 404).
PUBLIC: dict[str, list[str]] = {
    "": [],
    "indeks": ["tanggal", *LIST],
    "ralat": LIST,
    "tag/<slug:slug>": LIST,
    "wartawan/<slug:slug>": LIST,
    "<slug:section>": LIST,
    "<slug:section>/read/<yyyy:year>/<nn:month>/<nn:day>/<int:pk>/<str:slug>": [],
    "<slug:section>/read/<path:rest>": [],
    "pratinjau/<str:token>": [],
    "cari": ["q", "rubrik", "dari", "sampai", "halaman"],
    "favicon.ico": [],
    "b": [],
    "^media/(?P<path>.+)$": [],
    "feed/rss": [],
    "feed/atom": [],
    "feed/rubrik/<slug:slug>/rss": [],
    "feed/rubrik/<slug:slug>/atom": [],
    "feed/tag/<slug:slug>/rss": [],
    "feed/tag/<slug:slug>/atom": [],
    "feed/wartawan/<slug:slug>/rss": [],
    "feed/wartawan/<slug:slug>/atom": [],
    "sitemap.xml": SITEMAP,
    "sitemap-arsip-<int:year>.xml": SITEMAP,
    "sitemap-news.xml": SITEMAP,
    "sitemap-<str:section>.xml": SITEMAP,
    "robots.txt": [],
    "api/v1/openapi.json": [],
    "api/v1/": [],
    "api/v1/articles": API_LIST,
    "api/v1/articles/<id>": [],
    "api/v1/articles/<id>/ninjs": [],
    "api/v1/sections": [],
    "api/v1/popular": [],
    "api/v1/^(?P<rest>.*)$": API_LIST,
}

PUBLIC_ARTICLE = "<slug:section>/read/<yyyy:year>/<nn:month>/<nn:day>/<int:pk>/<str:slug>"

# The admin's own query parameters (search, ordering, page, filters, popups,
# autocomplete) and the desk's (revision diff).
DESK_PARAMS = [
    "q", "o", "p", "e", "all", "_popup", "_to_field", "_changelist_filters", "status__exact",
    "section__id__exact", "reporter", "term", "app_label", "model_name", "field_name",
    "a", "b", "next",
]  # fmt: skip


def url_patterns() -> Iterator[str]:
    """Every pattern as the resolver sees it, included prefixes joined on."""

    def walk(patterns, prefix: str) -> Iterator[str]:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern)

    return walk(get_resolver().url_patterns, "")


# <converter:name>, <name>, (?P<name>regex)
_TOKEN = re.compile(r"<(?:(?P<conv>\w+):)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>(?P<regex>[^)]*)\)")


def path_strategy(pattern: str, newsroom) -> st.SearchStrategy[str]:
    """Paths matching ``pattern`` (with real values) and nearly matching it (hostile)."""
    literal = pattern.replace("^", "").replace("$", "")
    parts: list[st.SearchStrategy[str]] = []
    position = 0
    for token in _TOKEN.finditer(literal):
        parts.append(st.just(literal[position : token.start()]))
        parts.append(_value(token, newsroom))
        position = token.end()
    parts.append(st.just(literal[position:]))
    made = st.tuples(*parts).map(lambda pieces: "/" + "".join(pieces))
    if pattern == PUBLIC_ARTICLE:
        return st.one_of(_article_addresses(newsroom), made)
    return made


def _value(token: re.Match, newsroom) -> st.SearchStrategy[str]:
    conv, name = token["conv"], token["name"] or token["group"]
    ids = st.sampled_from(newsroom.ids).map(str)
    segments = st.lists(st.one_of(url_part, ids, slug_shaped), max_size=5).map("/".join)
    if token["group"] == "app_label":
        return st.sampled_from(["auth", "newsroom", "search"]) | url_part
    if name == "path" and token["group"]:  # /media/
        return st.one_of(
            st.just(newsroom.media_file),
            st.sampled_from(
                [
                    "../secret_key",
                    "..%2Fsecret_key",
                    "photos/../../warta.sqlite3",
                    "x" * 300,
                    "photos/" + "y" * 5000,
                    f"{newsroom.media_file}/lebih",
                ]
            ),  # fmt: skip
            segments,
        )
    if token["group"]:  # api/v1/(?P<rest>.*), redaksi/(?P<url>.*)
        return segments
    if conv == "slug":
        real = [*newsroom.sections, *newsroom.tags, *newsroom.reporters]
        return st.one_of(st.sampled_from(real), slug_shaped, url_part)
    if conv == "int" or name in ("id", "object_id", "revision_id"):
        return st.one_of(ids, digits, numbers, url_part)
    if conv == "yyyy":
        return st.one_of(st.text("0123456789", min_size=4, max_size=4), url_part)
    if conv == "nn":
        return st.one_of(st.text("0123456789", min_size=2, max_size=2), url_part)
    if conv == "path":
        return segments
    if name == "token":
        return st.one_of(st.just(newsroom.preview), _tampered(newsroom.preview), url_part)
    if name == "section":  # sitemap keys
        months = st.tuples(digits, digits).map(lambda ym: f"berita-{ym[0]}-{ym[1]}")
        return st.one_of(st.sampled_from(["rubrik", "wartawan", "news"]), months, url_part)
    if name == "name":  # a workflow transition
        return st.sampled_from(["publish", "submit", "withdraw", "schedule"]) | url_part
    return url_part


def _tampered(token: str) -> st.SearchStrategy[str]:
    return st.tuples(st.integers(0, len(token) - 1), nasty | st.sampled_from("aZ0:-_")).map(
        lambda cut: token[: cut[0]] + cut[1] + token[cut[0] + 1 :]
    )


def _article_addresses(newsroom) -> st.SearchStrategy[str]:
    """Real article addresses with one part swapped for something hostile."""

    def mangle(address: str, index: int, replacement: str) -> str:
        parts = address.split("/")
        parts[1 + index % (len(parts) - 1)] = replacement
        return "/".join(parts)

    real = st.sampled_from([article.get_absolute_url() for article in newsroom.articles])
    return st.one_of(real, st.builds(mangle, real, st.integers(0, 10), url_part))
