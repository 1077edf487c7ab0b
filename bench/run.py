"""``make bench``: how fast Warta imports, renders and serves, against its targets.

Everything happens in a fresh temporary folder (removed afterwards unless --keep):
a generated corpus, a new SQLite database and cache, collected static files, the
servers' logs. ./var is never touched. See bench/README.md for what each figure means.
"""

import argparse
import gzip
import os
import platform
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import http_load
import import_rate
import report
import servers
from corpus import write_corpus
from desk import measure_desk
from related import measure_related
from render import measure_render
from sandbox import REPO, Sandbox, StepFailed
from search import measure_search
from syndication import measure_syndication
from system_packages import ensure_load_tools
from wordpress import measure_wordpress

STATIC = REPO / "warta" / "portal" / "static" / "portal"
OUT = REPO / "bench" / "out" / "latest.json"
PROFILE = REPO / "bench" / "out" / "render-warm.pstats"
# The desk's own site: changelist requests per variant, saves per kind, reader pages.
DESK_REQUESTS = 20
DESK_SAVES = 30
# Uncached requests per feed and sitemap kind in the desk's site.
SYNDICATION_REQUESTS = 20
DESK_READER_PAGES = 100
# Cari in the desk's site: timed rounds over every query of every kind.
SEARCH_ROUNDS = 10
DESK_READER_ROUNDS = 2


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    # `kill` (SIGTERM) unwinds like Ctrl+C does, so the servers' finally blocks run.
    signal.signal(signal.SIGTERM, _terminated)
    sandbox = Sandbox.create()
    print(f"Working in {sandbox.root}", flush=True)
    try:
        figures = _measure(args, sandbox)
    except StepFailed as exc:
        print(f"\nBenchmark stopped: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nInterrupted; servers stopped.", file=sys.stderr)
        return 130
    finally:
        if args.keep:
            print(f"Kept {sandbox.root}")
        else:
            sandbox.remove()
    table = report.rows(figures)
    report.print_table(figures, table)
    report.write_json(figures, table, OUT)
    print(f"Figures written to {OUT.relative_to(REPO)}")
    return 0


def _terminated(signum, frame) -> None:
    print("\nTerminated; stopping the servers.", file=sys.stderr, flush=True)
    sys.exit(143)


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="corpus size (10000)")
    parser.add_argument("--pages", type=int, default=300, help="article URLs rendered (300)")
    parser.add_argument("--rounds", type=int, default=3, help="render rounds per mode (3)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument(
        "--profile",
        action="store_true",
        help=f"save cProfile stats of one warm render round to {PROFILE.relative_to(REPO)}",
    )
    parser.add_argument(
        "--desk-articles",
        type=int,
        default=100_000,
        help="articles in the desk's own site; 0 skips the desk step (100000)",
    )
    parser.add_argument(
        "--wordpress-posts",
        type=int,
        default=10_000,
        help="posts in the WordPress export imported; 0 skips the step (10000)",
    )
    args = parser.parse_args(argv)
    if args.articles < 10:
        parser.error("--articles must be at least 10")
    if 0 < args.desk_articles < 1000:
        parser.error("--desk-articles must be 0 (skip) or at least 1000")
    return args


def _measure(args: argparse.Namespace, sandbox: Sandbox) -> dict:
    figures = {"run": _about(args)}

    _step(f"Writing {args.articles:,} articles as JSON Lines")
    corpus = write_corpus(sandbox.root / "articles.jsonl", args.articles)
    figures["run"]["corpus_bytes"] = corpus.size

    _step("Importing: migrate, then `warta import` (and half of the file, for memory)")
    figures["import"] = _import(sandbox, corpus.path, args.articles)

    _step("Rendering article pages in-process (warm, cold, new connection)")
    sandbox.run(sandbox.warta("collectstatic", "--noinput", "--verbosity", "0"), "collectstatic")
    urls_file = sandbox.root / "urls.txt"
    figures["render"] = measure_render(
        sandbox,
        urls_file,
        pages=args.pages,
        rounds=args.rounds,
        profile=PROFILE if args.profile else None,
    )
    if args.profile:
        print(f"  Profile saved: python -m pstats {PROFILE.relative_to(REPO)}", flush=True)
    figures["assets"] = _assets()

    _step("HTTP load: gunicorn, then nginx serving the same pages saved as files")
    try:
        figures["http"] = _http(sandbox, urls_file)
    except (RuntimeError, OSError, subprocess.CalledProcessError) as exc:
        print(f"  The HTTP load test failed: {exc}", file=sys.stderr)
        figures["http"] = {"skipped": f"failed ({exc})"}

    if args.desk_articles:
        _step(f"Desk: {args.desk_articles:,} articles in a site of their own")
        figures["desk"] = _desk(sandbox, corpus.path, args)
    else:
        figures["desk"] = {"skipped": "--desk-articles 0"}

    if args.wordpress_posts:
        _step(f"WordPress: `warta import-wordpress` of {args.wordpress_posts:,} posts (and half)")
        figures["wordpress"] = measure_wordpress(sandbox, args.wordpress_posts)
    else:
        figures["wordpress"] = {"skipped": "--wordpress-posts 0"}

    figures["run"]["load_after"] = os.getloadavg()[0]
    return figures


