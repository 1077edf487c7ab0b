"""Revisions: thinning, diffs, restoring, and a stale save that shows what changed."""

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from tests.factories import make_article, make_reporter, make_section, make_tag
from warta.desk.models import Revision
from warta.desk.roles import EDITOR, REPORTER
from warta.desk.services.editing import article_save
from warta.desk.services.revisions import revision_diff, revision_restore, revisions_thin
from warta.newsroom.models import Article

from .forms import change_form_data
from .people import make_user

pytestmark = pytest.mark.django_db
Kind = Revision.Kind


@pytest.fixture
def editor():
    return make_user(EDITOR)


def _draft(actor, **fields) -> Article:
    data = {
        "title": "Banjir di Jakarta",
        "slug": "banjir-di-jakarta",
        "lead": "Hujan semalam.",
        "body": "<p>Air naik.</p>",
        "section": make_section(),
        "reporter": make_reporter(),
        **fields,
    }
    return article_save(article=Article(), actor=actor, data=data).article


def _save(article, actor, kind=Kind.MANUAL, **data):
    article.refresh_from_db()
    return article_save(
        article=article, actor=actor, data=data, base_version=article.version, kind=kind
    )


def _kinds(article) -> list[tuple[int, str]]:
    return list(article.revisions.order_by("version", "id").values_list("version", "kind"))


def test_a_manual_save_thins_older_autosaves_but_keeps_published_versions(editor):
    article = _draft(editor)  # v1 manual
    _save(article, editor, Kind.AUTOSAVE, lead="a")  # v2
    _save(article, editor, Kind.AUTOSAVE, lead="b")  # v3
    Revision.objects.create(
        article=article, version=3, kind=Kind.PUBLISHED, author=editor, content={}
    )
    Revision.objects.create(
        article=article, version=3, kind=Kind.CORRECTION, author=editor, content={}
    )
    _save(article, editor, Kind.AUTOSAVE, lead="c")  # v4
    _save(article, editor, lead="d")  # v5 manual: thins
    assert _kinds(article) == [
        (1, Kind.MANUAL),
        (3, Kind.PUBLISHED),
        (3, Kind.CORRECTION),
        (5, Kind.MANUAL),
    ]


def test_autosaves_after_the_newest_manual_save_stay(editor):
    article = _draft(editor)
    _save(article, editor, lead="x")  # v2 manual
    _save(article, editor, Kind.AUTOSAVE, lead="y")  # v3
    assert revisions_thin(article) == 0
    assert _kinds(article)[-1] == (3, Kind.AUTOSAVE)


def test_diff_names_fields_in_indonesian_and_escapes_html(editor):
    article = _draft(editor)
    politik = make_section("Politik")
    first = article.revisions.get()
    second = _save(
        article,
        editor,
        title='Banjir <script>alert("x")</script> di Jakarta',
        body="<p>Air naik.</p><p>Warga <b>mengungsi</b>.</p>",
        section=politik,
    ).revision
    changes = {c.label: str(c.html) for c in revision_diff(first, second)}
    assert set(changes) == {"Judul", "Isi", "Rubrik"}
    assert "<script>" not in changes["Judul"]
    assert changes["Judul"] == (
        "Banjir<ins> &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</ins> di Jakarta"
    )
    assert "&lt;b&gt;mengungsi&lt;/b&gt;" in changes["Isi"] and "<b>" not in changes["Isi"]
    assert changes["Rubrik"] == "<del>Dunia</del> → <ins>Politik</ins>"


def test_a_form_save_that_keeps_the_time_shows_no_time_change(client, editor):
    # The first save takes the time of day with its microseconds; the form posts whole
    # seconds back.
    article = _draft(editor)
    shown = timezone.localtime(article.published_at)
    client.force_login(editor)
    response = client.post(
        f"/redaksi/newsroom/article/{article.pk}/change/",
        change_form_data(
            article,
            lead="Hujan deras.",
            published_at_0=shown.strftime("%Y-%m-%d"),
            published_at_1=shown.strftime("%H:%M:%S"),
            _continue="1",
        ),
    )
    assert response.status_code == 302
    first, second = article.revisions.order_by("version")
    assert [c.label for c in revision_diff(first, second)] == ["Teras"]


def test_diff_of_tags_uses_their_names(editor):
    article = _draft(editor)
    first = article.revisions.get()
    article.refresh_from_db()
    second = article_save(
        article=article,
        actor=editor,
        data={},
        tags=[make_tag("Banjir")],
        base_version=article.version,
    ).revision
    (change,) = revision_diff(first, second)
    assert (change.label, str(change.html)) == ("Tag", "<ins>Banjir</ins>")


