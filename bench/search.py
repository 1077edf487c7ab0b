"""Cari at scale: the search page as readers use it, timed inside one Django process.

Run by the benchmark as a child process (``python bench/search.py OUT.json ROUNDS``) in
the desk's sandbox (``--desk-articles`` imported articles, production settings, DEBUG
off). Imports index as they commit, so the index is already full; if it is not (an
older database), ``warta reindex`` runs first and its time is reported.

* Query kinds, each a few real queries picked from the corpus itself: a common word,
  rare words, two and three words from one headline, an alias (``KPK``, which editors
  declared equal to ``Komisi Pemberantasan Korupsi``), a section filter, a date range,
  page 2, a word no article has, and a hostile query (FTS operators, quotes, 10 KB).
* Each request is GET /cari through django.test.Client: the view, the selector, the
  engine's query, the snippets and the template, as a reader's request runs them.
  After warm-ups the kinds take turns request by request, so a burst of other work on
  the machine skews them alike.
* p50/p95/max per kind and overall, and the SQL of one request per kind with
  ``EXPLAIN QUERY PLAN`` for the slow queries (see desk.py).
"""

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

from desk import _sql_profile
from render import percentiles
from sandbox import Sandbox

SEARCH = "/cari"
WARMUPS = 2
ALIASES = ["KPK\nKomisi Pemberantasan Korupsi", "MK\nMahkamah Konstitusi"]
TITLES_SAMPLED = 5000
RARE_MIN_DOCUMENTS = 3  # rare words: the headline words in fewest documents, but this many
HOSTILE = [
    '"bangun* OR NEAR(jalan tol, 2) AND -korupsi^ title:"',
    "'; DROP TABLE newsroom_article; -- 1 OR 1=1",
    "korupsi " * 1500,
]


def measure_search(sandbox: Sandbox, *, rounds: int) -> dict:
    return sandbox.measure(__file__, "search", rounds)


def _main(out: str, rounds: str) -> None:
    import django

    django.setup()
    from django.test import Client

    results = {"reindex_seconds": _ensure_index(), "aliases": _ensure_aliases()}
    client = Client(headers={"host": "localhost"}, raise_request_exception=True)
    kinds = _query_kinds()
    results.update(_time(client, kinds, int(rounds)))
    Path(out).write_text(json.dumps(results, indent=2, ensure_ascii=False))


def _ensure_index() -> float | None:
    """Seconds ``warta reindex`` took, or None when imports had indexed everything."""
    from warta.newsroom.models import Article
    from warta.search.models import SearchDocument

    live = Article.objects.filter(status__in=Article.LIVE_STATUSES).count()
    if SearchDocument.objects.count() == live:
        return None
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "warta", "reindex"], check=True, stdout=subprocess.PIPE)
    return time.perf_counter() - started


def _ensure_aliases() -> list[str]:
    from warta.search.models import SearchAlias

    for names in ALIASES:
        if not SearchAlias.objects.filter(names=names).exists():
            alias = SearchAlias(names=names)
            alias.full_clean()
            alias.save()
    return [" = ".join(names.splitlines()) for names in ALIASES]


# --- the queries ----------------------------------------------------------------------


def _query_kinds() -> dict[str, list[dict]]:
    """Each kind's queries as /cari parameters, chosen from the corpus's headlines."""
    from datetime import timedelta

    from django.utils import timezone

    from warta.newsroom.models import Section

    titles, frequency = _headline_words()
    by_count = sorted(frequency, key=lambda word: (-frequency[word], word))
    common = by_count[:3]
    rare = [word for word in reversed(by_count) if frequency[word] >= RARE_MIN_DOCUMENTS][:5]
    two = [" ".join(words[:2]) for words in titles if len(words) >= 2][:5]
    three = [" ".join(words[-3:]) for words in titles if len(words) >= 3][5:10]
    sections = list(Section.objects.order_by("position", "id").values_list("slug", flat=True))
    today = timezone.localdate()
    week = {"dari": (today - timedelta(days=7)).isoformat(), "sampai": today.isoformat()}
    kinds = {
        "common word": [{"q": word} for word in common],
        "rare word": [{"q": word} for word in rare],
        "2 words": [{"q": query} for query in two],
        "3 words": [{"q": query} for query in three],
        "alias": [{"q": "KPK"}, {"q": "Mahkamah Konstitusi"}],
        "section filter": [{"q": common[0], "rubrik": slug} for slug in sections[:3]],
        "date range": [{"q": word, **week} for word in common],
        "page 2": [{"q": word, "halaman": "2"} for word in common],
        "no hits": [{"q": "zyxwvutsrq"}, {"q": "qqqjjjxxx yang"}],
        "hostile": [{"q": query} for query in HOSTILE],
    }
    return {kind: queries for kind, queries in kinds.items() if queries}


def _headline_words() -> tuple[list[list[str]], Counter]:
    """Searchable words of a sample of headlines, and in how many documents each is."""
    from django.db import connection

    from warta.newsroom.models import Article
    from warta.search.analysis import stem, words

    titles = Article.objects.order_by("id").values_list("title", flat=True)[:TITLES_SAMPLED]
    headline_words = [
        [word for word in words(title) if word.isalpha() and len(word) >= 4] for title in titles
    ]
    frequency = Counter()
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary "
            "USING fts5vocab(main, search_fts, 'row')"
        )
        for word in {word for title in headline_words for word in title}:
            cursor.execute("SELECT doc FROM temp.search_vocabulary WHERE term = %s", [stem(word)])
            row = cursor.fetchone()
            if row:
                frequency[word] = row[0]
    return headline_words, frequency


# --- timing -----------------------------------------------------------------------------


def _time(client, kinds: dict[str, list[dict]], rounds: int) -> dict:
    urls = {
        kind: [f"{SEARCH}?{urlencode(params)}" for params in queries]
        for kind, queries in kinds.items()
    }
    for kind_urls in urls.values():
        for url in kind_urls:
            for _ in range(WARMUPS):
                _get(client, url)
    samples: dict[str, list[float]] = {kind: [] for kind in urls}
    for _ in range(rounds):
        for kind, kind_urls in urls.items():
            for url in kind_urls:
                started = time.perf_counter_ns()
                _get(client, url)
                samples[kind].append((time.perf_counter_ns() - started) / 1e6)
    everything = [sample for values in samples.values() for sample in values]
    return {
        "overall": percentiles(everything),
        "kinds": {
            kind: {
                "queries": kinds[kind] if kind != "hostile" else [q["q"][:80] for q in kinds[kind]],
                "matches": [_matches(params) for params in kinds[kind]],
                **percentiles(samples[kind]),
                "sql": _sql_profile(lambda url=urls[kind][0]: _get(client, url)),
            }
            for kind in urls
        },
    }


def _matches(params: dict) -> int:
    """How many articles the query finds (capped by the selector at MAX_RESULTS)."""
    from datetime import date

    from warta.newsroom.models import Section
    from warta.search.selectors import search_articles

    section = Section.objects.filter(slug=params.get("rubrik", "")).first()
    since = date.fromisoformat(params["dari"]) if "dari" in params else None
    until = date.fromisoformat(params["sampai"]) if "sampai" in params else None
    return search_articles(query=params["q"], section=section, since=since, until=until).total


def _get(client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url[:200]}: HTTP {response.status_code}")
    return response


if __name__ == "__main__":
    _main(*sys.argv[1:])
