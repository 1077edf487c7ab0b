"""The engine's index and the document rows stay one: imports, edits, withdrawals,
deletions and rebuilds leave no stale or missing entry, on either database.

On SQLite the FTS5 table reads its text from the document rows (external content),
so an entry removed after its row changed would leave words behind; FTS5's own
integrity check, asked to compare the index with the rows, catches exactly that.
"""

import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories import make_article, make_tag
from warta.ingest.importer import import_lines
from warta.newsroom.models import Article
from warta.search.backends.sql import DOCUMENTS
from warta.search.indexing import index_articles, rebuild_index

from .conftest import changed, found_titles, import_line

pytestmark = pytest.mark.django_db


def documents() -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {DOCUMENTS} ORDER BY article_id")
        return cursor.fetchall()


def assert_index_matches_documents() -> None:
    """FTS5 compares every index entry with the row it was made of (SQLite only:
    PostgreSQL's GIN index is maintained by PostgreSQL from the rows themselves)."""
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        # Raises DatabaseError ("database disk image is malformed") on any mismatch.
        cursor.execute("INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)")


def test_an_import_writes_the_documents_a_reindex_would():
    import_lines(
        [
            import_line("gedung", "Gedung dibangun", tags=["Pasar Modal", "Infrastruktur"]),
            import_line(
                "pasar",
                "Pasar dibuka",
                paragraphs=None,
                body="<p>Pedagang <b>senang</b> &amp; lega.</p>",
            ),
            import_line("draf", "Draf gempa", status="draft"),
        ]
    )
    # A re-import takes the other path of the same batch: updating what exists.
    import_lines([import_line("gedung", "Gedung diresmikan", tags=["Infrastruktur"])])
    imported = documents()
    rebuild_index_fully()
    assert imported == documents()
    assert len(imported) == 2


def rebuild_index_fully() -> None:
    for _ in rebuild_index():
        pass


def test_the_index_follows_every_kind_of_change():
    import_lines(
        [import_line("gedung", "Gedung dibangun"), import_line("banjir", "Banjir di Kutai")]
    )
    import_lines(
        [import_line("gedung", "Pasar dibuka", paragraphs=["Pedagang senang."])]
    )  # re-import
    import_lines([import_line("banjir", "Banjir di Kutai", status="draft")])  # out of the index
    edited = changed(make_article(title="Gempa Cianjur", tags=[make_tag("Bencana")]))
    Article.objects.filter(pk=edited.pk).update(title="Longsor Cianjur")
    changed(edited)
    assert_index_matches_documents()
    assert found_titles("pembangunan") == []
    assert found_titles("pedagang") == ["Pasar dibuka"]
    assert found_titles("banjir") == []
    assert found_titles("gempa") == []
    assert found_titles("longsor") == ["Longsor Cianjur"]
    rebuild_index_fully()
    assert_index_matches_documents()
    assert found_titles("longsor") == ["Longsor Cianjur"]


def test_a_deleted_article_leaves_nothing_behind_in_the_index():
    doomed = changed(make_article(title="Korupsi dana desa"))
    doomed_id = doomed.pk
    doomed.delete()  # the document goes by cascade, through the ORM
    assert_index_matches_documents()
    # A later document with the same id must not inherit the deleted one's words.
    reborn = make_article(title="Harga cabai naik")
    Article.objects.filter(pk=reborn.pk).update(id=doomed_id)
    index_articles(article_ids=[doomed_id])
    assert_index_matches_documents()
    assert found_titles("korupsi") == []
    assert found_titles("cabai") == ["Harga cabai naik"]


def test_reindex_after_a_migration_round_trip_finds_the_same(transactional_db):
    """The migration that made the FTS5 table read the document rows, run backwards and
    forwards on a database holding documents: everything is still found."""
    import_lines([import_line("gedung", "Gedung dibangun"), import_line("pasar", "Pasar dibuka")])
    call_command("migrate", "search", "0004", verbosity=0)
    if connection.vendor == "sqlite":  # PostgreSQL's code reads the vector 0006 stores
        assert found_titles("pembangunan") == ["Gedung dibangun"]  # the old table, refilled
    call_command("migrate", "search", verbosity=0)
    assert_index_matches_documents()
    assert found_titles("pembangunan") == ["Gedung dibangun"]
    assert found_titles("pasar modal") == ["Gedung dibangun", "Pasar dibuka"]
