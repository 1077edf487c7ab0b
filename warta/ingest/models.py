"""What a WordPress migration leaves behind: which post became which article, the
featured images the export referred to, and every old address that must keep working.

Old addresses point at the article (or section, or tag) itself, never at a URL: the
redirect is worked out when a reader asks, so an article renamed or moved later is
still found from its WordPress-era links.
"""

from django.db import models

from warta.newsroom.models import Article, Photo, Section, Tag


class WordPressPost(models.Model):
    """One imported post. Re-importing the same site's export finds its article here."""

    site = models.CharField("situs WordPress", max_length=200)
    post_id = models.PositiveBigIntegerField("ID pos WordPress")
    article = models.OneToOneField(
        Article, verbose_name="berita", on_delete=models.CASCADE, related_name="wordpress_post"
    )
    # The featured image (``_thumbnail_id``): an attachment that may come later in the
    # export than the post, so it is resolved once the whole file has been read.
    thumbnail_id = models.PositiveBigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = "pos WordPress"
        verbose_name_plural = "pos WordPress"
        constraints = [
            models.UniqueConstraint(fields=["site", "post_id"], name="wordpress_post_unique")
        ]
        # ``?p=123`` names a post id without a site.
        indexes = [models.Index(fields=["post_id"], name="wordpress_post_id")]

    def __str__(self) -> str:
        return f"{self.site} ?p={self.post_id}"


class WordPressImage(models.Model):
    """An image attachment named by an export: its address on the old site, and the
    Photo made for it once a post used it as its featured image.

    The file itself is not fetched (an import must not depend on the old site being
    up); ``url`` is kept so the files can be copied over from ``wp-content/uploads``.
    """

    site = models.CharField("situs WordPress", max_length=200)
    attachment_id = models.PositiveBigIntegerField("ID lampiran WordPress")
    url = models.URLField("alamat berkas di situs lama", max_length=1000)
    title = models.CharField("judul", max_length=500, blank=True)
    caption = models.CharField("keterangan", max_length=500, blank=True)
    alt_text = models.CharField("teks alternatif", max_length=300, blank=True)
    photo = models.ForeignKey(
        Photo, verbose_name="foto", on_delete=models.SET_NULL, null=True, blank=True
    )

    class Meta:
        verbose_name = "gambar WordPress"
        verbose_name_plural = "gambar WordPress"
        constraints = [
            models.UniqueConstraint(fields=["site", "attachment_id"], name="wordpress_image_unique")
        ]

    def __str__(self) -> str:
        return self.url


class LegacyUrl(models.Model):
    """An old address (path without trailing slash, lower case) and what it now is."""

    path = models.CharField("alamat lama", max_length=600, unique=True)
    article = models.ForeignKey(
        Article, verbose_name="berita", on_delete=models.CASCADE, null=True, blank=True
    )
    section = models.ForeignKey(
        Section, verbose_name="rubrik", on_delete=models.CASCADE, null=True, blank=True
    )
    tag = models.ForeignKey(
        Tag, verbose_name="tag", on_delete=models.CASCADE, null=True, blank=True
    )

    class Meta:
        verbose_name = "alamat lama"
        verbose_name_plural = "alamat lama"
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(article__isnull=False, section__isnull=True, tag__isnull=True)
                    | models.Q(article__isnull=True, section__isnull=False, tag__isnull=True)
                    | models.Q(article__isnull=True, section__isnull=True, tag__isnull=False)
                ),
                name="legacy_url_one_target",
            )
        ]

    def __str__(self) -> str:
        return self.path

    def target(self):
        """The article, section or tag this address now stands for."""
        return self.article or self.section or self.tag


class ImportedHistory(models.Model):
    """What an imported article had been through before it came here, that its rows
    cannot show: the number of revisions it had (their content stays behind).

    ``warta export`` reports an article's revisions as these plus the desk's own, so a
    site exported and imported elsewhere reports the same history (see history.py).
    """

    article = models.OneToOneField(
        Article,
        verbose_name="berita",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="imported_history",
    )
    revisions = models.PositiveIntegerField("revisi sebelum diimpor", default=0)

    class Meta:
        verbose_name = "riwayat sebelum impor"
        verbose_name_plural = "riwayat sebelum impor"

    def __str__(self) -> str:
        return f"{self.article_id}: {self.revisions} revisi sebelum diimpor"
