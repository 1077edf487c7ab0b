"""One interface, two engines: SQLite FTS5 (embedded default) and PostgreSQL.

A backend writes the engine's index for documents and answers ``match``: the ids of
matching live documents with a relevance (higher is better), best first, at most
``limit``. Which engine runs is decided here, once, by the database in use.
"""

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from django.db import connection


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
    def match(
        self, terms: list[str], filters: Filters, limit: int
    ) -> list[tuple[int, float, datetime]]: ...


def backend() -> Backend:
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    from .sqlite import SqliteBackend

    return SqliteBackend()
