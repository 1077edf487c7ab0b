"""The figures as a table with their targets, and as JSON (bench/out/latest.json).

A missed target is marked, never fatal: the benchmark measures, the tests judge.
Sizes are in kB of 1,000 bytes, the stricter reading of a budget.
"""

import json
from dataclasses import dataclass
from pathlib import Path

MEDIAN_MS_MAX = 4.0
QUERIES_MAX = 8
IMPORT_RATE_MIN = 2000
HTML_BYTES_MAX = 40_000
CSS_BYTES_MAX = 15_000
JS_BYTES_MAX = 2_000
# Importing the whole file may use at most this much more memory than half of it.
RSS_GROWTH_MAX = 1.1
# `warta import-wordpress`: posts per second, wall clock with start-up.
WORDPRESS_RATE_MIN = 1000
# The desk, with --desk-articles articles (medians).
DESK_LIST_MS_MAX = 300
DESK_SAVE_MS_MAX = 100
# Each feed and sitemap page, uncached, in the desk's site (p95).
SYNDICATION_MS_MAX = 20
# Baca Juga: queries the block adds to an article page whose list is stored.
RELATED_QUERIES_MAX = 1
# Cari, the whole page through the test client, in the desk's site (p95 of every query).
SEARCH_MS_MAX = 30


@dataclass(frozen=True)
class Row:
    figure: str
    value: str
    target: str = ""
    met: bool | None = None  # None: no target, information only

    @property
    def mark(self) -> str:
        return {True: "ok", False: "MISS", None: ""}[self.met]


def rows(figures: dict) -> list[Row]:
    result = _import_rows(figures["import"]) + _render_rows(figures["render"])
    result += _asset_rows(figures["assets"]) + _http_rows(figures["http"])
    result += _wordpress_rows(figures.get("wordpress", {"skipped": "not measured"}))
    result += _desk_rows(figures["desk"]) + _syndication_rows(figures["desk"])
    result += _search_rows(figures["desk"])
    return result + _related_rows(figures["desk"])


def _import_rows(imp: dict) -> list[Row]:
    growth = imp["peak_rss_bytes"] / imp["half"]["peak_rss_bytes"]
    return [
        Row(
            f"import rate ({imp['articles']:,} articles in {imp['seconds']:.1f} s)",
            f"{imp['rate']:,.0f} /s",
            f"≥ {IMPORT_RATE_MIN:,} /s",
            imp["rate"] >= IMPORT_RATE_MIN,
        ),
        Row(
            f"  the same without start-up ({imp['startup_seconds']:.1f} s: `warta import --help`)",
            f"{imp['articles'] / max(imp['seconds'] - imp['startup_seconds'], 0.001):,.0f} /s",
        ),
        Row(
            f"import peak RSS, all / half ({imp['half']['articles']:,}) of the file",
            f"{_mb(imp['peak_rss_bytes'])} / {_mb(imp['half']['peak_rss_bytes'])}",
            f"flat (≤ ×{RSS_GROWTH_MAX})",
            growth <= RSS_GROWTH_MAX,
        ),
    ]


def _wordpress_rows(wp: dict) -> list[Row]:
    if "skipped" in wp:
        return [Row("WordPress import", "skipped: " + wp["skipped"])]
    full, half, again = wp["full"], wp["half"], wp["again"]
    growth = full["peak_rss_bytes"] / half["peak_rss_bytes"]
    return [
        Row(
            f"WordPress import rate ({full['posts']:,} posts, "
            f"{_mb(wp['file_bytes'])} WXR, in {full['seconds']:.1f} s)",
            f"{full['rate']:,.0f} /s",
            f"≥ {WORDPRESS_RATE_MIN:,} /s",
            full["rate"] >= WORDPRESS_RATE_MIN,
        ),
        Row(
            "  the same without start-up / per CPU second",
            f"{full['posts'] / max(full['seconds'] - wp['startup_seconds'], 0.001):,.0f} / "
            f"{full['posts'] / max(full['cpu_seconds'], 0.001):,.0f} /s",
        ),
        Row("  importing the same file again (updates)", f"{again['rate']:,.0f} /s"),
        Row(
            f"WordPress import peak RSS, all / half ({half['posts']:,}) of the posts",
            f"{_mb(full['peak_rss_bytes'])} / {_mb(half['peak_rss_bytes'])}",
            f"flat (≤ ×{RSS_GROWTH_MAX})",
            growth <= RSS_GROWTH_MAX,
        ),
    ]


