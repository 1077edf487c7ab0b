"""The permission table of the desk, row by row, role by role, enforced on the server."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tests.factories import make_article, make_tag
from warta.desk.roles import ADMIN, EDITOR, MANAGING_EDITOR, REPORTER, Action, may
from warta.desk.services.editing import article_save
from warta.desk.services.transitions import article_publish, article_submit
from warta.newsroom.models import Article

from .forms import change_form_data
from .people import make_user

pytestmark = pytest.mark.django_db

# action → the roles that may do it (the table)
MATRIX = {
    "write own drafts and submit": {REPORTER, EDITOR, MANAGING_EDITOR, ADMIN},
    "edit others' articles": {EDITOR, MANAGING_EDITOR, ADMIN},
    "publish, schedule, withdraw": {EDITOR, MANAGING_EDITOR, ADMIN},
    "placement": {MANAGING_EDITOR, ADMIN},
    "correction / right of reply": {EDITOR, MANAGING_EDITOR, ADMIN},
    "manage users, sections": {ADMIN},
}
CASES = [(action, role, role in allowed) for action, allowed in MATRIX.items() for role in
         (REPORTER, EDITOR, MANAGING_EDITOR, ADMIN)]  # fmt: skip


def ready_article(**kwargs) -> Article:
    return make_article(status=Article.Status.READY, tags=[make_tag()], **kwargs)


def attempt(action: str, user, client) -> int:
    """Try the action through the desk's HTTP interface; the status code it answers."""
    client.force_login(user)
    if action == "write own drafts and submit":
        own = make_article(status=Article.Status.DRAFT)
        own.created_by = user
        own.save()
        return client.post(f"/redaksi/newsroom/article/{own.pk}/alur/submit/").status_code
    if action == "edit others' articles":
        other = make_article(status=Article.Status.DRAFT)
        data = change_form_data(other, title="Disunting orang lain")
        return client.post(f"/redaksi/newsroom/article/{other.pk}/change/", data).status_code
    if action == "publish, schedule, withdraw":
        article = ready_article()
        return client.post(f"/redaksi/newsroom/article/{article.pk}/alur/publish/").status_code
    if action == "placement":
        article = make_article(status=Article.Status.DRAFT)
        article.created_by = user
        article.save()
        data = change_form_data(article, is_headline="on")
        return client.post(f"/redaksi/newsroom/article/{article.pk}/change/", data).status_code
    if action == "correction / right of reply":
        article = make_article(status=Article.Status.PUBLISHED)
        data = {"kind": "ralat", "body": "<p>Nama narasumber yang benar adalah Budi.</p>"}
        status = client.post(f"/redaksi/newsroom/article/{article.pk}/ralat/", data).status_code
        # The desk redirects after errors too; only a stored correction is a success.
        return status if status != 302 or article.corrections.exists() else 400
    if action == "manage users, sections":
        users = client.get("/redaksi/auth/user/add/").status_code
        sections = client.get("/redaksi/newsroom/section/add/").status_code
        return users if users == sections else 500
    raise AssertionError(action)


@pytest.mark.parametrize(("action", "role", "allowed"), CASES)
def test_the_permission_matrix(client, action, role, allowed):
    user = make_user(role)
    status = attempt(action, user, client)
    if allowed:
        # Posts redirect after success (a 200 would be the form again, with errors).
        success = 200 if action == "manage users, sections" else 302
        assert status == success, f"{role} should be able to {action}, got {status}"
    else:
        assert status == 403, f"{role} must get 403 for {action}, got {status}"


def test_a_reporter_cannot_edit_an_own_article_after_submitting_it():
    reporter = make_user(REPORTER)
    article = make_article(status=Article.Status.DRAFT)
    article.created_by = reporter
    article.save()
    article_submit(article=article, actor=reporter)
    article.refresh_from_db()
    with pytest.raises(PermissionDenied):
        article_save(article=article, actor=reporter, data={"title": "Diubah"})


def test_services_refuse_on_their_own_not_only_the_admin():
    reporter = make_user(REPORTER)
    with pytest.raises(PermissionDenied):
        article_publish(article=ready_article(), actor=reporter)
    editor = make_user(EDITOR)
    draft = make_article(status=Article.Status.DRAFT, published_at=timezone.now())
    with pytest.raises(PermissionDenied):
        article_save(article=draft, actor=editor, data={"is_breaking": True})


def test_a_deactivated_user_loses_every_permission_at_once():
    editor = make_user(EDITOR)
    assert may(editor, Action.PUBLISH)
    editor.is_active = False
    editor.save()
    assert not may(editor, Action.PUBLISH)
