"""GET /api/v1/articles: fields, filters, cursor pages, bad parameters, query counts."""

from datetime import datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone

from tests.factories import make_article, make_reporter, make_section, make_tag
from warta.common.dates import site_zone
from warta.newsroom.models import Article

from .conftest import API, get_json

pytestmark = pytest.mark.django_db


def ids(page: dict) -> list[int]:
    return [item["id"] for item in page["items"]]


def test_an_article_in_the_list_has_every_field_with_absolute_links(client, photo_with_renditions):
    politik = make_section("Politik")
    reporter = make_reporter("Sarah Meiliana Gunawan")
    article = make_article(
        title="KPK periksa saksi",
        section=politik,
        reporter=reporter,
        lead="Teras <penting>.",
        tags=[make_tag("KPK"), make_tag("Korupsi")],
        lead_photo=photo_with_renditions,
        published_at=datetime(2026, 2, 14, 7, 0, tzinfo=site_zone()),
    )
    item = get_json(client, f"{API}/articles")["items"][0]
    assert item == {
        "id": article.pk,
        "title": "KPK periksa saksi",
        "lead": "Teras <penting>.",
        "url": f"http://testserver/politik/read/2026/02/14/{article.pk}/{article.slug}",
        "api_url": f"http://testserver/api/v1/articles/{article.pk}",
        "ninjs_url": f"http://testserver/api/v1/articles/{article.pk}/ninjs",
        "section": {"slug": "politik", "name": "Politik", "url": "http://testserver/politik"},
        "reporter": {
            "slug": "sarah-meiliana-gunawan",
            "name": "Sarah Meiliana Gunawan",
            "url": "http://testserver/wartawan/sarah-meiliana-gunawan",
        },
        "tags": [{"slug": "kpk", "name": "KPK"}, {"slug": "korupsi", "name": "Korupsi"}],
        "image": {
            "url": f"http://testserver/media/{photo_with_renditions.renditions[1]['path']}",
            "content_type": "image/webp",
            "width": 800,
            "height": 450,
            "caption": "Suasana sidang di Gedung KPK",
            "credit": "Antara",
            "alt": "Ruang sidang penuh wartawan",
        },
        "published_at": "2026-02-14T07:00:00+07:00",
        "modified_at": item["modified_at"],
    }
    modified = datetime.fromisoformat(item["modified_at"])
    assert modified.utcoffset() == timedelta(hours=7)
    assert modified >= datetime.fromisoformat(item["published_at"])


def test_only_published_articles_newest_first(client):
    older = make_article(published_at=timezone.now() - timedelta(days=2))
    newer = make_article(published_at=timezone.now() - timedelta(days=1))
    make_article(status=Article.Status.DRAFT)
    make_article(status=Article.Status.WITHDRAWN)
    make_article(status=Article.Status.SCHEDULED, published_at=timezone.now() + timedelta(1))
    page = get_json(client, f"{API}/articles")
    assert ids(page) == [newer.pk, older.pk]
    assert page["next"] is None and page["next_cursor"] is None


def test_filters_by_section_tag_reporter_and_since(client):
    politik, dunia = make_section("Politik"), make_section("Dunia")
    ani, budi = make_reporter("Ani"), make_reporter("Budi")
    kpk = make_tag("KPK")
    now = timezone.now()
    match = make_article(section=politik, reporter=ani, tags=[kpk], published_at=now)
    make_article(section=dunia, reporter=ani, tags=[kpk], published_at=now)
    make_article(section=politik, reporter=budi, tags=[kpk], published_at=now)
    make_article(section=politik, reporter=ani, published_at=now)
    too_old = make_article(
        section=politik, reporter=ani, tags=[kpk], published_at=now - timedelta(days=3)
    )
    since = (now - timedelta(days=1)).isoformat()
    both = f"{API}/articles?section=politik&tag=kpk&reporter=ani"
    assert ids(get_json(client, both)) == [match.pk, too_old.pk]
    url = f"{both}&since={since.replace('+', '%2B')}"
    assert ids(get_json(client, url)) == [match.pk]
    assert len(ids(get_json(client, f"{API}/articles?section=dunia"))) == 1
    assert len(ids(get_json(client, f"{API}/articles?reporter=budi"))) == 1
    assert len(ids(get_json(client, f"{API}/articles?tag=kpk"))) == 4


