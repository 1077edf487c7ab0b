"""Changing and deleting photos of the media library, as the desk's permission table says.

A photo is shared: the one an editor changes may be the lead photo of stories readers
are reading. So a change to a photo that a published or scheduled article shows goes
into each such article's audit log (``StatusChange``, status unchanged, the note
saying what changed), and those articles' pages are refreshed like after an edit.
The audit log rather than a revision: a revision holds the article's own fields (the
photo only by id), so it would show no difference; the audit log is where the desk
already answers "who changed what readers see, and when".
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from warta.newsroom import photos
from warta.newsroom.models import Article, Photo
from warta.newsroom.signals import article_changed, article_written

from ..models import StatusChange
from ..roles import may_change_photo, require_photo_change

_LABELS = {"caption": "keterangan", "credit": "kredit", "alt_text": "teks alternatif"}


def photo_change(*, photo: Photo, actor, caption: str, credit: str, alt_text: str, file=None):
    """Change ``photo``'s text and, given ``file``, its picture. Raises PermissionDenied."""
    with transaction.atomic():
        locked = Photo.objects.select_for_update().get(pk=photo.pk)
        require_photo_change(actor, locked)
        new = {"caption": caption, "credit": credit, "alt_text": alt_text}
        changed = [
            f"{_LABELS[field]}: “{getattr(locked, field)}” → “{value}”"
            for field, value in new.items()
            if getattr(locked, field) != value
        ]
        if file is not None:
            changed.append("berkas gambar diganti")
        photos.photo_update(photo=locked, file=file, **new)
        if changed:
            _log(_articles_showing(locked), actor, "Foto utama diubah: " + "; ".join(changed))
    return locked


def photo_delete(*, photo: Photo, actor) -> None:
    """Delete ``photo``; articles showing it lose their lead photo, which their audit
    log records. Raises PermissionDenied."""
    with transaction.atomic():
        locked = Photo.objects.select_for_update().get(pk=photo.pk)
        if not may_change_photo(actor, locked, "newsroom.delete_photo"):
            raise PermissionDenied("Anda tidak berwenang menghapus foto ini.")
        showing = _articles_showing(locked)
        caption = locked.caption
        locked.delete()
        _log(showing, actor, f"Foto utama dihapus dari pustaka media: “{caption}”.")


def _articles_showing(photo: Photo) -> list[Article]:
    return list(Article.objects.public_or_scheduled().filter(lead_photo=photo).only("pk", "status"))


def _log(showing: list[Article], actor, note: str) -> None:
    """One audit entry on each article, and their pages refreshed (see the docstring)."""
    now = timezone.now()
    StatusChange.objects.bulk_create(
        StatusChange(
            article=article,
            actor=actor,
            at=now,
            from_status=article.status,
            to_status=article.status,
            note=note,
        )
        for article in showing
    )
    for article in showing:
        article_written.send(sender=Article, article_id=article.pk)
        transaction.on_commit(
            lambda pk=article.pk: article_changed.send(sender=Article, article_id=pk)
        )
