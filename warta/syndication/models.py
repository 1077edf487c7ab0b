"""What the sitemaps keep: each month's count of articles (see archive.py)."""

from django.db import models


class ArchiveMonth(models.Model):
    """Live articles (published or scheduled) in one month of the site's zone."""

    month = models.DateField("bulan", primary_key=True)  # the month's first day
    articles = models.PositiveIntegerField("jumlah berita")

    class Meta:
        verbose_name = "bulan arsip"
        verbose_name_plural = "bulan arsip"

    def __str__(self) -> str:
        return f"{self.month:%Y-%m}: {self.articles}"
