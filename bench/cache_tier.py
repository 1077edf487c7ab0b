"""The page-cache tier: article pages through the shipped nginx configuration, and the
seed-page question (deploy/README.md) settled by measurement.

``measure_cache_tier`` is the figure of issue 5's performance list: `wrk` against
article pages through nginx as `warta nginx-config` writes it (the cache warmed by one
pass over the URLs, the app behind it `warta serve` with 2 workers), against
`warta serve` itself (uncached), and against nginx serving the same HTML saved as
static files. Ratios: cache tier / static (target >= 0.8), gunicorn / static.

``compare_seed_designs`` compares the two ways to keep an old article's Populer and
UPDATE blocks fresh, with the app replaced by a static origin serving the same saved
pages, so only the cache tier's own cost differs:

* (a) the whole page cached briefly (s-maxage 30 + stale-while-revalidate 20), the
  shipped configuration as it is;
* (b) the article cached for a day, its two blocks as SSI includes of separately
  cached fragments (the shipped configuration plus ``ssi on`` and a cache key that
  tells subrequests apart).

``measure_block_freshness`` publishes an article through the desk's service and times
how long an old article page through the cache tier takes to list it in UPDATE.

Load goes to 127.0.0.1 only and each wrk run is bounded (BENCH_WRK_SECONDS, 20 s).
Standalone: ``.venv/bin/python bench/cache_tier.py [--articles N] [--pages P]``.
"""

import argparse
import getpass
import json
import os
import re
import secrets
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import http_load
import import_rate
import servers
from corpus import write_corpus
from sandbox import REPO, Sandbox, StepFailed
from system_packages import ensure_load_tools

OUT = REPO / "bench" / "out" / "cache_tier.json"
# What the app sends for reader pages (warta/common/http_cache.py, the defaults), and
# what design (b) would send for an article page whose blocks are includes.
PAGE_CACHE_CONTROL = "public, max-age=30, s-maxage=30, stale-while-revalidate=20"
LONG_CACHE_CONTROL = "public, max-age=30, s-maxage=86400"
BLOCKS = {
    "populer": re.compile(r'<section class="box" aria-labelledby="populer">.*?</section>', re.S),
    "update": re.compile(r'<section class="box" aria-labelledby="update">.*?</section>', re.S),
}
FRESHNESS_LIMIT = 120
# Lets the benchmark store a page afresh (the app's own refresh requests carry it too).
REFRESH_SECRET = secrets.token_urlsafe(24)
ROUNDS = 3

PUBLISH_SCRIPT = """
import sys
import django
django.setup()
from django.contrib.auth.models import Group, User
from warta.desk.roles import EDITOR
from warta.desk.services.transitions import article_publish
from warta.newsroom.models import Article

editor, created = User.objects.get_or_create(username="bench-redaktur", defaults={"is_staff": True})
if created:
    editor.groups.add(Group.objects.get(name=EDITOR))
model = Article.objects.published().latest_first().first()
article = Article.objects.create(
    title=sys.argv[1], slug="bench-freshness", section=model.section, reporter=model.reporter,
    lead_photo=model.lead_photo, lead="Teras.", body="<p>Isi.</p>",
    status=Article.Status.READY, published_at=model.published_at,
)
article.tags.set(model.tags.all())
article_publish(article=article, actor=editor)
"""


def measure_cache_tier(
    sandbox: Sandbox, urls_file: Path, seconds: int | None = None, rounds: int = ROUNDS
) -> dict:
    """gunicorn (uncached), the cache tier in front of it, nginx static: req/s each.
    The cache tier and static files take turns, ``rounds`` times, so a burst of other
    work on the machine skews both alike; the median round counts."""
    urls = urls_file.read_text().split()
    seconds = seconds or http_load.wrk_seconds()
    pages = sandbox.root / "cache-tier-pages"
    result = {"urls": len(urls), "seconds": seconds, "rounds": rounds}
    with servers.gunicorn(sandbox, urls[0]) as app_url:
        result["saved_bytes"] = http_load.save_pages(app_url, urls, pages)
        print(f"  wrk against gunicorn (uncached) for {seconds} s ...", flush=True)
        result["gunicorn"] = _load(app_url, urls_file, sandbox, seconds)
        with (
            _edge(sandbox, "edge", app_url, urls[0]) as edge_url,
            servers.nginx(sandbox, pages, urls[0]) as static_url,
        ):
            _warm(edge_url, urls)
            print(f"  wrk: cache tier and static files, {rounds} x {seconds} s each ...")
            result.update(
                _alternate(
                    {"cache_tier": edge_url, "static": static_url},
                    urls_file,
                    sandbox,
                    seconds,
                    rounds,
                )
            )
            print("  Publishing an article; waiting for an old page's UPDATE ...", flush=True)
            result["update_block_seconds"] = measure_block_freshness(sandbox, edge_url, urls[-1])
    static = result["static"]["per_second"]
    result["ratio_cache_tier_to_static"] = result["cache_tier"]["per_second"] / static
    result["ratio_gunicorn_to_static"] = result["gunicorn"]["per_second"] / static
    return result


