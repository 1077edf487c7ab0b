"""What must hold of a Warta database at any moment a crash may stop the processes
writing it, checked with SQL straight on the database (no Django, no Warta code).

``problems(installation)`` lists every broken rule; an empty list is a consistent
database:

* the file is sound (SQLite's ``integrity_check``) and every foreign key points at a
  row (SQLite checks them at COMMIT, PostgreSQL always);
* the search index is the articles': a document for every live article (published or
  scheduled) and none for any other, each written from the article as it stands
  (``source_updated_at``, section and publication time); on SQLite the FTS5 index
  agrees with the document rows (FTS5's own ``integrity-check``);
* the sitemaps' stored month counts are the live articles of those months;
* the desk's revisions: an article the desk has saved has a revision of its newest
  version, and what readers see is a revision: the newest one, or for a live article
  the newest one that is not an autosave (an autosave of a live article is kept as a
  draft beside it, see warta/desk/services/editing.py). An import writes no revision
  (its text is the file's): tests keep imports and desk saves on different articles.
"""

import json
from collections import defaultdict
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from tests.installations import Installation, postgres_mode

LIVE = ("published", "scheduled")
SITE_ZONE = ZoneInfo("Asia/Jakarta")  # WARTA_TIME_ZONE's default; installations keep it
# snapshots.CONTENT_FIELDS: the article columns a revision keeps.
CONTENT_COLUMNS = ("title", "slug", "lead", "body", "section_id", "reporter_id", "lead_photo_id")


def problems(installation: Installation) -> list[str]:
    found = []
    if not postgres_mode():
        found += _sqlite_file(installation)
    found += _search_index(installation)
    found += _archive_months(installation)
    found += _revisions(installation)
    return found


def _sqlite_file(installation: Installation) -> list[str]:
    found = []
    checked = [row[0] for row in installation.query("PRAGMA integrity_check")]
    if checked != ["ok"]:
        found.append(f"integrity_check: {checked[:5]}")
    orphans = installation.query("PRAGMA foreign_key_check")
    if orphans:
        found.append(f"foreign keys pointing nowhere (table, rowid, parent): {orphans[:5]}")
    try:
        # With rank 1, FTS5 also compares its index with the external content table.
        installation.query(
            "INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)"
        )
    except Exception as exc:  # sqlite3.DatabaseError: the index is corrupt
        found.append(f"FTS5 index: {exc}")
    return found


def _search_index(installation: Installation) -> list[str]:
    found = []
    live = ", ".join(f"'{status}'" for status in LIVE)
    missing = installation.query(
        "SELECT a.id FROM newsroom_article a "
        "LEFT JOIN search_searchdocument d ON d.article_id = a.id "
        f"WHERE a.status IN ({live}) AND d.article_id IS NULL ORDER BY a.id"
    )
    if missing:
        found.append(f"live articles the search cannot find: {_ids(missing)}")
    extra = installation.query(
        "SELECT d.article_id FROM search_searchdocument d "
        "JOIN newsroom_article a ON a.id = d.article_id "
        f"WHERE a.status NOT IN ({live}) ORDER BY d.article_id"
    )
    if extra:
        found.append(f"search documents of articles readers cannot see: {_ids(extra)}")
    stale = installation.query(
        "SELECT a.id FROM newsroom_article a "
        "JOIN search_searchdocument d ON d.article_id = a.id "
        "WHERE d.source_updated_at <> a.updated_at OR d.section_id_copy <> a.section_id "
        "OR d.published_at <> a.published_at ORDER BY a.id"
    )
    if stale:
        found.append(f"search documents older than their articles: {_ids(stale)}")
    return found


def _archive_months(installation: Installation) -> list[str]:
    """Stored counts of past months (the current month is counted on request)."""
    current = datetime.now(SITE_ZONE).date().replace(day=1)
    live = ", ".join(f"'{status}'" for status in LIVE)
    counted: dict[date, int] = defaultdict(int)
    for (published_at,) in installation.query(
        f"SELECT published_at FROM newsroom_article WHERE status IN ({live})"
    ):
        month = _moment(published_at).astimezone(SITE_ZONE).date().replace(day=1)
        if month < current:
            counted[month] += 1
    stored = {
        _day(month): count
        for month, count in installation.query(
            "SELECT month, articles FROM syndication_archivemonth"
        )
        if _day(month) < current and count
    }
    if stored != dict(counted):
        wrong = sorted(
            (month.isoformat(), stored.get(month, 0), counted.get(month, 0))
            for month in set(stored) | set(counted)
            if stored.get(month, 0) != counted.get(month, 0)
        )
        return [f"sitemap month counts (month, stored, live articles): {wrong}"]
    return []


def _revisions(installation: Installation) -> list[str]:
    columns = ", ".join(f"a.{column}" for column in CONTENT_COLUMNS)
    articles = {
        row[0]: row
        for row in installation.query(
            f"SELECT a.id, a.version, a.status, a.published_at, {columns} "
            "FROM newsroom_article a WHERE a.id IN (SELECT article_id FROM desk_revision)"
        )
    }
    tags: dict[int, list[int]] = defaultdict(list)
    for article_id, tag_id in installation.query(
        "SELECT article_id, tag_id FROM newsroom_article_tags "
        "WHERE article_id IN (SELECT article_id FROM desk_revision)"
    ):
        tags[article_id].append(tag_id)
    history: dict[int, list[tuple]] = defaultdict(list)
    for row in installation.query(
        "SELECT article_id, version, kind, content, id FROM desk_revision "
        "ORDER BY article_id, version DESC, created_at DESC, id DESC"
    ):
        history[row[0]].append(row[1:])
    found = []
    for article_id, (_, version, status, published_at, *columns) in articles.items():
        revisions = history[article_id]
        if revisions[0][0] != version:
            found.append(
                f"article {article_id} is at version {version}, "
                f"its newest revision at {revisions[0][0]}"
            )
            continue
        shown = revisions[0]
        if status in LIVE:
            shown = next((r for r in revisions if r[1] != "autosave"), None)
            if shown is None:
                # Only drafts beside what readers see, which came from an import: the
                # desk keeps no revision of an imported text until it is saved.
                continue
        now = dict(zip(CONTENT_COLUMNS, columns, strict=True))
        now["published_at"] = _moment(published_at)
        now["tags"] = sorted(tags[article_id])
        kept = content(shown[2])
        if kept != now:
            differing = sorted(key for key in now if now[key] != kept.get(key))
            found.append(
                f"article {article_id} differs from its revision v{shown[0]} ({shown[1]}) "
                f"in {differing}"
            )
    return found


def content(stored) -> dict:
    content = json.loads(stored) if isinstance(stored, str) else dict(stored)
    if content.get("published_at"):
        content["published_at"] = _moment(content["published_at"])
    content["tags"] = sorted(content.get("tags") or [])
    return content


def _moment(value) -> datetime:
    """A stored time: SQLite keeps UTC text without an offset, PostgreSQL a datetime."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _day(value) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _ids(rows: list[tuple]) -> str:
    ids = [row[0] for row in rows]
    return f"{ids[:20]}{' …' if len(ids) > 20 else ''} ({len(ids)})"
