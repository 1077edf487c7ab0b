"""The alias table: which names editors declared to mean the same thing.

Built from ``SearchAlias`` rows, kept in the shared cache (every search reads it) and
forgotten whenever an alias is saved or deleted (see receivers.py).
"""

from django.core.cache import cache

from .models import SearchAlias

CACHE_KEY = "search:aliases"

# phrase (a name's stems) -> every phrase of its group, itself included
AliasTable = dict[tuple[str, ...], tuple[tuple[str, ...], ...]]


def alias_table() -> AliasTable:
    table = cache.get(CACHE_KEY)
    if table is None:
        table = {}
        for alias in SearchAlias.objects.only("names"):
            group = tuple(dict.fromkeys(alias.phrases()))
            for phrase in group:
                table.setdefault(phrase, group)
        # No timeout: the receivers drop it on every change.
        cache.set(CACHE_KEY, table, None)
    return table


def forget_aliases() -> None:
    cache.delete(CACHE_KEY)
