"""Indonesian analysis: stems and stop words, the same for documents and queries."""

from markupsafe import Markup

from warta.search.analysis import query_terms, stems
from warta.search.snippets import snippet


def test_derived_words_share_their_stem():
    assert query_terms("pembangunan dibangun membangun") == ["bangun"]


def test_stop_words_are_dropped():
    assert query_terms("yang dan di jembatan") == ["jembatan"]
    assert query_terms("yang dan") == []


def test_operators_and_punctuation_never_reach_the_engine():
    assert query_terms('"jalan" AND OR NOT NEAR( tol* ; DROP TABLE--') == [
        "jalan",
        "and",
        "or",
        "not",
        "near",
        "tol",
        "drop",
        "table",
    ]


def test_query_is_capped():
    assert len(query_terms("kata " * 5000)) <= 1
    assert len(query_terms(" ".join(f"x{i}" for i in range(100)))) == 8


def test_documents_are_stored_as_stems():
    assert stems("Pembangunan jalan tol") == "bangun jalan tol"


def test_snippet_marks_hits_and_escapes_the_rest():
    result = snippet("<script>alert(1)</script> Jembatan itu dibangun warga", ["bangun"])
    assert isinstance(result, Markup)
    assert "<script>" not in result
    assert "&lt;script&gt;" in result
    assert "<mark>dibangun</mark>" in result


def test_snippet_starts_near_the_first_hit_in_any_script():
    filler = " ".join(["Rapat"] * 40)
    for text in [f"{filler} lalu jembatan dibangun.", f"“{filler}” — lalu jembatan dibangun."]:
        result = snippet(text, ["bangun"])
        assert result.startswith("… ")
        assert "<mark>dibangun</mark>" in result
        assert result.count("Rapat") < 40


def test_snippet_without_a_hit_shows_the_beginning():
    assert snippet("Harga cabai naik lagi.", ["bangun"]) == Markup("Harga cabai naik lagi.")
