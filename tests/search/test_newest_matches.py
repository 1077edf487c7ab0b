"""PostgreSQL: Cari's candidates are the newest matches, however the word is spread
over the archive, found the cheap way for its density (backends/postgres.py).

The windows are shrunk here (a probe of 12 ids, blocks of 16, 5 candidates) so an
archive of 160 stories has every case a million-story one has: a word in most of
the newest stories, one too sparse for the probe, one the probe never meets, and a
section filter the index answers itself.
"""

import pytest
from django.db import connection
from django.utils import timezone

from tests.factories import make_article, make_section
from warta.search.backends import Filters, postgres
from warta.search.backends.sql import DOCUMENTS
from warta.search.indexing import index_articles
from warta.search.models import SearchDocument
from warta.search.query import parse_query

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="PostgreSQL's plan for the newest matches (the PostgreSQL pass of `make test`)",
    ),
]

STORIES = 160


@pytest.fixture
def paths(monkeypatch):
    """Small windows, and the ways each search went: "walk" or "index"."""
    monkeypatch.setattr(postgres, "CANDIDATES", 5)
    monkeypatch.setattr(postgres, "PROBE_IDS", 12)
    monkeypatch.setattr(postgres, "BLOCK_IDS", 16)
    taken = []
    walk, from_index = postgres._walk, postgres._from_index

    def spy_walk(*args):
        taken.append("walk")
        return walk(*args)

    def spy_index(*args):
        taken.append("index")
        return from_index(*args)

    monkeypatch.setattr(postgres, "_walk", spy_walk)
    monkeypatch.setattr(postgres, "_from_index", spy_index)
    return taken


@pytest.fixture
def archive():
    """Story n (1 oldest) says "kopi" in every other story, "teh" in every ninth,
    "madu" only among the oldest thirty; half the stories are in Ekonomi, so a
    quarter are Ekonomi stories with "kopi"."""
    dunia, ekonomi = make_section("Dunia"), make_section("Ekonomi")
    ids = []
    for n in range(1, STORIES + 1):
        words = ["kopi"] * (n % 2 == 0) + ["teh"] * (n % 9 == 0) + ["madu"] * (n <= 30)
        article = make_article(
            title=f"Kabar {n} " + " ".join(words),
            section=ekonomi if n % 4 in (0, 1) else dunia,
        )
        ids.append(article.pk)
    index_articles(article_ids=ids)
    return ekonomi


def newest_matches(word: str, section=None) -> list[int]:
    documents = SearchDocument.objects.filter(stemmed_title__contains=word)
    if section is not None:
        documents = documents.filter(section_id_copy=section.pk)
    return list(documents.order_by("-article_id").values_list("article_id", flat=True)[:5])


def found(word: str, section=None) -> list[int]:
    filters = Filters(now=timezone.now(), section_id=section.pk if section else None)
    rows = postgres.PostgresBackend().match(parse_query(word), filters, limit=100)
    return sorted((row[0] for row in rows), reverse=True)


def test_a_word_in_most_new_stories_is_found_by_the_probe_alone(archive, paths):
    assert found("kopi") == newest_matches("kopi")
    assert paths == ["walk"]


def test_a_sparse_word_comes_from_the_index_in_the_newest_blocks(archive, paths):
    assert found("teh") == newest_matches("teh")
    assert paths == ["walk", "index"]


def test_a_word_only_old_stories_have_is_looked_up_in_the_whole_index(archive, paths):
    assert found("madu") == newest_matches("madu")
    assert paths == ["walk", "index"]


def test_a_dense_word_in_one_section_is_walked_further_back(archive, paths):
    # The probe meets 3 of the 5 wanted, a quarter of its 12: dense enough to walk on.
    assert found("kopi", archive) == newest_matches("kopi", archive)
    assert paths[:2] == ["walk", "walk"]


def test_no_match_and_an_empty_index_find_nothing(archive, paths):
    assert found("zzyzxqvw") == []
    SearchDocument.objects.all().delete()
    assert found("kopi") == []


def test_the_index_answers_word_section_and_blocks_together(archive):
    """The index's own plan, as a big archive gets it: the section and the window's
    blocks are index conditions, not rows read and thrown away."""
    conditions = postgres._Conditions(
        parse_query("teh"), Filters(now=timezone.now(), section_id=archive.pk)
    )
    with connection.cursor() as cursor:
        captured = []
        execute = cursor.execute

        def capture(sql, params=None):
            captured.append((sql, params))
            return execute(sql, params)

        cursor.execute = capture
        newest = SearchDocument.objects.order_by("-article_id").first().article_id
        postgres._from_index(cursor, conditions, postgres.BLOCK_IDS, newest + postgres.BLOCK_IDS)
        sql, params = captured[-1]
        # A few rows are cheapest read whole, or through the filter indexes; what is
        # asked is how this index is used (the test's transaction restores them).
        execute("DROP INDEX search_doc_filters, search_doc_published")
        execute("SET enable_seqscan = off")
        execute(f"ANALYZE {DOCUMENTS}")  # the statistics that make a block worth asking for
        execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        execute("RESET enable_seqscan")
    index_condition = next(line for line in plan.splitlines() if "Index Cond" in line)
    assert "Bitmap Index Scan on search_document_newest" in plan
    assert "vector @@" in index_condition
    assert "section_id_copy =" in index_condition
    assert "(article_id / 16384) = ANY" in index_condition