def compare_seed_designs(
    sandbox: Sandbox, urls_file: Path, seconds: int | None = None, rounds: int = ROUNDS
) -> dict:
    """Design (a) and (b) through the cache tier, in front of a static origin serving
    the pages saved by ``measure_cache_tier``; nginx static as the yardstick. The
    three take turns, ``rounds`` times."""
    urls = urls_file.read_text().split()
    seconds = seconds or http_load.wrk_seconds()
    pages = sandbox.root / "cache-tier-pages"
    origin = sandbox.root / "seed-origin"
    _write_origin_pages(urls, pages, origin)
    result = {"urls": len(urls), "seconds": seconds, "rounds": rounds}
    with (
        _origin(sandbox, origin, urls[0]) as (whole_origin, ssi_origin),
        _edge(sandbox, "edge-whole", whole_origin, urls[0]) as whole_url,
        _edge(sandbox, "edge-ssi", ssi_origin, urls[0], ssi=True) as ssi_url,
        servers.nginx(sandbox, pages, urls[0]) as static_url,
    ):
        _warm(whole_url, urls)
        _warm(ssi_url, urls)
        _check_includes(ssi_url + urls[0])
        print(f"  wrk: (a), (b) and static files, {rounds} x {seconds} s each ...", flush=True)
        result.update(
            _alternate(
                {"whole_page": whole_url, "ssi_blocks": ssi_url, "static": static_url},
                urls_file,
                sandbox,
                seconds,
                rounds,
            )
        )
    static = result["static"]["per_second"]
    result["ratio_whole_page_to_static"] = result["whole_page"]["per_second"] / static
    result["ratio_ssi_blocks_to_static"] = result["ssi_blocks"]["per_second"] / static
    return result


def _alternate(
    targets: dict[str, str], urls_file: Path, sandbox: Sandbox, seconds: int, rounds: int
) -> dict[str, dict]:
    """Each target loaded in turn, round after round; per target its median round (by
    req/s), with every round's req/s and the errors of all rounds."""
    runs: dict[str, list[dict]] = {name: [] for name in targets}
    for _ in range(rounds):
        for name, base_url in targets.items():
            runs[name].append(_load(base_url, urls_file, sandbox, seconds))
    summary = {}
    for name, loads in runs.items():
        ordered = sorted(loads, key=lambda run: run["per_second"])
        summary[name] = {
            **ordered[len(ordered) // 2],
            "rounds_per_second": [run["per_second"] for run in loads],
            "errors_all_rounds": sum(run["non_2xx"] + run["socket_errors"] for run in loads),
        }
    return summary


def measure_block_freshness(sandbox: Sandbox, edge_url: str, old_page: str) -> float | None:
    """Seconds from an article's publication (the desk's service returning) until an
    old article page, read through the cache tier twice a second, lists it in UPDATE;
    None if not within FRESHNESS_LIMIT. The page is stored afresh just before, so
    this is close to the longest wait (s-maxage; the bound is s-maxage +
    stale-while-revalidate for a page nobody reads in between)."""
    title = f"Uji kesegaran {int(time.time())}"
    _get(edge_url + old_page, headers={"X-Warta-Refresh": REFRESH_SECRET})
    sandbox.run([sys.executable, "-c", PUBLISH_SCRIPT, title], "publish-freshness")
    published_at = time.monotonic()
    while time.monotonic() - published_at < FRESHNESS_LIMIT:
        update = BLOCKS["update"].search(_get(edge_url + old_page))
        if update and title in update.group(0):
            return time.monotonic() - published_at
        time.sleep(0.5)
    return None


def _write_origin_pages(urls: list[str], pages: Path, origin: Path) -> None:
    """origin/whole: the pages as saved; origin/ssi: the same with both blocks as
    includes, and the blocks themselves under /_blok/."""
    for url in urls:
        relative = url.lstrip("/") + ".html"
        html = (pages / relative).read_text()
        for design, text in (("whole", html), ("ssi", _with_includes(html, origin))):
            target = origin / design / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)