def _render_rows(render: dict) -> list[Row]:
    warm, cold, fresh = render["warm"], render["cold"], render["warm_new_connection"]
    html, gz = render["html_bytes"], render["html_gzip_bytes"]
    pages = render["pages"]
    return [
        Row(
            f"render median, warm caches ({warm['requests']:,} req, {pages} pages)",
            f"{warm['median_ms']:.2f} ms",
            f"≤ {MEDIAN_MS_MAX:g} ms",
            warm["median_ms"] <= MEDIAN_MS_MAX,
        ),
        Row("render p95, warm caches", f"{warm['p95_ms']:.2f} ms"),
        Row(
            f"render median, cold: cache cleared ({cold['requests']:,} req)",
            f"{cold['median_ms']:.2f} ms",
        ),
        Row("render p95, cold", f"{cold['p95_ms']:.2f} ms"),
        Row("render median, warm + new DB connection", f"{fresh['median_ms']:.2f} ms"),
        _queries_row("SQL queries per article page, warm", render["queries_warm"]),
        _queries_row("SQL queries per article page, cold", render["queries_cold"]),
        Row(
            "article HTML, median / largest",
            f"{_kb(html['median'])} / {_kb(html['max'])}",
            f"≤ {_kb(HTML_BYTES_MAX)}",
            html["max"] <= HTML_BYTES_MAX,
        ),
        Row("article HTML gzipped, median / largest", f"{_kb(gz['median'])} / {_kb(gz['max'])}"),
    ]


def _queries_row(label: str, counts: dict) -> Row:
    low, high = counts["min"], counts["max"]
    spread = f"{high}" if low == high else f"{low}–{high}"
    return Row(label, spread, f"≤ {QUERIES_MAX}", high <= QUERIES_MAX)


def _asset_rows(assets: dict) -> list[Row]:
    return [
        Row(
            f"CSS ({assets['css_gzip_bytes']:,} B gzipped)",
            _kb(assets["css_bytes"]),
            f"≤ {_kb(CSS_BYTES_MAX)}",
            assets["css_bytes"] <= CSS_BYTES_MAX,
        ),
        Row(
            f"JS ({assets['js_gzip_bytes']:,} B gzipped)",
            _kb(assets["js_bytes"]),
            f"≤ {_kb(JS_BYTES_MAX)}",
            assets["js_bytes"] <= JS_BYTES_MAX,
        ),
    ]


def _http_rows(http: dict) -> list[Row]:
    if "skipped" in http:
        return [Row("HTTP load (wrk)", "skipped: " + http["skipped"])]
    load = f"wrk -t{http['threads']} -c{http['connections']} -d{http['seconds']}s"
    result = []
    for key, label in (("gunicorn", "gunicorn, 2 workers"), ("nginx", "nginx, saved pages")):
        run = http[key]
        result += [
            Row(f"{label}: requests/s ({load})", f"{run['per_second']:,.0f} /s"),
            Row(
                f"{label}: latency p50 / p99",
                f"{run['p50_ms']:.1f} / {run['p99_ms']:.1f} ms",
            ),
            Row(
                f"{label}: non-2xx / socket errors",
                f"{run['non_2xx']} / {run['socket_errors']}",
                "0 / 0",
                run["non_2xx"] == 0 and run["socket_errors"] == 0,
            ),
        ]
    result.append(Row("nginx static / gunicorn", f"×{http['ratio']:.1f}"))
    return result


