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


# Indexing's own memo: word -> what the index stores for it ("" for stop words and
# over-long tokens). A plain dict read through map() in C is what keeps stemming an
# import's bodies cheap (see bench/README.md, "import"); it stops growing when full.
_INDEXED_FORM: dict[str, str] = {}
MAX_MEMO_WORDS = 200_000
# For ASCII text (most news): every byte that is not a letter or digit becomes a
# space and every capital its small letter, so one bytes.translate + split finds the
# words WORD finds in the normalised text (NFKC leaves ASCII as it is, and casefold
# is lower there), several times faster.
_ASCII_WORDS = bytes(ord(chr(b).lower()) if chr(b).isalnum() else 32 for b in range(128))
_ASCII_WORDS += b" " * 128


def tokens(text: str) -> list[str]:
    """Every word of ``text``, normalised, stop words included (what WORD finds)."""
    if text.isascii():
        return text.encode().translate(_ASCII_WORDS).decode().split()
    return WORD.findall(normalize(text))


def _learn(words_: list[str]) -> None:
    stops = stop_words()
    for word in words_:
        if word not in _INDEXED_FORM and len(_INDEXED_FORM) < MAX_MEMO_WORDS:
            _INDEXED_FORM[word] = "" if word in stops or len(word) > MAX_WORD_CHARS else stem(word)


def indexed_form(word: str) -> str:
    """What the index holds for one word as written: its stem, or "" if left out."""
    word = normalize(word)
    form = _INDEXED_FORM.get(word)
    if form is None:
        _learn([word])
        form = _INDEXED_FORM.get(word)
    if form is None:  # the memo is full
        form = "" if word in stop_words() or len(word) > MAX_WORD_CHARS else stem(word)
    return form


def indexed_forms(found: list[str]) -> list[str]:
    """``indexed_form`` of each of these normalised words (from ``tokens``)."""
    try:
        return list(map(_INDEXED_FORM.__getitem__, found))
    except KeyError:
        _learn(found)
    if len(_INDEXED_FORM) >= MAX_MEMO_WORDS:  # full: the slow path, one word at a time
        return [indexed_form(word) for word in found]
    return list(map(_INDEXED_FORM.__getitem__, found))


def stems(text: str) -> str:
    """``text`` as the space-separated stems the index stores."""
    found = tokens(text)
    try:
        # Every word already known (nearly always, once an import is under way): the
        # forms go straight from the memo into the join, with no list between.
        return " ".join(filter(None, map(_INDEXED_FORM.__getitem__, found)))
    except KeyError:
        return " ".join(filter(None, indexed_forms(found)))


def phrase(name: str) -> tuple[str, ...]:
    """A name (``Komisi Pemberantasan Korupsi``) as the stems the index holds, in order."""
    return tuple(stem(word) for word in words(name[:MAX_QUERY_CHARS]))


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


# Bodies are stored sanitised (nh3), so every "<" opens a well-formed tag; only a
# quoted attribute value may hold a ">".
_TAG = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")


def plain_text(markup: str) -> str:
    """Readable text of sanitised body HTML: tags become spaces, entities characters."""
    return html.unescape(_TAG.sub(" ", markup))
