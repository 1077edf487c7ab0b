"""Highlighted snippets, made in Python so both backends show the same ones.

The engines index stems, not what the reporter wrote; the snippet shows the
reporter's words, marking those whose stem the reader searched for. Every piece of
text is escaped; only the ``<mark>`` tags we add are markup.
"""

from django.utils.html import escape
from markupsafe import Markup

from .analysis import WORD, normalize, stem, stop_words

SNIPPET_WORDS = 32
WORDS_BEFORE = 8
# A body longer than this is not searched further for the first match.
MAX_SCANNED_WORDS = 3000


def _is_hit(word: str, terms: frozenset[str]) -> bool:
    word = normalize(word)
    return word not in stop_words() and stem(word) in terms


def snippet(text: str, terms: list[str]) -> Markup:
    """About ``SNIPPET_WORDS`` words of ``text`` around its first hit, hits in <mark>."""
    wanted = frozenset(terms)
    matches = []
    first_hit = None
    for index, match in enumerate(WORD.finditer(text)):
        matches.append(match)
        if first_hit is None and _is_hit(match.group(), wanted):
            first_hit = index
        if first_hit is not None and index >= first_hit + SNIPPET_WORDS:
            break
        if index >= MAX_SCANNED_WORDS:
            break
    if not matches:
        return Markup("")
    start = max(0, (first_hit or 0) - WORDS_BEFORE) if first_hit is not None else 0
    window = matches[start : start + SNIPPET_WORDS]
    begin = window[0].start() if start else 0
    end = window[-1].end()
    parts = ["… " if begin > 0 else ""]
    position = begin
    for match in window:
        parts.append(escape(text[position : match.start()]))
        word = escape(match.group())
        parts.append(f"<mark>{word}</mark>" if _is_hit(match.group(), wanted) else word)
        position = match.end()
    if end < len(text.rstrip()):
        parts.append(" …")
    return Markup("".join(parts))