def _desk_rows(desk: dict) -> list[Row]:
    if "skipped" in desk:
        return [Row("desk (article list, saving)", "skipped: " + desk["skipped"])]
    reader = desk["reader"]
    result = [
        Row(
            f"desk site: import ({desk['articles']:,} articles in {desk['import_seconds']:.1f} s)",
            f"{desk['import_rate']:,.0f} /s",
        ),
        Row(
            f"desk site: reader render median, warm ({reader['warm']['requests']:,} req)",
            f"{reader['warm']['median_ms']:.2f} ms",
            f"≤ {MEDIAN_MS_MAX:g} ms",
            reader["warm"]["median_ms"] <= MEDIAN_MS_MAX,
        ),
        Row(
            "desk site: reader render p95 warm / median cold",
            f"{reader['warm']['p95_ms']:.2f} / {reader['cold']['median_ms']:.2f} ms",
        ),
        _queries_row("desk site: SQL queries per article page, cold", reader["queries_cold"]),
    ]
    for name, variant in desk["changelist"].items():
        sql = variant["sql"]
        met = variant["median_ms"] <= DESK_LIST_MS_MAX
        result.append(
            Row(
                f"desk list, {name}: median / p95 "
                f"({variant['matching']:,} rows, {sql['queries']} queries)",
                f"{variant['median_ms']:.0f} / {variant['p95_ms']:.0f} ms",
                f"≤ {DESK_LIST_MS_MAX} ms",
                met,
            )
        )
        if not met:
            result += _slow_sql_rows(sql)
    for key, label in (
        ("save_service", "desk save, service article_save"),
        ("save_admin", "desk save, admin POST of the change form"),
    ):
        save = desk[key]
        result.append(
            Row(
                f"{label}: median / p95 ({save['requests']} saves, "
                f"{save['sql']['queries']} queries)",
                f"{save['median_ms']:.0f} / {save['p95_ms']:.0f} ms",
                f"≤ {DESK_SAVE_MS_MAX} ms",
                save["median_ms"] <= DESK_SAVE_MS_MAX,
            )
        )
    opening = desk["change_form_get"]
    result.append(
        Row(
            "desk change form opened (GET): median / p95",
            f"{opening['median_ms']:.0f} / {opening['p95_ms']:.0f} ms",
        )
    )
    return result


def _slow_sql_rows(sql: dict) -> list[Row]:
    """Why a missed target was missed: the SQL total and the slowest query's plan."""
    if not sql["slow"]:
        return []
    slowest = sql["slow"][0]
    why = f"slowest {slowest['ms']:.0f} ms: {_plan(slowest)}"
    return [Row(f"  SQL {sql['total_ms']:.0f} ms; {why}", "")]


def _syndication_rows(desk: dict) -> list[Row]:
    if "syndication" not in desk:
        return []
    result = []
    for name, kind in desk["syndication"].items():
        sql = kind["sql"]
        met = kind["p95_ms"] <= SYNDICATION_MS_MAX
        result.append(
            Row(
                f"{name}, uncached: median / p95 ({kind['entries']:,} entries, "
                f"{_kb(kind['bytes'])}, {sql['queries']} queries)",
                f"{kind['median_ms']:.1f} / {kind['p95_ms']:.1f} ms",
                f"≤ {SYNDICATION_MS_MAX} ms",
                met,
            )
        )
        if not met:
            result += _slow_sql_rows(sql)
    return result


