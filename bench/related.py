"""Baca Juga at scale: what the block costs the article page, and a list to compute.

Run by the benchmark as a child process (``python bench/related.py OUT.json SAMPLES``)
in the desk's sandbox (``--desk-articles`` imported articles), with production settings
(DEBUG off), like ``desk.py``.

* Computing one list as a publish or an edit does (``related_refresh``), for SAMPLES
  articles spread over the archive: median and p95.
* The article page, its list stored: queries of a view with the block and of the same
  view with the block left out (the view's ``related_links`` answering nothing); the
  difference is what the block adds (target: at most one).
* The first view of an article without a list (as after an import), which computes
  and stores it: median and p95.
"""

import json
import sys
from pathlib import Path

from desk import _timed
from render import percentiles
from sandbox import Sandbox

SAMPLES = 100
QUERY_PAGES = 20


def measure_related(sandbox: Sandbox, *, samples: int = SAMPLES) -> dict:
    return sandbox.measure(__file__, "related", samples)


def _main(out: str, samples: str) -> None:
    import django

    django.setup()
    from django.test import Client

    from warta.newsroom.models import Article
    from warta.related.models import RelatedArticle
    from warta.related.selectors import forget_related_blocks
    from warta.related.services import related_refresh

    live = list(Article.objects.published().order_by("pk").values_list("pk", flat=True))
    if not live:
        raise SystemExit("the site has no published articles")
    step = max(len(live) // int(samples), 1)
    picked = live[::step][: int(samples)]
    computing = [_timed(lambda pk=pk: related_refresh(article_id=pk)) for pk in picked]

    # A host from the default WARTA_ALLOWED_HOSTS: the test runner's "testserver" is not.
    client = Client(headers={"host": "localhost"}, raise_request_exception=True)
    pages = Article.objects.filter(pk__in=picked[:QUERY_PAGES]).select_related("section")
    urls = [article.get_absolute_url() for article in pages]
    added = [_queries(client, url, block=True) - _queries(client, url, block=False)
             for url in urls]  # fmt: skip

    RelatedArticle.objects.filter(article_id__in=picked).delete()
    forget_related_blocks()  # or the cached blocks would answer instead
    first_views = [_timed(lambda url=url: client.get(url)) for url in urls]
    Path(out).write_text(
        json.dumps(
            {
                "articles": len(live),
                "compute": percentiles(computing),
                "queries_added": {"min": min(added), "max": max(added)},
                "first_view": percentiles(first_views),
            },
            indent=2,
        )
    )


def _queries(client, url: str, *, block: bool) -> int:
    """Queries of a view of ``url`` after a warm-up view (the shared boxes cached), the
    Baca Juga block not cached: the most it adds, once per article and cache period."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from warta.portal.views import article as article_view
    from warta.related.selectors import forget_related_blocks

    real = article_view.related_links
    if not block:
        article_view.related_links = lambda article: []
    try:
        assert client.get(url).status_code == 200
        forget_related_blocks()
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
    finally:
        article_view.related_links = real
    return len(captured)


if __name__ == "__main__":
    _main(*sys.argv[1:])
