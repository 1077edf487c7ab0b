"""Sitemap index, monthly article sitemaps with images, sections, reporters, Google
News and robots.txt."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.factories import make_article, make_reporter, make_section
from warta.newsroom.models import Article
from warta.syndication.archive import archive_recount_all

from .conftest import IMAGE, NEWS, SITEMAP, parse

pytestmark = pytest.mark.django_db


def locs(root) -> list[str]:
    return [loc.text for loc in root.iter(f"{SITEMAP}loc")]


@pytest.fixture
def archive(db):
    """Three articles over two months (site time), plus ones readers cannot see."""
    zone = timezone.get_default_timezone()
    at = lambda *parts: datetime(*parts, tzinfo=zone)  # noqa: E731
    made = {
        # Either side of midnight in Jakarta; both fall on 31 January in UTC.
        "jan": make_article(title="Januari", published_at=at(2026, 1, 31, 23, 30)),
        "feb": make_article(title="Februari", published_at=at(2026, 2, 1, 0, 30)),
        "feb2": make_article(title="Februari 2", published_at=at(2026, 2, 10)),
        "withdrawn": make_article(published_at=at(2026, 2, 11), status=Article.Status.WITHDRAWN),
        "future": make_article(
            published_at=timezone.now() + timedelta(days=1), status=Article.Status.SCHEDULED
        ),
    }
    # Made by factories, past the desk whose changes keep the month counts.
    archive_recount_all()
    return made


def test_index_lists_one_sitemap_per_month_plus_sections_and_reporters(
    client, archive, django_assert_max_num_queries
):
    # Sections and reporters counted; the news of each live status; the oldest article
    # of each live status, then one count per month since (January and February).
    moment = datetime(2026, 2, 20, tzinfo=timezone.get_default_timezone())
    with time_machine.travel(moment), django_assert_max_num_queries(8):
        response = client.get("/sitemap.xml")
    root = parse(response)
    assert root.tag == f"{SITEMAP}sitemapindex"
    assert locs(root) == [
        "http://testserver/sitemap-rubrik.xml",
        "http://testserver/sitemap-wartawan.xml",
        "http://testserver/sitemap-news.xml",
        "http://testserver/sitemap-berita-2026-02.xml",
        "http://testserver/sitemap-berita-2026-01.xml",
    ]


def test_month_sitemap_splits_in_site_time_with_lastmod_and_images(
    client, archive, photo_with_rendition, django_assert_max_num_queries
):
    Article.objects.filter(pk=archive["feb2"].pk).update(lead_photo=photo_with_rendition)
    # Count and items; nothing per URL.
    with django_assert_max_num_queries(2):
        root = parse(client.get("/sitemap-berita-2026-02.xml"))
    urls = root.findall(f"{SITEMAP}url")
    expected = [archive["feb2"], archive["feb"]]
    assert [u.findtext(f"{SITEMAP}loc") for u in urls] == [
        f"http://testserver{a.get_absolute_url()}" for a in expected
    ]
    updated = Article.objects.get(pk=archive["feb2"].pk).updated_at
    assert urls[0].findtext(f"{SITEMAP}lastmod") == timezone.localtime(updated).isoformat(
        timespec="seconds"
    )
    image = urls[0].findtext(f"{IMAGE}image/{IMAGE}loc")
    assert image.startswith("http://testserver/media/photos/2026/01/")
    assert urls[1].find(f"{IMAGE}image") is None
    january = parse(client.get("/sitemap-berita-2026-01.xml"))
    assert len(january.findall(f"{SITEMAP}url")) == 1


def test_section_and_reporter_sitemaps(client, archive):
    make_section("Hukum")
    make_reporter("Tanpa Berita")
    assert locs(parse(client.get("/sitemap-rubrik.xml"))) == [
        "http://testserver/dunia",
        "http://testserver/hukum",
    ]
    assert locs(parse(client.get("/sitemap-wartawan.xml"))) == [
        "http://testserver/wartawan/sarah-meiliana-gunawan"
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap-berita-2025-12.xml",  # no articles that month
        "/sitemap-berita-2026-13.xml",
        "/sitemap-berita-9999-12.xml",
        "/sitemap-berita-0000-01.xml",
        "/sitemap-tidak-ada.xml",
        "/sitemap-berita-2026-02.xml?p=9",
        "/sitemap-berita-2026-02.xml?p=dua",
        "/sitemap-berita-2026-02.xml?p=0",
        "/sitemap-berita-2026-02.xml?p=%C2%B2",  # superscript two
        "/sitemap-berita-2026-02.xml?p=99999999999999999999999",
        "/sitemap-berita-2026-2.xml",
        "/sitemap-%F0%9F%93%B0.xml",
        "/sitemap-berita-２０２６-02.xml",
    ],
)
def test_bad_sitemap_addresses_are_404(client, archive, url):
    assert client.get(url).status_code == 404


def test_news_sitemap_holds_only_the_last_48_hours(client, archive):
    now = timezone.now()
    recent = make_article(title="Kabar <terkini> & hangat", published_at=now - timedelta(hours=47))
    make_article(title="Kemarin lusa", published_at=now - timedelta(hours=49))
    root = parse(client.get("/sitemap-news.xml"))
    (url,) = root.findall(f"{SITEMAP}url")
    assert url.findtext(f"{SITEMAP}loc") == f"http://testserver{recent.get_absolute_url()}"
    news = url.find(f"{NEWS}news")
    assert news.findtext(f"{NEWS}publication/{NEWS}name") == "Warta"
    assert news.findtext(f"{NEWS}publication/{NEWS}language") == "id"
    assert news.findtext(f"{NEWS}title") == "Kabar <terkini> & hangat"
    assert news.findtext(f"{NEWS}publication_date") == timezone.localtime(
        recent.published_at
    ).isoformat(timespec="seconds")
    assert news.findtext(f"{NEWS}publication_date").endswith("+07:00")


def test_news_sitemap_comes_in_pages_the_index_lists(client, monkeypatch):
    from warta.syndication.sitemaps import NewsSitemap

    monkeypatch.setattr(NewsSitemap, "limit", 2)
    made = [make_article(title=f"Kabar {n}") for n in range(5)]
    index = locs(parse(client.get("/sitemap.xml")))
    pages = [loc for loc in index if "sitemap-news" in loc]
    assert pages == [
        "http://testserver/sitemap-news.xml",
        "http://testserver/sitemap-news.xml?p=2",
        "http://testserver/sitemap-news.xml?p=3",
    ]
    seen = [loc for page in pages for loc in locs(parse(client.get(page)))]
    # Newest first, each article once.
    newest_first = sorted(made, key=lambda a: (a.published_at, a.pk), reverse=True)
    assert seen == [f"http://testserver{a.get_absolute_url()}" for a in newest_first]
    assert client.get("/sitemap-news.xml?p=4").status_code == 404


def test_news_sitemap_follows_the_clock(client):
    article = make_article(
        published_at=datetime(2026, 3, 1, 8, tzinfo=timezone.get_default_timezone())
    )
    with time_machine.travel(article.published_at + timedelta(hours=47), tick=False):
        assert len(parse(client.get("/sitemap-news.xml")).findall(f"{SITEMAP}url")) == 1
    with time_machine.travel(article.published_at + timedelta(hours=49), tick=False):
        assert parse(client.get("/sitemap-news.xml")).findall(f"{SITEMAP}url") == []


def test_month_sitemap_answers_304_when_unchanged(client, archive):
    first = client.get("/sitemap-berita-2026-02.xml")
    assert first.has_header("Last-Modified")
    again = client.get("/sitemap-berita-2026-02.xml", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_robots_txt_points_at_sitemaps_and_keeps_crawlers_out_of_the_desk(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /redaksi/" in lines
    assert "Disallow: /pratinjau/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Sitemap: http://testserver/sitemap-news.xml" in lines
