"""The article list at archive scale: counting stops at a limit, the reporter filter
asks per reporter, and the list's cost does not follow the archive's size."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_reporter
from warta.desk.admin import listing
from warta.desk.roles import EDITOR

from .people import make_user

pytestmark = pytest.mark.django_db
CHANGELIST = "/redaksi/newsroom/article/"


@pytest.fixture
def desk_client(client):
    client.force_login(make_user(EDITOR))
    return client


@pytest.fixture
def limit_of_three(monkeypatch):
    monkeypatch.setattr(listing.BoundedCountPaginator, "count_limit", 3)


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_list_longer_than_the_limit_says_more_than_the_limit(desk_client, limit_of_three):
    for _ in range(5):
        make_article()

    response = desk_client.get(CHANGELIST)

    assert response.status_code == 200
    assert "lebih dari 3 berita" in text(response)
    assert len(response.context["cl"].result_list) == 5  # the page itself is whole


def test_a_list_within_the_limit_gives_its_exact_count(desk_client, limit_of_three):
    make_article(title="Satu")
    make_article(title="Dua")

    page = text(desk_client.get(CHANGELIST))
    assert "2 berita" in page
    assert "lebih dari" not in page

    found = text(desk_client.get(f"{CHANGELIST}?q=Satu"))
    assert "1 hasil" in found and "lebih dari" not in found


@pytest.fixture
def pages_of_two(monkeypatch):
    from warta.desk.admin.articles import ArticleAdmin

    monkeypatch.setattr(ArticleAdmin, "list_per_page", 2)


def titles(response) -> list[str]:
    return [article.title for article in response.context["cl"].result_list]


def test_a_search_is_paged_without_counting_its_matches(desk_client, pages_of_two):
    for n in range(5):
        make_article(title=f"Banjir Jakarta {n}")  # 4 is the newest changed
    make_article(title="Harga cabai")

    with CaptureQueriesContext(connection) as captured:
        first = desk_client.get(f"{CHANGELIST}?q=banjir")
    assert not any("COUNT(" in query["sql"] for query in captured.captured_queries)
    assert titles(first) == ["Banjir Jakarta 4", "Banjir Jakarta 3"]
    assert "lebih dari 2 hasil" in text(first)
    assert first.context["cl"].paginator.num_pages == 2  # one page further, as it goes

    second = desk_client.get(f"{CHANGELIST}?q=banjir&p=2")
    assert titles(second) == ["Banjir Jakarta 2", "Banjir Jakarta 1"]
    assert "lebih dari 4 hasil" in text(second)

    last = desk_client.get(f"{CHANGELIST}?q=banjir&p=3")
    assert titles(last) == ["Banjir Jakarta 0"]
    assert "5 hasil" in text(last) and "lebih dari" not in text(last)


def test_a_search_is_never_listed_whole(desk_client, pages_of_two):
    for n in range(5):
        make_article(title=f"Banjir Jakarta {n}")

    response = desk_client.get(f"{CHANGELIST}?q=banjir&all=")

    assert titles(response) == ["Banjir Jakarta 4", "Banjir Jakarta 3"]
    assert response.context["cl"].can_show_all is False
    assert 'class="showall"' not in response.content.decode()


def test_a_search_page_past_its_end_is_no_error(desk_client, pages_of_two):
    make_article(title="Banjir Jakarta")
    for page in ("99999999999", "3", "2"):
        response = desk_client.get(f"{CHANGELIST}?q=banjir&p={page}")
        # Django's answer to any page past the end: the list again, with a notice.
        assert response.status_code == 302, page
        assert response.url.endswith("?e=1"), page
    for page in ("0", "-1", "x"):  # read as the first page, as Django does
        assert titles(desk_client.get(f"{CHANGELIST}?q=banjir&p={page}")) == ["Banjir Jakarta"]


def test_the_count_reads_at_most_one_row_past_the_limit(limit_of_three):
    for _ in range(6):
        make_article()
    from warta.newsroom.models import Article

    paginator = listing.BoundedCountPaginator(Article.objects.order_by("-updated_at"), 2)

    with CaptureQueriesContext(connection) as captured:
        assert paginator.count == 4
    (query,) = captured.captured_queries
    assert "LIMIT 4" in query["sql"]
    assert paginator.num_pages == 2


def test_the_reporter_filter_lists_reporters_with_articles_without_scanning_them(desk_client):
    make_article(reporter=make_reporter("Sarah Meiliana Gunawan"))
    make_article(reporter=make_reporter("Agus Santoso"))
    make_reporter("Belum Menulis")

    with CaptureQueriesContext(connection) as captured:
        response = desk_client.get(CHANGELIST)

    names = [name for _, name in _reporter_filter(response).lookup_choices]
    assert names == ["Agus Santoso", "Sarah Meiliana Gunawan"]
    assert not any("DISTINCT" in query["sql"] for query in captured.captured_queries)


def test_a_page_past_the_end_is_no_error(desk_client, limit_of_three):
    make_article()
    response = desk_client.get(f"{CHANGELIST}?p=99999999999")
    assert response.status_code in (200, 302)


def _reporter_filter(response):
    return next(
        spec
        for spec in response.context["cl"].filter_specs
        if getattr(spec, "field_path", "") == "reporter"
    )


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's plan")
def test_on_postgresql_a_title_search_walks_the_titles_in_an_index(pages_of_two):
    from warta.desk.admin.listing import TitleSearchPaginator
    from warta.newsroom.models import Article

    for n in range(5):
        make_article(title=f"Banjir Jakarta {n}")
    searched = Article.objects.filter(title__icontains="banjir").order_by("-updated_at", "-id")
    paginator = TitleSearchPaginator(searched, 2, page_number=1)
    with CaptureQueriesContext(connection) as captured:
        assert paginator.count == 3
    (query,) = captured.captured_queries
    with connection.cursor() as cursor:
        # A few rows are cheapest read whole, through the trigram index or through the
        # smaller order-only index (rows this new are not yet marked all-visible, which
        # is what makes the index-only walk cheaper); what is asked is whether the walk
        # can read titles without the rows (the test's transaction restores them).
        cursor.execute("DROP INDEX article_title_trigram, article_desk_recent")
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("EXPLAIN " + query["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert "Index Only Scan using article_desk_title" in plan
