"""Searching live articles on whichever database runs: SQLite FTS5 or PostgreSQL."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import make_article, make_section, make_tag
from warta.newsroom.models import Article
from warta.search.indexing import rebuild_index
from warta.search.models import SearchDocument
from warta.search.selectors import search_articles

from .conftest import changed

pytestmark = pytest.mark.django_db


def titles(query: str, **filters) -> list[str]:
    return [hit.article.title for hit in search_articles(query=query, **filters).hits]


def test_derived_words_find_each_other():
    changed(make_article(title="Pembangunan jembatan Kutai"))
    changed(make_article(title="Gedung baru dibangun di Bandung"))
    changed(make_article(title="Warga membangun masjid"))
    changed(make_article(title="Harga cabai naik"))
    for query in ["bangun", "pembangunan", "dibangun", "membangun"]:
        assert sorted(titles(query)) == [
            "Gedung baru dibangun di Bandung",
            "Pembangunan jembatan Kutai",
            "Warga membangun masjid",
        ]


def test_lead_body_and_tags_are_searched():
    changed(make_article(title="Satu", lead="Banjir melanda Samarinda."))
    changed(make_article(title="Dua", body="<p>Gempa mengguncang <b>Cianjur</b>.</p>"))
    changed(make_article(title="Tiga", tags=[make_tag("Pemilu")]))
    assert titles("samarinda") == ["Satu"]
    assert titles("cianjur") == ["Dua"]
    assert titles("pemilu") == ["Tiga"]


def test_all_words_must_match_and_stop_words_are_ignored():
    changed(make_article(title="Jembatan ambruk di Kutai"))
    changed(make_article(title="Jembatan baru di Bogor"))
    assert titles("jembatan yang ambruk") == ["Jembatan ambruk di Kutai"]
    assert titles("yang dan di") == []


def test_title_matches_rank_first_and_newer_wins_among_equals():
    now = timezone.now()
    changed(make_article(title="Soal lain", lead="Tentang banjir.", published_at=now))
    changed(make_article(title="Banjir lama", published_at=now - timedelta(days=60)))
    changed(make_article(title="Banjir baru", published_at=now - timedelta(days=1)))
    assert titles("banjir") == ["Banjir baru", "Banjir lama", "Soal lain"]


def test_withdrawn_articles_are_never_found():
    article = changed(make_article(title="Korupsi dana desa"))
    assert titles("korupsi") == ["Korupsi dana desa"]
    Article.objects.filter(pk=article.pk).update(status=Article.Status.WITHDRAWN)
    changed(article)
    assert titles("korupsi") == []
    assert not SearchDocument.objects.filter(article=article).exists()


def test_edits_are_indexed():
    article = changed(make_article(title="Banjir di Jakarta"))
    Article.objects.filter(pk=article.pk).update(title="Kebakaran di Jakarta")
    changed(article)
    assert titles("banjir") == []
    assert titles("kebakaran") == ["Kebakaran di Jakarta"]


def test_scheduled_articles_wait_for_their_time():
    changed(
        make_article(
            title="Gerhana nanti",
            status=Article.Status.SCHEDULED,
            published_at=timezone.now() + timedelta(hours=2),
        )
    )
    assert titles("gerhana") == []
    assert SearchDocument.objects.count() == 1


def test_drafts_are_not_indexed():
    changed(make_article(title="Draf rahasia", status=Article.Status.DRAFT))
    assert titles("rahasia") == []


def test_section_and_date_filters():
    politik = make_section("Politik")
    now = timezone.now()
    changed(make_article(title="Pemilu di Politik", section=politik, published_at=now))
    changed(make_article(title="Pemilu di Dunia", published_at=now - timedelta(days=10)))
    assert titles("pemilu", section=politik) == ["Pemilu di Politik"]
    day = timezone.localdate(now - timedelta(days=10))
    assert titles("pemilu", since=day, until=day) == ["Pemilu di Dunia"]


def test_reindex_rebuilds_from_live_articles():
    make_article(title="Tsunami di Palu")
    make_article(title="Tsunami ditarik", status=Article.Status.WITHDRAWN)
    assert titles("tsunami") == []
    call_command("reindex", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert titles("tsunami") == ["Tsunami di Palu"]
    assert list(rebuild_index()) == [1]


def test_pages_are_bounded():
    for n in range(25):
        changed(make_article(title=f"Sawit nomor {n}"))
    first = search_articles(query="sawit")
    second = search_articles(query="sawit", page=2)
    assert (len(first.hits), first.has_next) == (20, True)
    assert (len(second.hits), second.has_next) == (5, False)
    assert not {h.article.pk for h in first.hits} & {h.article.pk for h in second.hits}
    assert search_articles(query="sawit", page=10**9).hits == []


def test_ranking_is_bounded_to_the_newest_candidates(monkeypatch):
    from warta.search.backends import backend

    engine = type(backend()).__module__
    monkeypatch.setattr(f"{engine}.CANDIDATES", 3)
    # Written first, so outside the three newest, though the title makes it the best match.
    changed(make_article(title="Sawit sawit sawit", lead="Sawit."))
    for n in range(4):
        changed(make_article(title=f"Kabar nomor {n}", lead="Harga sawit turun."))
    assert sorted(titles("sawit")) == ["Kabar nomor 1", "Kabar nomor 2", "Kabar nomor 3"]


def test_a_stale_document_never_shows_an_article_readers_may_not_see():
    article = changed(make_article(title="Korupsi dana desa"))
    # Withdrawn behind the index's back: no signal, so the document is still there.
    Article.objects.filter(pk=article.pk).update(status=Article.Status.WITHDRAWN)
    assert SearchDocument.objects.filter(article=article).exists()
    assert titles("korupsi") == []
