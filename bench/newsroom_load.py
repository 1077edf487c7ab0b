"""Saturation with a working newsroom: readers at full load while an editor publishes.

``measure_saturation`` runs ``wrk`` through the cache tier for ``seconds`` (default 5
minutes) over the pages readers read (home, sections, Indeks, article pages), as hard
as the machine allows, while a child process plays an editor: every ``every`` seconds
(10) it writes an article and publishes it through the desk's service, and twice a
second it reads the home page through the same cache tier until each new headline
shows. Figures: requests/s, every answer that was not 2xx and every socket error
(target: none), and per published article the seconds until the home page showed it
(target: all within 60 s).

Run as a child (``python bench/newsroom_load.py OUT.json EDGE_URL SECONDS EVERY``) in
the site's sandbox, so the editor uses the site's own database and cache.
"""

import json
import sys
import threading
import time
import urllib.request
from pathlib import Path

import http_load
from sandbox import Sandbox

# How long an article may take to reach the home page before it counts as missed.
VISIBLE_WITHIN = 60
POLL_SECONDS = 0.5


def measure_saturation(
    sandbox: Sandbox, edge_url: str, urls_file: Path, *, seconds: int = 300, every: int = 10
) -> dict:
    """wrk through ``edge_url`` for ``seconds`` while the editor child publishes."""
    results: dict = {}

    def editor() -> None:
        results["editor"] = sandbox.measure(__file__, "newsroom-editor", edge_url, seconds, every)

    thread = threading.Thread(target=editor)
    thread.start()
    try:
        load = http_load.run_wrk(edge_url, urls_file, sandbox.root, seconds)
    finally:
        thread.join()
    delays = results["editor"]["delays"]
    return {
        "seconds": seconds,
        "publish_every_seconds": every,
        "urls": len(urls_file.read_text().split()),
        "requests": load.requests,
        "per_second": load.per_second,
        "non_2xx": load.non_2xx,
        "socket_errors": load.socket_errors,
        "p50_ms": load.p50_ms,
        "p99_ms": load.p99_ms,
        "published": len(delays),
        "visible_within_limit": sum(1 for d in delays if d is not None),
        "visible_max_seconds": max((d for d in delays if d is not None), default=None),
        "visible_median_seconds": _median([d for d in delays if d is not None]),
        "editor_errors": results["editor"]["errors"],
    }


def _median(values: list[float]) -> float | None:
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else None


def _main(out: str, edge_url: str, seconds: str, every: str) -> None:
    import django

    django.setup()
    from django.contrib.auth.models import Group, User

    from warta.desk.roles import EDITOR
    from warta.desk.services.transitions import article_publish
    from warta.newsroom.models import Article

    editor, created = User.objects.get_or_create(
        username="bench-redaktur", defaults={"is_staff": True}
    )
    if created:
        editor.groups.add(Group.objects.get(name=EDITOR))
    model = Article.objects.published().latest_first().first()
    tags = list(model.tags.all())

    def publish(n: int) -> str:
        title = f"Kabar uji beban nomor {n} pukul {time.strftime('%H%M%S')}"
        article = Article.objects.create(
            title=title,
            slug=f"kabar-uji-beban-{n}-{int(time.time())}",
            section=model.section,
            reporter=model.reporter,
            lead_photo=model.lead_photo,
            lead="Teras berita uji beban.",
            body="<p>Isi berita uji beban.</p>",
            status=Article.Status.READY,
        )
        article.tags.set(tags)  # the desk publishes nothing without a tag
        article_publish(article=article, actor=editor)
        return title

    pending: dict[str, float] = {}
    delays: list[float | None] = []
    errors: list[str] = []
    start = time.monotonic()
    next_publish = start
    n = 0
    while True:
        now = time.monotonic()
        if now - start < float(seconds) and now >= next_publish:
            n += 1
            try:
                pending[publish(n)] = time.monotonic()
            except Exception as exc:  # a failed publish is a finding, not a crash
                errors.append(f"publish {n}: {exc!r}")
            next_publish += float(every)
        if not pending and now - start >= float(seconds):
            break
        try:
            with urllib.request.urlopen(edge_url + "/", timeout=10) as response:
                home = response.read().decode()
        except OSError as exc:
            errors.append(f"home page: {exc!r}")
            home = ""
        for title, since in list(pending.items()):
            if title in home:
                delays.append(time.monotonic() - since)
                del pending[title]
            elif time.monotonic() - since > VISIBLE_WITHIN:
                delays.append(None)
                del pending[title]
        time.sleep(POLL_SECONDS)
    Path(out).write_text(json.dumps({"delays": delays, "errors": errors}))


if __name__ == "__main__":
    _main(*sys.argv[1:])
