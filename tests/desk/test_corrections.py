"""Ralat and Hak Jawab on the desk: who may publish one, what it records, what it refuses."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tests.factories import make_article
from warta.desk.models import Revision
from warta.desk.roles import ADMIN, EDITOR, MANAGING_EDITOR, REPORTER
from warta.desk.services.corrections import (
    ArticleNotLive,
    EmptyCorrection,
    InvalidCorrection,
    article_correct,
)
from warta.newsroom.models import Article, Correction
from warta.newsroom.signals import article_changed

from .people import make_user

pytestmark = pytest.mark.django_db
K = Correction.Kind


def _url(article: Article) -> str:
    return f"/redaksi/newsroom/article/{article.pk}/ralat/"


def _change_url(article: Article) -> str:
    return f"/redaksi/newsroom/article/{article.pk}/change/"


@pytest.fixture
def article():
    return make_article(
        body="<p>Menteri X mengatakan harga beras turun.</p>",
        published_at=timezone.now() - timedelta(hours=2),
    )


# --- the service ----------------------------------------------------------------------


@pytest.mark.parametrize("role", [EDITOR, MANAGING_EDITOR, ADMIN])
def test_editors_publish_a_correction(article, role):
    correction = article_correct(
        article=article, actor=make_user(role), kind=K.CORRECTION, body="<p>Yang benar: naik.</p>"
    )
    assert correction.pk and correction.kind == K.CORRECTION
    assert correction.article_id == article.pk
    assert correction.body == "<p>Yang benar: naik.</p>"


def test_a_reporter_may_not(article):
    with pytest.raises(PermissionDenied):
        article_correct(
            article=article, actor=make_user(REPORTER), kind=K.CORRECTION, body="<p>Ralat.</p>"
        )
    assert not Correction.objects.exists()


def test_the_correction_has_its_own_time_and_bumps_updated_at(article):
    editor = make_user(EDITOR)
    before = article.updated_at
    later = timezone.now() + timedelta(minutes=5)
    with time_machine.travel(later, tick=False):
        correction = article_correct(
            article=article, actor=editor, kind=K.REPLY, body="<p>Hak jawab PT Y.</p>"
        )
    article.refresh_from_db()
    assert correction.created_at == later
    assert correction.created_by == editor
    assert article.updated_at == later > before


def test_the_published_text_stays_in_the_history_untouched(article):
    editor = make_user(EDITOR)
    version = article.version
    article_correct(article=article, actor=editor, kind=K.CORRECTION, body="<p>Koreksi.</p>")
    article.refresh_from_db()
    assert article.body == "<p>Menteri X mengatakan harga beras turun.</p>"
    assert article.version == version
    revision = Revision.objects.get(article=article, kind=Revision.Kind.CORRECTION)
    assert revision.version == version
    assert revision.author == editor
    assert revision.content["body"] == "<p>Menteri X mengatakan harga beras turun.</p>"
    assert revision.content["title"] == article.title


def test_hostile_html_is_sanitized(article):
    correction = article_correct(
        article=article,
        actor=make_user(EDITOR),
        kind=K.CORRECTION,
        body=(
            '<p onclick="steal()">Benar: <a href="javascript:alert(1)">naik</a></p>'
            "<script>alert(1)</script><iframe src=//evil></iframe>"
        ),
    )
    assert "script" not in correction.body
    assert "onclick" not in correction.body
    assert "javascript:" not in correction.body
    assert "iframe" not in correction.body
    assert correction.body.startswith("<p>Benar: <a")


@pytest.mark.parametrize("body", ["", "   ", "<p></p>", "<script>alert(1)</script>", "<br>"])
def test_an_empty_correction_is_refused(article, body):
    with pytest.raises(EmptyCorrection, match="tidak boleh kosong"):
        article_correct(article=article, actor=make_user(EDITOR), kind=K.CORRECTION, body=body)
    assert not Correction.objects.exists()
    assert not Revision.objects.filter(kind=Revision.Kind.CORRECTION).exists()


def test_an_unknown_kind_is_refused(article):
    with pytest.raises(InvalidCorrection, match="Ralat atau Hak Jawab"):
        article_correct(article=article, actor=make_user(EDITOR), kind="koreksi", body="<p>x</p>")


@pytest.mark.parametrize(
    "status", [Article.Status.DRAFT, Article.Status.READY, Article.Status.WITHDRAWN]
)
def test_only_live_articles_take_corrections(status):
    article = make_article(status=status)
    with pytest.raises(ArticleNotLive, match="sudah terbit"):
        article_correct(
            article=article, actor=make_user(EDITOR), kind=K.CORRECTION, body="<p>x</p>"
        )
    assert not Correction.objects.exists()


def test_a_scheduled_article_not_yet_out_is_not_live():
    article = make_article(
        status=Article.Status.SCHEDULED, published_at=timezone.now() + timedelta(hours=1)
    )
    with pytest.raises(ArticleNotLive):
        article_correct(
            article=article, actor=make_user(EDITOR), kind=K.CORRECTION, body="<p>x</p>"
        )


def test_article_changed_is_sent_after_commit(article, django_capture_on_commit_callbacks):
    received = []

    def listener(sender, article_id, **kwargs):
        received.append(article_id)

    article_changed.connect(listener)
    try:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            article_correct(article=article, actor=make_user(EDITOR), kind=K.REPLY, body="<p>x</p>")
        assert received == []  # not before the commit
        for callback in callbacks:
            callback()
    finally:
        article_changed.disconnect(listener)
    assert received == [article.pk]


# --- the endpoint and the panel -------------------------------------------------------


def test_a_reporter_gets_403_from_the_endpoint(client, article):
    client.force_login(make_user(REPORTER))
    response = client.post(_url(article), {"kind": K.CORRECTION, "body": "<p>Ralat.</p>"})
    assert response.status_code == 403
    assert not Correction.objects.exists()


def test_an_editor_publishes_through_the_endpoint(client, article):
    client.force_login(make_user(EDITOR))
    response = client.post(
        _url(article), {"kind": K.REPLY, "body": "<p>Hak jawab PT Y.</p>"}, follow=True
    )
    assert response.redirect_chain[0][0].startswith(_change_url(article))
    page = response.content.decode()
    assert "Hak Jawab diterbitkan" in page
    assert "Hak jawab PT Y." in page
    assert Correction.objects.get().kind == K.REPLY


def test_the_endpoint_answers_only_post(client, article):
    client.force_login(make_user(EDITOR))
    assert client.get(_url(article)).status_code == 405


def test_the_endpoint_explains_refusals_in_indonesian(client):
    draft = make_article(status=Article.Status.DRAFT)
    client.force_login(make_user(EDITOR))
    response = client.post(_url(draft), {"kind": K.CORRECTION, "body": "<p>x</p>"}, follow=True)
    assert "hanya untuk berita yang sudah terbit" in response.content.decode()
    response = client.post(_url(draft), {"kind": K.CORRECTION, "body": "x" * 20_001}, follow=True)
    assert "terlalu panjang" in response.content.decode()
    assert not Correction.objects.exists()


def test_the_endpoint_needs_a_desk_login(client, article):
    response = client.post(_url(article), {"kind": K.CORRECTION, "body": "<p>x</p>"})
    assert response.status_code == 302
    assert "/redaksi/login/" in response["Location"]
    assert not Correction.objects.exists()


def test_the_panel_shows_the_form_only_to_those_who_may_correct(client, article):
    article_correct(article=article, actor=make_user(EDITOR), kind=K.CORRECTION, body="<p>Ok.</p>")
    client.force_login(make_user(EDITOR, username="redaktur-2"))
    page = client.get(_change_url(article)).content.decode()
    assert "Terbitkan ralat/hak jawab" in page
    assert "Ralat dan hak jawab" in page
    # A reporter editing others' published work cannot open it at all; give them their own.
    reporter = make_user(REPORTER)
    own = make_article(status=Article.Status.DRAFT)
    own.created_by = reporter
    own.save()
    client.force_login(reporter)
    page = client.get(_change_url(own)).content.decode()
    assert "Terbitkan ralat/hak jawab" not in page


def test_the_panel_tells_why_a_draft_takes_no_correction(client):
    draft = make_article(status=Article.Status.DRAFT)
    client.force_login(make_user(EDITOR))
    page = client.get(_change_url(draft)).content.decode()
    assert "Terbitkan ralat/hak jawab" not in page
    assert "hanya dapat diterbitkan untuk berita yang sudah terbit" in page