def _import(sandbox: Sandbox, jsonl: Path, articles: int) -> dict:
    import_rate.migrate(sandbox)
    full = import_rate.timed_import(sandbox, jsonl)
    half_sandbox = sandbox.sibling("var-half")
    import_rate.migrate(half_sandbox)
    half_file = import_rate.first_lines(jsonl, sandbox.root / "half.jsonl", articles // 2)
    half = import_rate.timed_import(half_sandbox, half_file, "import-half")
    return {
        "articles": full.articles,
        "seconds": full.seconds,
        "startup_seconds": import_rate.startup_seconds(sandbox),
        "rate": full.rate,
        "peak_rss_bytes": full.peak_rss_bytes,
        "half": {
            "articles": half.articles,
            "seconds": half.seconds,
            "rate": half.rate,
            "peak_rss_bytes": half.peak_rss_bytes,
        },
    }


def _desk(sandbox: Sandbox, corpus: Path, args: argparse.Namespace) -> dict:
    """The article list and saving with --desk-articles articles, and the reader page again."""
    desk = sandbox.sibling("var-desk")
    jsonl = sandbox.root / "desk-articles.jsonl"
    if args.desk_articles <= args.articles:
        # Same seed, same day: a smaller corpus is the first lines of a larger one.
        import_rate.first_lines(corpus, jsonl, args.desk_articles)
    else:
        write_corpus(jsonl, args.desk_articles)
    import_rate.migrate(desk, "migrate-desk")
    run = import_rate.timed_import(desk, jsonl, "import-desk")
    jsonl.unlink()  # about 250 MB at 100,000 articles
    print(
        f"  Imported {run.articles:,} articles in {run.seconds:.1f} s ({run.rate:,.0f} /s)",
        flush=True,
    )
    desk.run(desk.warta("collectstatic", "--noinput", "--verbosity", "0"), "collectstatic-desk")
    print(f"  Reader pages ({DESK_READER_PAGES}) ...", flush=True)
    reader = measure_render(
        desk,
        sandbox.root / "urls-desk.txt",
        pages=DESK_READER_PAGES,
        rounds=DESK_READER_ROUNDS,
        name="render-desk",
    )
    print("  The article list and saving, as a Redaktur ...", flush=True)
    figures = measure_desk(desk, requests=DESK_REQUESTS, saves=DESK_SAVES)
    print("  Feeds, sitemaps and robots.txt, uncached ...", flush=True)
    figures["syndication"] = measure_syndication(desk, requests=SYNDICATION_REQUESTS)
    print("  Baca Juga: computing lists, and the article page's queries ...", flush=True)
    figures["related"] = measure_related(desk)
    print(f"  Cari: {SEARCH_ROUNDS} rounds of each kind of query ...", flush=True)
    figures["search"] = measure_search(desk, rounds=SEARCH_ROUNDS)
    return {
        "articles": run.articles,
        "import_seconds": run.seconds,
        "import_rate": run.rate,
        "import_peak_rss_bytes": run.peak_rss_bytes,
        "reader": reader,
        **figures,
    }


def _assets() -> dict:
    css = (STATIC / "warta.css").read_bytes()
    scripts = sorted(STATIC.glob("*.js"))
    js = b"".join(path.read_bytes() for path in scripts)
    return {
        "css_bytes": len(css),
        "css_gzip_bytes": len(gzip.compress(css, 9)),
        "js_bytes": len(js),
        "js_gzip_bytes": len(gzip.compress(js, 9)),
        "js_files": [path.name for path in scripts],
    }


def _http(sandbox: Sandbox, urls_file: Path) -> dict:
    problem = ensure_load_tools()
    if problem:
        print(f"  Skipping the HTTP load test: {problem}", flush=True)
        return {"skipped": problem}
    urls = urls_file.read_text().split()
    seconds = http_load.wrk_seconds()
    pages = sandbox.root / "pages"
    result = {
        "threads": http_load.THREADS,
        "connections": http_load.CONNECTIONS,
        "seconds": seconds,
        "urls": len(urls),
    }
    with servers.gunicorn(sandbox, urls[0]) as base_url:
        result["saved_bytes"] = http_load.save_pages(base_url, urls, pages)
        print(f"  wrk against gunicorn for {seconds} s ...", flush=True)
        result["gunicorn"] = _load(base_url, urls_file, sandbox, seconds)
    with servers.nginx(sandbox, pages, urls[0]) as base_url:
        print(f"  wrk against nginx for {seconds} s ...", flush=True)
        result["nginx"] = _load(base_url, urls_file, sandbox, seconds)
    result["ratio"] = result["nginx"]["per_second"] / result["gunicorn"]["per_second"]
    return result


def _load(base_url: str, urls_file: Path, sandbox: Sandbox, seconds: int) -> dict:
    run = http_load.run_wrk(base_url, urls_file, sandbox.root, seconds)
    return {**run.__dict__, "per_second": run.per_second}


def _about(args: argparse.Namespace) -> dict:
    return {
        "articles": args.articles,
        "pages": args.pages,
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_before": os.getloadavg()[0],
        "python_loop_ms": _python_speed(),
    }


def _python_speed() -> float:
    """A yardstick for comparing machines: best of 5 runs of a fixed pure-Python loop."""
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        total = 0
        for number in range(1_000_000):
            total += number
        best = min(best, time.perf_counter() - started)
    return best * 1000


def _step(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text} ...", flush=True)


if __name__ == "__main__":
    sys.exit(main())
