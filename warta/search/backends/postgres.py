"""PostgreSQL: a weighted tsvector over the stems (``simple`` config), GIN-indexed.

The stems are Sastrawi's, made in Python, so the ``simple`` configuration (no
stemming of its own) is what keeps PostgreSQL finding exactly what FTS5 finds. The
vector is a stored generated column of the document table (migration 0006, which
holds its expression): matching, walking matches newest first and ``ts_rank`` read
it from the row instead of rebuilding it from the text, which at a million
documents cost seconds per query.
"""

from django.db import connections, router

from warta.search.models import SearchDocument

from . import CANDIDATES
from .sql import DOCUMENTS, filter_sql


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
        where, params = filter_sql(filters)
        tsquery, query_params = _tsquery(query)
        # The newest CANDIDATES matches, then ranked. The query is written inline (not
        # a CTE the planner cannot see into), so the planner estimates from the column's
        # statistics how common the words are and picks the cheaper way: for a word in
        # most documents, walk the primary key newest first and stop after CANDIDATES
        # matches (5 ms at a million documents); for a rarer one, the GIN index's
        # matches, sorted. Finding all matches of "indonesia" that way took 20 s.
        sql = (
            f"SELECT r.article_id, ts_rank({vector('r.')}, query.q) AS score, r.published_at "
            f"FROM (SELECT d.article_id FROM {DOCUMENTS} d "
            f"WHERE {vector('d.')} @@ ({tsquery}) AND {where} "
            "ORDER BY d.article_id DESC LIMIT %s) newest "
            f"JOIN {DOCUMENTS} r ON r.article_id = newest.article_id, "
            f"(SELECT {tsquery} AS q) query "
            "ORDER BY score DESC LIMIT %s"
        )
        # Raw SQL bypasses the database router; ask it, so a reader's search reads from
        # a replica like the rest of the page.
        with connections[router.db_for_read(SearchDocument)].cursor() as cursor:
            cursor.execute(sql, [*query_params, *params, CANDIDATES, *query_params, limit])
            return cursor.fetchall()


def _tsquery(query) -> tuple[str, list[str]]:
    """Clauses joined by ``&&``, a clause's phrases by ``||``; phraseto_tsquery reads its
    text as plain words that must stand side by side: no operators."""
    clauses, params = [], []
    for clause in query.clauses:
        phrases = ["phraseto_tsquery('simple'::regconfig, %s)"] * len(clause)
        clauses.append("(" + " || ".join(phrases) + ")")
        params.extend(" ".join(phrase) for phrase in clause)
    return " && ".join(clauses), params
