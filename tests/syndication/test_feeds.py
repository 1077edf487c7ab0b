"""RSS and Atom feeds: items, stable guids, enclosures, exclusions, 304, query counts."""

from datetime import timedelta
from email.utils import parsedate_to_datetime

import pytest
from django.utils import timezone
from django.utils.http import http_date

from tests.factories import make_article, make_reporter, make_section, make_tag
from warta.newsroom.models import Article
from warta.syndication.feeds import FEED_LENGTH

from .conftest import ATOM, parse

pytestmark = pytest.mark.django_db


def rss_items(response):
    return parse(response).findall("./channel/item")


def test_site_rss_lists_published_articles_newest_first_with_all_fields(
    client, photo_with_rendition
):
    dunia = make_section("Dunia")
    reporter = make_reporter("Sarah Meiliana Gunawan")
    make_article(title="Lama", section=dunia, published_at=timezone.now() - timedelta(1))
    newer = make_article(
        title="Erdogan & Putin",
        section=dunia,
        reporter=reporter,
        lead="Teras <penting>.",
        tags=[make_tag("Turki"), make_tag("Rusia")],
        lead_photo=photo_with_rendition,
    )
    response = client.get("/feed/rss")
    assert response["Content-Type"].startswith("application/rss+xml")
    items = rss_items(response)
    assert [item.findtext("title") for item in items] == ["Erdogan & Putin", "Lama"]
    first = items[0]
    assert first.findtext("link") == f"http://testserver{newer.get_absolute_url()}"
    assert first.findtext("guid") == f"tag:testserver,2026:artikel:{newer.pk}"
    assert first.find("guid").get("isPermaLink") == "false"
    assert first.findtext("description") == "Teras <penting>."
    assert first.findtext("{http://purl.org/dc/elements/1.1/}creator") == reporter.name
    assert sorted(c.text for c in first.findall("category")) == ["Dunia", "Rusia", "Turki"]
    pubdate = first.findtext("pubDate")
    assert pubdate.endswith("+0700")  # the site's zone, with its offset
    assert parsedate_to_datetime(pubdate) == newer.published_at.replace(microsecond=0)
    enclosure = first.find("enclosure")
    assert enclosure.get("type") == "image/webp"
    assert enclosure.get("length") == "12"
    assert enclosure.get("url").startswith("http://testserver/media/photos/2026/01/")
    assert items[1].find("enclosure") is None


def test_guid_survives_title_and_slug_changes(client):
    article = make_article(title="Judul awal")
    before = rss_items(client.get("/feed/rss"))[0].findtext("guid")
    Article.objects.filter(pk=article.pk).update(title="Judul diperbaiki", slug="baru")
    after = rss_items(client.get("/feed/rss"))[0]
    assert after.findtext("title") == "Judul diperbaiki"
    assert after.findtext("guid") == before


def test_withdrawn_draft_and_future_articles_never_appear(client):
    make_article(title="Tampil")
    make_article(title="Ditarik", status=Article.Status.WITHDRAWN)
    make_article(title="Draf", status=Article.Status.DRAFT)
    make_article(
        title="Terjadwal",
        status=Article.Status.SCHEDULED,
        published_at=timezone.now() + timedelta(hours=1),
    )
    for url in ("/feed/rss", "/feed/rubrik/dunia/rss", "/feed/wartawan/sarah-meiliana-gunawan/rss"):
        assert [i.findtext("title") for i in rss_items(client.get(url))] == ["Tampil"], url


def test_section_tag_and_reporter_feeds_hold_only_their_articles(client):
    politik, hukum = make_section("Politik"), make_section("Hukum")
    tag = make_tag("Pemilu")
    budi = make_reporter("Budi Santoso")
    make_article(title="Politik bertag", section=politik, tags=[tag])
    make_article(title="Hukum oleh Budi", section=hukum, reporter=budi)
    assert [i.findtext("title") for i in rss_items(client.get("/feed/rubrik/politik/rss"))] == [
        "Politik bertag"
    ]
    assert [i.findtext("title") for i in rss_items(client.get("/feed/tag/pemilu/rss"))] == [
        "Politik bertag"
    ]
    channel = parse(client.get("/feed/wartawan/budi-santoso/rss")).find("channel")
    assert channel.findtext("title") == "Warta: Berita oleh Budi Santoso"
    assert [i.findtext("title") for i in channel.findall("item")] == ["Hukum oleh Budi"]


