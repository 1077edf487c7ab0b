"""PostgreSQL: a weighted tsvector over the stems (``simple`` config), GIN-indexed.

The stems are Sastrawi's, made in Python, so the ``simple`` configuration (no
stemming of its own) is what keeps PostgreSQL finding exactly what FTS5 finds. The
vector expression here must stay identical to the migration's index expression, or
the planner will not use the index.
"""

from django.db import connection

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

    def match(self, terms, filters, limit):
        where, params = filter_sql(filters)
        # plainto_tsquery reads its text as plain words joined by AND: no operators.
        sql = (
            f"SELECT d.article_id, ts_rank({vector('d.')}, q) AS score, d.published_at "
            f"FROM {DOCUMENTS} d, plainto_tsquery('simple'::regconfig, %s) q "
            f"WHERE {vector('d.')} @@ q AND {where} ORDER BY score DESC LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [" ".join(terms), *params, limit])
            return cursor.fetchall()
