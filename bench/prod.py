"""``make bench-prod``: the production stack on this machine, against issue 5's targets.

All ratios come from one run: a fresh PostgreSQL database on the local server
(``BENCH_PROD_DATABASE_URL``, default ``postgres://postgres@127.0.0.1:5432/
warta_bench_prod``, dropped and created), a private Redis (``beacon.redis_server``),
``warta serve`` with 2 workers, the view-count worker and nginx with the shipped
configuration in front. Steps:

1. the site: ``--articles`` (10,000) articles imported into PostgreSQL;
2. article pages through the cache tier, from gunicorn uncached, and from nginx
   serving the same HTML as files (``cache_tier.measure_cache_tier``): the ratios;
3. beacon ingest, views stored against beacons answered (``beacon.measure_beacon``);
4. saturation: ``--saturation-seconds`` (300) of wrk through the cache tier while an
   editor publishes an article every 10 s (``newsroom_load.measure_saturation``);
5. with ``--scale``, every page at 10,000 and 1,000,000 articles (``scale.py``).

Load goes to 127.0.0.1 only and every wrk run is bounded in time. Figures are printed
and written to bench/out/prod.json.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
from urllib.parse import urlsplit

import beacon
import cache_tier
import import_rate
import servers
from corpus import write_corpus
from newsroom_load import VISIBLE_WITHIN, measure_saturation
from sandbox import REPO, Sandbox, StepFailed
from system_packages import ensure_load_tools

OUT = REPO / "bench" / "out" / "prod.json"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/warta_bench_prod"
CACHE_TIER_RATIO_MIN = 0.8
BEACON_RATE_MIN = 5000


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    problem = ensure_load_tools()
    if problem:
        print(f"Cannot measure: {problem}", file=sys.stderr)
        return 1
    database_url = os.environ.get("BENCH_PROD_DATABASE_URL", DEFAULT_DATABASE_URL)
    sandbox = Sandbox.create()
    sandbox.env["WARTA_DATABASE_URL"] = database_url
    print(f"Working in {sandbox.root}, database {database_url}", flush=True)
    _recreate_database(database_url)
    try:
        figures = _measure(args, sandbox)
    except (StepFailed, RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"\nBenchmark stopped: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"Kept {sandbox.root} and the database")
        else:
            sandbox.remove()
            _drop_database(database_url)
    figures["load_after"] = os.getloadavg()[0]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(figures, indent=2, default=str) + "\n")
    _print(figures)
    print(f"Figures written to {OUT.relative_to(REPO)}")
    return 0


def _arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="site size (10000)")
    parser.add_argument("--pages", type=int, default=300, help="article URLs loaded (300)")
    parser.add_argument("--saturation-seconds", type=int, default=300, help="(300)")
    parser.add_argument("--beacon-seconds", type=int, default=20, help="(20)")
    parser.add_argument("--scale", action="store_true", help="also 1,000,000 articles")
    parser.add_argument("--keep", action="store_true", help="keep the folder and database")
    return parser.parse_args(argv)


def _measure(args, sandbox: Sandbox) -> dict:
    figures = {"articles": args.articles, "load_before": os.getloadavg()[0]}
    _step(f"Importing {args.articles:,} articles into PostgreSQL")
    corpus = write_corpus(sandbox.root / "articles.jsonl", args.articles)
    import_rate.migrate(sandbox)
    run = import_rate.timed_import(sandbox, corpus.path)
    figures["import_rate"] = run.rate
    # As an operator does after a large import (README): Baca Juga lists made ahead, so
    # the pages measured are the steady state, not each article's first view.
    sandbox.run(sandbox.warta("related", "--missing"), "related")
    sandbox.run(sandbox.warta("collectstatic", "--noinput", "-v", "0"), "collectstatic")
    with beacon.redis_server(sandbox) as site:
        urls_file = site.root / "urls.txt"
        reader_file = site.root / "reader-urls.txt"
        with servers.gunicorn(site, "/indeks") as app_url:
            articles = cache_tier._article_urls(app_url, args.pages)
        urls_file.write_text("\n".join(articles) + "\n")
        # What readers load: mostly articles, and the fronts and lists they come from.
        fronts = ["/", "/indeks", *(f"/{slug}" for slug in _section_slugs(site))]
        reader_file.write_text("\n".join(fronts * 10 + articles) + "\n")

        _step("Article pages: cache tier, gunicorn uncached, nginx static")
        figures["cache_tier"] = cache_tier.measure_cache_tier(site, urls_file)

        _step(f"Beacon ingest for {args.beacon_seconds} s")
        figures["beacon"] = beacon.measure_beacon(site, seconds=args.beacon_seconds)

        _step(
            f"Saturation for {args.saturation_seconds} s through the cache tier, "
            "an article published every 10 s"
        )
        with (
            servers.gunicorn(site, "/") as app_url,
            cache_tier._edge(site, "edge-saturation", app_url, "/") as edge_url,
        ):
            figures["saturation"] = measure_saturation(
                site, edge_url, reader_file, seconds=args.saturation_seconds
            )
    if args.scale:
        _step("Every page at 10,000 and at 1,000,000 articles (scale.py)")
        figures["scale"] = _scale(sandbox)
    return figures


def _section_slugs(sandbox: Sandbox) -> list[str]:
    script = (
        "import django; django.setup()\n"
        "from warta.newsroom.models import Section\n"
        "print(' '.join(Section.objects.values_list('slug', flat=True)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=sandbox.env,
        cwd=sandbox.root,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.split()


def _scale(sandbox: Sandbox) -> dict:
    """scale.py on two databases beside the benchmark's own, loaded by ``warta demo``
    and dropped afterwards."""
    base = urlsplit(sandbox.env["WARTA_DATABASE_URL"])
    small, large = (base._replace(path=f"/warta_scale_{size}").geturl() for size in ("10k", "1m"))
    for url in (small, large):
        _recreate_database(url)
    try:
        subprocess.run(
            [sys.executable, str(REPO / "bench" / "scale.py"), "--small", small, "--large", large],
            check=True,
        )
        return json.loads((REPO / "bench" / "out" / "scale.json").read_text())
    finally:
        for url in (small, large):
            _drop_database(url)


def _recreate_database(url: str) -> None:
    _psql(url, f'DROP DATABASE IF EXISTS "{_name(url)}"')
    _psql(url, f'CREATE DATABASE "{_name(url)}"')


def _drop_database(url: str) -> None:
    _psql(url, f'DROP DATABASE IF EXISTS "{_name(url)}"')


def _name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def _psql(url: str, sql: str) -> None:
    import psycopg

    admin = (
        urlsplit(url)._replace(path="/postgres").geturl().replace("postgres://", "postgresql://", 1)
    )
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(sql)


def _step(text: str) -> None:
    print(f"\n== {text} ...", flush=True)


def _print(figures: dict) -> None:
    tier, beacon_run, load = figures["cache_tier"], figures["beacon"], figures["saturation"]
    rows = [
        (
            "article pages, cache tier vs nginx static (req/s)",
            f"{tier['cache_tier']['per_second']:,.0f} / {tier['static']['per_second']:,.0f}"
            f" = {tier['ratio_cache_tier_to_static']:.2f}",
            f"≥ {CACHE_TIER_RATIO_MIN}",
            tier["ratio_cache_tier_to_static"] >= CACHE_TIER_RATIO_MIN,
        ),
        (
            "article pages, gunicorn uncached on PostgreSQL vs nginx static",
            f"{tier['gunicorn']['per_second']:,.0f} / {tier['static']['per_second']:,.0f}"
            f" = {tier['ratio_gunicorn_to_static']:.4f}",
            "",
            None,
        ),
        (
            "beacon ingest (views/s; views lost)",
            f"{beacon_run['per_second']:,.0f} /s; {beacon_run['views_lost']} lost",
            f"≥ {BEACON_RATE_MIN:,} /s, 0 lost",
            beacon_run["per_second"] >= BEACON_RATE_MIN and beacon_run["views_lost"] == 0,
        ),
        (
            f"saturation {load['seconds']} s: req/s, errors (non-2xx + socket)",
            f"{load['per_second']:,.0f} /s, {load['non_2xx']} + {load['socket_errors']}",
            "0 errors",
            load["non_2xx"] == 0 and load["socket_errors"] == 0,
        ),
        (
            "articles published during it, on the home page within 60 s (max s)",
            f"{load['visible_within_limit']} of {load['published']}"
            f" (max {load['visible_max_seconds'] or 0:.1f} s)",
            f"all ≤ {VISIBLE_WITHIN} s",
            load["published"] > 0 and load["visible_within_limit"] == load["published"],
        ),
    ]
    print(
        f"\nLoad average before / after: {figures['load_before']:.2f} / {figures['load_after']:.2f}"
    )
    for label, value, target, met in rows:
        mark = {True: "ok", False: "MISS", None: ""}[met]
        print(f"{label:70} {value:>32}  {target:18} {mark}")


if __name__ == "__main__":
    sys.exit(main())
