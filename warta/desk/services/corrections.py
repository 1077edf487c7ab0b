"""Publishing a Ralat (correction) or Hak Jawab (right of reply).

The Press Council's guidelines for cyber media (Pedoman Pemberitaan Media Siber) want
corrections and replies linked to the original story with the time they were made,
and nothing silently rewritten. So a correction is a record of its own next to the
article: the article's text stays as readers saw it, a revision of kind
``correction`` keeps that text in the history, and only ``updated_at`` moves, so
feeds and search engines see the story changed.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags

from warta.common.sanitize import sanitize_body
from warta.newsroom.models import Article, Correction
from warta.newsroom.signals import article_changed, article_written

from ..models import Revision
from ..roles import Action, require
from .snapshots import record_revision


class InvalidCorrection(ValueError):
    """The correction cannot be published as asked; the message says why."""


class ArticleNotLive(InvalidCorrection):
    def __init__(self, article: Article):
        self.article = article
        super().__init__(
            "Ralat dan hak jawab hanya untuk berita yang sudah terbit dan tampil bagi pembaca."
        )


class EmptyCorrection(InvalidCorrection):
    def __init__(self):
        super().__init__("Isi ralat atau hak jawab tidak boleh kosong.")


def article_correct(*, article: Article, actor, kind: str, body: str) -> Correction:
    """Publish a correction of ``kind`` (``Correction.Kind``) on a live article.

    Raises PermissionDenied (HTTP 403) unless ``actor`` may correct, and
    InvalidCorrection (ArticleNotLive, EmptyCorrection) when the request cannot stand.
    """
    clean = sanitize_body(body or "")
    with transaction.atomic():
        locked = Article.objects.select_for_update().get(pk=article.pk)
        require(actor, Action.CORRECT, locked)
        # Checked after the permission: a reporter learns nothing but "not allowed".
        if not locked.is_live:
            raise ArticleNotLive(locked)
        if kind not in Correction.Kind.values:
            raise InvalidCorrection("Pilih jenis: Ralat atau Hak Jawab.")
        if not _has_text(clean):
            raise EmptyCorrection()
        now = timezone.now()
        correction = Correction.objects.create(
            article=locked, kind=kind, body=clean, created_at=now, created_by=actor
        )
        # auto_now: updated_at becomes a moment at or after the correction's own time.
        locked.last_corrected_at = now
        locked.save(update_fields=["updated_at", "last_corrected_at"])
        # The published text the correction refers to, kept in the history as it was.
        record_revision(locked, kind=Revision.Kind.CORRECTION, author=actor, at=now)
        article_written.send(sender=Article, article_id=locked.pk)
        transaction.on_commit(lambda: article_changed.send(sender=Article, article_id=locked.pk))
    return correction


def _has_text(html: str) -> bool:
    """Whether sanitized HTML holds anything a reader can read (not just ``<p></p>``)."""
    return bool(strip_tags(html).replace("&nbsp;", "").strip())