def _with_includes(html: str, origin: Path) -> str:
    for name, pattern in BLOCKS.items():
        block = pattern.search(html)
        if block is None:
            raise RuntimeError(f"no {name} block in a saved page")
        fragment = origin / "ssi" / "_blok" / f"{name}.html"
        if not fragment.exists():
            fragment.parent.mkdir(parents=True, exist_ok=True)
            fragment.write_text(block.group(0))
        html = html.replace(block.group(0), f'<!--# include virtual="/_blok/{name}" -->')
    return html


ORIGIN_CONF = """\
# Written by bench/cache_tier.py: the saved pages as the app would send them.
daemon off;
master_process on;
worker_processes 1;
pid {root}/nginx.pid;
error_log stderr warn;
{user}
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type text/html;
    charset utf-8;
    client_body_temp_path {root}/temp;
    proxy_temp_path {root}/temp;
    fastcgi_temp_path {root}/temp;
    uwsgi_temp_path {root}/temp;
    scgi_temp_path {root}/temp;
    server {{
        listen 127.0.0.1:{whole_port};
        root {origin}/whole;
        location / {{
            try_files $uri.html =404;
            add_header Cache-Control "{page}";
        }}
    }}
    server {{
        listen 127.0.0.1:{ssi_port};
        root {origin}/ssi;
        location / {{
            try_files $uri.html =404;
            add_header Cache-Control "{long}";
        }}
        location /_blok/ {{
            try_files $uri.html =404;
            add_header Cache-Control "{page}";
        }}
    }}
}}
"""


@contextmanager
def _origin(sandbox: Sandbox, origin: Path, probe_path: str):
    root = sandbox.root / "seed-origin-nginx"
    (root / "temp").mkdir(parents=True, exist_ok=True)
    whole_port, ssi_port = servers.free_port(), servers.free_port()
    conf = root / "nginx.conf"
    conf.write_text(
        ORIGIN_CONF.format(
            root=root,
            origin=origin,
            whole_port=whole_port,
            ssi_port=ssi_port,
            page=PAGE_CACHE_CONTROL,
            long=LONG_CACHE_CONTROL,
            user=_user_line(),
        )
    )
    with servers.nginx_configured(sandbox, conf, "seed-origin", whole_port, probe_path):
        yield f"http://127.0.0.1:{whole_port}", f"http://127.0.0.1:{ssi_port}"


def _user_line() -> str:
    # Started by root, nginx hands its workers to "nobody" unless told otherwise.
    return f"user {getpass.getuser()};" if os.geteuid() == 0 else ""


@contextmanager
def _edge(sandbox: Sandbox, name: str, upstream_url: str, probe_path: str, ssi: bool = False):
    """The shipped configuration (`warta nginx-config --standalone`) in front of
    ``upstream_url``; with ``ssi``, design (b)'s two changes to it."""
    port = servers.free_port()
    prefix = sandbox.root / name
    base_url = f"http://127.0.0.1:{port}"
    command = sandbox.warta(
        "nginx-config",
        "--public-url", base_url,
        "--listen", f"127.0.0.1:{port}",
        "--upstream", upstream_url.removeprefix("http://"),
        "--standalone", str(prefix),
    )  # fmt: skip
    sandbox.run(["env", f"WARTA_CACHE_REFRESH_SECRET={REFRESH_SECRET}", *command], f"{name}-config")
    if ssi:
        site = prefix / "warta.conf"
        text = site.read_text()
        # Subrequests share the main request's $request_uri: each include needs a key
        # of its own, or every block would be served the article page itself.
        changed = text.replace(
            "proxy_cache_key $request_uri;",
            "proxy_cache_key $uri$is_args$args;\n        ssi on;",
        )
        if changed == text:
            raise RuntimeError("the shipped configuration changed: update the SSI variant")
        site.write_text(changed)
    with servers.nginx_configured(
        sandbox, prefix / "nginx.conf", name, port, probe_path
    ) as edge_url:
        yield edge_url


