"""Aliases editors keep: a search for one name finds the others, on either engine."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article
from warta.search.models import SearchAlias
from warta.search.query import parse_query
from warta.search.selectors import search_articles

from .conftest import changed

pytestmark = pytest.mark.django_db

KPK = "KPK\nKomisi Pemberantasan Korupsi"


def titles(query: str) -> list[str]:
    return sorted(hit.article.title for hit in search_articles(query=query).hits)


def alias(names: str) -> SearchAlias:
    group = SearchAlias(names=names)
    group.full_clean()
    group.save()
    return group


@pytest.fixture
def stories():
    changed(make_article(title="KPK periksa bupati"))
    changed(make_article(title="Komisi Pemberantasan Korupsi tahan menteri"))
    changed(make_article(title="Harga beras naik"))


def test_each_name_finds_the_others_both_ways(stories):
    alias(KPK)
    expected = ["KPK periksa bupati", "Komisi Pemberantasan Korupsi tahan menteri"]
    assert titles("KPK") == expected
    assert titles("komisi pemberantasan korupsi") == expected


def test_without_the_alias_each_name_finds_only_itself(stories):
    assert titles("KPK") == ["KPK periksa bupati"]
    assert titles("Komisi Pemberantasan Korupsi") == ["Komisi Pemberantasan Korupsi tahan menteri"]


def test_a_name_of_several_words_matches_as_a_phrase():
    alias("Jokowi\nJoko Widodo")
    changed(make_article(title="Joko Widodo meresmikan bendungan"))
    changed(make_article(title="Widodo dan Joko bertemu", lead="Dua warga bernama mirip."))
    assert titles("jokowi") == ["Joko Widodo meresmikan bendungan"]


def test_the_other_words_of_the_query_still_must_match(stories):
    alias(KPK)
    assert titles("KPK menteri") == ["Komisi Pemberantasan Korupsi tahan menteri"]
    assert titles("komisi pemberantasan korupsi bupati") == ["KPK periksa bupati"]


def test_snippets_mark_the_alias_that_matched():
    alias(KPK)
    changed(make_article(title="Penahanan", lead="Komisi Pemberantasan Korupsi menahan tersangka."))
    [hit] = search_articles(query="KPK").hits
    assert "<mark>Komisi</mark> <mark>Pemberantasan</mark> <mark>Korupsi</mark>" in hit.snippet


def test_a_changed_alias_applies_to_the_next_search(stories):
    assert titles("KPK") == ["KPK periksa bupati"]  # the (empty) alias table is now cached
    group = alias(KPK)
    assert len(titles("KPK")) == 2
    group.delete()
    assert titles("KPK") == ["KPK periksa bupati"]


def test_the_query_is_read_into_clauses_of_alternative_phrases():
    alias(KPK)
    query = parse_query("Penyidik KPK memeriksa")
    assert query.clauses == (
        (("sidik",),),
        (("kpk",), ("komisi", "berantas", "korupsi")),
        (("periksa",),),
    )
    assert query.stems == ["sidik", "kpk", "komisi", "berantas", "korupsi", "periksa"]


@pytest.mark.parametrize(
    ("names", "message"),
    [
        ("", "minimal dua nama"),
        ("KPK", "minimal dua nama"),
        ("  \n\n KPK \n ", "minimal dua nama"),
        ("KPK\nkpk", "sama dengan"),
        ("Pembangunan\nbangun", "sama dengan"),
        ("KPK\nyang dan di", "hanya berisi kata umum"),
        ("KPK\n!!! ???", "hanya berisi kata umum"),
        ("KPK\n" + "a" * 10_240, "Terlalu panjang"),
        ("KPK\n" + "jalan " * 7, "terlalu panjang"),
        ("\n".join(f"nama{n}" for n in range(30)), "Paling banyak"),
    ],
)
def test_bad_aliases_are_clear_errors(names, message):
    with pytest.raises(ValidationError) as caught:
        SearchAlias(names=names).full_clean()
    assert message in " ".join(caught.value.message_dict["names"])
    assert not SearchAlias.objects.exists()


def test_a_name_may_belong_to_one_alias_only():
    alias(KPK)
    with pytest.raises(ValidationError) as caught:
        SearchAlias(names="kpk\nLembaga antirasuah").full_clean()
    assert "sudah ada di alias lain" in caught.value.message_dict["names"][0]


def test_the_alias_table_is_read_from_the_cache(stories):
    alias(KPK)
    titles("KPK")
    with CaptureQueriesContext(connection) as captured:
        assert len(titles("KPK")) == 2
    assert not [q for q in captured.captured_queries if "search_searchalias" in q["sql"]]
