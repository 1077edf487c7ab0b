"""Imported articles are searchable the moment `warta import` commits."""

import pytest
from django.core.management import call_command

from tests.factories import make_article
from warta.ingest.importer import ImportAborted, import_lines
from warta.search.models import SearchDocument

from .conftest import found_titles, import_line

pytestmark = pytest.mark.django_db


def test_imported_articles_are_found_without_a_reindex():
    import_lines([import_line("gedung", "Gedung dibangun"), import_line("pasar", "Pasar dibuka")])
    assert found_titles("pembangunan") == ["Gedung dibangun"]
    assert found_titles("pasar modal") == ["Gedung dibangun", "Pasar dibuka"]  # the tag


def test_a_reimport_replaces_what_is_indexed():
    import_lines([import_line("gedung", "Gedung dibangun")])
    import_lines([import_line("gedung", "Pasar dibuka", paragraphs=["Pedagang senang."])])
    assert found_titles("pembangunan") == []
    assert found_titles("pedagang") == ["Pasar dibuka"]
    assert SearchDocument.objects.count() == 1


def test_imported_drafts_are_not_indexed():
    import_lines(
        [import_line("draf", "Draf gempa", status="draft"), import_line("terbit", "Gempa terbit")]
    )
    assert found_titles("gempa") == ["Gempa terbit"]
    assert SearchDocument.objects.count() == 1


def test_a_reimport_as_a_draft_removes_the_article():
    import_lines([import_line("banjir", "Banjir di Kutai")])
    import_lines([import_line("banjir", "Banjir di Kutai", status="draft")])
    assert found_titles("banjir") == []
    assert not SearchDocument.objects.exists()


def test_an_aborted_import_indexes_nothing():
    # The second line for the same article makes the first batch be written (and
    # indexed) before the bad third line stops the import.
    lines = [
        import_line("gedung", "Gedung dibangun"),
        import_line("gedung", "Gedung dibangun lagi"),
        "{not",
    ]
    with pytest.raises(ImportAborted):
        import_lines(lines)
    assert not SearchDocument.objects.exists()
    assert found_titles("pembangunan") == []


def test_reindex_still_rebuilds_everything():
    make_article(title="Tsunami di Palu")  # written past the desk: no document yet
    import_lines([import_line("gedung", "Gedung dibangun")])
    call_command("reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert found_titles("tsunami") == ["Tsunami di Palu"]
    assert found_titles("gedung") == ["Gedung dibangun"]
    assert SearchDocument.objects.count() == 2
