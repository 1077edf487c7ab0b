"""Every reader page, feed, sitemap, the API and the desk list on a small and a large
archive: the same pages, timed the same way, and the ratio of their medians.

Issue 5 §4: at 1,000,000 articles every page stays within 1.5× of its latency at
10,000. Both sites are made by ``warta demo`` (the same seed, so the same sections,
reporters, tags and headlines; only the archive's depth differs) in PostgreSQL.

For ``make bench-prod`` (or any caller with two sites built)::

    from scale import measure_scale, compare, print_comparison
    small = measure_scale(small_sandbox, requests=20)
    large = measure_scale(large_sandbox, requests=20)
    print_comparison(compare(small, large), small, large)

On its own (databases are created by the caller, e.g. ``createdb``; an empty one is
migrated and filled with ``warta demo``, its load timed; a filled one is used as it is)::

    .venv/bin/python bench/scale.py \\
        --small postgres://postgres@127.0.0.1:5432/warta_million_10k --small-articles 10000 \\
        --large postgres://postgres@127.0.0.1:5432/warta_million --large-articles 1000000

The two sites take turns (``--rounds``, default 2): each is measured once per round
and a page's figure is the median of its rounds, so the machine's drift over the
minutes a run takes falls on both sites alike.

In the child (``python bench/scale.py --child OUT.json REQUESTS``, the site's
environment, production settings, DEBUG off): ``cache.clear()`` (not timed) before
every request, so each figure is the page's uncached cost; 2 warm-ups per page, then
the pages take turns request by request, so a burst of other work on the machine
skews them alike. Per page: median, p95, queries, and the slowest queries with their
PostgreSQL plan (``EXPLAIN ANALYZE``).
"""

import argparse
import html
import json
import os
import re
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from desk import _get, _sql_profile
from render import percentiles
from sandbox import REPO, Sandbox

TARGET_RATIO = 1.5
WARMUPS = 2
# "Berita sebelumnya" links followed from the first page for the deep page.
DEEP_PAGES = 50
API_DEEP_PAGES = 20
OUT = REPO / "bench" / "out" / "scale.json"
NEXT_LINK = re.compile(r'rel="next" href="([^"]+)"')


def measure_scale(sandbox: Sandbox, *, requests: int, name: str = "scale") -> dict:
    """Time every page of the site in ``sandbox`` (its WARTA_* environment), in a child."""
    out = sandbox.root / f"{name}.json"
    command = [sys.executable, __file__, "--child", str(out), str(requests)]
    sandbox.run(command, name)
    return json.loads(out.read_text())


def compare(small: dict, large: dict) -> list[dict]:
    """One row per page both sites have: medians, p95s and the ratio of the medians."""
    rows = []
    for page, before in small["pages"].items():
        after = large["pages"].get(page)
        if after is None:
            continue
        ratio = after["median_ms"] / before["median_ms"] if before["median_ms"] else None
        rows.append(
            {
                "page": page,
                "small_ms": before["median_ms"],
                "large_ms": after["median_ms"],
                "small_p95_ms": before["p95_ms"],
                "large_p95_ms": after["p95_ms"],
                "ratio": ratio,
                "queries": (before["queries"], after["queries"]),
                "ok": ratio is not None and ratio <= TARGET_RATIO,
            }
        )
    return rows


def combine(rounds: list[dict]) -> dict:
    """One site's rounds as one: per page, the median of the rounds' medians and p95s
    (the first round's plans and queries)."""
    combined = {**rounds[0], "rounds": len(rounds), "pages": {}}
    for page, first in rounds[0]["pages"].items():
        taken = [measured["pages"][page] for measured in rounds if page in measured["pages"]]
        combined["pages"][page] = {
            **first,
            "median_ms": statistics.median(figures["median_ms"] for figures in taken),
            "p95_ms": statistics.median(figures["p95_ms"] for figures in taken),
            "round_medians_ms": [figures["median_ms"] for figures in taken],
        }
    return combined


