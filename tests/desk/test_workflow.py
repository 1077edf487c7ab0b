"""The editorial workflow: every transition, each forbidden one, scheduling, withdrawal."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.factories import make_article, make_photo, make_tag
from warta.desk import workflow
from warta.desk.models import Revision, StatusChange
from warta.desk.roles import EDITOR, REPORTER
from warta.desk.services.transitions import (
    NotReady,
    article_approve,
    article_publish,
    article_schedule,
    article_submit,
    article_transition,
    article_withdraw,
)
from warta.newsroom.models import Article

from .people import make_user

pytestmark = pytest.mark.django_db
S = Article.Status

# (from, transition) → to, for every allowed step; everything else is refused.
ALLOWED = {
    (S.DRAFT, "submit"): S.SUBMITTED,
    (S.SUBMITTED, "approve"): S.READY,
    (S.SUBMITTED, "send_back"): S.DRAFT,
    (S.READY, "send_back"): S.DRAFT,
    (S.SUBMITTED, "schedule"): S.SCHEDULED,
    (S.READY, "schedule"): S.SCHEDULED,
    (S.SUBMITTED, "publish"): S.PUBLISHED,
    (S.READY, "publish"): S.PUBLISHED,
    (S.SCHEDULED, "publish"): S.PUBLISHED,
    (S.SCHEDULED, "unschedule"): S.READY,
    (S.PUBLISHED, "withdraw"): S.WITHDRAWN,
    (S.SCHEDULED, "withdraw"): S.WITHDRAWN,
    (S.WITHDRAWN, "restore"): S.DRAFT,
}
EVERY = [(status, name) for status in S.values for name in workflow.TRANSITIONS]


def publishable(status=S.DRAFT, **kwargs) -> Article:
    return make_article(status=status, tags=[make_tag()], **kwargs)


@pytest.mark.parametrize(("status", "name"), EVERY)
def test_every_transition_from_every_status(status, name):
    editor = make_user(EDITOR)
    article = publishable(status)
    when = timezone.now() + timedelta(hours=2)
    if (status, name) in ALLOWED:
        article_transition(article=article, actor=editor, name=name, when=when, note="uji")
        article.refresh_from_db()
        assert article.status == ALLOWED[(status, name)]
        change = StatusChange.objects.get(article=article)
        assert (change.actor, change.from_status, change.to_status, change.note) == (
            editor, status, ALLOWED[(status, name)], "uji",
        )  # fmt: skip
    else:
        with pytest.raises(workflow.InvalidTransition):
            article_transition(article=article, actor=editor, name=name, when=when)
        article.refresh_from_db()
        assert article.status == status
        assert not StatusChange.objects.filter(article=article).exists()


def test_a_reporter_submits_an_editor_approves_and_publishes():
    reporter, editor = make_user(REPORTER), make_user(EDITOR)
    article = publishable(published_at=timezone.now() - timedelta(days=3))
    article.created_by = reporter
    article.save()
    article_submit(article=article, actor=reporter)
    article_approve(article=article, actor=editor)
    published = article_publish(article=article, actor=editor)
    assert published.status == S.PUBLISHED
    assert abs((published.published_at - timezone.now()).total_seconds()) < 5
    assert published.editor == editor
    assert Revision.objects.filter(article=article, kind=Revision.Kind.PUBLISHED).count() == 1
    assert [c.to_status for c in StatusChange.objects.filter(article=article)] == [
        S.PUBLISHED, S.READY, S.SUBMITTED,
    ]  # fmt: skip


def test_publishing_is_blocked_until_the_article_is_ready():
    editor = make_user(EDITOR)
    article = make_article(status=S.READY, title="x" * 111)  # no tags, long headline
    with pytest.raises(NotReady) as blocked:
        article_publish(article=article, actor=editor)
    messages = " ".join(p.message for p in blocked.value.problems)
    assert "Judul 111 karakter" in messages and "tag" in messages
    article.refresh_from_db()
    assert article.status == S.READY


def test_a_photo_without_credit_blocks_publishing():
    editor = make_user(EDITOR)
    article = publishable(S.READY, lead_photo=make_photo("Suasana sidang", credit=""))
    with pytest.raises(NotReady, match="kredit"):
        article_publish(article=article, actor=editor)


def test_scheduling_needs_a_future_time():
    editor = make_user(EDITOR)
    article = publishable(S.READY)
    with pytest.raises(workflow.InvalidTransition):
        article_schedule(article=article, actor=editor, when=timezone.now() - timedelta(minutes=1))


def test_a_scheduled_article_goes_live_at_its_time_on_every_page(client):
    editor = make_user(EDITOR)
    due = timezone.now() + timedelta(hours=1)
    article = publishable(S.READY, title="Diumumkan tepat waktu")
    article_schedule(article=article, actor=editor, when=due)
    article.refresh_from_db()
    url = article.get_absolute_url()
    assert client.get(url).status_code == 404
    assert "Diumumkan tepat waktu" not in client.get("/indeks").content.decode()
    with time_machine.travel(due + timedelta(seconds=61), tick=False):
        assert client.get(url).status_code == 200
        for page in ("/", "/indeks", article.section.get_absolute_url()):
            assert "Diumumkan tepat waktu" in client.get(page).content.decode(), page


def test_a_withdrawn_article_is_gone_from_every_page_at_once(
    client, django_capture_on_commit_callbacks
):
    editor = make_user(EDITOR)
    article = publishable(S.READY, title="Berita yang ditarik")
    article_publish(article=article, actor=editor)
    article.refresh_from_db()
    url = article.get_absolute_url()
    pages = ["/", "/indeks", article.section.get_absolute_url(), url]
    for page in pages:  # fill every cache first
        assert "Berita yang ditarik" in client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        article_withdraw(article=article, actor=editor, note="Narasumber keliru")
    response = client.get(url)
    assert response.status_code == 410
    assert "Berita telah ditarik" in response.content.decode()
    assert client.get(f"/dunia/read/{article.pk}").status_code == 410
    for page in pages[:-1]:
        html = client.get(page).content.decode()
        assert "Berita yang ditarik" not in html, page
    other = make_article(title="Berita lain")
    detail = client.get(other.get_absolute_url()).content.decode()
    assert "Berita yang ditarik" not in re.sub(r"\s+", " ", detail)


def test_a_withdrawn_article_stays_in_the_desk(client):
    editor = make_user(EDITOR)
    article = publishable(S.READY)
    article_publish(article=article, actor=editor)
    article_withdraw(article=article, actor=editor)
    client.force_login(editor)
    page = client.get(f"/redaksi/newsroom/article/{article.pk}/change/")
    assert page.status_code == 200
    assert "Ditarik" in page.content.decode()


def test_the_desk_shows_only_the_steps_the_user_may_take(client):
    reporter = make_user(REPORTER)
    article = publishable(S.DRAFT)
    article.created_by = reporter
    article.save()
    client.force_login(reporter)
    html = client.get(f"/redaksi/newsroom/article/{article.pk}/change/").content.decode()
    assert "Ajukan ke redaktur" in html
    assert "Terbitkan sekarang" not in html


def test_a_transition_answers_only_post(client):
    editor = make_user(EDITOR)
    article = publishable(S.READY)
    client.force_login(editor)
    assert client.get(f"/redaksi/newsroom/article/{article.pk}/alur/publish/").status_code == 405
    assert client.post(f"/redaksi/newsroom/article/{article.pk}/alur/terbang/").status_code == 302
