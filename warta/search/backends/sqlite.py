"""SQLite: an FTS5 index over the document table's stems, ranked with bm25.

The FTS5 table is an *external content* table: it holds the index only and reads
the text from the document table when it needs it, so the stems are stored once.
In exchange SQLite no longer keeps the two in step by itself: an index entry is
removed by re-reading the words it was made of, so ``remove`` must run while the
document row still holds them (before it is overwritten or deleted), and ``store``
after the new row is written. ``indexing.py`` does both in that order.
"""

from datetime import UTC, datetime

from django.db import connection

from . import CANDIDATES
from .sql import DOCUMENTS, filter_sql

FTS_TABLE = "search_fts"
# bm25 column weights: a word in the title counts most, then tags, then lead and body.
WEIGHTS = (10.0, 5.0, 1.0)
# The document columns the index is made of; external content requires the same names.
INDEXED_COLUMNS = ("stemmed_title", "stemmed_tags", "stemmed_body")
# SQLite allows 999 parameters per statement on older builds; ids go in chunks below it.
IDS_PER_STATEMENT = 500

CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
    f"{', '.join(INDEXED_COLUMNS)}, tokenize = 'unicode61', "
    f"content = '{DOCUMENTS}', content_rowid = 'article_id')"
)
DROP_SQL = f"DROP TABLE IF EXISTS {FTS_TABLE}"
# Indexes every document row again (after the table is made, or to repair it).
REBUILD_SQL = f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('rebuild')"
INSERT_SQL = (
    f"INSERT INTO {FTS_TABLE} (rowid, {', '.join(INDEXED_COLUMNS)}) VALUES (%s, %s, %s, %s)"
)


def match_expression(query) -> str:
    """The query in FTS5 syntax: every clause must match; a clause's phrases are
    alternatives. Each phrase is quoted, so FTS5 reads none of its words as an operator
    and matches them only side by side."""
    return " AND ".join(_clause(clause) for clause in query.clauses)


def _clause(phrases) -> str:
    quoted = ['"' + " ".join(phrase).replace('"', '""') + '"' for phrase in phrases]
    return quoted[0] if len(quoted) == 1 else "(" + " OR ".join(quoted) + ")"


class SqliteBackend:
    def store(self, documents) -> None:
        """Index documents whose rows are written and whose old entries are removed."""
        # In rowid order: FTS5 appends ascending rowids to the segment it is building,
        # and flushes it on every step back; unsorted, a batch costs four times as much.
        documents = sorted(documents, key=lambda doc: doc.article_id)
        with connection.cursor() as cursor:
            cursor.executemany(
                INSERT_SQL,
                [
                    (doc.article_id, doc.stemmed_title, doc.stemmed_tags, doc.stemmed_body)
                    for doc in documents
                ],
            )

    def remove(self, article_ids) -> None:
        """Drop the index entries of these documents, read from their rows as they
        still stand; ids without a row are skipped."""
        ids = list(article_ids)
        with connection.cursor() as cursor:
            for start in range(0, len(ids), IDS_PER_STATEMENT):
                chunk = ids[start : start + IDS_PER_STATEMENT]
                marks = ", ".join(["%s"] * len(chunk))
                cursor.execute(f"DELETE FROM {FTS_TABLE} WHERE rowid IN ({marks})", chunk)

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('delete-all')")

    def match(self, query, filters, limit):
        where, params = filter_sql(filters)
        weights = ", ".join(str(w) for w in WEIGHTS)
        # FTS5 walks the matches newest rowid first and stops after CANDIDATES, so bm25
        # and the join run that many times at most; only those are sorted by score.
        sql = (
            "SELECT article_id, score, published_at FROM ("
            f"SELECT d.article_id, -bm25({FTS_TABLE}, {weights}) AS score, d.published_at "
            f"FROM {FTS_TABLE} JOIN {DOCUMENTS} d ON d.article_id = {FTS_TABLE}.rowid "
            f"WHERE {FTS_TABLE} MATCH %s AND {where} ORDER BY {FTS_TABLE}.rowid DESC LIMIT %s"
            ") ORDER BY score DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [match_expression(query), *params, CANDIDATES, limit])
            rows = cursor.fetchall()
        return [(pk, score, _as_datetime(moment)) for pk, score, moment in rows]


def _as_datetime(value) -> datetime:
    # A raw SQLite cursor hands datetimes back as text, in UTC.
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)
