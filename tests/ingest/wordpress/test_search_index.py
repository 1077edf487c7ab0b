"""Imported posts are searchable the moment the import commits, indexed from what it
wrote rather than read back."""

from io import BytesIO

import pytest

from warta.ingest.wordpress import import_wordpress
from warta.newsroom.models import Article
from warta.newsroom.signals import articles_imported
from warta.search.indexing import rebuild_index
from warta.search.models import SearchDocument
from warta.search.selectors import search_articles

from .conftest import post, wxr

pytestmark = pytest.mark.django_db


def _import(*items: str):
    return import_wordpress(BytesIO(wxr(*items).encode()))


def _documents() -> list[tuple]:
    return list(
        SearchDocument.objects.order_by("pk").values_list(
            "pk",
            "section_id_copy",
            "published_at",
            "stemmed_title",
            "stemmed_tags",
            "stemmed_body",
            "source_updated_at",
        )
    )


def _titles(query: str) -> list[str]:
    return sorted(hit.article.title for hit in search_articles(query=query).hits)


EXPORT = (
    post(101, "KPK tahan dua tersangka suap", content="Penyidik menahan dua tersangka."),
    post(
        102,
        "Rupiah menguat terhadap dolar",
        categories=[("ekonomi", "Ekonomi"), ("nasional", "Nasional")],
        tags=[("rupiah", "Rupiah")],
        content="Kurs ditutup menguat.",
    ),
    post(103, "Draf tentang gempa", status="draft", content="Belum terbit."),
)


def test_the_import_indexes_exactly_what_a_full_reindex_would():
    _import(*EXPORT)
    indexed = _documents()

    for _ in rebuild_index():
        pass

    assert _documents() == indexed
    assert len(indexed) == 2  # the draft is not for readers


def test_imported_posts_are_found_by_their_words_and_tags():
    _import(*EXPORT)

    assert _titles("tersangka") == ["KPK tahan dua tersangka suap"]
    assert _titles("nasional") == ["Rupiah menguat terhadap dolar"]  # a further category
    assert _titles("gempa") == []


def test_a_reimport_replaces_what_is_indexed_and_a_withdrawal_holds():
    _import(*EXPORT)
    Article.objects.filter(wordpress_post__post_id=102).update(status=Article.Status.WITHDRAWN)

    _import(post(101, "KPK periksa saksi baru", content="Saksi diperiksa."), *EXPORT[1:])
    indexed = _documents()
    for _ in rebuild_index():
        pass

    assert _documents() == indexed
    assert _titles("tersangka") == []
    assert _titles("saksi") == ["KPK periksa saksi baru"]
    assert _titles("rupiah") == []


def test_each_batch_hands_over_its_articles_and_all_their_tags():
    received = []

    def receiver(sender, articles=None, tag_links=None, **kwargs):
        received.append((articles, tag_links))

    articles_imported.connect(receiver)
    try:
        _import(*EXPORT)
    finally:
        articles_imported.disconnect(receiver)

    [(articles, tag_links)] = received
    stored = Article.objects.order_by("pk")
    assert sorted((a.pk, a.title, a.status, a.updated_at) for a in articles) == [
        (a.pk, a.title, a.status, a.updated_at) for a in stored
    ]
    assert sorted(tag_links) == sorted(
        Article.tags.through.objects.values_list("article_id", "tag_id")
    )
