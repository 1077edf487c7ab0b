"""Autosave from the add form: the first one creates the article as a Draf and names
its change form; nothing a reporter types before the first "Simpan" is lost."""

import pytest

from tests.factories import make_reporter, make_section
from warta.desk.locks import lock_holder
from warta.desk.models import Revision
from warta.desk.roles import REPORTER
from warta.newsroom.models import Article

from .people import make_user

pytestmark = pytest.mark.django_db

URL = "/redaksi/newsroom/article/baru/autosave/"


@pytest.fixture
def reporter_user():
    user = make_user(REPORTER)
    reporter = make_reporter()
    reporter.user = user
    reporter.save()
    return user


def _typed(**overrides) -> dict:
    return {
        "title": "Banjir Rendam Kemang",
        "slug": "banjir-rendam-kemang",
        "section": make_section().pk,
        "reporter": make_reporter().pk,
        "lead": "",
        "body": "<p>Air setinggi lutut.</p>",
        "published_at_0": "2025-01-06",
        "published_at_1": "08:00:00",
        "base_version": "",
        **overrides,
    }


def test_the_first_autosave_creates_a_draft_and_names_its_change_form(client, reporter_user):
    client.force_login(reporter_user)
    response = client.post(URL, _typed())
    assert response.status_code == 201
    payload = response.json()
    article = Article.objects.get()
    assert payload["id"] == article.pk and payload["version"] == 1
    assert payload["change_url"] == f"/redaksi/newsroom/article/{article.pk}/change/"
    assert payload["autosave_url"] == f"/redaksi/newsroom/article/{article.pk}/autosave/"
    assert (article.status, article.title, article.body) == (
        Article.Status.DRAFT,
        "Banjir Rendam Kemang",
        "<p>Air setinggi lutut.</p>",
    )
    assert article.created_by == reporter_user
    assert article.revisions.get().kind == Revision.Kind.AUTOSAVE
    assert lock_holder(article.pk).user_id == reporter_user.pk


def test_without_a_title_nothing_is_created_and_the_answer_says_what_is_missing(
    client, reporter_user
):
    client.force_login(reporter_user)
    response = client.post(URL, _typed(title="", slug=""))
    assert response.status_code == 400
    assert "Judul" in response.json()["error"]
    assert not Article.objects.exists()


def test_placement_is_never_autosaved_into_a_new_article(client, reporter_user):
    client.force_login(reporter_user)
    assert client.post(URL, _typed(is_headline="on")).status_code == 201
    assert not Article.objects.filter(is_headline=True).exists()


def test_someone_who_may_not_write_gets_403(client):
    user = make_user(REPORTER)
    user.groups.clear()
    client.force_login(user)
    assert client.post(URL, _typed()).status_code == 403
    assert not Article.objects.exists()


def test_new_autosave_wants_post(client, reporter_user):
    client.force_login(reporter_user)
    assert client.get(URL).status_code == 405


def test_the_add_form_starts_as_the_writers_own_in_their_section(client, reporter_user):
    reporter = reporter_user.reporter
    make_section("Politik", position=1)
    hukum = make_section("Hukum", position=2)
    Article.objects.create(
        title="Sidang", slug="sidang", section=hukum, reporter=reporter, body="<p>x</p>"
    )
    client.force_login(reporter_user)
    response = client.get("/redaksi/newsroom/article/add/")
    form = response.context["adminform"].form
    assert (form.initial["reporter"], form.initial["section"]) == (reporter.pk, hukum.pk)
    assert 'data-url="/redaksi/newsroom/article/baru/autosave/"' in response.content.decode()
