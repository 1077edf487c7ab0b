"""Desk sessions end after DESK_IDLE_SECONDS without activity (2 hours by default),
SESSION_COOKIE_AGE after signing in whatever the editor does (12 hours), and when
the browser closes."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.conf import settings

from tests.desk.people import make_user
from tests.factories import make_article
from warta.desk.roles import EDITOR
from warta.newsroom.models import Article

from .signing_in import LOGIN, sign_in

pytestmark = pytest.mark.django_db

IDLE = timedelta(seconds=settings.DESK_IDLE_SECONDS)
LIFETIME = timedelta(seconds=settings.SESSION_COOKIE_AGE)


@pytest.fixture
def traveller():
    with time_machine.travel(datetime.now(tz=UTC), tick=True) as traveller:
        yield traveller


@pytest.fixture
def signed_in(client, traveller):
    editor = make_user(EDITOR, "sari")
    assert sign_in(client, editor.username).status_code == 302
    return client


def is_in(client) -> bool:
    response = client.get("/redaksi/")
    if response.status_code == 302:
        assert response["Location"].startswith(LOGIN)
        return False
    assert response.status_code == 200
    return True


def test_a_session_left_idle_ends(signed_in, traveller):
    traveller.shift(IDLE - timedelta(minutes=2))
    assert is_in(signed_in)
    traveller.shift(IDLE + timedelta(minutes=2))
    assert not is_in(signed_in)


def test_activity_keeps_a_session_going(signed_in, traveller):
    for _ in range(4):
        traveller.shift(IDLE - timedelta(minutes=5))
        assert is_in(signed_in)


def test_a_session_ends_after_twelve_hours_however_active(signed_in, traveller):
    elapsed = timedelta(0)
    while elapsed + timedelta(hours=1) < LIFETIME:
        traveller.shift(timedelta(hours=1))
        elapsed += timedelta(hours=1)
        assert is_in(signed_in)
    traveller.shift(LIFETIME - elapsed + timedelta(minutes=1))
    assert not is_in(signed_in)


def test_an_open_article_page_alone_does_not_keep_a_session_going(signed_in, traveller):
    article = make_article(status=Article.Status.DRAFT)
    lock = f"/redaksi/newsroom/article/{article.pk}/kunci/"
    # The page's own heartbeat, every 30 s while it is open, is not the editor working.
    for _ in range(3):
        traveller.shift(IDLE / 3 - timedelta(minutes=1))
        assert signed_in.post(lock).status_code == 200
    traveller.shift(timedelta(minutes=10))
    assert not is_in(signed_in)


def test_the_session_cookie_goes_when_the_browser_closes(client):
    editor = make_user(EDITOR, "sari")
    sign_in(client, editor.username)
    cookie = client.cookies["sessionid"]
    assert cookie["path"] == "/redaksi/"
    assert not cookie["max-age"] and not cookie["expires"]
    assert cookie["httponly"]
