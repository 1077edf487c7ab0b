"""PostgreSQL: a weighted tsvector over the stems (``simple`` config), GIN-indexed.

The stems are Sastrawi's, made in Python, so the ``simple`` configuration (no
stemming of its own) is what keeps PostgreSQL finding exactly what FTS5 finds. The
vector is a stored generated column of the document table (migration 0006, which
holds its expression): matching, walking matches newest first and ``ts_rank`` read
it from the row instead of rebuilding it from the text, which at a million
documents cost seconds per query.

Finding the newest ``CANDIDATES`` matches is where a big archive costs: every match
considered is a row read from the table. So the search looks in windows of the
newest ids, sized by how dense the matches turned out to be, and reads as few rows
as it can:

1. A probe walks the newest ``PROBE_IDS`` documents by primary key. A word in most
   documents is done here.
2. Otherwise the next window is sized from the density the probe saw. Dense matches
   are walked again by primary key, further back. Sparse ones come from the GIN
   index, which has the section and the id's block as second and third keys
   (migration 0007): the index intersects the word's postings with the section's
   and the window's blocks, and only those matches are read. Matches the probe did
   not meet are looked up in the whole index.
3. The candidates are ranked in one last query.

The plan is chosen here, not by the planner: a ``LIMIT`` walk on an estimate that is
wrong for the newest documents read a million rows. A search limited to dates is the
exception: its range is read from the publication-time index, which the planner
weighs well, in one query.
"""

import math

from django.db import connections, router

from warta.search.models import SearchDocument

from . import CANDIDATES
from .sql import DOCUMENTS, filter_sql

# Article ids per block, the index's second key (frozen in migration 0007's index).
BLOCK_IDS = 16384
# The first look: the newest documents, walked by primary key (a few milliseconds).
PROBE_IDS = 4 * CANDIDATES
# Matches at least this dense are cheaper walked by primary key (rows read in table
# order) than fetched one by one from the index's postings.
WALK_SHARE = 0.25
# A window holds the ids where this many times CANDIDATES are expected, from the
# density seen so far: every match in a window is read, so a bigger margin costs.
WINDOW_MARGIN = 1.25


def vector(alias: str = "") -> str:
    """The document's weighted vector: title A, tags B, lead and body D."""
    return f"{alias}vector"


class PostgresBackend:
    # The GIN index is maintained by PostgreSQL itself from the document rows.
    def store(self, documents) -> None:
        pass

    def remove(self, article_ids) -> None:
        pass

    def clear(self) -> None:
        pass

    def match(self, query, filters, limit):
        conditions = _Conditions(query, filters)
        # Raw SQL bypasses the database router; ask it, so a reader's search reads from
        # a replica like the rest of the page.
        with connections[router.db_for_read(SearchDocument)].cursor() as cursor:
            if filters.since is not None or filters.until is not None:
                candidates = _newest_in_one_query(conditions)
                params = [*conditions.params, CANDIDATES]
            else:
                ids = _newest_matches(cursor, conditions)
                if not ids:
                    return []
                candidates, params = "SELECT unnest(%s::bigint[]) AS article_id", [ids]
            cursor.execute(
                f"SELECT r.article_id, ts_rank({vector('r.')}, query.q) AS score, "
                f"r.published_at FROM ({candidates}) newest "
                f"JOIN {DOCUMENTS} r ON r.article_id = newest.article_id, "
                f"(SELECT {conditions.tsquery} AS q) query ORDER BY score DESC LIMIT %s",
                [*params, *conditions.query_params, limit],
            )
            return cursor.fetchall()


class _Conditions:
    """The query and the filters as SQL on the document table ``d``."""

    def __init__(self, query, filters):
        self.tsquery, self.query_params = _tsquery(query)
        where, params = filter_sql(filters)
        self.sql = f"{vector('d.')} @@ ({self.tsquery}) AND {where}"
        self.params = [*self.query_params, *params]


def _newest_in_one_query(conditions: _Conditions) -> str:
    """The newest CANDIDATES matches in one query, as the planner sees fit."""
    return (
        f"SELECT d.article_id FROM {DOCUMENTS} d WHERE {conditions.sql} "
        "ORDER BY d.article_id DESC LIMIT %s"
    )


def _newest_matches(cursor, conditions: _Conditions) -> list[int]:
    """The ids of the newest CANDIDATES documents matching, newest first."""
    cursor.execute(f"SELECT max(article_id) FROM {DOCUMENTS}")
    newest = cursor.fetchone()[0]
    if newest is None:
        return []
    first = max(newest - PROBE_IDS + 1, 0)
    ids = _walk(cursor, conditions, first)
    while len(ids) < CANDIDATES and first > 0:
        share = len(ids) / (newest - first + 1)
        if share == 0:
            first = 0
        else:
            first = max(newest - math.ceil(CANDIDATES / share * WINDOW_MARGIN) + 1, 0)
        if share >= WALK_SHARE:
            ids = _walk(cursor, conditions, first)
        else:
            first -= first % BLOCK_IDS  # the window's first block, whole
            ids = _from_index(cursor, conditions, first, newest)
    return ids


def _walk(cursor, conditions: _Conditions, first: int) -> list[int]:
    """Walk the primary key down from the newest document to ``first``."""
    # "IS TRUE": each row's vector is read as the walk passes it, never through the GIN
    # index, whose postings for a common word are far longer than the walk.
    cursor.execute(
        f"SELECT d.article_id FROM {DOCUMENTS} d WHERE ({conditions.sql}) IS TRUE "
        "AND d.article_id >= %s ORDER BY d.article_id DESC LIMIT %s",
        [*conditions.params, first, CANDIDATES],
    )
    return [row[0] for row in cursor.fetchall()]


def _from_index(cursor, conditions: _Conditions, first: int, newest: int) -> list[int]:
    """The GIN index's matches in the blocks from ``first`` on (all, from 0); a
    section filter is the index's second key."""
    window, params = "", []
    if first > 0:
        window = f"AND (d.article_id / {BLOCK_IDS}) = ANY(%s::bigint[]) "
        params = [list(range(first // BLOCK_IDS, newest // BLOCK_IDS + 1))]
    # "+ 0": sorted after the index scan, never by walking the primary key.
    cursor.execute(
        f"SELECT d.article_id FROM {DOCUMENTS} d WHERE {conditions.sql} {window}"
        "ORDER BY d.article_id + 0 DESC LIMIT %s",
        [*conditions.params, *params, CANDIDATES],
    )
    return [row[0] for row in cursor.fetchall()]


def _tsquery(query) -> tuple[str, list[str]]:
    """Clauses joined by ``&&``, a clause's phrases by ``||``; phraseto_tsquery reads its
    text as plain words that must stand side by side: no operators."""
    clauses, params = [], []
    for clause in query.clauses:
        phrases = ["phraseto_tsquery('simple'::regconfig, %s)"] * len(clause)
        clauses.append("(" + " || ".join(phrases) + ")")
        params.extend(" ".join(phrase) for phrase in clause)
    return " && ".join(clauses), params
