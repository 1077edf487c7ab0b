"""Changing a shared photo of the media library leaves a trace on the stories readers see."""

import pytest

from tests.factories import make_article, make_photo
from warta.desk.models import StatusChange
from warta.desk.roles import ADMIN, EDITOR
from warta.newsroom.models import Article, Photo
from warta.newsroom.signals import article_changed

from .people import make_user

pytestmark = pytest.mark.django_db

S = Article.Status


def change(client, photo: Photo, **fields):
    data = {"caption": photo.caption, "credit": photo.credit, "alt_text": "", **fields}
    return client.post(f"/redaksi/newsroom/photo/{photo.pk}/change/", data)


def test_an_editor_changing_a_photo_readers_see_is_logged_on_each_story_that_shows_it(
    client, django_capture_on_commit_callbacks
):
    editor = make_user(EDITOR)
    client.force_login(editor)
    photo = make_photo(caption="Presiden meresmikan bendungan.", credit="Antara")
    published = make_article(status=S.PUBLISHED, lead_photo=photo)
    scheduled = make_article(status=S.SCHEDULED, lead_photo=photo)
    draft = make_article(status=S.DRAFT, lead_photo=photo)
    refreshed = []

    def listen(sender, article_id, **kwargs):
        refreshed.append(article_id)

    article_changed.connect(listen)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = change(client, photo, caption="Wakil Presiden meresmikan bendungan.")
    finally:
        article_changed.disconnect(listen)

    assert response.status_code == 302
    logged = StatusChange.objects.filter(actor=editor)
    assert {entry.article_id for entry in logged} == {published.pk, scheduled.pk}
    entry = logged.get(article=published)
    assert (entry.from_status, entry.to_status) == (S.PUBLISHED, S.PUBLISHED)
    assert "Presiden meresmikan bendungan." in entry.note
    assert "Wakil Presiden meresmikan bendungan." in entry.note
    assert not StatusChange.objects.filter(article=draft).exists()
    # The pages readers see are refreshed like after an edit; the draft's has no readers.
    assert sorted(refreshed) == sorted([published.pk, scheduled.pk])


def test_a_change_no_story_readers_see_shows_leaves_no_audit_entry(client):
    client.force_login(make_user(EDITOR))
    photo = make_photo()
    make_article(status=S.DRAFT, lead_photo=photo)
    assert change(client, photo, caption="Keterangan yang lebih lengkap.").status_code == 302
    assert not StatusChange.objects.exists()


def test_saving_a_photo_unchanged_logs_nothing(client):
    client.force_login(make_user(EDITOR))
    photo = make_photo()
    make_article(status=S.PUBLISHED, lead_photo=photo)
    assert change(client, photo).status_code == 302
    assert not StatusChange.objects.exists()


def test_deleting_a_photo_readers_see_is_logged_on_the_story(client):
    admin = make_user(ADMIN)
    client.force_login(admin)
    photo = make_photo(caption="Banjir di Kampung Melayu.")
    article = make_article(status=S.PUBLISHED, lead_photo=photo)
    response = client.post(f"/redaksi/newsroom/photo/{photo.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.lead_photo is None
    entry = StatusChange.objects.get(article=article)
    assert entry.actor == admin
    assert "Banjir di Kampung Melayu." in entry.note