@pytest.mark.parametrize(
    "url", ["/feed/atom", "/feed/rubrik/dunia/atom", "/feed/tag/turki/atom",
            "/feed/wartawan/sarah-meiliana-gunawan/atom"],
)  # fmt: skip
def test_atom_feeds_parse_with_ids_authors_and_enclosures(client, url, photo_with_rendition):
    article = make_article(tags=[make_tag("Turki")], lead_photo=photo_with_rendition)
    response = client.get(url)
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse(response)
    assert feed.tag == f"{ATOM}feed"
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}id") == f"tag:testserver,2026:artikel:{article.pk}"
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Sarah Meiliana Gunawan"
    assert entry.findtext(f"{ATOM}published").endswith("+07:00")
    enclosure = entry.find(f"{ATOM}link[@rel='enclosure']")
    assert enclosure.get("type") == "image/webp"


def test_feed_is_capped_and_costs_the_same_few_queries_at_any_length(
    client, django_assert_max_num_queries
):
    tags = [make_tag("Satu"), make_tag("Dua")]
    for _ in range(FEED_LENGTH + 5):
        make_article(tags=tags)
    # Section lookup (twice: condition and feed); newest edit, newest of each live
    # status (for the scope's time); newest ids of each live status; items; tags.
    with django_assert_max_num_queries(9):
        response = client.get("/feed/rubrik/dunia/rss")
    assert len(rss_items(response)) == FEED_LENGTH
    with django_assert_max_num_queries(7):
        client.get("/feed/atom")


def test_if_modified_since_answers_304_until_something_changes(client):
    article = make_article()
    first = client.get("/feed/rss")
    last_modified = first["Last-Modified"]
    assert client.get("/feed/rss", HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    # A withdrawal removes an item without adding one: the feed must still change.
    later = timezone.now() + timedelta(seconds=5)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.WITHDRAWN, updated_at=later)
    again = client.get("/feed/rss", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert again.status_code == 200
    assert rss_items(again) == []


def test_scheduled_article_coming_due_changes_the_feed(client):
    make_article(published_at=timezone.now() - timedelta(hours=2))
    due = timezone.now() - timedelta(seconds=1)
    make_article(title="Baru tayang", status=Article.Status.SCHEDULED, published_at=due)
    Article.objects.filter(title="Baru tayang").update(updated_at=due - timedelta(hours=3))
    response = client.get(
        "/feed/rss", HTTP_IF_MODIFIED_SINCE=http_date((due - timedelta(minutes=1)).timestamp())
    )
    assert response.status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/feed/rubrik/tidak-ada/rss",
        "/feed/tag/tidak-ada/atom",
        "/feed/wartawan/tidak-ada/rss",
        "/feed/rubrik/dünya/rss",
        "/feed/tag/%F0%9F%93%B0/rss",
        "/feed/rubrik/%00/rss",
        "/feed/rss/lagi",
    ],
)
def test_unknown_or_odd_feed_addresses_are_404(client, url):
    make_article()
    assert client.get(url).status_code == 404


def test_odd_if_modified_since_is_ignored(client):
    make_article()
    assert client.get("/feed/rss", HTTP_IF_MODIFIED_SINCE="kemarin sore").status_code == 200


def test_list_pages_link_their_feeds(client):
    make_article(tags=[make_tag("Turki")])
    html = client.get("/dunia").content.decode()
    assert 'href="/feed/rss"' in html and 'href="/feed/atom"' in html
    assert 'href="/feed/rubrik/dunia/rss"' in html and 'href="/feed/rubrik/dunia/atom"' in html
    assert 'href="/feed/tag/turki/rss"' in client.get("/tag/turki").content.decode()
