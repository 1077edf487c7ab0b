"""Article page render time, queries and size, measured inside one Django process.

Run by the benchmark as a child process (``python bench/render.py OUT.json ...``) with
the sandbox's environment: production settings, DEBUG off, no test-runner
instrumentation. It picks the article URLs the HTTP load test reuses, and measures:

* warm: the normal case. The page itself is never cached, but Populer, UPDATE and
  the section navigation come from the Django cache.
* cold: ``cache.clear()`` before each request (not timed), so every fragment is
  recomputed and stored again.
* warm + new connection: the database connection closed before each request, as
  under gunicorn, where SQLite connections live for one request (CONN_MAX_AGE = 0).
"""

import cProfile
import gzip
import json
import random
import statistics
import sys
import time
from pathlib import Path

from sandbox import Sandbox

URL_SEED = 42


def measure_render(
    sandbox: Sandbox,
    urls_file: Path,
    *,
    pages: int,
    rounds: int,
    profile: Path | None = None,
    name: str = "render",
) -> dict:
    """Runs this file as a child; ``profile`` also saves cProfile stats of one warm round.

    ``name`` names its log and output in the sandbox folder, which siblings share.
    """
    return sandbox.measure(__file__, name, urls_file, pages, rounds, profile or "")


def _main(out: str, urls_file: str, pages: str, rounds: str, profile: str) -> None:
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client

    urls = _pick_urls(int(pages))
    Path(urls_file).write_text("".join(f"{url}\n" for url in urls))
    # A host from the default WARTA_ALLOWED_HOSTS: the test runner's "testserver" is not.
    client = Client(headers={"host": "localhost"}, raise_request_exception=True)
    sizes, gzipped = [], []
    for url in urls:  # warms templates, the OS file cache and the fragment caches
        response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code}")
        sizes.append(len(response.content))
        gzipped.append(len(gzip.compress(response.content, 6)))

    results = {
        "pages": len(urls),
        "html_bytes": _spread(sizes),
        "html_gzip_bytes": _spread(gzipped),
        **_timed(
            client,
            urls,
            int(rounds),
            {"warm": None, "cold": cache.clear, "warm_new_connection": connection.close},
        ),
        "queries_warm": _queries(client, urls, before=None),
        "queries_cold": _queries(client, urls, before=cache.clear),
    }
    results["sample_queries_cold"] = _query_log(client, urls[0], before=cache.clear)
    Path(out).write_text(json.dumps(results, indent=2))
    if profile:
        _profile(client, urls, Path(profile))


def _profile(client, urls: list[str], path: Path) -> None:
    profiler = cProfile.Profile()
    with profiler:
        for url in urls:
            client.get(url)
    path.parent.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(path)


def _pick_urls(count: int) -> list[str]:
    from warta.newsroom.models import Article

    ids = list(Article.objects.published().order_by("id").values_list("id", flat=True))
    chosen = sorted(random.Random(URL_SEED).sample(ids, min(count, len(ids))))
    articles = Article.objects.filter(id__in=chosen).select_related("section").order_by("id")
    return [article.get_absolute_url() for article in articles]


def _timed(client, urls: list[str], rounds: int, modes: dict) -> dict:
    """Per mode (name: what runs untimed before each request), rounds over all URLs.

    The modes take turns round by round, so a burst of other work on the machine
    skews all of them alike instead of one.
    """
    samples = {name: [] for name in modes}
    for _ in range(rounds):
        for name, before in modes.items():
            for url in urls:
                if before:
                    before()
                started = time.perf_counter_ns()
                response = client.get(url)
                samples[name].append((time.perf_counter_ns() - started) / 1e6)
                if response.status_code != 200:
                    raise SystemExit(f"{url}: HTTP {response.status_code}")
    return {name: percentiles(values) for name, values in samples.items()}


def percentiles(samples: list[float]) -> dict:
    samples = sorted(samples)
    return {
        "requests": len(samples),
        "median_ms": statistics.median(samples),
        "p95_ms": samples[int(len(samples) * 0.95) - 1],
        "max_ms": samples[-1],
    }


def _queries(client, urls: list[str], *, before) -> dict:
    counts = [len(_query_log(client, url, before=before)) for url in urls]
    return _spread(counts)


def _query_log(client, url: str, *, before) -> list[str]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if before:
        before()
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return [query["sql"] for query in captured.captured_queries]


def _spread(values: list[int]) -> dict:
    return {"min": min(values), "median": statistics.median(values), "max": max(values)}


if __name__ == "__main__":
    _main(*sys.argv[1:])
