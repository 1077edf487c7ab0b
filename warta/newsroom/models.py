"""The content model: what a newsroom publishes.

"Published" is defined once, here, as a queryset method; reader pages, feeds and
every later consumer ask ``Article.objects.published()`` instead of repeating it.
An article dated in the future is simply not published yet, so it appears on its
own at its time with no cron or worker.

The database keeps ``live_from`` itself (a stored generated column): the publication
time of an article in a live status, NULL otherwise. "Published" is then one range on
one indexed column, ``live_from <= now``, which every engine walks newest first and
stops after a page. Asked as "status in (published, scheduled) and published_at <=
now", the newest live articles come from two slices of an index and SQLite sorted
every live article to merge them: 300-600 ms per list page at 100,000 articles.
"""

from datetime import datetime

from django.conf import settings
from django.db import connections, models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone


class Section(models.Model):
    """A rubrik: Politik, Hukum, Dunia, ..."""

    name = models.CharField("nama", max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    position = models.PositiveSmallIntegerField("urutan", default=0)
    description = models.TextField("deskripsi", blank=True)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = "rubrik"
        verbose_name_plural = "rubrik"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:section", kwargs={"section": self.slug})


class Reporter(models.Model):
    name = models.CharField("nama", max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    bio = models.TextField("biografi singkat", blank=True)
    photo = models.ImageField("foto", upload_to="reporters/", blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="akun",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reporter",
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "wartawan"
        verbose_name_plural = "wartawan"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:reporter", kwargs={"slug": self.slug})


class Tag(models.Model):
    name = models.CharField("nama", max_length=100)
    slug = models.SlugField(max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "tag"
        verbose_name_plural = "tag"

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("portal:tag", kwargs={"slug": self.slug})


class Photo(models.Model):
    """A picture with the caption and credit printed under it (``Caption/Credit``).

    WebP renditions are made once when the photo is stored (see ``photos.py``),
    never per request; ``renditions`` lists them for ``srcset``.
    """

    image = models.ImageField("berkas", upload_to="photos/%Y/%m/", blank=True)
    caption = models.CharField("keterangan", max_length=500)
    credit = models.CharField("kredit", max_length=120, blank=True)
    alt_text = models.CharField(
        "teks alternatif",
        max_length=300,
        blank=True,
        help_text="Apa yang tampak di foto, untuk pembaca tunanetra. Kosong: keterangan dipakai.",
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    renditions = models.JSONField(default=list, blank=True, editable=False)
    # Whoever put the photo in the media library: a reporter may change their own photos
    # (desk/roles.py). Imported photos have no uploader.
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="diunggah oleh",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "foto"
        verbose_name_plural = "foto"

    def __str__(self) -> str:
        return self.caption_with_credit

    @property
    def caption_with_credit(self) -> str:
        """As the seed prints it: ``... Recep Tayyip Erdogan/Net``."""
        return f"{self.caption}/{self.credit}" if self.credit else self.caption

    @property
    def alt(self) -> str:
        return self.alt_text or self.caption

    @property
    def srcset(self) -> str:
        return ", ".join(f"{settings.MEDIA_URL}{r['path']} {r['width']}w" for r in self.renditions)

    @property
    def default_rendition(self) -> dict | None:
        """The rendition used for ``src``: the widest one a phone would want."""
        if not self.renditions:
            return None
        return min(self.renditions, key=lambda r: abs(r["width"] - 800))


class ArticleQuerySet(models.QuerySet):
    def published(self, now: datetime | None = None) -> "ArticleQuerySet":
        """What readers may see: published or scheduled, and its time has come.

        A scheduled article needs no job to go live: once its time passes it is
        published by this definition, on every page at once.
        """
        return self.filter(live_from__lte=now or timezone.now())

    def public_or_scheduled(self) -> "ArticleQuerySet":
        """What readers see, or will see at its time without anyone acting again:
        published or scheduled, whatever the time."""
        return self.filter(live_from__isnull=False)

    def withdrawn(self) -> "ArticleQuerySet":
        return self.filter(status=Article.Status.WITHDRAWN)

    def in_section(self, section: Section) -> "ArticleQuerySet":
        return self.filter(section=section)

    def tagged(self, tag: Tag) -> "ArticleQuerySet":
        if _is_common_tag(tag, self.db):
            # Newest first down the live index, asking each story whether it carries
            # the tag: a list stops after a page of them.
            carries = Article.tags.through.objects.filter(tag_id=tag.pk, article_id=OuterRef("pk"))
            return self.filter(Exists(carries))
        return self.filter(tags=tag)

    def by_reporter(self, reporter: Reporter) -> "ArticleQuerySet":
        return self.filter(reporter=reporter)

    def latest_first(self) -> "ArticleQuerySet":
        """Newest first, in the order of the live indexes (for published articles,
        ``live_from`` is their publication time)."""
        return self.order_by("-live_from", "-id")

    def for_listing(self, *extra_fields: str) -> "ArticleQuerySet":
        """Just what a list item shows: no bodies, section for the URL, photo for a thumb.

        ``extra_fields`` adds what a particular list needs besides (search: the body).
        """
        return self.select_related("section", "lead_photo").only(*LISTING_FIELDS, *extra_fields)


# A tag on thousands of stories ("Pemilu") is read faster newest first down the live
# index, asking each story whether it has the tag, than by gathering all of its stories
# and sorting them: on SQLite at 100,000 articles, 0.7 ms against 24 ms for a tag on
# 12,000 of them. For a rare tag that walk would pass nearly every story (69 ms for a
# tag on 57). Walking costs about PAGE x articles / tagged rows, gathering about the
# tagged rows, so the walk wins when tagged² > PAGE x articles; the count stops at
# COMMON_TAG_COUNT_CAP, which settles it for archives up to 8 million articles.
# PostgreSQL's planner weighs this itself from its statistics.
COMMON_TAG_PAGE = 50
COMMON_TAG_COUNT_CAP = 20_000


def _is_common_tag(tag: Tag, alias: str) -> bool:
    connection = connections[alias]
    if connection.vendor != "sqlite":
        return False
    through = Article.tags.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT COUNT(*) * COUNT(*) > %s * (SELECT COALESCE(MAX(id), 0) FROM "
            f"{Article._meta.db_table}) FROM (SELECT 1 FROM {through} WHERE tag_id = %s "
            "LIMIT %s)",
            [COMMON_TAG_PAGE, tag.pk, COMMON_TAG_COUNT_CAP],
        )
        return bool(cursor.fetchone()[0])


LISTING_FIELDS = (
    "id", "title", "slug", "lead", "published_at", "live_from", "section__slug", "section__name",
    "lead_photo__image", "lead_photo__caption", "lead_photo__alt_text", "lead_photo__credit",
    "lead_photo__width", "lead_photo__height", "lead_photo__renditions",
)  # fmt: skip


class Article(models.Model):
    class Status(models.TextChoices):
        # The order is the newsroom's workflow; desk.workflow owns the transitions.
        DRAFT = "draft", "Draf"
        SUBMITTED = "submitted", "Diajukan"
        READY = "ready", "Siap terbit"
        SCHEDULED = "scheduled", "Terjadwal"
        PUBLISHED = "published", "Terbit"
        WITHDRAWN = "withdrawn", "Ditarik"

    # Statuses whose articles readers see once published_at has come.
    LIVE_STATUSES = (Status.SCHEDULED, Status.PUBLISHED)

    # No single-column indexes on section and reporter: the composite indexes in Meta
    # start with them and serve every lookup, and each index costs every write.
    section = models.ForeignKey(
        Section,
        verbose_name="rubrik",
        on_delete=models.PROTECT,
        related_name="articles",
        db_index=False,
    )
    title = models.CharField("judul", max_length=300)
    slug = models.SlugField(max_length=300, unique=True)
    lead_photo = models.ForeignKey(
        Photo,
        verbose_name="foto utama",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reporter = models.ForeignKey(
        Reporter,
        verbose_name="wartawan",
        on_delete=models.PROTECT,
        related_name="articles",
        db_index=False,
    )
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="editor",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="penulis",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    lead = models.TextField("teras", blank=True)
    body = models.TextField("isi", blank=True, help_text="HTML yang sudah disaring.")
    tags = models.ManyToManyField(Tag, verbose_name="tag", blank=True, related_name="articles")
    status = models.CharField("status", max_length=16, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField("waktu terbit", default=timezone.now)
    # Written by the database on every insert and update (see the module docstring).
    live_from = models.GeneratedField(
        expression=models.Case(
            models.When(status__in=LIVE_STATUSES, then=models.F("published_at")),
            default=None,
        ),
        output_field=models.DateTimeField(null=True),
        db_persist=True,
    )
    # Placement, decided by the managing editor.
    is_headline = models.BooleanField("headline", default=False)
    is_editors_pick = models.BooleanField("pilihan redaksi", default=False)
    is_breaking = models.BooleanField("breaking news", default=False)
    # When the latest Ralat or Hak Jawab was added: the article page looks them up
    # only for articles that have any.
    last_corrected_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Bumped by every desk save; a save based on an older version is refused.
    version = models.PositiveIntegerField(default=1, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField("diperbarui", auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = "berita"
        verbose_name_plural = "berita"
        permissions = [
            ("edit_others_article", "Boleh menyunting berita orang lain"),
            ("publish_article", "Boleh menerbitkan, menjadwalkan dan menarik berita"),
            ("place_article", "Boleh mengatur penempatan (headline, pilihan redaksi, breaking)"),
            ("correct_article", "Boleh menerbitkan ralat dan hak jawab"),
        ]
        indexes = [
            # Reader lists: the newest live articles, of the site, a section, a reporter.
            models.Index(fields=["-live_from", "-id"], name="article_live"),
            models.Index(fields=["section", "-live_from", "-id"], name="article_live_section"),
            models.Index(fields=["reporter", "-live_from", "-id"], name="article_live_reporter"),
            # Editors' picks never expire: without an index of their own, a site with
            # few picks would walk every live article to find them.
            models.Index(
                fields=["-live_from", "-id"],
                condition=models.Q(is_editors_pick=True),
                name="article_editors_picks",
            ),
            # One status's articles by publication time (scheduled ones, a month's).
            models.Index(fields=["status", "-published_at", "-id"], name="article_latest"),
            # The desk lists articles by last change, filtered by status, section or
            # reporter: each filter can walk its index in order and stop after a page.
            models.Index(fields=["-updated_at", "-id"], name="article_desk_recent"),
            models.Index(fields=["status", "-updated_at", "-id"], name="article_desk_status"),
            models.Index(fields=["section", "-updated_at", "-id"], name="article_desk_section"),
            models.Index(fields=["reporter", "-updated_at", "-id"], name="article_desk_reporter"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        local = timezone.localtime(self.published_at)
        return reverse(
            "portal:article",
            kwargs={
                "section": self.section.slug,
                "year": f"{local.year:04d}",
                "month": f"{local.month:02d}",
                "day": f"{local.day:02d}",
                "pk": self.pk,
                "slug": self.slug,
            },
        )

    @property
    def is_live(self) -> bool:
        """The in-memory twin of ``ArticleQuerySet.published()``."""
        return self.status in self.LIVE_STATUSES and self.published_at <= timezone.now()

    @property
    def is_withdrawn(self) -> bool:
        return self.status == self.Status.WITHDRAWN


class Correction(models.Model):
    """A Ralat or Hak Jawab, linked to the story with its own time, as the Press
    Council's guidelines for cyber media (Pedoman Pemberitaan Media Siber) require."""

    class Kind(models.TextChoices):
        CORRECTION = "ralat", "Ralat"
        REPLY = "hak_jawab", "Hak Jawab"

    article = models.ForeignKey(
        Article, verbose_name="berita", on_delete=models.CASCADE, related_name="corrections"
    )
    kind = models.CharField("jenis", max_length=16, choices=Kind.choices)
    body = models.TextField("isi", help_text="HTML yang sudah disaring.")
    created_at = models.DateTimeField("waktu", default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="oleh",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = "ralat / hak jawab"
        verbose_name_plural = "ralat dan hak jawab"
        indexes = [models.Index(fields=["-created_at"], name="correction_latest")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.article}"
