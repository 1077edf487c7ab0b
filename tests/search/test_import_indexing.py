"""Imported articles are searchable the moment `warta import` commits."""

import json

import pytest
from django.core.management import call_command

from tests.factories import make_article
from warta.ingest.importer import ImportAborted, import_lines
from warta.search.models import SearchDocument
from warta.search.selectors import search_articles

pytestmark = pytest.mark.django_db


def line(slug: str, title: str, **fields) -> str:
    record = {
        "slug": slug,
        "section": "Ekonomi",
        "title": title,
        "reporter": "Sarah",
        "published_at": "2024-02-14T07:00:00+07:00",
        "lead": "Teras berita.",
        "paragraphs": ["Isi berita."],
        "caption": "Foto",
        "tags": ["Pasar Modal"],
        **fields,
    }
    return json.dumps(record)


def titles(query: str) -> list[str]:
    return sorted(hit.article.title for hit in search_articles(query=query).hits)


def test_imported_articles_are_found_without_a_reindex():
    import_lines([line("gedung", "Gedung dibangun"), line("pasar", "Pasar dibuka")])
    assert titles("pembangunan") == ["Gedung dibangun"]
    assert titles("pasar modal") == ["Gedung dibangun", "Pasar dibuka"]  # the tag


def test_a_reimport_replaces_what_is_indexed():
    import_lines([line("gedung", "Gedung dibangun")])
    import_lines([line("gedung", "Pasar dibuka", paragraphs=["Pedagang senang."])])
    assert titles("pembangunan") == []
    assert titles("pedagang") == ["Pasar dibuka"]
    assert SearchDocument.objects.count() == 1


def test_imported_drafts_are_not_indexed():
    import_lines([line("draf", "Draf gempa", status="draft"), line("terbit", "Gempa terbit")])
    assert titles("gempa") == ["Gempa terbit"]
    assert SearchDocument.objects.count() == 1


def test_a_reimport_as_a_draft_removes_the_article():
    import_lines([line("banjir", "Banjir di Kutai")])
    import_lines([line("banjir", "Banjir di Kutai", status="draft")])
    assert titles("banjir") == []
    assert not SearchDocument.objects.exists()


def test_an_aborted_import_indexes_nothing():
    # The second line for the same article makes the first batch be written (and
    # indexed) before the bad third line stops the import.
    lines = [line("gedung", "Gedung dibangun"), line("gedung", "Gedung dibangun lagi"), "{not"]
    with pytest.raises(ImportAborted):
        import_lines(lines)
    assert not SearchDocument.objects.exists()
    assert titles("pembangunan") == []


def test_reindex_still_rebuilds_everything():
    make_article(title="Tsunami di Palu")  # written past the desk: no document yet
    import_lines([line("gedung", "Gedung dibangun")])
    call_command("reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert titles("tsunami") == ["Tsunami di Palu"]
    assert titles("gedung") == ["Gedung dibangun"]
    assert SearchDocument.objects.count() == 2
