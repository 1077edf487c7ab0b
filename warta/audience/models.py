"""Hourly view counters per article: the raw material of Populer."""

from django.db import models


class ArticleViewHour(models.Model):
    """Views of one article in one clock hour (UTC, truncated)."""

    article = models.ForeignKey(
        "newsroom.Article", on_delete=models.CASCADE, related_name="view_hours"
    )
    hour = models.DateTimeField()
    views = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "jumlah baca per jam"
        verbose_name_plural = "jumlah baca per jam"
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="view_hour_unique"),
        ]
        indexes = [models.Index(fields=["hour", "article"], name="view_hour_window")]

    def __str__(self) -> str:
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}: {self.views}"


class FlushedViewBatch(models.Model):
    """A batch of Redis view counts already added to the hourly buckets.

    The flush worker writes this row in the same transaction as the batch's counts,
    so after a crash it can tell a batch it must still write from one it only has to
    delete from Redis (see ``flush.py``).
    """

    name = models.CharField(max_length=80, primary_key=True)
    views = models.PositiveBigIntegerField()
    flushed_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = "kiriman jumlah baca"
        verbose_name_plural = "kiriman jumlah baca"

    def __str__(self) -> str:
        return f"{self.name}: {self.views}"
