"""Highlighted snippets, made in Python so both backends show the same ones.

The engines index stems, not what the reporter wrote; the snippet shows the
reporter's words, marking those whose stem the reader searched for. Every piece of
text is escaped; only the ``<mark>`` tags we add are markup.
"""

from itertools import islice

from markupsafe import Markup, escape

from .analysis import WORD, indexed_form, indexed_forms, tokens

SNIPPET_WORDS = 32
WORDS_BEFORE = 8
# A body longer than this is not searched further for the first match.
MAX_SCANNED_WORDS = 3000


def _is_hit(word: str, terms: frozenset[str]) -> bool:
    return indexed_form(word) in terms


def _first_hit(text: str, wanted: frozenset[str]) -> int | None:
    """The position (in words) of the first word of ``text`` the reader searched for."""
    if text.isascii():
        # ASCII text: ``tokens`` finds exactly the words WORD finds, in C, so the
        # position is the same without a Python step per word.
        forms = indexed_forms(tokens(text)[:MAX_SCANNED_WORDS])
        return min((forms.index(term) for term in wanted.intersection(forms)), default=None)
    for index, match in enumerate(WORD.finditer(text)):
        if index >= MAX_SCANNED_WORDS:
            break
        if _is_hit(match.group(), wanted):
            return index
    return None


def snippet(text: str, terms: list[str]) -> Markup:
    """About ``SNIPPET_WORDS`` words of ``text`` around its first hit, hits in <mark>."""
    wanted = frozenset(terms)
    first_hit = _first_hit(text, wanted)
    start = max(0, first_hit - WORDS_BEFORE) if first_hit is not None else 0
    found = WORD.finditer(text)
    matches = list(islice(found, start + SNIPPET_WORDS))
    if not matches:
        return Markup("")
    window = matches[start:] or matches[-SNIPPET_WORDS:]
    begin = window[0].start() if start else 0
    # The last word of the text: its closing punctuation is shown too, and no "…".
    end = window[-1].end() if next(found, None) else len(text.rstrip())
    parts = ["… " if begin > 0 else ""]
    # Plain stretches are escaped whole: one call per stretch between hits, not per word.
    plain_from = begin
    for match in window:
        if _is_hit(match.group(), wanted):
            parts.append(escape(text[plain_from : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            plain_from = match.end()
    parts.append(escape(text[plain_from:end]))
    if end < len(text.rstrip()):
        parts.append(" …")
    return Markup("".join(parts))
