"""A reader's query as the engines receive it: stems, widened by the editors' aliases.

A query is a list of clauses that must all match; each clause offers one or more
phrases (runs of stems that must stand next to each other), any of which will do.
``kpk periksa`` becomes ``("kpk" | "komisi berantas korupsi") & "periksa"``.
"""

from dataclasses import dataclass

from .aliases import AliasTable, alias_table
from .analysis import MAX_QUERY_CHARS, MAX_QUERY_TERMS, stem, words

Phrase = tuple[str, ...]
# Words looked at before aliases fold them into clauses; the rest of a long query is
# dropped, as its clauses would be anyway.
MAX_QUERY_WORDS = 4 * MAX_QUERY_TERMS


@dataclass(frozen=True)
class Query:
    clauses: tuple[tuple[Phrase, ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.clauses)

    @property
    def stems(self) -> list[str]:
        """Every stem the query can match, in order, once each (what snippets mark)."""
        return list(
            dict.fromkeys(term for clause in self.clauses for phrase in clause for term in phrase)
        )


def parse_query(raw: str) -> Query:
    """Any text at all as a Query; an empty one when no searchable word is left."""
    stems = [stem(word) for word in words(raw[:MAX_QUERY_CHARS])[:MAX_QUERY_WORDS]]
    if not stems:
        return Query()
    return Query(_clauses(stems, alias_table()))


def _clauses(stems: list[str], aliases: AliasTable) -> tuple[tuple[Phrase, ...], ...]:
    longest = max((len(phrase) for phrase in aliases), default=1)
    clauses: dict[tuple[Phrase, ...], None] = {}
    position = 0
    while position < len(stems) and len(clauses) < MAX_QUERY_TERMS:
        # The longest alias starting here wins: "komisi berantas korupsi" over "komisi".
        for size in range(min(longest, len(stems) - position), 0, -1):
            group = aliases.get(tuple(stems[position : position + size]))
            if group is not None:
                break
        else:
            size, group = 1, ((stems[position],),)
        clauses.setdefault(group)
        position += size
    return tuple(clauses)
