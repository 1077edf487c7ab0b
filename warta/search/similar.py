"""More like this: which indexed documents share the most weighted terms with a set.

Where search asks for documents holding *all* of a reader's words, related articles
ask for documents holding *any* of an article's characteristic stems, ranked by how
much they share: FTS5's bm25 and PostgreSQL's ts_rank both weigh a title above a
body and a rare stem above a common one.

Common stems are left out before ranking: a stem in most of the archive ("tahun",
"warga") says nothing about a story, and ranking every document that holds one would
cost a scan of the archive per article. How common a stem is gets counted only up
to ``COMMON``, so even that count is a bounded amount of work on any archive.
"""

from django.db import connection

from .backends.sql import DOCUMENTS

# A stem found in this many other documents is too common to relate anything.
COMMON = 250
# The rarest stems that are kept for the ranking query.
RARE_TERMS = 8


def similar_documents(terms: list[str], *, exclude_id: int, limit: int) -> list[tuple[int, float]]:
    """Ids of indexed documents sharing the rarer of ``terms`` with a relevance, best first.

    ``terms`` are stems as ``analysis.stems`` makes them (letters and digits only);
    each is quoted anyway, so no term is ever read as an operator.
    """
    engine = _Postgres if connection.vendor == "postgresql" else _Sqlite
    terms = list(dict.fromkeys(terms))
    if not terms:
        return []
    counts = _run(engine.count_sql(len(terms)), engine.count_params(terms, exclude_id, COMMON))
    frequency = dict(counts)
    rare = sorted(
        (index for index in range(len(terms)) if 0 < frequency.get(index, 0) < COMMON),
        key=lambda index: frequency[index],
    )[:RARE_TERMS]
    if not rare:
        return []
    return _run(engine.rank_sql(), [engine.any_of([terms[i] for i in rare]), exclude_id, limit])


def _run(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


class _Engine:
    """What both engines share: a query for any of the terms, counted term by term."""

    OR = ""

    @staticmethod
    def quoted(term: str) -> str:
        raise NotImplementedError

    @classmethod
    def any_of(cls, terms: list[str]) -> str:
        return cls.OR.join(cls.quoted(term) for term in terms)

    @classmethod
    def count_params(cls, terms, exclude_id, cap) -> list:
        return [p for i, t in enumerate(terms) for p in (i, cls.quoted(t), exclude_id, cap)]


class _Sqlite(_Engine):
    OR = " OR "

    @staticmethod
    def quoted(term: str) -> str:
        return '"' + term.replace('"', '""') + '"'

    @staticmethod
    def count_sql(how_many: int) -> str:
        from .backends.sqlite import FTS_TABLE

        one = (
            f"SELECT %s, (SELECT count(*) FROM (SELECT 1 FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND rowid <> %s LIMIT %s))"
        )
        return " UNION ALL ".join([one] * how_many)

    @staticmethod
    def rank_sql() -> str:
        from .backends.sqlite import FTS_TABLE, WEIGHTS

        weights = ", ".join(str(w) for w in WEIGHTS)
        return (
            f"SELECT rowid, -bm25({FTS_TABLE}, {weights}) AS score FROM {FTS_TABLE} "
            f"WHERE {FTS_TABLE} MATCH %s AND rowid <> %s ORDER BY score DESC LIMIT %s"
        )


class _Postgres(_Engine):
    OR = " | "

    @staticmethod
    def quoted(term: str) -> str:
        return "'" + term.replace("\\", "").replace("'", "''") + "'"

    @staticmethod
    def count_sql(how_many: int) -> str:
        from .backends.postgres import vector

        one = (
            f"SELECT %s, (SELECT count(*) FROM (SELECT 1 FROM {DOCUMENTS} d "
            f"WHERE {vector('d.')} @@ to_tsquery('simple'::regconfig, %s) "
            f"AND d.article_id <> %s LIMIT %s) s)"
        )
        return " UNION ALL ".join([one] * how_many)

    @staticmethod
    def rank_sql() -> str:
        from .backends.postgres import vector

        return (
            f"SELECT d.article_id, ts_rank({vector('d.')}, q) AS score "
            f"FROM {DOCUMENTS} d, to_tsquery('simple'::regconfig, %s) q "
            f"WHERE {vector('d.')} @@ q AND d.article_id <> %s ORDER BY score DESC LIMIT %s"
        )
