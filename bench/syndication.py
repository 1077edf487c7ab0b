"""Feeds, sitemaps and robots.txt at scale, uncached, timed inside one Django process.

Run by the benchmark as a child process (``python bench/syndication.py OUT.json REQUESTS``)
in the desk's sandbox (``--desk-articles`` imported articles), with production settings
(DEBUG off), like ``desk.py``.

* Every feed kind: the site's RSS and Atom, and the RSS of the section, the tag and the
  reporter with the most articles (the costliest of each kind).
* Every sitemap kind: the index, the first and the last page of the month with the most
  articles, sections, reporters, Google News, and robots.txt.
* Uncached: ``cache.clear()`` (not timed) before every request, so nothing a previous
  request left in the cache helps. After warm-ups the kinds take turns request by
  request, so a burst of other work on the machine skews them alike.
* Per kind: median and p95, response size, URLs or items in it, queries per request
  and the ``EXPLAIN QUERY PLAN`` of the slow ones (see ``desk._sql_profile``).
"""

import json
import sys
from pathlib import Path
from xml.etree import ElementTree

from desk import _sql_profile, _timed
from render import percentiles
from sandbox import Sandbox

WARMUPS = 2
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def measure_syndication(sandbox: Sandbox, *, requests: int) -> dict:
    return sandbox.measure(__file__, "syndication", requests)


def _main(out: str, requests: str) -> None:
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client

    # A host from the default WARTA_ALLOWED_HOSTS: the test runner's "testserver" is not.
    client = Client(headers={"host": "localhost"}, raise_request_exception=True)
    urls = _urls(client)

    def uncached(url: str):
        cache.clear()
        return _get(client, url)

    for url in urls.values():
        for _ in range(WARMUPS):
            uncached(url)
    samples = {name: [] for name in urls}
    for _ in range(int(requests)):
        for name, url in urls.items():
            cache.clear()
            samples[name].append(_timed(lambda url=url: _get(client, url)))
    results = {}
    for name, url in urls.items():
        response = uncached(url)
        results[name] = {
            "url": url,
            "bytes": len(response.content),
            "entries": _entries(response),
            **percentiles(samples[name]),
            "sql": _sql_profile(lambda url=url: uncached(url)),
        }
    Path(out).write_text(json.dumps(results, indent=2, ensure_ascii=False))


def _urls(client) -> dict[str, str]:
    from django.db.models import Count

    from warta.newsroom.models import Article, Reporter, Section, Tag

    published = Article.objects.published()
    section = Section.objects.annotate(n=Count("articles")).order_by("-n", "pk").first()
    reporter = Reporter.objects.annotate(n=Count("articles")).order_by("-n", "pk").first()
    tag = Tag.objects.annotate(n=Count("articles")).order_by("-n", "pk").first()
    if not (section and reporter and tag and published.exists()):
        raise SystemExit("the site has no published articles to syndicate")
    month_urls = _month_sitemaps(client)
    first_month, last_page = month_urls[0], month_urls[-1]
    urls = {
        "feed: site RSS": "/feed/rss",
        "feed: site Atom": "/feed/atom",
        f"feed: section {section.slug} RSS": f"/feed/rubrik/{section.slug}/rss",
        f"feed: tag {tag.slug} RSS": f"/feed/tag/{tag.slug}/rss",
        f"feed: reporter {reporter.slug} RSS": f"/feed/wartawan/{reporter.slug}/rss",
        "sitemap: index": "/sitemap.xml",
        f"sitemap: month {first_month}": first_month,
    }
    if last_page != first_month:
        urls[f"sitemap: month {last_page}"] = last_page
    urls.update(
        {
            "sitemap: sections": "/sitemap-rubrik.xml",
            "sitemap: reporters": "/sitemap-wartawan.xml",
            "sitemap: Google News": "/sitemap-news.xml",
            "robots.txt": "/robots.txt",
        }
    )
    return urls


def _month_sitemaps(client) -> list[str]:
    """The pages of the month with the most sitemap pages, from the index itself."""
    root = ElementTree.fromstring(_get(client, "/sitemap.xml").content)
    locations = [loc.text.split("://", 1)[1].split("/", 1)[1] for loc in root.iter()
                 if loc.tag == f"{SITEMAP_NS}loc"]  # fmt: skip
    months: dict[str, list[str]] = {}
    for location in locations:
        if location.startswith("sitemap-berita-"):
            months.setdefault(location.split("?")[0], []).append(f"/{location}")
    if not months:
        raise SystemExit("the sitemap index lists no month")
    return max(months.values(), key=len)


def _entries(response) -> int:
    """URLs in a sitemap, items in a feed, lines in robots.txt."""
    kind = response["Content-Type"]
    if kind.startswith("text/plain"):
        return len(response.content.splitlines())
    root = ElementTree.fromstring(response.content)
    names = ("item", "{http://www.w3.org/2005/Atom}entry", f"{SITEMAP_NS}url",
             f"{SITEMAP_NS}sitemap")  # fmt: skip
    return sum(1 for element in root.iter() if element.tag in names)


def _get(client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    return response


if __name__ == "__main__":
    _main(*sys.argv[1:])
