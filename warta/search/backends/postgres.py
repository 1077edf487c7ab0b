"""PostgreSQL: a weighted tsvector over the stems (``simple`` config), GIN-indexed.

The stems are Sastrawi's, made in Python, so the ``simple`` configuration (no
stemming of its own) is what keeps PostgreSQL finding exactly what FTS5 finds. The
vector expression here must stay identical to the migration's index expression, or
the planner will not use the index.
"""

from django.db import connection

from . import CANDIDATES
from .sql import DOCUMENTS, filter_sql


def vector(alias: str = "") -> str:
    return (
        f"(setweight(to_tsvector('simple'::regconfig, {alias}stemmed_title), 'A') || "
        f"setweight(to_tsvector('simple'::regconfig, {alias}stemmed_tags), 'B') || "
        f"setweight(to_tsvector('simple'::regconfig, {alias}stemmed_body), 'D'))"
    )


INDEX_NAME = "search_document_vector"
CREATE_SQL = f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {DOCUMENTS} USING gin ({vector()})"
DROP_SQL = f"DROP INDEX IF EXISTS {INDEX_NAME}"


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
        # The GIN index finds the matches (MATERIALIZED keeps the planner from walking
        # the primary key backwards instead, rebuilding every row's vector); the newest
        # CANDIDATES of them are then ranked with ts_rank, which rebuilds theirs only.
        sql = (
            f"WITH q AS (SELECT {tsquery} AS q), "
            "m AS MATERIALIZED ("
            f"SELECT d.article_id FROM {DOCUMENTS} d, q WHERE {vector('d.')} @@ q.q AND {where}"
            "), newest AS (SELECT article_id FROM m ORDER BY article_id DESC LIMIT %s) "
            f"SELECT d.article_id, ts_rank({vector('d.')}, q.q) AS score, d.published_at "
            f"FROM newest JOIN {DOCUMENTS} d ON d.article_id = newest.article_id, q "
            "ORDER BY score DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*query_params, *params, CANDIDATES, limit])
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
