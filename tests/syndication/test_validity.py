"""Feeds and sitemaps as outside machines read them.

Sitemaps are validated with lxml against the sitemaps.org and Google (image, news)
schemas in ``xsd/`` (written from the published specifications: no package ships
them and the tests run offline). Feeds are read by feedparser, the parser most feed
readers build on, which must raise no ``bozo`` flag; no maintained feed validator is
on PyPI, so the rules of RSS 2.0 and Atom (RFC 4287) that matter to readers are
checked one by one below. Every response says how long shared caches may keep it.
"""

from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from pathlib import Path

import feedparser
import pytest
import time_machine
from django.utils import timezone
from lxml import etree

from tests.factories import make_article, make_reporter, make_section, make_tag
from warta.newsroom.models import Article
from warta.syndication.archive import archive_recount_all

from .conftest import ATOM, IMAGE, SITEMAP

pytestmark = pytest.mark.django_db

XSD = Path(__file__).with_name("xsd")
MEDIA = "{http://search.yahoo.com/mrss/}"
SITEMAP_LIMIT = 50_000
FEEDS = {
    f"/feed/{scope}{kind}"
    for scope in ("", "rubrik/dunia/", "tag/turki/", "wartawan/sarah-meiliana-gunawan/")
    for kind in ("rss", "atom")
}


def schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD / name)))


@pytest.fixture
def site(db, photo_with_rendition):
    """Articles in two months, one with a photo and tags, one fresh enough for News."""
    zone = timezone.get_default_timezone()
    section, reporter = make_section("Dunia"), make_reporter("Sarah Meiliana Gunawan")
    tags = [make_tag("Turki"), make_tag("Rusia")]
    make_article(
        title="Lama",
        section=section,
        reporter=reporter,
        tags=tags[:1],
        published_at=datetime(2026, 1, 31, 23, 30, tzinfo=zone),
    )
    fresh = make_article(
        title="Erdogan & Putin </bicara> \u201ctegas\u201d",
        lead="Teras <b>penting</b> & singkat.",
        section=section,
        reporter=reporter,
        tags=tags,
        lead_photo=photo_with_rendition,
        published_at=timezone.now() - timedelta(hours=1),
    )
    archive_recount_all()  # factories write past the desk, which keeps the month counts
    return fresh


def sitemap_urls(client) -> list[str]:
    index = etree.fromstring(client.get("/sitemap.xml").content)
    return [loc.text.removeprefix("http://testserver") for loc in index.iter(f"{SITEMAP}loc")]


def test_sitemap_index_is_valid(client, site):
    response = client.get("/sitemap.xml")
    document = etree.fromstring(response.content)
    schema("siteindex.xsd").assertValid(document)
    assert len(document) <= SITEMAP_LIMIT


def test_every_sitemap_in_the_index_and_the_news_sitemap_are_valid(client, site):
    urlset = schema("sitemap.xsd")
    urls = [*sitemap_urls(client), "/sitemap-news.xml"]
    assert any(url.startswith("/sitemap-berita-") for url in urls)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        document = etree.fromstring(response.content)
        urlset.assertValid(document)
        assert 0 < len(document.findall(f"{SITEMAP}url")) <= SITEMAP_LIMIT, url
    first_month = next(url for url in urls if url.startswith("/sitemap-berita-"))
    month = etree.fromstring(client.get(first_month).content)
    assert month.find(f".//{IMAGE}image/{IMAGE}loc") is not None  # the extension was checked


def test_the_schemas_do_reject_what_the_protocol_forbids(client, site):
    urlset = schema("sitemap.xsd")
    page = client.get("/sitemap-news.xml").content.decode()
    broken = {
        "lastmod without a zone": page.replace(
            "</loc>", "</loc><lastmod>2026-01-05T10:00:00</lastmod>"
        ),
        "relative loc": page.replace("http://testserver/", "/", 1),
        "news without title": page.replace("<news:title>", "<news:keywords>").replace(
            "</news:title>", "</news:keywords>"
        ),
        "news language not a code": page.replace(
            "<news:language>id<", "<news:language>Bahasa Indonesia<"
        ),
    }
    for problem, text in broken.items():
        assert not urlset.validate(etree.fromstring(text.encode())), problem


def test_month_sitemaps_page_by_a_few_hundred_and_the_index_lists_each_page(
    client, settings, monkeypatch
):
    from warta.syndication import sitemaps

    monkeypatch.setattr(sitemaps.ArticleMonthSitemap, "limit", 2)
    zone = timezone.get_default_timezone()
    made = [make_article(published_at=datetime(2026, 1, day, tzinfo=zone)) for day in (3, 4, 5)]
    archive_recount_all()
    assert sitemaps.MONTH_PAGE_SIZE == 250
    # The main index lists the current year's months.
    with time_machine.travel(datetime(2026, 2, 15, tzinfo=zone)):
        urls = [u for u in sitemap_urls(client) if u.startswith("/sitemap-berita-")]
    assert urls == ["/sitemap-berita-2026-01.xml", "/sitemap-berita-2026-01.xml?p=2"]
    seen = []
    for url in urls:
        document = etree.fromstring(client.get(url).content)
        schema("sitemap.xsd").assertValid(document)
        seen += [loc.text for loc in document.iter(f"{SITEMAP}loc")]
    assert sorted(seen) == sorted(f"http://testserver{a.get_absolute_url()}" for a in made)
    assert client.get("/sitemap-berita-2026-01.xml?p=3").status_code == 404


