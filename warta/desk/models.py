"""The desk's records: the audit log of status changes and the revision history."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from warta.newsroom.models import Article


class StatusChange(models.Model):
    """One workflow transition: who, when, from, to, and why."""

    article = models.ForeignKey(
        Article, verbose_name="berita", on_delete=models.CASCADE, related_name="status_changes"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="oleh",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField("waktu", default=timezone.now)
    from_status = models.CharField("dari", max_length=16, choices=Article.Status.choices)
    to_status = models.CharField("menjadi", max_length=16, choices=Article.Status.choices)
    note = models.TextField("catatan", blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "riwayat status"
        verbose_name_plural = "riwayat status"
        indexes = [models.Index(fields=["article", "-at"], name="status_change_article")]

    def __str__(self) -> str:
        return f"{self.article_id}: {self.from_status} → {self.to_status}"


class Revision(models.Model):
    """A saved version of an article's content, as its editor left it."""

    class Kind(models.TextChoices):
        MANUAL = "manual", "Simpan"
        AUTOSAVE = "autosave", "Simpan otomatis"
        PUBLISHED = "published", "Versi terbit"
        RESTORE = "restore", "Pemulihan"
        CORRECTION = "correction", "Ralat/Hak Jawab"

    article = models.ForeignKey(
        Article, verbose_name="berita", on_delete=models.CASCADE, related_name="revisions"
    )
    version = models.PositiveIntegerField("versi")
    kind = models.CharField("jenis", max_length=16, choices=Kind.choices, default=Kind.MANUAL)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="oleh",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField("waktu", default=timezone.now)
    # title, slug, lead, body, section_id, reporter_id, lead_photo_id, tags, published_at
    content = models.JSONField("isi")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "revisi"
        verbose_name_plural = "revisi"
        indexes = [models.Index(fields=["article", "-created_at"], name="revision_article")]

    def __str__(self) -> str:
        return f"{self.article_id} v{self.version} ({self.get_kind_display()})"
