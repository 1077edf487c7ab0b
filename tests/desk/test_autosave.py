"""Autosave: a revision every 30 s, never over a newer version, never a 500."""

import json

import pytest

from tests.factories import make_reporter, make_section
from warta.desk.locks import lock_holder
from warta.desk.models import Revision
from warta.desk.roles import EDITOR, REPORTER
from warta.desk.services.editing import article_save
from warta.newsroom.models import Article

from .forms import change_form_data
from .people import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_user(EDITOR)


@pytest.fixture
def article(editor):
    data = {
        "title": "Gempa di Cianjur",
        "slug": "gempa-di-cianjur",
        "lead": "Gempa mengguncang.",
        "body": "<p>Warga keluar rumah.</p>",
        "section": make_section(),
        "reporter": make_reporter(),
    }
    return article_save(article=Article(), actor=editor, data=data).article


def _url(article):
    return f"/redaksi/newsroom/article/{article.pk}/autosave/"


def test_autosave_of_a_draft_saves_it_and_answers_the_new_version(client, editor, article):
    client.force_login(editor)
    response = client.post(_url(article), change_form_data(article, lead="Gempa M5,6."))
    assert response.status_code == 200
    payload = response.json()
    assert payload["version"] == 2 and payload["saved_at"]
    article.refresh_from_db()
    assert (article.lead, article.version) == ("Gempa M5,6.", 2)
    assert article.revisions.order_by("-version").first().kind == Revision.Kind.AUTOSAVE
    assert lock_holder(article.pk).user_id == editor.pk


def test_autosave_accepts_json(client, editor, article):
    client.force_login(editor)
    response = client.post(
        _url(article),
        json.dumps(change_form_data(article, title="Gempa susulan")),
        content_type="application/json",
    )
    assert response.status_code == 200
    article.refresh_from_db()
    assert article.title == "Gempa susulan"


def test_autosave_of_a_live_article_keeps_what_readers_see(client, editor, article):
    Article.objects.filter(pk=article.pk).update(status=Article.Status.PUBLISHED)
    article.refresh_from_db()
    updated_at = article.updated_at
    client.force_login(editor)
    response = client.post(_url(article), change_form_data(article, lead="Setengah diketik"))
    assert response.status_code == 200
    article.refresh_from_db()
    assert (article.lead, article.version, article.updated_at) == (
        "Gempa mengguncang.",
        2,
        updated_at,
    )
    draft = article.revisions.get(version=2)
    assert (draft.kind, draft.content["lead"]) == (Revision.Kind.AUTOSAVE, "Setengah diketik")
    # The change form offers the draft, to compare and restore.
    page = client.get(f"/redaksi/newsroom/article/{article.pk}/change/").content.decode()
    assert "belum tampil bagi pembaca" in page


def test_a_manual_save_after_its_own_autosave_is_accepted(client, editor, article):
    client.force_login(editor)
    version = client.post(_url(article), change_form_data(article, lead="a")).json()["version"]
    article.refresh_from_db()
    response = client.post(
        f"/redaksi/newsroom/article/{article.pk}/change/",
        change_form_data(article, lead="b", base_version=version),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.lead == "b"
    # The manual save thinned the autosave away.
    kinds = list(article.revisions.order_by("version").values_list("kind", flat=True))
    assert kinds == [Revision.Kind.MANUAL, Revision.Kind.MANUAL]


def test_stale_autosave_is_refused_with_409(client, editor, article):
    other = make_user(EDITOR, "sari")
    article_save(article=article, actor=other, data={"lead": "Sari"}, base_version=1)
    client.force_login(editor)
    response = client.post(_url(article), change_form_data(article, lead="Saya", base_version=1))
    assert response.status_code == 409
    assert "sudah diubah oleh" in response.json()["error"]
    article.refresh_from_db()
    assert (article.lead, article.version) == ("Sari", 2)


def test_autosave_by_someone_who_may_not_edit_is_refused_with_403(client, article):
    client.force_login(make_user(REPORTER))
    response = client.post(_url(article), change_form_data(article, lead="Bukan milik saya"))
    assert response.status_code == 403
    assert response.json()["error"]
    article.refresh_from_db()
    assert article.version == 1


@pytest.mark.parametrize(
    "body, content_type",
    [
        ("{not json", "application/json"),
        ("[1, 2]", "application/json"),
        ('{"title": ""}', "application/json"),
        ("base_version=abc", "application/x-www-form-urlencoded"),
        ("base_version=99999999999999999999", "application/x-www-form-urlencoded"),
        ("base_version=1&section=xyz&title=", "application/x-www-form-urlencoded"),
        ("\xff\xfe", "application/json"),
    ],
)
def test_garbage_autosave_is_a_400(client, editor, article, body, content_type):
    client.force_login(editor)
    response = client.post(_url(article), body, content_type=content_type)
    assert response.status_code == 400
    assert response.json()["error"]
    article.refresh_from_db()
    assert article.version == 1


def test_autosave_wants_post(client, editor, article):
    client.force_login(editor)
    assert client.get(_url(article)).status_code == 405


def test_the_change_form_loads_autosave_js(client, editor, article):
    client.force_login(editor)
    page = client.get(f"/redaksi/newsroom/article/{article.pk}/change/").content.decode()
    assert "desk/autosave.js" in page
    assert f'data-url="/redaksi/newsroom/article/{article.pk}/autosave/"' in page
