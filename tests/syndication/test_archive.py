"""The archive's month counts behind the sitemaps: kept right by the desk and by
imports, the current month counted live, earlier years in indexes of their own."""

from datetime import date, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from tests.desk.people import make_user
from tests.factories import make_article, make_photo, make_tag
from tests.ingest.conftest import article_line
from warta.desk.roles import EDITOR
from warta.desk.services.editing import article_save
from warta.desk.services.transitions import article_publish, article_schedule, article_withdraw
from warta.ingest.importer import ImportAborted, import_records
from warta.newsroom.models import Article
from warta.syndication.archive import archive_months, archive_recount_all
from warta.syndication.models import ArchiveMonth

from .conftest import SITEMAP, parse

pytestmark = pytest.mark.django_db
ZONE = timezone.get_default_timezone()
NOW = datetime(2026, 3, 15, 10, 0, tzinfo=ZONE)
FEB, MARCH, APRIL, MAY = (date(2026, month, 1) for month in (2, 3, 4, 5))


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=ZONE)


def stored() -> dict[date, int]:
    return dict(ArchiveMonth.objects.filter(articles__gt=0).values_list("month", "articles"))


def locs(response) -> list[str]:
    found = parse(response).iter(f"{SITEMAP}loc")
    return [loc.text.removeprefix("http://testserver") for loc in found]


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def editor(db):
    return make_user(EDITOR)


