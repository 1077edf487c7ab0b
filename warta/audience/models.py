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
