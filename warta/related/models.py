"""The stored "Baca Juga" lists: for each article, its related articles in order.

Lists are computed when an article is published or edited (see ``services``) and
read with one query on the article page. Rows keep pointing at an article that was
withdrawn later; the reading side skips whatever readers may not see, so a
withdrawal empties no list and needs no recomputation elsewhere.
"""

from django.db import models

from warta.newsroom.models import Article


class RelatedArticle(models.Model):
    # No index of its own: the (article, rank) constraint's index starts with it and
    # serves the page's read.
    article = models.ForeignKey(
        Article, verbose_name="berita", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    related = models.ForeignKey(
        Article, verbose_name="berita terkait", on_delete=models.CASCADE, related_name="+"
    )
    rank = models.PositiveSmallIntegerField("urutan")

    class Meta:
        ordering = ["article", "rank"]
        verbose_name = "berita terkait"
        verbose_name_plural = "berita terkait"
        constraints = [
            models.UniqueConstraint(fields=["article", "rank"], name="related_article_rank"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.related_id} (#{self.rank})"
