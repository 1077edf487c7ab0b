"""Who may do what on the desk.

Roles are Django groups (made, with their permissions, by migrations/0002_roles.py)
holding Django permissions; this module answers "may this person do this to this
article?" from those permissions, so the rules live in one table:

| action                         | Reporter | Redaktur | Redaktur Pelaksana | Admin |
|--------------------------------|----------|----------|--------------------|-------|
| write/edit own drafts, submit  | yes      | yes      | yes                | yes   |
| edit others' articles          | no       | yes      | yes                | yes   |
| publish, schedule, withdraw    | no       | yes      | yes                | yes   |
| placement                      | no       | no       | yes                | yes   |
| correction / right of reply    | no       | yes      | yes                | yes   |
| manage users, sections         | no       | no       | no                 | yes   |
| change a photo in the library  | own [1]  | any      | any                | any   |
| delete a photo                 | no       | no       | no                 | any   |
| must sign in with a 2nd factor | no       | no       | yes                | yes   |

[1] A photo they uploaded themselves that no published or scheduled article shows:
changing one that readers see is an editor's decision (services/photos.py logs it on
each article that shows it).

The second factor (a TOTP code) is optional for the other roles; superusers, who may
do everything, need it like Admin. The check itself lives in warta/accounts.
"""

from enum import StrEnum

from django.core.exceptions import PermissionDenied

from warta.newsroom.models import Article, Photo

REPORTER = "Reporter"
EDITOR = "Redaktur"
MANAGING_EDITOR = "Redaktur Pelaksana"
ADMIN = "Admin"
ROLES = (REPORTER, EDITOR, MANAGING_EDITOR, ADMIN)
# Who must prove a second factor (a TOTP code) before the desk opens to them.
SECOND_FACTOR_REQUIRED = (MANAGING_EDITOR, ADMIN)


class Action(StrEnum):
    WRITE = "write"  # create articles, edit own drafts, submit them
    EDIT_OTHERS = "edit_others"
    PUBLISH = "publish"  # also schedule, withdraw, mark ready, send back
    PLACE = "place"
    CORRECT = "correct"


_PERMISSION = {
    Action.WRITE: "newsroom.add_article",
    Action.EDIT_OTHERS: "newsroom.edit_others_article",
    Action.PUBLISH: "newsroom.publish_article",
    Action.PLACE: "newsroom.place_article",
    Action.CORRECT: "newsroom.correct_article",
}


def may(user, action: Action, article: Article | None = None) -> bool:
    """Whether ``user`` may do ``action`` (to ``article``, when it matters)."""
    if not (user and user.is_active and user.is_authenticated):
        return False
    if not user.has_perm(_PERMISSION[action]):
        return False
    if action is Action.WRITE and article is not None and article.pk:
        # Writing someone else's article, or one that left the draft stage, is editing.
        return (is_own(user, article) and article.status == Article.Status.DRAFT) or user.has_perm(
            _PERMISSION[Action.EDIT_OTHERS]
        )
    return True


def require(user, action: Action, article: Article | None = None) -> None:
    """Raise PermissionDenied (HTTP 403) unless ``user`` may do ``action``."""
    if not may(user, action, article):
        raise PermissionDenied(f"Anda tidak berwenang untuk tindakan ini ({action}).")


def is_own(user, article: Article) -> bool:
    if article.created_by_id is not None and article.created_by_id == user.pk:
        return True
    reporter_user = getattr(article.reporter, "user_id", None) if article.reporter_id else None
    return reporter_user is not None and reporter_user == user.pk


def may_edit(user, article: Article) -> bool:
    return may(user, Action.WRITE, article)


def may_change_photo(user, photo: Photo, permission: str = "newsroom.change_photo") -> bool:
    """Whether ``user`` may change (or, with ``permission`` "newsroom.delete_photo",
    delete) ``photo``: the permission, and for anyone who may not edit others'
    articles, a photo of their own that readers do not see."""
    if not (user and user.is_active and user.is_authenticated and user.has_perm(permission)):
        return False
    if user.has_perm(_PERMISSION[Action.EDIT_OTHERS]):
        return True
    if photo.uploaded_by_id is None or photo.uploaded_by_id != user.pk:
        return False
    return not Article.objects.public_or_scheduled().filter(lead_photo=photo).exists()


def require_photo_change(user, photo: Photo) -> None:
    if not may_change_photo(user, photo):
        raise PermissionDenied(
            "Anda hanya boleh mengubah foto unggahan Anda sendiri yang belum dipakai "
            "berita terbit atau terjadwal; mintalah redaktur mengubahnya."
        )
