"""Writing one batch of checked import lines: a fixed handful of queries per batch.

Names, photos, articles, tags, in that order, each in bulk (``bulk_sql``: building
the ORM's SQL for every batch cost more than the database's work), then what the
lines carry of the articles' history (``history``: corrections, revision counts);
then the batch's articles, their tags and historical view counts go out on
``articles_imported``.
"""

from dataclasses import dataclass
from datetime import datetime
from operator import attrgetter

from django.core.management.color import no_style
from django.db import connection, models
from django.utils import timezone

from warta.common.sanitize import paragraphs_to_html, sanitize_body
from warta.newsroom.models import Article, Photo, Reporter, Section, Tag
from warta.newsroom.signals import articles_imported

from . import bulk_sql, history
from .images import ImageFiles
from .names import NameMap
from .schema import ArticleLine

# What a re-import overwrites; created_at and the desk's editor stay as they were.
ARTICLE_FIELDS = [
    "section", "reporter", "title", "slug", "lead", "body",
    "status", "published_at", "lead_photo", "updated_at",
]  # fmt: skip
PHOTO_TEXT_FIELDS = ["caption", "credit", "alt_text"]
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
    photo_alt: str
    status: str
    published_at: datetime


@dataclass
class LeadPhoto:
    """A row's lead photo as the batch writes it (no model instance: see module doc)."""

    id: int | None
    caption: str
    credit: str
    alt_text: str = ""
    image: str = ""
    width: int | None = None
    height: int | None = None
    renditions: list | None = None

    @property
    def texts(self) -> tuple[str, str, str]:
        """The ``PHOTO_TEXT_FIELDS`` values."""
        return (self.caption, self.credit, self.alt_text)

    def file_values(self, no_renditions: object) -> tuple:
        """The ``PHOTO_FILE_FIELDS`` values, as the database takes them; most photos
        have no file, hence no renditions: ``no_renditions`` is ``[]`` prepared once."""
        renditions = (
            bulk_sql.db_value(Photo, "renditions", self.renditions)
            if self.renditions
            else no_renditions
        )
        return (self.image, self.width, self.height, renditions)


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
        history.write_corrections([(row.article.id, row.line.corrections) for row in rows])
        history.write_revision_counts(
            [(row.article.id, row.line.revisions) for row in rows], new=_new_ids(rows)
        )
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
            previously_published_at=[
                row.existing.published_at
                for row in rows
                if row.existing and row.existing.published_at != row.article.published_at
            ],
        )
        return [
            Existing(
                id=row.article.id,
                slug=row.article.slug,
                photo_id=photo.id if photo else None,
                photo_image=photo.image if photo else "",
                photo_caption=photo.caption if photo else "",
                photo_credit=photo.credit if photo else "",
                photo_alt=photo.alt_text if photo else "",
                status=row.article.status,
                published_at=row.article.published_at,
            )
            for row, photo in zip(rows, photos, strict=True)
        ]

    def _write_photos(self, rows: list[Row]) -> list[LeadPhoto | None]:
        """Each row's lead photo: the article's own one updated in place, or a new one;
        None for a line without one (``caption`` null: the photo row is left alone)."""
        result, new, text_changed, file_changed = [], [], [], []
        for row in rows:
            line, existing = row.line, row.existing
            if line.caption is None:
                result.append(None)
                continue
            kept = existing is not None and existing.photo_id is not None
            digest = row.image_digest
            stored = None
            if digest and not (kept and self.images.shows(existing.photo_image, digest)):
                stored = self.images.store(digest)
            alt = line.alt if line.alt is not None else existing.photo_alt if kept else ""
            photo = LeadPhoto(existing.photo_id if kept else None, line.caption, line.credit, alt)
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
            elif (existing.photo_caption, existing.photo_credit, existing.photo_alt) != (
                photo.caption,
                photo.credit,
                photo.alt_text,
            ):
                text_changed.append(photo)
            result.append(photo)
        for photo, photo_id in zip(new, bulk_sql.reserve_ids(Photo, len(new)), strict=True):
            photo.id = photo_id
        no_renditions = bulk_sql.db_value(Photo, "renditions", [])
        inserted = [(photo.id, *photo.texts, *photo.file_values(no_renditions)) for photo in new]
        bulk_sql.insert(Photo, ["id", *PHOTO_TEXT_FIELDS, *PHOTO_FILE_FIELDS], inserted)
        texts = [(*photo.texts, photo.id) for photo in text_changed]
        bulk_sql.update(Photo, PHOTO_TEXT_FIELDS, texts)
        files = [
            (*photo.texts, *photo.file_values(no_renditions), photo.id) for photo in file_changed
        ]
        bulk_sql.update(Photo, [*PHOTO_TEXT_FIELDS, *PHOTO_FILE_FIELDS], files)
        return result

    def _write_articles(self, rows: list[Row], photos: list[LeadPhoto | None]) -> None:
        now = timezone.now()
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
                lead_photo_id=photo.id if photo else None,
                updated_at=now,
            )
        write_articles(
            [row.article for row in rows if row.article.id is not None],
            [row.article for row in rows if row.article.id is None],
            ARTICLE_FIELDS,
            explicit_new_ids=any(
                row.existing is None for row in rows if row.article.id is not None
            ),
        )

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


def write_articles(
    known: list[Article],
    new: list[Article],
    fields: list[str],
    *,
    explicit_new_ids: bool = False,
) -> None:
    """Write Article instances: ``known`` (an id set) upserted, their ``fields``
    overwritten and nothing else; then ``new`` inserted, given ids as they go in.

    ``explicit_new_ids``: some ``known`` ids are new articles' (lines that name their
    id); the database may hand out ids only after those are written, so it never
    picks one of them.
    """
    columns = ["id", *fields]
    written = [Article._meta.get_field(name) for name in columns]
    attributes = attrgetter(*(field.attname for field in written))
    dates = [n for n, field in enumerate(written) if isinstance(field, models.DateTimeField)]
    adapt = connection.ops.adapt_datetimefield_value

    def values(article: Article) -> list:
        row = list(attributes(article))
        for n in dates:
            row[n] = adapt(row[n])
        return row

    bulk_sql.upsert(
        Article, columns, [values(article) for article in known], unique=["id"], update=fields
    )
    if explicit_new_ids:
        _reset_article_sequence()
    for article, article_id in zip(new, bulk_sql.reserve_ids(Article, len(new)), strict=True):
        article.id = article_id
    bulk_sql.insert(Article, columns, [values(article) for article in new])


def replace_tags(updated_ids: list[int], links: list[tuple[int, int]]) -> None:
    """Give articles exactly these tags: the updated articles' old links are deleted,
    then every ``(article_id, tag_id)`` link is inserted; each pair must appear once."""
    through = Article.tags.through
    if updated_ids:
        through.objects.filter(article_id__in=updated_ids).delete()
    bulk_sql.insert(through, ["article", "tag"], links)


def _new_ids(rows: list[Row]) -> set[int]:
    """The ids of the articles this batch created (nothing of theirs existed before)."""
    return {row.article.id for row in rows if row.existing is None}


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