def _search_rows(desk: dict) -> list[Row]:
    if "search" not in desk:
        return []
    search, overall = desk["search"], desk["search"]["overall"]
    result = [
        Row(
            f"Cari /cari, all kinds: median / p95 ({overall['requests']:,} req, "
            f"{desk['articles']:,} articles)",
            f"{overall['median_ms']:.1f} / {overall['p95_ms']:.1f} ms",
            f"≤ {SEARCH_MS_MAX} ms",
            overall["p95_ms"] <= SEARCH_MS_MAX,
        )
    ]
    if search["reindex_seconds"] is not None:
        seconds = search["reindex_seconds"]
        result.append(Row("  `warta reindex` first (imports had not indexed)", f"{seconds:.1f} s"))
    for name, kind in search["kinds"].items():
        sql = kind["sql"]
        result.append(
            Row(
                f"  {name}: median / p95 / max ({sql['queries']} queries, "
                f"{sql['total_ms']:.1f} ms SQL)",
                f"{kind['median_ms']:.1f} / {kind['p95_ms']:.1f} / {kind['max_ms']:.1f} ms",
            )
        )
        if kind["p95_ms"] > SEARCH_MS_MAX and sql["slow"]:
            slowest = sql["slow"][0]
            result.append(Row(f"    slowest {slowest['ms']:.0f} ms: {_plan(slowest)}", ""))
    return result


def _related_rows(desk: dict) -> list[Row]:
    if "related" not in desk:
        return []
    related = desk["related"]
    added = related["queries_added"]
    compute, first = related["compute"], related["first_view"]
    return [
        Row(
            f"Baca Juga: queries added to the article page ({added['min']}–{added['max']})",
            f"{added['max']}",
            f"≤ {RELATED_QUERIES_MAX}",
            added["max"] <= RELATED_QUERIES_MAX,
        ),
        Row(
            f"  computing one list (publish, edit; {related['articles']:,} articles): median / p95",
            f"{compute['median_ms']:.1f} / {compute['p95_ms']:.1f} ms",
        ),
        Row(
            "  first view of an article without a list (computes it): median / p95",
            f"{first['median_ms']:.1f} / {first['p95_ms']:.1f} ms",
        ),
    ]


def _plan(query: dict) -> str:
    """The steps of an EXPLAIN QUERY PLAN that may read many rows (not key lookups)."""
    steps = [
        step.replace("newsroom_", "").replace("USE TEMP B-TREE FOR ORDER BY", "sort")
        for step in query["plan"]
        if "PRIMARY KEY" not in step
    ]
    return "; ".join(steps) or "see latest.json"


def print_table(figures: dict, table: list[Row]) -> None:
    run = figures["run"]
    print()
    print(
        f"Warta benchmark: {run['articles']:,} articles, {run['cpus']} CPUs, "
        f"Python {run['python']}, SQLite, {run['when']}"
    )
    print(
        f"Load average before / after: {run['load_before']:.2f} / {run['load_after']:.2f} "
        "(other work on the machine skews every timing); "
        f"yardstick: 1M-step Python loop in {run['python_loop_ms']:.0f} ms"
    )
    widths = [max(len(getattr(row, name)) for row in table) for name in ("figure", "value")]
    target_width = max(len(row.target) for row in table)
    header = f"{'figure':<{widths[0]}}  {'value':>{widths[1]}}  {'target':<{target_width}}"
    print()
    print(header)
    print("-" * (len(header) + 6))
    for row in table:
        print(
            f"{row.figure:<{widths[0]}}  {row.value:>{widths[1]}}  "
            f"{row.target:<{target_width}}  {row.mark}".rstrip()
        )
    misses = [row.figure for row in table if row.met is False]
    print()
    print(f"{len(misses)} target(s) missed" + (": " + "; ".join(misses) if misses else "."))


def write_json(figures: dict, table: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    checks = [
        {"figure": row.figure, "value": row.value, "target": row.target, "met": row.met}
        for row in table
        if row.met is not None
    ]
    path.write_text(json.dumps({**figures, "checks": checks}, indent=2, ensure_ascii=False) + "\n")


def _kb(size: float) -> str:
    return f"{size / 1000:.1f} kB"


def _mb(size: float) -> str:
    return f"{size / 1e6:.0f} MB"
