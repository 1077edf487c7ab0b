"""Editing the time of a story readers see: back to correct it, never out of their sight."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.factories import make_article
from warta.desk.models import StatusChange
from warta.desk.roles import EDITOR
from warta.desk.services.editing import article_save
from warta.desk.workflow import InvalidTransition
from warta.newsroom.models import Article

from .forms import change_form_data
from .people import make_user

pytestmark = pytest.mark.django_db

S = Article.Status


def form_time(moment) -> dict:
    local = timezone.localtime(moment)
    return {
        "published_at_0": local.strftime("%Y-%m-%d"),
        "published_at_1": local.strftime("%H:%M:%S"),
    }


def save(client, article: Article, moment):
    data = change_form_data(article, **form_time(moment))
    return client.post(f"/redaksi/newsroom/article/{article.pk}/change/", data)


def published_an_hour_ago() -> Article:
    return make_article(status=S.PUBLISHED, published_at=timezone.now() - timedelta(hours=1))


def test_a_plain_save_cannot_move_a_published_story_into_the_future(client):
    client.force_login(make_user(EDITOR))
    article = published_an_hour_ago()
    response = save(client, article, timezone.now() + timedelta(days=365))
    assert response.status_code == 200  # the form again, with the reason
    errors = response.context["adminform"].form.errors["published_at"]
    assert "Tarik berita" in errors[0]
    assert Article.objects.published().filter(pk=article.pk).exists()
    assert not StatusChange.objects.exists()


def test_the_service_refuses_it_too_not_only_the_form():
    article = published_an_hour_ago()
    with pytest.raises(InvalidTransition):
        article_save(
            article=article,
            actor=make_user(EDITOR),
            data={"published_at": timezone.now() + timedelta(days=365)},
        )
    assert Article.objects.published().filter(pk=article.pk).exists()


def test_a_scheduled_story_whose_time_came_is_live_and_cannot_be_moved_away_either(client):
    client.force_login(make_user(EDITOR))
    article = make_article(status=S.SCHEDULED, published_at=timezone.now() + timedelta(minutes=5))
    with time_machine.travel(timezone.now() + timedelta(minutes=10), tick=False):
        response = save(client, article, timezone.now() + timedelta(days=1))
        assert response.status_code == 200
        assert Article.objects.published().filter(pk=article.pk).exists()


def test_backdating_a_published_story_is_an_edit_the_audit_log_records(client):
    editor = make_user(EDITOR)
    client.force_login(editor)
    article = published_an_hour_ago()
    response = save(client, article, timezone.now() - timedelta(days=2))
    assert response.status_code == 302
    article.refresh_from_db()
    assert Article.objects.published().filter(pk=article.pk).exists()
    entry = StatusChange.objects.get(article=article)
    assert (entry.actor, entry.from_status, entry.to_status) == (editor, S.PUBLISHED, S.PUBLISHED)
    assert entry.note.startswith("Waktu terbit diubah")


def test_moving_a_scheduled_story_to_another_future_time_is_allowed_and_logged(client):
    client.force_login(make_user(EDITOR))
    article = make_article(status=S.SCHEDULED, published_at=timezone.now() + timedelta(hours=2))
    assert save(client, article, timezone.now() + timedelta(days=1)).status_code == 302
    entry = StatusChange.objects.get(article=article)
    assert (entry.from_status, entry.to_status) == (S.SCHEDULED, S.SCHEDULED)


def test_a_save_that_keeps_the_time_logs_nothing(client):
    client.force_login(make_user(EDITOR))
    article = published_an_hour_ago()
    # The form posts whole seconds; the stored time has microseconds.
    data = change_form_data(article, title="Judul yang diperbaiki")
    assert client.post(f"/redaksi/newsroom/article/{article.pk}/change/", data).status_code == 302
    assert not StatusChange.objects.exists()


def test_a_draft_may_take_any_time():
    article = make_article(status=S.DRAFT)
    later = timezone.now() + timedelta(days=365)
    reporter_user = make_user(EDITOR)
    article_save(article=article, actor=reporter_user, data={"published_at": later})
    assert not StatusChange.objects.exists()