def print_comparison(rows: list[dict], small: dict, large: dict) -> None:
    print(
        f"\n{'page':<34} {small['articles']:>9,} {large['articles']:>11,}  ratio"
        f"   p95 small/large   SQL"
    )
    for row in rows:
        mark = "" if row["ok"] else "  MISS"
        print(
            f"{row['page']:<34} {row['small_ms']:>7.1f}ms {row['large_ms']:>9.1f}ms "
            f"{row['ratio']:>6.2f}  {row['small_p95_ms']:>6.1f}/{row['large_p95_ms']:<7.1f}"
            f"  {row['queries'][0]}/{row['queries'][1]}{mark}"
        )
    compared = {row["page"] for row in rows}
    for page, figures in large["pages"].items():
        if page not in compared:  # e.g. last year's index: the small site has no last year
            print(f"{page:<34} {'-':>9} {figures['median_ms']:>9.1f}ms  (large site only)")
    missed = [row["page"] for row in rows if not row["ok"]]
    print(f"\ntarget: every ratio ≤ {TARGET_RATIO}; " + (f"missed: {missed}" if missed else "met"))


# --- the parent: sites, loading, the table -----------------------------------------


def _site(root: Sandbox, name: str, url: str, articles: int) -> tuple[Sandbox, dict]:
    """A sandbox on the database ``url``, migrated; loaded with ``warta demo`` if empty."""
    sandbox = root.sibling(f"var-{name}")
    sandbox.env["WARTA_DATABASE_URL"] = url
    sandbox.run(sandbox.warta("migrate", "--noinput"), f"{name}-migrate")
    sandbox.run(sandbox.warta("collectstatic", "--noinput"), f"{name}-collectstatic")
    load = {"articles_requested": articles}
    if _article_count(sandbox) == 0:
        load["load_before"] = os.getloadavg()
        started = time.perf_counter()
        sandbox.run(sandbox.warta("demo", "--articles", str(articles)), f"{name}-demo")
        load["load_seconds"] = time.perf_counter() - started
        load["load_after"] = os.getloadavg()
        load["articles_per_second"] = articles / load["load_seconds"]
        print(
            f"{name}: {articles:,} articles loaded in {load['load_seconds']:.0f} s "
            f"({load['articles_per_second']:,.0f}/s; load average "
            f"{load['load_before'][0]:.1f} → {load['load_after'][0]:.1f})",
            flush=True,
        )
    # What a production database reaches on its own (autovacuum): statistics for the
    # planner and a visibility map, without which PostgreSQL cannot answer from an index.
    started = time.perf_counter()
    _vacuum(sandbox)
    load["vacuum_seconds"] = time.perf_counter() - started
    return sandbox, load


def _article_count(sandbox: Sandbox) -> int:
    code = "from warta.newsroom.models import Article; print(Article.objects.count())"
    done = subprocess.run(
        sandbox.warta("shell", "-c", code), env=sandbox.env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"counting articles failed:\n{done.stderr[-2000:]}")
    return int(done.stdout.split()[-1])


