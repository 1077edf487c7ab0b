"""Writing one batch of checked import lines: a fixed handful of queries per batch.

Names, photos, articles, tags, in that order, each in bulk; then the batch's
historical view counts go out on ``articles_imported`` for whoever keeps them.
"""

from dataclasses import dataclass

from django.core.management.color import no_style
from django.db import connection

from warta.common.sanitize import paragraphs_to_html, sanitize_body
from warta.newsroom.models import Article, Photo, Reporter, Section, Tag
from warta.newsroom.signals import articles_imported

from .images import ImageFiles
from .names import NameMap
from .schema import ArticleLine

# What a re-import overwrites; created_at and the desk's editor stay as they were.
ARTICLE_FIELDS = [
    "section", "reporter", "title", "slug", "lead", "body",
    "status", "published_at", "lead_photo", "updated_at",
]  # fmt: skip
PHOTO_TEXT_FIELDS = ["caption", "credit"]
PHOTO_FILE_FIELDS = ["image", "width", "height", "renditions"]


@dataclass(frozen=True)
class Existing:
    """What a batch needs to know about an article already in the database."""

    id: int
    slug: str
    photo_id: int | None
    photo_image: str
    photo_caption: str
    photo_credit: str
    status: str


@dataclass
class Row:
    """One checked line, matched to the article it updates (if any)."""

    line_number: int
    line: ArticleLine
    existing: Existing | None
    image_digest: str | None
    article: Article | None = None

    @property
    def target_id(self) -> int | None:
        return self.existing.id if self.existing else self.line.id


class BatchWriter:
    """Writes batches for one import, remembering names and image files across them."""

    def __init__(self, images: ImageFiles, *, sender: object) -> None:
        self.images = images
        self.sender = sender
        self.sections = NameMap(Section)
        self.reporters = NameMap(Reporter)
        self.tags = NameMap(Tag)

    def write(self, rows: list[Row]) -> list[Existing]:
        """Write the rows; returns each article as it now stands, for the next batch."""
        self.sections.ensure(row.line.section for row in rows)
        self.reporters.ensure(row.line.reporter for row in rows)
        self.tags.ensure(name for row in rows for name in row.line.tags)
        photos = self._write_photos(rows)
        self._write_articles(rows, photos)
        tag_links = self._write_tags(rows)
        views = [
            (row.article.id, row.line.published_at, row.line.views)
            for row in rows
            if row.line.views is not None
        ]
        articles_imported.send(
            sender=self.sender,
            views=views,
            article_ids=[row.article.id for row in rows],
            articles=[row.article for row in rows],
            tag_links=tag_links,
        )
        return [
            Existing(
                id=row.article.id,
                slug=row.article.slug,
                photo_id=photo.id,
                photo_image=photo.image.name or "",
                photo_caption=photo.caption,
                photo_credit=photo.credit,
                status=row.article.status,
            )
            for row, photo in zip(rows, photos, strict=True)
        ]

    def _write_photos(self, rows: list[Row]) -> list[Photo]:
        """Each row's lead photo: the article's own one updated in place, or a new one."""
        result, new, text_changed, file_changed = [], [], [], []
        for row in rows:
            line, existing = row.line, row.existing
            kept = existing is not None and existing.photo_id is not None
            digest = row.image_digest
            stored = None
            if digest and not (kept and self.images.shows(existing.photo_image, digest)):
                stored = self.images.store(digest)
            photo = Photo(
                id=existing.photo_id if kept else None, caption=line.caption, credit=line.credit
            )
            if stored:
                photo.image = stored.name
                photo.width, photo.height = stored.width, stored.height
                photo.renditions = stored.renditions
            elif kept:
                # No new file: the photo keeps the picture it has (if any).
                photo.image = existing.photo_image
            if not kept:
                new.append(photo)
            elif stored:
                file_changed.append(photo)
            elif (existing.photo_caption, existing.photo_credit) != (line.caption, line.credit):
                text_changed.append(photo)
            result.append(photo)
        Photo.objects.bulk_create(new)
        Photo.objects.bulk_update(text_changed, PHOTO_TEXT_FIELDS)
        Photo.objects.bulk_update(file_changed, PHOTO_TEXT_FIELDS + PHOTO_FILE_FIELDS)
        return result

    def _write_articles(self, rows: list[Row], photos: list[Photo]) -> None:
        for row, photo in zip(rows, photos, strict=True):
            line = row.line
            if line.paragraphs is not None:
                body = paragraphs_to_html(line.paragraphs)
            else:
                body = sanitize_body(line.body)
            row.article = Article(
                id=row.target_id,
                section_id=self.sections.id(line.section),
                reporter_id=self.reporters.id(line.reporter),
                title=line.title,
                slug=line.slug,
                lead=line.lead,
                body=body,
                status=_status(line, row.existing),
                published_at=line.published_at,
                lead_photo_id=photo.id,
            )
        # Rows whose id is known (updates, and new articles keeping an explicit id) are
        # upserted; only then may the database hand out ids, so it never picks one of them.
        known = [row.article for row in rows if row.article.id is not None]
        Article.objects.bulk_create(
            known, update_conflicts=True, unique_fields=["id"], update_fields=ARTICLE_FIELDS
        )
        if any(row.existing is None for row in rows if row.article.id is not None):
            _reset_article_sequence()
        Article.objects.bulk_create([row.article for row in rows if row.article.id is None])

    def _write_tags(self, rows: list[Row]) -> list[tuple[int, int]]:
        """Replace each article's tags with the line's: one delete, one insert.
        Returns the ``(article_id, tag_id)`` links, now every tag the rows have."""
        links = [
            (row.article.id, tag_id)
            for row in rows
            for tag_id in dict.fromkeys(self.tags.id(name) for name in row.line.tags)
        ]
        replace_tags([row.article.id for row in rows if row.existing is not None], links)
        return links


def replace_tags(updated_ids: list[int], links: list[tuple[int, int]]) -> None:
    """Give articles exactly these tags: the updated articles' old links are deleted,
    then every ``(article_id, tag_id)`` link is inserted; each pair must appear once."""
    through = Article.tags.through
    if updated_ids:
        through.objects.filter(article_id__in=updated_ids).delete()
    if links:
        # Plain executemany: building a model instance per link would cost more
        # than everything else in the batch.
        quote = connection.ops.quote_name
        table = quote(through._meta.db_table)
        columns = ", ".join(quote(through._meta.get_field(f).column) for f in ("article", "tag"))
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES (%s, %s)", links)


def _status(line: ArticleLine, existing: Existing | None) -> str:
    """The line's status when it gives one; else new articles are published and an
    updated article keeps its status, so a re-import never republishes what the
    newsroom withdrew."""
    if line.status is not None:
        return line.status
    return existing.status if existing else Article.Status.PUBLISHED


def _reset_article_sequence() -> None:
    """PostgreSQL: move the id sequence past explicit ids (a no-op on SQLite)."""
    statements = connection.ops.sequence_reset_sql(no_style(), [Article])
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
