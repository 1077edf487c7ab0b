"""One interface, two engines: SQLite FTS5 (embedded default) and PostgreSQL.

A backend writes the engine's index for documents and answers ``match`` for a
``warta.search.query.Query``: the ids of matching live documents with a relevance
(higher is better), best first, at most ``limit``. Which engine runs is decided here,
once, by the database in use.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from django.db import connection

# Ranking is bounded work: of the documents that match and pass the filters, only the
# newest CANDIDATES (by article id, the order articles were written in) are ranked,
# as many as a reader can page through (selectors.MAX_RESULTS). A query with fewer
# matches is ranked exactly; one whose word is in most articles ("tahun") would
# otherwise score every one of them, some 300 ms at 100,000 articles (bench/README.md,
# "search"), and at a million articles finding even the newest thousand of a word in
# 2 % of them read 20,000 rows (backends/postgres.py), for a page that favours recent
# stories anyway. Narrowing by section or date reaches further back.
CANDIDATES = 400


@dataclass(frozen=True)
class Filters:
    now: datetime
    section_id: int | None = None
    since: date | None = None
    until: date | None = None


class Backend(Protocol):
    def store(self, documents) -> None: ...
    def remove(self, article_ids) -> None: ...
    def clear(self) -> None: ...
    def match(self, query, filters: Filters, limit: int) -> list[tuple[int, float, datetime]]: ...


def backend() -> Backend:
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    from .sqlite import SqliteBackend

    return SqliteBackend()
