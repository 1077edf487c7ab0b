"""GET /api/v1/sections and /api/v1/popular."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_article, make_section
from warta.audience.counters import hour_of
from warta.audience.models import ArticleViewHour
from warta.newsroom.models import Article

from .conftest import API, get_json

pytestmark = pytest.mark.django_db


def test_sections_in_the_newsrooms_order_with_their_links(client, django_assert_max_num_queries):
    make_section("Dunia", position=2)
    politik = make_section("Politik", position=1)
    politik.description = "Berita politik nasional."
    politik.save()
    with django_assert_max_num_queries(1):
        sections = get_json(client, f"{API}/sections")
    assert [section["slug"] for section in sections] == ["politik", "dunia"]
    assert sections[0] == {
        "slug": "politik",
        "name": "Politik",
        "description": "Berita politik nasional.",
        "url": "http://testserver/politik",
        "articles_url": "http://testserver/api/v1/articles?section=politik",
        "rss_url": "http://testserver/feed/rubrik/politik/rss",
        "atom_url": "http://testserver/feed/rubrik/politik/atom",
    }


def test_a_sections_articles_url_lists_its_articles(client):
    politik = make_section("Politik")
    article = make_article(section=politik)
    make_article(section=make_section("Dunia"))
    [section] = [s for s in get_json(client, f"{API}/sections") if s["slug"] == "politik"]
    page = get_json(client, section["articles_url"])
    assert [item["id"] for item in page["items"]] == [article.pk]


def _viewed(article: Article, views: int) -> None:
    ArticleViewHour.objects.create(
        article=article, hour=hour_of(timezone.now() - timedelta(hours=1)), views=views
    )


def test_popular_ranks_the_most_read_published_articles(client, settings):
    settings.POPULAR_LENGTH = 3
    quiet, busy = make_article(title="Sepi"), make_article(title="Ramai")
    withdrawn = make_article(status=Article.Status.WITHDRAWN)
    _viewed(quiet, 2)
    _viewed(busy, 50)
    _viewed(withdrawn, 900)
    unread = make_article(title="Belum dibaca")
    popular = get_json(client, f"{API}/popular")
    assert [(item["rank"], item["id"]) for item in popular] == [
        (1, busy.pk),
        (2, quiet.pk),
        (3, unread.pk),  # the newest article fills the box
    ]
    assert popular[0]["url"] == f"http://testserver{busy.get_absolute_url()}"
    assert popular[0]["api_url"] == f"http://testserver/api/v1/articles/{busy.pk}"
    assert popular[0]["title"] == "Ramai"
    assert popular[0]["published_at"].endswith("+07:00")


def test_popular_is_served_from_the_cache_after_the_first_request(
    client, django_assert_max_num_queries
):
    _viewed(make_article(), 3)
    get_json(client, f"{API}/popular")
    with django_assert_max_num_queries(0):
        get_json(client, f"{API}/popular")