def test_restore_saves_the_old_content_as_a_new_revision(editor):
    article = _draft(editor)
    old = article.revisions.get()
    _save(article, editor, title="Judul baru", body="<p>Lain.</p>")
    article.refresh_from_db()
    result = revision_restore(
        article=article, revision=old, actor=editor, base_version=article.version
    )
    article.refresh_from_db()
    assert (article.title, article.body, article.version) == (
        "Banjir di Jakarta",
        "<p>Air naik.</p>",
        3,
    )
    assert result.revision.kind == Kind.RESTORE
    assert _kinds(article) == [(1, Kind.MANUAL), (2, Kind.MANUAL), (3, Kind.RESTORE)]


def _restore(client, article, revision, *, base_version: int, **kwargs):
    """Press "Pulihkan" on the history page, as seen at ``base_version``."""
    url = f"/redaksi/newsroom/article/{article.pk}/revisi/{revision.pk}/pulihkan/"
    return client.post(url, {"base_version": base_version}, **kwargs)


def test_restore_through_the_history_page(client, editor):
    article = _draft(editor)
    old = article.revisions.get()
    _save(article, editor, title="Judul baru")
    client.force_login(editor)
    response = _restore(client, article, old, base_version=2)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.version) == ("Banjir di Jakarta", 3)


def test_a_reporter_may_not_restore_someone_elses_article(client, editor):
    article = _draft(editor)
    old = article.revisions.get()
    reporter = make_user(REPORTER)
    client.force_login(reporter)
    response = _restore(client, article, old, base_version=1)
    assert response.status_code == 403
    assert article.revisions.count() == 1


def test_restore_of_a_stale_view_is_refused(client, editor):
    article = _draft(editor)
    old = article.revisions.get()
    _save(article, editor, title="Judul baru")
    client.force_login(editor)
    response = _restore(client, article, old, base_version=1, follow=True)
    assert "sudah diubah oleh" in response.content.decode()
    article.refresh_from_db()
    assert (article.title, article.version) == ("Judul baru", 2)


def test_history_page_lists_revisions_and_shows_a_diff(client, editor):
    article = _draft(editor)
    first = article.revisions.get()
    second = _save(article, editor, title="Banjir <i>besar</i>").revision
    client.force_login(editor)
    url = f"/redaksi/newsroom/article/{article.pk}/revisi/"
    assert client.get(url).status_code == 200
    html = client.get(url, {"a": second.pk, "b": first.pk}).content.decode()
    assert "Perbedaan versi 1 (Simpan) → versi 2 (Simpan)" in html
    assert "<ins>&lt;i&gt;besar&lt;/i&gt;</ins>" in html


def test_history_page_needs_view_permission(client, editor):
    article = _draft(editor)
    outsider = User.objects.create_user("tamu", password="x", is_staff=True)
    client.force_login(outsider)
    assert client.get(f"/redaksi/newsroom/article/{article.pk}/revisi/").status_code == 403


def test_history_page_query_count(client, editor, django_assert_max_num_queries):
    article = _draft(editor)
    for n in range(5):
        _save(article, editor, lead=f"teras {n}")
    client.force_login(editor)
    with django_assert_max_num_queries(12):
        response = client.get(f"/redaksi/newsroom/article/{article.pk}/revisi/")
    assert response.status_code == 200


def test_second_editor_is_refused_and_sees_what_the_first_changed(client, editor):
    article = _draft(editor)
    first = make_user(EDITOR, "budi")
    first.first_name, first.last_name = "Budi", "Santoso"
    first.save()
    change_url = f"/redaksi/newsroom/article/{article.pk}/change/"
    client.force_login(editor)
    form = client.get(change_url).context["adminform"].form
    assert form["base_version"].value() == 1
    # Budi saves while the other editor still has version 1 open.
    _save(article, first, lead="Hujan deras sejak semalam.")
    client.force_login(editor)
    response = client.post(change_url, change_form_data(article, lead="Teras saya", base_version=1))
    assert response.status_code == 200  # the form again, with the error
    html = response.content.decode()
    assert "Berita ini sudah diubah oleh Budi Santoso" in html
    assert "<ins>deras sejak </ins>" in html
    article.refresh_from_db()
    assert (article.lead, article.version) == ("Hujan deras sejak semalam.", 2)


def test_a_live_article_is_untouched_by_make_article_helpers():
    # make_article writes no revisions; the desk copes with an article without history.
    article = make_article()
    assert revisions_thin(article) == 0