def rss_rules(root) -> None:
    """RSS 2.0: channel title, link and description; items with a title or
    description, RFC 822 dates, and a guid that is a permalink only when it is a URL."""
    channel = root.find("channel")
    assert root.tag == "rss" and root.get("version") == "2.0"
    for required in ("title", "link", "description"):
        assert channel.findtext(required), required
    assert channel.findtext("language") == "id"
    parsedate_to_datetime(channel.findtext("lastBuildDate"))
    for item in channel.findall("item"):
        assert item.findtext("title") or item.findtext("description")
        assert parsedate_to_datetime(item.findtext("pubDate")).utcoffset() == timedelta(hours=7)
        guid = item.find("guid")
        assert guid.get("isPermaLink") == "false" and not guid.text.startswith("http")
        enclosure = item.find("enclosure")
        if enclosure is not None:
            assert enclosure.get("url").startswith("http://")
            assert int(enclosure.get("length")) >= 0 and enclosure.get("type")


def atom_rules(root) -> None:
    """Atom (RFC 4287 4.1.1, 4.1.2): the feed and each entry have an id, a title and an
    updated date; the feed has an author (or every entry does) and a self link; each
    entry links to its page."""
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.findtext(f"{ATOM}{required}"), required
    assert root.find(f"{ATOM}link[@rel='self']") is not None
    assert (
        root.find(f"{ATOM}link[@rel='alternate']") is not None
        or root.find(f"{ATOM}link[@href]") is not None
    )
    feed_author = root.findtext(f"{ATOM}author/{ATOM}name")
    for entry in root.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated"):
            assert entry.findtext(f"{ATOM}{required}"), required
        assert feed_author or entry.findtext(f"{ATOM}author/{ATOM}name")
        assert any(
            link.get("rel", "alternate") == "alternate" for link in entry.findall(f"{ATOM}link")
        )
        datetime.fromisoformat(entry.findtext(f"{ATOM}updated"))


@pytest.mark.parametrize("url", sorted(FEEDS))
def test_every_feed_parses_cleanly_with_every_field_a_reader_shows(client, site, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == ("atom10" if url.endswith("atom") else "rss20")
    assert parsed.feed.title.startswith("Warta")
    assert parsed.feed.link.startswith("http://testserver/")
    assert parsed.feed.language == "id" or url.endswith("atom")
    entry = parsed.entries[0]
    assert entry.title == site.title
    assert entry.link == f"http://testserver{site.get_absolute_url()}"
    assert entry.id == f"tag:testserver,2026:artikel:{site.pk}"
    assert entry.author == "Sarah Meiliana Gunawan"
    assert {tag.term for tag in entry.tags} >= {"Turki", "Rusia"}
    assert entry.summary == site.lead
    assert "+07:00" in entry.published or "+0700" in entry.published
    published = parsedate_or_iso(entry.published).replace(microsecond=0)
    assert published == site.published_at.replace(microsecond=0)
    (enclosure,) = entry.enclosures
    assert enclosure.href.startswith("http://testserver/media/photos/2026/01/")
    assert enclosure.type == "image/webp"
    (media,) = entry.media_content
    assert media["url"] == enclosure.href
    assert media["medium"] == "image"
    assert (media["width"], media["height"]) == ("800", "450")
    root = etree.fromstring(response.content)
    (atom_rules if url.endswith("atom") else rss_rules)(root)
    assert root.nsmap.get("media") == MEDIA.strip("{}")
    # A photo-less article has no picture elements at all.
    last = (root.findall("channel/item") or root.findall(f"{ATOM}entry"))[-1]
    assert last.find(f"{MEDIA}content") is None


def parsedate_or_iso(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return parsedate_to_datetime(text)


CACHED = [*sorted(FEEDS), "/sitemap.xml", "/sitemap-news.xml", "/sitemap-rubrik.xml",
          "/sitemap-wartawan.xml", "/sitemap-berita-2026-01.xml", "/robots.txt"]  # fmt: skip


@pytest.mark.parametrize("url", CACHED)
def test_every_feed_sitemap_and_robots_txt_may_be_cached_publicly(client, site, url):
    response = client.get(url)
    assert response.status_code == 200
    directives = {
        part.strip().split("=")[0]: part.strip().partition("=")[2]
        for part in response["Cache-Control"].split(",")
    }
    assert "public" in directives
    assert int(directives["max-age"]) > 0
    if url != "/robots.txt":  # and a validator for conditional requests
        assert response.has_header("Last-Modified") or response.has_header("ETag")


def test_feeds_and_sitemaps_stay_valid_with_nothing_published(client, db):
    make_article(status=Article.Status.DRAFT)
    for url in ("/feed/rss", "/feed/atom"):
        parsed = feedparser.parse(client.get(url).content)
        assert parsed.bozo == 0 and parsed.entries == []
    schema("siteindex.xsd").assertValid(etree.fromstring(client.get("/sitemap.xml").content))
