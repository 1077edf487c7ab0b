"""The desk's front page at /redaksi/: each person's lists, in constant queries."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.desk.people import make_user
from tests.factories import make_article, make_reporter
from warta.audience.models import ArticleViewHour
from warta.desk.roles import EDITOR, REPORTER
from warta.newsroom.models import Article

pytestmark = pytest.mark.django_db
S = Article.Status
JAKARTA = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 3, 2, 14, 30, tzinfo=JAKARTA)
SECTIONS = ("draf-saya", "menunggu-diperiksa", "terjadwal", "terbit-hari-ini", "terpopuler")


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def people():
    reporter_user = make_user(REPORTER, "wartawan")
    editor_user = make_user(EDITOR, "redaktur")
    byline = make_reporter("Wartawan Satu")
    byline.user = reporter_user
    byline.save()
    return reporter_user, editor_user, byline


def _article(title, *, by=None, **kwargs) -> Article:
    article = make_article(title=title, **kwargs)
    if by is not None:
        Article.objects.filter(pk=article.pk).update(created_by=by)
    return article


def _views(article, hours_ago: int, views: int) -> None:
    hour = (NOW - timedelta(hours=hours_ago)).replace(minute=0, second=0, microsecond=0)
    ArticleViewHour.objects.create(article=article, hour=hour, views=views)


@pytest.fixture
def newsroom(people):
    reporter_user, editor_user, byline = people
    other = make_reporter("Orang Lain")
    _article("Draf tulisan wartawan", by=reporter_user, reporter=other, status=S.DRAFT)
    _article("Draf atas nama wartawan", reporter=byline, status=S.DRAFT)
    _article("Draf tulisan redaktur", by=editor_user, reporter=other, status=S.DRAFT)
    _article("Draf orang lain", reporter=other, status=S.DRAFT)
    _article("Diajukan wartawan", reporter=byline, status=S.SUBMITTED)
    _article("Siap terbit orang lain", reporter=other, status=S.READY)
    _article("Jadwal sore", status=S.SCHEDULED, published_at=NOW + timedelta(hours=2, minutes=30))
    _article("Jadwal yang sudah lewat", status=S.SCHEDULED, published_at=NOW - timedelta(hours=1))
    today = _article("Terbit pagi ini", published_at=NOW.replace(hour=8, minute=0))
    _views(today, hours_ago=6, views=5)
    _views(today, hours_ago=1, views=7)
    yesterday = _article("Terbit tadi malam", published_at=NOW.replace(hour=0) - timedelta(hours=1))
    old = _article("Berita lama yang ramai", published_at=NOW - timedelta(days=3))
    _views(old, hours_ago=3, views=50)
    _views(old, hours_ago=48, views=1000)  # outside the 24 hours
    _views(yesterday, hours_ago=10, views=20)
    _article("Ditarik", status=S.WITHDRAWN, published_at=NOW - timedelta(hours=2))
    return people


def _sections(page: str) -> dict[str, str]:
    return {name: re.search(rf'id="{name}">(.*?)</table>', page, re.S)[1] for name in SECTIONS}


def _dashboard(client, user) -> dict[str, str]:
    client.force_login(user)
    response = client.get("/redaksi/")
    assert response.status_code == 200
    return _sections(response.content.decode())


def _titles(html: str) -> list[str]:
    return re.findall(r'<a href="/redaksi/newsroom/article/\d+/change/">([^<]+)</a>', html)


def test_a_reporter_sees_own_drafts_and_own_queue(client, newsroom):
    reporter_user, _, _ = newsroom
    sections = _dashboard(client, reporter_user)
    assert sorted(_titles(sections["draf-saya"])) == [
        "Draf atas nama wartawan",
        "Draf tulisan wartawan",
    ]
    assert _titles(sections["menunggu-diperiksa"]) == ["Diajukan wartawan"]
    assert "(berita Anda)" in sections["menunggu-diperiksa"]


def test_an_editor_sees_the_whole_queue(client, newsroom):
    _, editor_user, _ = newsroom
    sections = _dashboard(client, editor_user)
    assert _titles(sections["draf-saya"]) == ["Draf tulisan redaktur"]
    assert sorted(_titles(sections["menunggu-diperiksa"])) == [
        "Diajukan wartawan",
        "Siap terbit orang lain",
    ]
    assert "(berita Anda)" not in sections["menunggu-diperiksa"]


def test_scheduled_articles_show_the_time_left(client, newsroom):
    sections = _dashboard(client, newsroom[1])
    assert _titles(sections["terjadwal"]) == ["Jadwal sore"]
    assert "terbit 2\xa0jam, 30\xa0menit lagi" in sections["terjadwal"]


def test_published_today_counts_views_so_far(client, newsroom):
    sections = _dashboard(client, newsroom[0])
    # Since midnight in Jakarta: the scheduled article whose time came counts too.
    assert _titles(sections["terbit-hari-ini"]) == ["Jadwal yang sudah lewat", "Terbit pagi ini"]
    row = sections["terbit-hari-ini"].split("Terbit pagi ini")[1].split("</tr>")[0]
    assert "12 kali dibaca" in row


def test_most_read_counts_only_the_last_24_hours(client, newsroom):
    sections = _dashboard(client, newsroom[1])
    assert _titles(sections["terpopuler"]) == [
        "Berita lama yang ramai",
        "Terbit tadi malam",
        "Terbit pagi ini",
    ]
    assert "50 kali dibaca" in sections["terpopuler"]
    assert "1050" not in sections["terpopuler"]


def test_empty_lists_say_so(client, people):
    sections = _dashboard(client, people[0])
    assert "Tidak ada draf." in sections["draf-saya"]
    assert "Belum ada yang dibaca." in sections["terpopuler"]


def test_the_admin_chrome_and_app_list_stay(client, people):
    client.force_login(people[1])
    page = client.get("/redaksi/").content.decode()
    assert "Meja redaksi" in page
    assert 'href="/redaksi/newsroom/article/"' in page  # the app list
    assert 'href="/redaksi/logout/"' in page or "logout-form" in page


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get("/redaksi/")
    assert response.status_code == 302
    assert response["Location"] == "/redaksi/login/?next=/redaksi/"


def test_non_staff_users_are_sent_to_the_login_page(client, people):
    reporter_user = people[0]
    reporter_user.is_staff = False
    reporter_user.save()
    client.force_login(reporter_user)
    assert client.get("/redaksi/")["Location"].startswith("/redaksi/login/")


def _query_count(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/redaksi/").status_code == 200
    return len(queries)


@pytest.mark.parametrize("role", [0, 1], ids=["reporter", "editor"])
def test_a_constant_number_of_queries(client, newsroom, role, django_assert_max_num_queries):
    user = newsroom[role]
    few = _query_count(client, user)
    byline = newsroom[2]
    for n in range(15):
        for status in (S.DRAFT, S.SUBMITTED, S.PUBLISHED):
            _article(f"Tambahan {status} {n}", by=user, reporter=byline, status=status)
        scheduled = _article(
            f"Jadwal {n}", status=S.SCHEDULED, published_at=NOW + timedelta(hours=n + 1)
        )
        _views(scheduled, hours_ago=2, views=n)
    assert _query_count(client, user) == few
    client.force_login(user)
    with django_assert_max_num_queries(9):
        client.get("/redaksi/")
