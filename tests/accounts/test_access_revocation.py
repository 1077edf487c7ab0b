"""Someone removed, deactivated or demoted loses access at the very next request, in
the middle of an open desk session too (in production mode the session lives in
Redis and the database: ``cached_db``)."""

import json

import pytest
from django.contrib.auth.models import User

from tests.desk.forms import change_form_data
from tests.desk.people import make_user, role_group
from tests.factories import make_article, make_reporter, make_section, make_tag
from warta.desk.roles import ADMIN, EDITOR, REPORTER
from warta.desk.services.editing import article_save
from warta.newsroom.models import Article

from .signing_in import LOGIN, is_signed_in, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor():
    return make_user(EDITOR, "sari")


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


@pytest.fixture
def open_session(client, editor, article):
    """The editor signed in, the article's change page open."""
    assert sign_in(client, editor.username).status_code == 302
    assert client.get(f"/redaksi/newsroom/article/{article.pk}/change/").status_code == 200
    return client


def autosave(client, article, **changes):
    return client.post(
        f"/redaksi/newsroom/article/{article.pk}/autosave/",
        json.dumps(change_form_data(article, **changes)),
        content_type="application/json",
    )


def deactivate(user):
    user.is_active = False
    user.save()


def delete(user):
    User.objects.filter(pk=user.pk).delete()


def take_desk_access(user):
    user.is_staff = False
    user.save()


@pytest.mark.parametrize(
    "revoke", [deactivate, delete, take_desk_access], ids=["deactivated", "deleted", "not staff"]
)
def test_the_next_request_of_an_open_session_is_sent_to_sign_in(
    open_session, editor, article, revoke
):
    revoke(editor)

    page = open_session.get("/redaksi/")
    assert page.status_code == 302 and page["Location"].startswith(LOGIN)
    saved = autosave(open_session, article, title="Judul dari sesi yang dicabut")
    assert saved.status_code == 302 and saved["Location"].startswith(LOGIN)
    change = open_session.post(
        f"/redaksi/newsroom/article/{article.pk}/change/",
        change_form_data(article, title="Judul lain"),
    )
    assert change.status_code == 302 and change["Location"].startswith(LOGIN)
    article.refresh_from_db()
    assert (article.title, article.version) == ("Gempa di Cianjur", 1)


@pytest.mark.parametrize("revoke", [deactivate, take_desk_access], ids=["deactivated", "not staff"])
def test_a_revoked_user_cannot_sign_in_again(client, editor, revoke):
    revoke(editor)
    assert sign_in(client, editor.username).status_code == 200
    assert not is_signed_in(client)


def test_an_editor_demoted_to_reporter_can_no_longer_publish(open_session, editor):
    ready = make_article(status=Article.Status.READY, tags=[make_tag()])
    editor.groups.set([role_group(REPORTER)])

    response = open_session.post(f"/redaksi/newsroom/article/{ready.pk}/alur/publish/")
    assert response.status_code == 403
    ready.refresh_from_db()
    assert ready.status == Article.Status.READY


def test_a_demoted_editor_can_no_longer_autosave_someone_elses_article(open_session, editor):
    others = make_article(status=Article.Status.DRAFT, title="Milik orang lain")
    assert autosave(open_session, others, title="Masih boleh").status_code == 200
    editor.groups.set([role_group(REPORTER)])
    others.refresh_from_db()

    refused = autosave(open_session, others, title="Tidak boleh lagi")
    assert refused.status_code == 403
    others.refresh_from_db()
    assert others.title == "Masih boleh"


def test_an_admin_demoted_loses_user_management_at_once(client):
    admin = make_user(ADMIN, "admin")
    client.force_login(admin)
    assert client.get("/redaksi/auth/user/").status_code == 200
    admin.groups.set([role_group(EDITOR)])
    assert client.get("/redaksi/auth/user/").status_code == 403
    response = client.post(
        "/redaksi/auth/user/add/",
        {"username": "baru", "password1": "Sandi-Yang-Kuat-7!", "password2": "Sandi-Yang-Kuat-7!"},
    )
    assert response.status_code == 403
    assert not User.objects.filter(username="baru").exists()


def test_a_password_changed_by_an_admin_ends_the_users_open_sessions(open_session, editor):
    editor.set_password("sandi-baru-yang-panjang")
    editor.save()
    assert open_session.get("/redaksi/")["Location"].startswith(LOGIN)