def _vacuum(sandbox: Sandbox) -> None:
    code = (
        "from django.db import connection\n"
        "sql = 'VACUUM (ANALYZE)' if connection.vendor == 'postgresql' else 'ANALYZE'\n"
        "connection.cursor().execute(sql)"
    )
    sandbox.run(sandbox.warta("shell", "-c", code), "vacuum")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--small", required=True, help="database URL of the small site")
    parser.add_argument("--large", required=True, help="database URL of the large site")
    parser.add_argument("--small-articles", type=int, default=10_000)
    parser.add_argument("--large-articles", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page")
    parser.add_argument(
        "--rounds", type=int, default=2, help="times each site is measured, taking turns"
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    root = Sandbox.create()
    print(f"Working in {root.root}", flush=True)
    try:
        sites = {
            name: _site(root, name, url, articles)
            for name, url, articles in (
                ("small", args.small, args.small_articles),
                ("large", args.large, args.large_articles),
            )
        }
        # Small and large take turns, round after round: the machine's speed drifts by
        # a fifth over minutes here, and one site measured whole before the other
        # showed that drift as a ratio.
        rounds = {name: [] for name in sites}
        for turn in range(args.rounds):
            for name, (sandbox, _) in sites.items():
                rounds[name].append(
                    measure_scale(sandbox, requests=args.requests, name=f"{name}-{turn}")
                )
        figures = {name: {**combine(rounds[name]), **load} for name, (_, load) in sites.items()}
        rows = compare(figures["small"], figures["large"])
        print_comparison(rows, figures["small"], figures["large"])
        OUT.parent.mkdir(exist_ok=True)
        OUT.write_text(json.dumps({**figures, "comparison": rows}, indent=2, ensure_ascii=False))
        print(f"\nJSON: {OUT}")
    finally:
        if not args.keep:
            root.remove()
    return 0


# --- the child: the pages and their timings ------------------------------------------


def _child(out: str, requests: str) -> None:
    import django

    django.setup()
    from desk import _desk_user
    from django.core.cache import cache
    from django.test import Client

    from warta.newsroom.models import Article

    # A host from the default WARTA_ALLOWED_HOSTS: the test runner's "testserver" is not.
    reader = Client(headers={"host": "localhost"}, raise_request_exception=True)
    editor = Client(headers={"host": "localhost"}, raise_request_exception=True)
    editor.force_login(_desk_user())
    pages = {name: (reader, url) for name, url in _reader_pages(reader).items()}
    pages.update({name: (editor, url) for name, url in _desk_pages().items()})

    def uncached(client, url):
        cache.clear()
        return _get(client, url)

    for client, url in pages.values():
        for _ in range(WARMUPS):
            uncached(client, url)
    samples = {name: [] for name in pages}
    for _ in range(int(requests)):
        for name, (client, url) in pages.items():
            cache.clear()
            started = time.perf_counter_ns()
            _get(client, url)
            samples[name].append((time.perf_counter_ns() - started) / 1e6)
    results = {
        name: {
            "url": url,
            **percentiles(samples[name]),
            **_sql_profile(lambda client=client, url=url: uncached(client, url)),
        }
        for name, (client, url) in pages.items()
    }
    figures = {"articles": Article.objects.count(), "pages": results}
    Path(out).write_text(json.dumps(figures, indent=2, ensure_ascii=False, default=str))


def _reader_pages(client) -> dict[str, str]:
    from warta.newsroom.models import Article

    live = Article.objects.published()
    newest = live.latest_first().select_related("section").first()
    oldest = live.order_by("published_at", "id").select_related("section").first()
    if newest is None:
        raise SystemExit("the site has no published articles")
    section, tag, reporter = _largest("section"), _largest("tags"), _largest("reporter")
    words = {**_title_words(), **_index_words()}
    day = newest.published_at.date().isoformat()
    pages = {
        "home": "/",
        "article: newest": newest.get_absolute_url(),
        "article: oldest": oldest.get_absolute_url(),
        "section": f"/{section}",
        "tag": f"/tag/{tag}",
        "reporter": f"/wartawan/{reporter}",
        "Indeks": "/indeks",
        f"Indeks, page {DEEP_PAGES + 1}": _deep(client, "/indeks", DEEP_PAGES),
        "Indeks, one day": f"/indeks?tanggal={day}",
        f"tag, page {DEEP_PAGES + 1}": _deep(client, f"/tag/{tag}", DEEP_PAGES),
        "search: word in most articles": f"/cari?q={words['common']}",
        "search: word in 2 % of articles": f"/cari?q={words['middle']}",
        "search: word in 0.1 % of articles": f"/cari?q={words['rare']}",
        "search: two words of a headline": f"/cari?q={words['pair']}",
        "search: word in most, one section": f"/cari?q={words['common']}&rubrik={section}",
        "search: word in most, last week": f"/cari?q={words['common']}&dari=" + _week_ago(),
        "search: no match": "/cari?q=zzyzxqvw",
    }
    feeds = {
        "site": "feed",
        "section": f"feed/rubrik/{section}",
        "tag": f"feed/tag/{tag}",
        "reporter": f"feed/wartawan/{reporter}",
    }
    for kind, path in feeds.items():
        for flavour in ("rss", "atom"):
            pages[f"feed: {kind} {flavour}"] = f"/{path}/{flavour}"
    pages.update(_sitemap_pages(client))
    pages.update(
        {
            "robots.txt": "/robots.txt",
            "API: articles": "/api/v1/articles",
            "API: articles in a section": f"/api/v1/articles?section={section}",
            f"API: articles, page {API_DEEP_PAGES + 1}": _api_deep(client, API_DEEP_PAGES),
        }
    )
    return pages


def _desk_pages() -> dict[str, str]:
    from warta.newsroom.models import Section

    section = Section.objects.get(slug=_largest("section"))
    changelist = "/redaksi/newsroom/article/"
    return {
        "desk: article list": changelist,
        "desk: published in a section": (
            f"{changelist}?status__exact=published&section__id__exact={section.pk}"
        ),
        "desk: title search": f"{changelist}?q={_title_words()['title']}",
    }


def _largest(relation: str) -> str:
    """The slug of the section, tag or reporter with the most articles."""
    from django.db.models import Count

    from warta.newsroom.models import Reporter, Section, Tag

    model = {"section": Section, "tags": Tag, "reporter": Reporter}[relation]
    return model.objects.annotate(n=Count("articles")).order_by("-n", "pk").first().slug


def _title_words() -> dict[str, str]:
    """Words from the first 5,000 headlines (the same on both sites: same seed): one
    in about 1 % of them (the desk's title search), and two side by side from one
    headline."""
    from warta.newsroom.models import Article

    titles = list(Article.objects.order_by("id").values_list("title", flat=True)[:5000])
    words = Counter(w.lower() for title in titles for w in set(re.findall(r"[^\W\d_]{5,}", title)))
    ranked = sorted(words.items(), key=lambda item: (-item[1], item[0]))
    rare = next(word for word, count in ranked if count <= len(titles) * 0.01)
    pair = next(
        f"{a} {b}"
        for title in titles
        for a, b in zip(title.lower().split(), title.lower().split()[1:], strict=False)
        if len(a) >= 5 and len(b) >= 5 and a.isalpha() and b.isalpha()
    )
    return {"title": rare, "pair": pair}


def _index_words() -> dict[str, str]:
    """Stems by the share of the first 5,000 documents holding them (the same on both
    sites): the commonest, one in about 2 % and one in about 0.1 % of them."""
    from warta.search.models import SearchDocument

    documents = SearchDocument.objects.order_by("article_id").values_list(
        "stemmed_title", "stemmed_tags", "stemmed_body"
    )[:5000]
    counts = Counter(stem for texts in documents for stem in set(" ".join(texts).split()))
    total = max(len(documents), 1)

    def nearest(share: float) -> str:
        return min(counts, key=lambda stem: (abs(counts[stem] / total - share), stem))

    common = max(counts, key=lambda stem: (counts[stem], stem))
    return {"common": common, "middle": nearest(0.02), "rare": nearest(0.001)}


def _week_ago() -> str:
    from datetime import timedelta

    from django.utils import timezone

    return (timezone.localdate() - timedelta(days=7)).isoformat()


def _deep(client, url: str, pages: int) -> str:
    """The address ``pages`` "Berita sebelumnya" links after ``url``."""
    for _ in range(pages):
        found = NEXT_LINK.search(_get(client, url).content.decode())
        if found is None:
            break
        url = html.unescape(found[1])
    return url


def _api_deep(client, pages: int) -> str:
    url = "/api/v1/articles"
    for _ in range(pages):
        following = _get(client, url).json()["next"]
        if not following:
            break
        url = following.split("://", 1)[1].split("/", 1)[1]
        url = f"/{url}"
    return url


def _sitemap_pages(client) -> dict[str, str]:
    """The index and what it lists: the first and the last page of the month with
    most pages, and every other kind of sitemap once (year indexes too, if any)."""
    from xml.etree import ElementTree

    from django.utils import timezone

    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    pages = {"sitemap: index": "/sitemap.xml"}
    indexes = ["/sitemap.xml"]
    last_year = f"/sitemap-arsip-{timezone.localdate().year - 1}.xml"
    robots = _get(client, "/robots.txt").content.decode()
    for line in robots.splitlines():
        if line.startswith("Sitemap:") and "sitemap-news" not in line:
            path = "/" + line.split("://", 1)[1].split("/", 1)[1]
            if path not in indexes:
                indexes.append(path)
    # A whole year of months: a 10,000-article site (three months) has no last year.
    if last_year in indexes:
        pages["sitemap: last year's index"] = last_year
    months: dict[str, list[str]] = {}
    for index in indexes:
        root = ElementTree.fromstring(_get(client, index).content)
        for loc in root.iter(f"{namespace}loc"):
            path = "/" + loc.text.split("://", 1)[1].split("/", 1)[1]
            if path.startswith("/sitemap-berita-"):
                months.setdefault(path.split("?")[0], []).append(path)
    biggest = max(months.values(), key=len)
    pages["sitemap: month, first page"] = biggest[0]
    pages["sitemap: month, last page"] = biggest[-1]
    pages["sitemap: sections"] = "/sitemap-rubrik.xml"
    pages["sitemap: reporters"] = "/sitemap-wartawan.xml"
    pages["sitemap: Google News"] = "/sitemap-news.xml"
    return pages


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(*sys.argv[2:])
    else:
        sys.exit(main())