@pytest.fixture
def desk(django_capture_on_commit_callbacks):
    """Run a desk action as a request does: its after-commit receivers run too."""

    def run(action, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(**kwargs)

    return run


def ready(**kwargs) -> Article:
    photo = make_photo("Suasana sidang", "Antara")
    return make_article(status=Article.Status.READY, tags=[make_tag()], lead_photo=photo, **kwargs)


def test_publishing_and_withdrawing_count_in_the_articles_month(clock, editor, desk):
    article = ready()

    desk(article_publish, article=article, actor=editor)
    assert stored() == {MARCH: 1}

    desk(article_withdraw, article=article, actor=editor)
    assert stored() == {}


def test_an_article_scheduled_for_later_this_month_appears_in_the_index_when_due(
    clock, editor, desk, client
):
    desk(article_publish, article=ready(), actor=editor)
    later = ready()

    desk(article_schedule, article=later, actor=editor, when=at(2026, 3, 20, 8))

    assert stored() == {MARCH: 2}  # stored: live statuses, whatever the clock says
    assert archive_months() == {MARCH: 1}  # the current month: what readers see now
    clock.move_to(at(2026, 3, 20, 9))
    assert archive_months() == {MARCH: 2}
    page = parse(client.get("/sitemap-berita-2026-03.xml"))
    assert len(list(page.iter(f"{SITEMAP}url"))) == 2


def test_rescheduling_moves_the_article_between_months(clock, editor, desk):
    article = ready()
    desk(article_schedule, article=article, actor=editor, when=at(2026, 4, 10, 8))
    assert stored() == {APRIL: 1}

    article.refresh_from_db()
    desk(
        article_save,
        article=article,
        actor=editor,
        data={"published_at": at(2026, 5, 2, 8)},
        base_version=article.version,
    )
    assert stored() == {MAY: 1}

    desk(article_publish, article=article, actor=editor)  # now, not in May
    assert stored() == {MARCH: 1}


def test_editing_the_date_of_a_published_article_recounts_both_months(clock, editor, desk):
    article = ready()
    desk(article_publish, article=article, actor=editor)
    article.refresh_from_db()

    desk(
        article_save,
        article=article,
        actor=editor,
        data={"published_at": at(2026, 2, 27, 8)},
        base_version=article.version,
    )

    assert stored() == {FEB: 1}


def test_imports_count_new_articles_and_moved_ones_in_both_months(clock):
    lines = [
        article_line(id=1, slug="satu", published_at="2026-02-27T10:00:00+07:00"),
        article_line(id=2, slug="dua", published_at="2026-03-01T00:30:00+07:00"),
        article_line(id=3, slug="tiga", published_at="2026-03-02T10:00:00+07:00", status="draft"),
    ]
    import_records(lines)
    # 1 March 00:30 in Jakarta is still February in UTC: months are the site's.
    assert stored() == {FEB: 1, MARCH: 1}

    import_records([article_line(id=1, slug="satu", published_at="2026-03-03T10:00:00+07:00")])

    assert stored() == {MARCH: 2}


def test_a_failed_import_leaves_the_counts_as_they_were(clock):
    import_records([article_line(id=1, slug="satu", published_at="2026-02-27T10:00:00+07:00")])
    moved = article_line(id=1, slug="satu", published_at="2026-03-03T10:00:00+07:00")
    fresh = article_line(id=2, slug="dua", published_at="2026-03-04T10:00:00+07:00")

    with pytest.raises(ImportAborted):
        import_records([moved, fresh, {"slug": "tanpa-judul"}])

    assert stored() == {FEB: 1}


def test_a_full_recount_repairs_counts_and_drops_empty_months(clock):
    make_article(published_at=at(2026, 2, 3))  # a factory writes past the desk
    ArchiveMonth.objects.create(month=date(2025, 7, 1), articles=4)  # nothing there now

    archive_recount_all()

    assert stored() == {FEB: 1}


def test_operators_repair_the_counts_with_a_command(clock):
    make_article(published_at=at(2026, 2, 3))  # written past the desk: not counted yet
    out = StringIO()

    call_command("recount-archive", stdout=out)

    assert stored() == {FEB: 1}
    assert "1 bulan" in out.getvalue()


@pytest.fixture
def years(clock):
    """Articles in 2024, 2025 (two months) and this year, counted."""
    for moment in (at(2024, 12, 31, 23), at(2025, 1, 5), at(2025, 6, 1), at(2026, 1, 2)):
        make_article(published_at=moment)
    make_article(published_at=at(2026, 3, 14))
    archive_recount_all()


def test_the_index_lists_this_years_months_and_robots_txt_each_earlier_years_index(client, years):
    months = [loc for loc in locs(client.get("/sitemap.xml")) if "berita" in loc]
    assert months == ["/sitemap-berita-2026-03.xml", "/sitemap-berita-2026-01.xml"]

    robots = client.get("/robots.txt").content.decode().splitlines()
    assert [line for line in robots if line.startswith("Sitemap:")] == [
        "Sitemap: http://testserver/sitemap.xml",
        "Sitemap: http://testserver/sitemap-news.xml",
        "Sitemap: http://testserver/sitemap-arsip-2025.xml",
        "Sitemap: http://testserver/sitemap-arsip-2024.xml",
    ]
    assert locs(client.get("/sitemap-arsip-2025.xml")) == [
        "/sitemap-berita-2025-06.xml",
        "/sitemap-berita-2025-01.xml",
    ]
    # Every month page an index lists exists.
    assert client.get("/sitemap-berita-2024-12.xml").status_code == 200


def test_an_earlier_years_index_reads_only_the_stored_counts(
    client, years, django_assert_num_queries
):
    with django_assert_num_queries(1):
        response = client.get("/sitemap-arsip-2025.xml")
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("public")


@pytest.mark.parametrize(
    "url",
    [
        "/sitemap-arsip-2023.xml",  # nothing published that year
        "/sitemap-arsip-2026.xml",  # this year: the main index lists it
        "/sitemap-arsip-2027.xml",
        "/sitemap-arsip-0000.xml",
        "/sitemap-arsip-99999999999999999999.xml",
    ],
)
def test_year_indexes_without_earlier_news_are_404(client, years, url):
    assert client.get(url).status_code == 404


def test_the_index_costs_the_same_few_queries_whatever_the_archive_holds(
    client, years, django_assert_num_queries
):
    # Sections, reporters and news counted; this year's stored months; the current
    # month counted. Not one query per month of the archive.
    with django_assert_num_queries(5):
        client.get("/sitemap.xml")
    for month in range(1, 13):
        make_article(published_at=at(2023, month, 2))
    archive_recount_all()
    with django_assert_num_queries(5):
        client.get("/sitemap.xml")


def test_an_article_published_past_the_desk_this_month_is_counted_at_once(client, years):
    make_article(published_at=timezone.now() - timedelta(minutes=1))  # no recount

    with time_machine.travel(NOW + timedelta(days=20)):  # April: March is stored now
        assert archive_months()[MARCH] == 1
    assert archive_months()[MARCH] == 2
