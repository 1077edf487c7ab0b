"""Importing articles from JSON Lines: the public entry points.

One transaction holds the whole import, so a bad line (without ``skip_invalid``)
leaves the database exactly as it was. Lines stream through in batches; nothing
holds the whole file, so a 1 GB export needs no more memory than a small one.

Matching: a line with an ``id`` updates that article (or creates it with that id);
a line without one updates the article with its slug (or creates one). A slug that
belongs to a different article than the line's id is a bad line.
"""

from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from django.db import transaction
from django.db.models import Q
from pydantic import ValidationError

from warta.newsroom.models import Article

from . import bulk_sql
from .batch import BatchWriter, Existing, Row
from .images import ImageError, ImageFiles
from .read_ahead import read_ahead
from .schema import ArticleLine, reason

BATCH_SIZE = 500


class ImportAborted(Exception):
    """A bad line stopped the import; nothing was written."""

    def __init__(self, line_number: int, reason: str) -> None:
        super().__init__(line_number, reason)
        self.line_number = line_number
        self.reason = reason

    def __str__(self) -> str:
        return f"line {self.line_number}: {self.reason}"


@dataclass
class LineError:
    line_number: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line_number}: {self.reason}"


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    skipped: list[LineError] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.created + self.updated


# (line number, size for the progress callback, the checked line or why it is bad;
# None for a blank line)
_Parsed = tuple[int, int, ArticleLine | LineError | None]