@pytest.mark.parametrize(
    "since",
    ["2026-02-14", "2026-02-14T00:00:00", "2026-02-14T00:00:00%2B07:00", "2026-02-13T17:00:00Z"],
)
def test_since_takes_a_date_or_a_date_time_in_the_sites_zone(client, since):
    zone = site_zone()
    on_the_day = make_article(published_at=datetime(2026, 2, 14, 0, 0, tzinfo=zone))
    make_article(published_at=datetime(2026, 2, 13, 23, 59, tzinfo=zone))
    assert ids(get_json(client, f"{API}/articles?since={since}")) == [on_the_day.pk]


def test_cursor_pages_walk_the_whole_list_without_gaps_or_repeats(client):
    same_moment = timezone.now() - timedelta(hours=1)
    # Ties on the publication time are where OFFSET-free paging can go wrong.
    made = [make_article(published_at=same_moment) for _ in range(7)]
    made += [make_article() for _ in range(6)]
    expected = list(
        Article.objects.published().order_by("-published_at", "-pk").values_list("pk", flat=True)
    )
    seen, url, pages = [], f"{API}/articles?limit=4", 0
    while url:
        page = get_json(client, url)
        assert len(page["items"]) <= 4
        seen += ids(page)
        url, pages = page["next"], pages + 1
        if url:
            assert url.startswith("http://testserver/api/v1/articles?")
            assert parse_qs(urlsplit(url).query)["limit"] == ["4"]
    assert seen == expected and len(seen) == len(made)
    assert pages == 4


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 100])
def test_scheduled_articles_that_came_due_interleave_with_published_ones(client, limit):
    start = timezone.now() - timedelta(hours=1)
    due = Article.Status.SCHEDULED
    for n, status in enumerate([due, "published", due, due, "published", "published", due]):
        make_article(status=status, published_at=start - timedelta(minutes=n // 2))
    make_article(status=due, published_at=timezone.now() + timedelta(hours=1))  # not yet
    expected = list(
        Article.objects.published().order_by("-published_at", "-pk").values_list("pk", flat=True)
    )
    seen, url = [], f"{API}/articles?limit={limit}"
    while url:
        page = get_json(client, url)
        seen += ids(page)
        url = page["next"]
    assert seen == expected and len(seen) == 7


def test_next_keeps_the_filters(client):
    politik = make_section("Politik")
    for _ in range(3):
        make_article(section=politik)
    make_article(section=make_section("Dunia"))
    page = get_json(client, f"{API}/articles?section=politik&limit=2")
    query = parse_qs(urlsplit(page["next"]).query)
    assert query["section"] == ["politik"] and query["cursor"] == [page["next_cursor"]]
    rest = get_json(client, page["next"])
    assert len(rest["items"]) == 1 and rest["next"] is None


def test_default_page_is_20_and_the_largest_100(client):
    for _ in range(21):
        make_article()
    assert len(get_json(client, f"{API}/articles")["items"]) == 20
    assert len(get_json(client, f"{API}/articles?limit=100")["items"]) == 21


@pytest.mark.parametrize(
    "query",
    [
        "section=tidak-ada",
        "tag=tidak-ada",
        "reporter=tidak-ada",
        "section=bukan%20slug",
        "since=kemarin",
        "since=2026-13-01",
        "since=99999-01-01",
        "since=0001-01-01T00:00:00%2B14:00",
        "since=1700000000",
        "cursor=abc",
        "cursor=1_2_3",
        "cursor=99999999999999999999999_1",
        "cursor=" + "9" * 70,
        "limit=0",
        "limit=101",
        "limit=-1",
        "limit=dua",
        "limit=99999999999999999999999999999",
        "section=" + "a" * 10_000,
    ],
)
def test_bad_parameters_get_400_with_a_json_detail(client, query):
    make_article(section=make_section("Politik"))
    body = get_json(client, f"{API}/articles?{query}", status=400)
    assert list(body) == ["detail"]
    assert isinstance(body["detail"], str) and body["detail"]


def test_a_cursor_from_another_filter_still_pages_safely(client):
    for _ in range(3):
        make_article()
    cursor = get_json(client, f"{API}/articles?limit=1")["next_cursor"]
    page = get_json(client, f"{API}/articles?cursor={cursor}&section=dunia")
    assert len(page["items"]) == 2


def test_a_page_costs_a_few_queries_however_many_tags(client, django_assert_max_num_queries):
    politik = make_section("Politik")
    tags = [make_tag(f"Tag {n}") for n in range(5)]
    for _ in range(30):
        make_article(section=politik, tags=tags)
    # the section lookup, one index walk per live status, the tags of the page
    with django_assert_max_num_queries(4):
        get_json(client, f"{API}/articles?section=politik&limit=100")