def _warm(base_url: str, urls: list[str]) -> None:
    for url in urls:
        _get(base_url + url)


def _check_includes(url: str) -> None:
    html = _get(url)
    if "<!--#" in html or any(pattern.search(html) is None for pattern in BLOCKS.values()):
        raise RuntimeError(f"{url}: the SSI blocks were not filled in")


def _get(url: str, headers: dict | None = None) -> str:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read().decode()


def _load(base_url: str, urls_file: Path, sandbox: Sandbox, seconds: int) -> dict:
    run = http_load.run_wrk(base_url, urls_file, sandbox.root, seconds)
    return {**run.__dict__, "per_second": run.per_second}


def _article_urls(base_url: str, count: int) -> list[str]:
    """Article addresses from the Indeks, newest first, following its older pages."""
    found: list[str] = []
    page = "/indeks"
    while page and len(found) < count:
        html = _get(base_url + page)
        for url in re.findall(r'href="(/[a-z0-9-]+/read/[^"?]+)"', html):
            if url not in found:
                found.append(url)
        older = re.search(r'href="(/indeks\?sebelum=[^"]+)"', html)
        page = older.group(1).replace("&amp;", "&") if older else None
    return found[:count]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (10000)")
    parser.add_argument("--pages", type=int, default=300, help="article URLs (300)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    problem = ensure_load_tools()
    if problem:
        print(f"Cannot measure: {problem}", file=sys.stderr)
        return 1
    sandbox = Sandbox.create()
    print(f"Working in {sandbox.root}", flush=True)
    try:
        corpus = write_corpus(sandbox.root / "articles.jsonl", args.articles)
        import_rate.migrate(sandbox)
        import_rate.timed_import(sandbox, corpus.path)
        sandbox.run(sandbox.warta("collectstatic", "--noinput", "-v", "0"), "collectstatic")
        urls_file = sandbox.root / "urls.txt"
        with servers.gunicorn(sandbox, "/indeks") as app_url:
            urls_file.write_text("\n".join(_article_urls(app_url, args.pages)) + "\n")
        figures = {
            "articles": args.articles,
            "cache_tier": measure_cache_tier(sandbox, urls_file),
            "seed_designs": compare_seed_designs(sandbox, urls_file),
        }
    except (StepFailed, RuntimeError) as exc:
        print(f"Stopped: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"Kept {sandbox.root}")
        else:
            sandbox.remove()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(figures, indent=2))
    _print(figures)
    return 0


def _print(figures: dict) -> None:
    tier, seed = figures["cache_tier"], figures["seed_designs"]
    rows = [
        ("gunicorn, 2 workers, uncached", tier["gunicorn"]),
        ("nginx cache tier (shipped config)", tier["cache_tier"]),
        ("nginx static files", tier["static"]),
        ("(a) whole page cached, static origin", seed["whole_page"]),
        ("(b) article + SSI blocks, static origin", seed["ssi_blocks"]),
        ("nginx static files (same run as a/b)", seed["static"]),
    ]
    print(f"\n{'server':<42} {'req/s':>10} {'p50 ms':>8} {'p99 ms':>8} {'errors':>7}")
    for name, run in rows:
        errors = run.get("errors_all_rounds", run["non_2xx"] + run["socket_errors"])
        print(
            f"{name:<42} {run['per_second']:>10,.0f} {run['p50_ms']:>8.2f} "
            f"{run['p99_ms']:>8.2f} {errors:>7}"
        )
    print(f"\ncache tier / static: {tier['ratio_cache_tier_to_static']:.2f} (target >= 0.8)")
    print(f"gunicorn / static:   {tier['ratio_gunicorn_to_static']:.4f}")
    print(
        f"(a) / static: {seed['ratio_whole_page_to_static']:.2f}   "
        f"(b) / static: {seed['ratio_ssi_blocks_to_static']:.2f}"
    )
    fresh = tier["update_block_seconds"]
    print(
        "new article in an old page's UPDATE through the cache tier: "
        + (f"{fresh:.1f} s" if fresh is not None else f"not within {FRESHNESS_LIMIT} s")
    )
    print(f"Figures written to {OUT.relative_to(REPO)}")


if __name__ == "__main__":
    sys.exit(main())