def import_lines(
    lines: Iterable[str | bytes],
    *,
    skip_invalid: bool = False,
    base_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import JSON Lines (an open file works). ``progress`` gets the bytes read so far,
    in increments; ``image`` paths are relative to ``base_dir`` (default: the cwd)."""
    return Importer(skip_invalid=skip_invalid, base_dir=base_dir).run(_parse_lines(lines), progress)


def import_records(
    records: Iterable[dict],
    *,
    skip_invalid: bool = False,
    base_dir: Path | None = None,
    progress: Callable[[int], None] | None = None,
) -> ImportReport:
    """Import already-parsed lines; line numbers are 1-based positions and
    ``progress`` gets the number of records done, in increments."""
    parsed = (
        (number, 1, _validate(ArticleLine.model_validate, number, record))
        for number, record in enumerate(records, start=1)
    )
    return Importer(skip_invalid=skip_invalid, base_dir=base_dir).run(parsed, progress)


def _parse_lines(lines: Iterable[str | bytes]) -> Iterator[_Parsed]:
    for number, raw in enumerate(lines, start=1):
        size = len(raw) if isinstance(raw, bytes) else len(raw.encode())
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, size, LineError(number, f"not UTF-8 text (byte {exc.start + 1})")
                continue
        if number == 1:
            raw = raw.removeprefix("\ufeff")  # a byte-order mark some editors write
        if not raw.strip():
            yield number, size, None  # a blank line (a visual gap) is not an article
            continue
        yield number, size, _validate(ArticleLine.model_validate_json, number, raw)


def _validate(validate: Callable, number: int, data: object) -> ArticleLine | LineError:
    try:
        return validate(data)
    except ValidationError as exc:
        return LineError(number, reason(exc))


class Importer:
    """One import run: checks lines, matches them to articles, writes them in batches.

    Also the ``sender`` of ``articles_imported``.
    """

    def __init__(self, *, skip_invalid: bool, base_dir: Path | None) -> None:
        self.skip_invalid = skip_invalid
        self.report = ImportReport()
        self.images = ImageFiles(base_dir)
        self.writer = BatchWriter(self.images, sender=Importer)

    def run(
        self, parsed: Iterator[_Parsed], progress: Callable[[int], None] | None
    ) -> ImportReport:
        # The next chunk is read and checked while this one is written (read_ahead.py).
        chunks = read_ahead(iter(lambda: list(islice(parsed, BATCH_SIZE)), []))
        try:
            with closing(chunks), transaction.atomic():
                bulk_sql.check_constraints_now()
                for chunk in chunks:
                    self._import_chunk(chunk)
                    if progress:
                        progress(sum(size for _, size, _ in chunk))
        except BaseException:
            self.images.discard()
            raise
        return self.report

    def _bad(self, error: LineError) -> None:
        if not self.skip_invalid:
            raise ImportAborted(error.line_number, error.reason)
        self.report.skipped.append(error)

    def _import_chunk(self, chunk: list[_Parsed]) -> None:
        known = _Known.load(line for _, _, line in chunk if isinstance(line, ArticleLine))
        pending = _Pending()
        for number, _, line in chunk:
            if line is None:
                continue
            if isinstance(line, LineError):
                self._bad(line)
                continue
            if pending.touches(line, known):
                # A second line for an article in this batch: write the batch first,
                # so this line is matched against what is then in the database.
                self._write(pending, known)
                pending = _Pending()
            try:
                digest = self.images.check(line.image) if line.image else None
                existing = known.match(line)
            except (ImageError, _SlugTaken) as exc:
                self._bad(LineError(number, str(exc)))
                continue
            pending.add(Row(number, line, existing, digest))
        self._write(pending, known)

    def _write(self, pending: "_Pending", known: "_Known") -> None:
        if not pending.rows:
            return
        for row, now in zip(pending.rows, self.writer.write(pending.rows), strict=True):
            known.remember(row.existing, now)
            if row.existing:
                self.report.updated += 1
            else:
                self.report.created += 1


class _SlugTaken(ValueError):
    pass


class _Known:
    """The articles a chunk of lines may touch, as they stand in the database."""

    def __init__(self, articles: Iterable[Existing]) -> None:
        self.by_id: dict[int, Existing] = {}
        self.id_by_slug: dict[str, int] = {}
        for article in articles:
            self.remember(None, article)

    @classmethod
    def load(cls, lines: Iterable[ArticleLine]) -> "_Known":
        ids, slugs = set(), set()
        for line in lines:
            slugs.add(line.slug)
            if line.id is not None:
                ids.add(line.id)
        if not slugs:
            return cls([])
        rows = Article.objects.filter(Q(id__in=ids) | Q(slug__in=slugs)).values_list(
            "id",
            "slug",
            "lead_photo_id",
            "lead_photo__image",
            "lead_photo__caption",
            "lead_photo__credit",
            "lead_photo__alt_text",
            "status",
            "published_at",
        )
        return cls(
            Existing(id, slug, photo_id, image or "", caption or "", credit or "", alt or "", *rest)
            for id, slug, photo_id, image, caption, credit, alt, *rest in rows
        )

    def match(self, line: ArticleLine) -> Existing | None:
        owner = self.id_by_slug.get(line.slug)
        if line.id is None:
            return self.by_id[owner] if owner is not None else None
        if owner is not None and owner != line.id:
            raise _SlugTaken(f'slug "{line.slug}" belongs to article {owner}, not {line.id}')
        return self.by_id.get(line.id)

    def remember(self, before: Existing | None, now: Existing) -> None:
        if before is not None and self.id_by_slug.get(before.slug) == before.id:
            del self.id_by_slug[before.slug]
        self.by_id[now.id] = now
        self.id_by_slug[now.slug] = now.id


class _Pending:
    """The rows of the batch being gathered, and the ids and slugs they touch."""

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self._keys: set[tuple[str, object]] = set()

    @staticmethod
    def _keys_of(line: ArticleLine, existing: Existing | None) -> set[tuple[str, object]]:
        keys = {("slug", line.slug), ("id", line.id)}
        if existing is not None:
            keys |= {("id", existing.id), ("slug", existing.slug)}
        keys.discard(("id", None))
        return keys

    def touches(self, line: ArticleLine, known: _Known) -> bool:
        """Whether the line names an article, or a slug, that a row here already uses."""
        keys = {("slug", line.slug), ("id", line.id), ("id", known.id_by_slug.get(line.slug))}
        keys.discard(("id", None))
        return not self._keys.isdisjoint(keys)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        self._keys |= self._keys_of(row.line, row.existing)
