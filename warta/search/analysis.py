"""Indonesian text analysis, the same for documents and queries.

Both backends index the stems this module produces (SQLite FTS5 with ``unicode61``,
PostgreSQL with the ``simple`` configuration), so ``pembangunan``, ``dibangun`` and
``membangun`` all become ``bangun`` whichever database runs, and the two backends
find the same articles.
"""

import html
import re
import unicodedata
from functools import cache, lru_cache

import nh3

# Letters and digits only: no underscore, no punctuation, so nothing that reaches a
# full-text engine can be read as an operator.
WORD = re.compile(r"[^\W_]+")
# A query is a few words; anything longer is cut before any work is done on it.
MAX_QUERY_CHARS = 300
MAX_QUERY_TERMS = 8
MAX_WORD_CHARS = 40


@cache
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    # The factory's stemmer caches each word it has stemmed.
    return StemmerFactory().create_stemmer()


@cache
def stop_words() -> frozenset[str]:
    from Sastrawi.StopWordRemover.StopWordRemoverFactory import StopWordRemoverFactory

    return frozenset(StopWordRemoverFactory().get_stop_words())


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


def words(text: str) -> list[str]:
    """Lower-cased words of ``text``, stop words and over-long tokens left out."""
    stops = stop_words()
    return [
        word
        for word in WORD.findall(normalize(text))
        if word not in stops and len(word) <= MAX_WORD_CHARS
    ]


# Sastrawi's own cache sits behind text normalisation it redoes on every call; words
# repeat so much in news that a plain memo makes indexing several times faster.
@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Sastrawi stem of one lower-cased word (the word itself if it has none)."""
    if not word.isalpha():
        return word
    return _stemmer().stem(word) or word


def stems(text: str) -> str:
    """``text`` as the space-separated stems the index stores."""
    return " ".join(stem(word) for word in words(text))


def query_terms(raw: str) -> list[str]:
    """A reader's query as distinct stems, in order, capped; [] when nothing is left."""
    terms: list[str] = []
    for word in words(raw[:MAX_QUERY_CHARS]):
        term = stem(word)
        if term not in terms:
            terms.append(term)
        if len(terms) == MAX_QUERY_TERMS:
            break
    return terms


def plain_text(markup: str) -> str:
    """Readable text of sanitised body HTML (nh3 drops every tag, fast enough for imports)."""
    return html.unescape(nh3.clean(markup.replace("<", " <"), tags=set()))
