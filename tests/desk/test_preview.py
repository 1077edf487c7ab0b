"""Signed preview links: the tokens, and the desk's Pratinjau panel."""

import re
from datetime import datetime, timedelta
from html import unescape
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import signing
from django.test import Client

from tests.factories import make_article
from warta.desk.previews import article_for_preview, preview_for, preview_token
from warta.desk.roles import EDITOR
from warta.newsroom.models import Article

from .people import make_user

pytestmark = pytest.mark.django_db
S = Article.Status
START = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


@pytest.fixture
def draft():
    return make_article(title="Draf rahasia", status=S.DRAFT)


def test_a_token_opens_its_article(draft):
    assert article_for_preview(preview_token(draft)) == draft


def test_the_link_shows_the_current_content_and_knows_it_changed(draft):
    token = preview_token(draft)
    Article.objects.filter(pk=draft.pk).update(title="Judul baru", version=draft.version + 1)
    preview = preview_for(token)
    assert preview.article.title == "Judul baru"
    assert preview.is_outdated
    assert not preview_for(preview_token(preview.article)).is_outdated


def test_a_token_lasts_24_hours():
    with time_machine.travel(START, tick=False) as traveller:
        draft = make_article(status=S.DRAFT)
        token = preview_token(draft)
        traveller.shift(timedelta(hours=23, minutes=59))
        assert article_for_preview(token) == draft
        traveller.shift(timedelta(minutes=1, seconds=1))
        assert article_for_preview(token) is None


def test_the_lifetime_is_a_setting(settings):
    settings.PREVIEW_MAX_AGE_SECONDS = 3600
    with time_machine.travel(START, tick=False) as traveller:
        draft = make_article(status=S.DRAFT)
        token = preview_token(draft)
        traveller.shift(timedelta(hours=1, seconds=1))
        assert article_for_preview(token) is None


def test_a_withdrawn_or_unknown_article_is_not_previewed(draft):
    token = preview_token(draft)
    Article.objects.filter(pk=draft.pk).update(status=S.WITHDRAWN)
    assert article_for_preview(token) is None
    assert article_for_preview(preview_token(Article(pk=987654321, version=1))) is None


def test_a_token_is_bound_to_its_article(draft):
    other = make_article(status=S.DRAFT)
    value, timestamp, signature = preview_token(draft).split(":")
    assert article_for_preview(f"{other.pk}.1:{timestamp}:{signature}") is None


@pytest.mark.parametrize(
    "token",
    [
        "",
        "x",
        ":::",
        "1.1:abc:def",
        "1:1:1:1",
        "x" * 10_000,
        "ñ😀\u202e\x00:ā:ß",
        signing.TimestampSigner().sign("1.1"),  # the right shape, another salt
        signing.TimestampSigner(salt="warta.desk.preview").sign("satu.dua"),
        signing.TimestampSigner(salt="warta.desk.preview").sign("1"),
        signing.TimestampSigner(salt="warta.desk.preview").sign("99999999999999999999999.1"),
    ],
)
def test_bad_tokens_give_none_and_never_raise(draft, token):
    assert article_for_preview(token) is None


# --- the desk panel --------------------------------------------------------------------


def _change_page(client, article) -> str:
    response = client.get(f"/redaksi/newsroom/article/{article.pk}/change/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_panel_gives_a_link_another_editor_can_open_logged_out(client, draft):
    client.force_login(make_user(EDITOR))
    page = _change_page(client, draft)
    assert "Pratinjau" in page
    link = unescape(re.search(r'value="(http://testserver/pratinjau/[^"]+)"', page)[1])

    stranger = Client()
    response = stranger.get(link)
    assert response.status_code == 200
    assert "Draf rahasia" in response.content.decode()


def test_the_open_button_makes_a_fresh_link(client, draft):
    client.force_login(make_user(EDITOR))
    response = client.get(f"/redaksi/newsroom/article/{draft.pk}/pratinjau/")
    assert response.status_code == 302
    assert response["Location"].startswith("/pratinjau/")
    assert article_for_preview(response["Location"].removeprefix("/pratinjau/")) == draft


def test_the_open_button_needs_a_login(client, draft):
    response = client.get(f"/redaksi/newsroom/article/{draft.pk}/pratinjau/")
    assert response.status_code == 302
    assert response["Location"].startswith("/redaksi/login/")


@pytest.mark.parametrize("status", [S.PUBLISHED, S.WITHDRAWN])
def test_no_panel_once_published_or_withdrawn(client, status):
    client.force_login(make_user(EDITOR))
    article = make_article(status=status)
    assert 'id="pratinjau"' not in _change_page(client, article)
