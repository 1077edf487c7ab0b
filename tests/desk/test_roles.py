"""The permission table of the desk, row by row, role by role, enforced on the server."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from tests.factories import make_article, make_photo, make_tag
from warta.desk.roles import ADMIN, EDITOR, MANAGING_EDITOR, REPORTER, Action, may
from warta.desk.services.editing import article_save
from warta.desk.services.transitions import article_publish, article_submit
from warta.newsroom.models import Article, Photo, Section

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
    # The media library: a shared photo may be what readers see on many stories.
    "view photos": {REPORTER, EDITOR, MANAGING_EDITOR, ADMIN},
    "upload photos": {REPORTER, EDITOR, MANAGING_EDITOR, ADMIN},
    "change own photo no reader sees": {REPORTER, EDITOR, MANAGING_EDITOR, ADMIN},
    "change own photo a published article shows": {EDITOR, MANAGING_EDITOR, ADMIN},
    "change others' photos": {EDITOR, MANAGING_EDITOR, ADMIN},
    "delete photos": {ADMIN},
}
# What a success answers: a page for looking, a redirect after a post.
SUCCESS = {"view photos": 200}
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
        when = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
        tries = [
            (ready_article(), "publish", {}, Article.Status.PUBLISHED),
            (ready_article(), "schedule", {"when": when}, Article.Status.SCHEDULED),
            (
                make_article(status=Article.Status.PUBLISHED),
                "withdraw",
                {},
                Article.Status.WITHDRAWN,
            ),
        ]
        answers = set()
        for article, name, data, target in tries:
            url = f"/redaksi/newsroom/article/{article.pk}/alur/{name}/"
            status = client.post(url, data).status_code
            article.refresh_from_db()
            # The desk redirects after a refused transition too; only the new status counts.
            answers.add(status if status != 302 or article.status == target else 400)
        return answers.pop() if len(answers) == 1 else 500
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
        answers = {
            client.get("/redaksi/auth/user/add/").status_code,
            client.get("/redaksi/newsroom/section/add/").status_code,
        }
        new_user = {
            "username": "kontributor-baru",
            "password1": "kata-sandi-panjang-sekali",
            "password2": "kata-sandi-panjang-sekali",
            "usable_password": "true",
        }
        answers.add(client.post("/redaksi/auth/user/add/", new_user).status_code)
        new_section = {"name": "Otomotif", "slug": "otomotif", "position": 9}
        answers.add(client.post("/redaksi/newsroom/section/add/", new_section).status_code)
        # Pages to look at answer 200, accepted posts redirect: success is {200, 302}.
        if answers == {200, 302}:
            made = User.objects.filter(username="kontributor-baru").exists()
            return 302 if made and Section.objects.filter(slug="otomotif").exists() else 400
        return answers.pop() if len(answers) == 1 else 500
    if action == "view photos":
        photo = make_photo()
        answers = {
            client.get("/redaksi/newsroom/photo/").status_code,
            client.get(f"/redaksi/newsroom/photo/{photo.pk}/change/").status_code,
        }
        return answers.pop() if len(answers) == 1 else 500
    if action == "upload photos":
        status = client.post("/redaksi/newsroom/photo/add/", photo_form(upload=jpeg())).status_code
        return status if status != 302 or Photo.objects.filter(uploaded_by=user).exists() else 400
    if action.startswith("change"):
        photo = make_photo(caption="Keterangan lama")
        if action != "change others' photos":
            photo.uploaded_by = user
            photo.save()
        if action == "change own photo a published article shows":
            make_article(status=Article.Status.PUBLISHED, lead_photo=photo)
        url = f"/redaksi/newsroom/photo/{photo.pk}/change/"
        status = client.post(url, photo_form(upload=jpeg())).status_code
        photo.refresh_from_db()
        if status == 403:
            assert photo.caption == "Keterangan lama" and not photo.image, "a 403 changed nothing"
        return status if status != 302 or photo.caption == NEW_CAPTION else 400
    if action == "delete photos":
        photo = make_photo()
        photo.uploaded_by = user
        photo.save()
        url = f"/redaksi/newsroom/photo/{photo.pk}/delete/"
        status = client.post(url, {"post": "yes"}).status_code
        return status if status != 302 or not Photo.objects.filter(pk=photo.pk).exists() else 400
    raise AssertionError(action)


NEW_CAPTION = "Keterangan baru yang menggantikan keterangan lama."


def photo_form(**fields) -> dict:
    return {"caption": NEW_CAPTION, "credit": "Antara", "alt_text": "", **fields}


def jpeg() -> SimpleUploadedFile:
    buffer = BytesIO()
    Image.new("RGB", (1400, 900), "teal").save(buffer, "JPEG")
    return SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.parametrize(("action", "role", "allowed"), CASES)
def test_the_permission_matrix(client, action, role, allowed):
    user = make_user(role)
    status = attempt(action, user, client)
    if allowed:
        # Posts redirect after success (a 200 would be the form again, with errors).
        success = SUCCESS.get(action, 302)
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
