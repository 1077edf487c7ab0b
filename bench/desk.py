"""The newsroom desk at scale: the article list and saving, timed inside one Django process.

Run by the benchmark as a child process (``python bench/desk.py OUT.json REQUESTS SAVES``)
in its own sandbox holding ``--desk-articles`` imported articles, with production
settings (DEBUG off). The desk user is a Redaktur (an editor: staff, in the
"Redaktur" group that migrations create), the role that works the article list all day;
a superuser would skip the permission queries and see placement fields it never has.

* The changelist (/redaksi/newsroom/article/): plain, with each filter, a title search,
  filters and search together, and a deep page. After warm-ups, the variants take turns
  request by request, so a burst of other work on the machine skews them alike.
* Saving: the service (``article_save``) alone, and the whole admin POST of the change
  form, built from the form's initial data as a browser would send it back; each save
  on another article.
* SQL: queries per request, their total time, and ``EXPLAIN QUERY PLAN`` of the slow
  ones, so a missed target comes with the plan that explains it.
"""

import json
import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from render import percentiles
from sandbox import Sandbox

CHANGELIST = "/redaksi/newsroom/article/"
WARMUPS = 2
SAMPLE_SEED = 7
# Queries at least this slow get their EXPLAIN QUERY PLAN in the JSON.
SLOW_QUERY_MS = 5.0
PER_PAGE = 50  # ArticleAdmin.list_per_page
DEEP_PAGE = 100
EDIT_MARK = " (diperbarui)"


def measure_desk(sandbox: Sandbox, *, requests: int, saves: int) -> dict:
    return sandbox.measure(__file__, "desk", requests, saves)


def _main(out: str, requests: str, saves: str) -> None:
    import django

    django.setup()
    from django.test import Client

    user = _desk_user()
    # A host from the default WARTA_ALLOWED_HOSTS: the test runner's "testserver" is not.
    client = Client(headers={"host": "localhost"}, raise_request_exception=True)
    client.force_login(user)
    urls = _changelist_urls()
    results = {
        "user": f"{user.username} (Redaktur, is_staff, not a superuser)",
        "changelist": _time_changelist(client, urls, int(requests)),
    }
    results.update(_time_saves(client, user, int(saves)))
    Path(out).write_text(json.dumps(results, indent=2, ensure_ascii=False))


def _desk_user():
    from django.contrib.auth.models import Group, User

    user, _ = User.objects.get_or_create(username="bench-redaktur")
    user.is_staff = True
    user.set_unusable_password()
    user.save()
    user.groups.set([Group.objects.get(name="Redaktur")])
    return user


# --- the article list ---------------------------------------------------------------


def _changelist_urls() -> dict[str, dict]:
    """The variants, each with its query string and what it selects."""
    from warta.newsroom.models import Article

    section_id, reporter_id = _typical("section_id"), _typical("reporter_id")
    word = _title_word()
    total = Article.objects.count()
    # The list numbers only the pages of its bounded count (listing.COUNT_LIMIT); past
    # them an editor filters or searches, so the last numbered page is the deepest.
    from warta.desk.admin.listing import COUNT_LIMIT

    deep = max(1, min(DEEP_PAGE, total // PER_PAGE, COUNT_LIMIT // PER_PAGE))
    variants = {
        "plain": "",
        "status": "status__exact=published",
        "section": f"section__id__exact={section_id}",
        "reporter": f"reporter__id__exact={reporter_id}",
        "search": f"q={word}",
        "status+section+search": f"status__exact=published&section__id__exact={section_id}"
        f"&q={word}",
        f"page {deep}": f"p={deep}",
    }
    matching = {
        "plain": total,
        "status": Article.objects.filter(status="published").count(),
        "section": Article.objects.filter(section_id=section_id).count(),
        "reporter": Article.objects.filter(reporter_id=reporter_id).count(),
        "search": Article.objects.filter(title__icontains=word).count(),
        "status+section+search": Article.objects.filter(
            status="published", section_id=section_id, title__icontains=word
        ).count(),
        f"page {deep}": total,
    }
    return {
        name: {"url": f"{CHANGELIST}?{query}" if query else CHANGELIST, "matching": matching[name]}
        for name, query in variants.items()
    }


def _typical(column: str) -> int:
    """The section or reporter with the median number of articles."""
    from django.db.models import Count

    from warta.newsroom.models import Article

    counts = Article.objects.values(column).annotate(n=Count("id")).order_by("n", column)
    rows = list(counts)
    return rows[len(rows) // 2][column]


def _title_word() -> str:
    """A word editors would search for: frequent in titles, but far from everywhere."""
    from warta.newsroom.models import Article

    titles = Article.objects.order_by("id").values_list("title", flat=True)[:5000]
    words = Counter(word.lower() for title in titles for word in set(re.findall(r"\w{5,}", title)))
    # Ties go to the alphabetically first word: the same word on every run.
    ranked = sorted(words.items(), key=lambda item: (-item[1], item[0]))
    return next(word for word, count in ranked if count <= len(titles) * 0.05)


def _time_changelist(client, urls: dict[str, dict], requests: int) -> dict:
    for variant in urls.values():
        for _ in range(WARMUPS):
            _get(client, variant["url"])
    samples = {name: [] for name in urls}
    for _ in range(requests):
        for name, variant in urls.items():
            samples[name].append(_timed(lambda url=variant["url"]: _get(client, url)))
    return {
        name: {
            **variant,
            **percentiles(samples[name]),
            "sql": _sql_profile(lambda url=variant["url"]: _get(client, url)),
        }
        for name, variant in urls.items()
    }


def _get(client, url: str):
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    return response


def _sql_profile(action) -> dict:
    """Queries of one run of ``action``: count, time, and the plans of the slow ones.

    A query's time runs until SQLite hands over the first row: for a sorted SELECT
    that is nearly all of it, since the sort is done by then.
    """
    from django.db import connection

    queries = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter_ns()
        try:
            return execute(sql, params, many, context)
        finally:
            queries.append(((time.perf_counter_ns() - started) / 1e6, sql, params, many))

    with connection.execute_wrapper(timed):
        action()
    slow = sorted((q for q in queries if q[0] >= SLOW_QUERY_MS), key=lambda q: -q[0])
    return {
        "queries": len(queries),
        "total_ms": sum(q[0] for q in queries),
        "slowest_ms": max((q[0] for q in queries), default=0.0),
        "slow": [
            {
                "ms": ms,
                "sql": sql,
                "params": [str(p) for p in params or ()],
                "plan": _plan(sql, params),
            }
            for ms, sql, params, many in slow
            if not many
        ],
    }


def _plan(sql: str, params) -> list[str]:
    from django.db import connection

    if not sql.lstrip().upper().startswith(("SELECT", "WITH")):
        return []
    # PostgreSQL's plan with what each step really cost; SQLite tells only its plan.
    prefix = (
        "EXPLAIN (ANALYZE, BUFFERS)" if connection.vendor == "postgresql" else "EXPLAIN QUERY PLAN"
    )
    with connection.cursor() as cursor:
        cursor.execute(f"{prefix} {sql}", params)
        return [row[-1] for row in cursor.fetchall()]


# --- saving -------------------------------------------------------------------------


def _time_saves(client, user, saves: int) -> dict:
    from warta.newsroom.models import Article

    ids = list(Article.objects.order_by("id").values_list("id", flat=True))
    # Warm-ups, timed saves and one more for the query count, each on another article.
    per_kind = WARMUPS + saves + 1
    chosen = random.Random(SAMPLE_SEED).sample(ids, min(len(ids), 2 * per_kind))
    service_ids, admin_ids = chosen[:per_kind], chosen[per_kind:]
    service, service_sql = _service_saves(user, service_ids)
    admin, opening, admin_sql = _admin_saves(client, admin_ids)
    return {
        "save_service": {**percentiles(service), "sql": service_sql},
        "save_admin": {**percentiles(admin), "sql": admin_sql},
        "change_form_get": percentiles(opening),
    }


def _service_saves(user, ids: list[int]) -> tuple[list[float], dict]:
    from warta.desk.services.editing import article_save
    from warta.newsroom.models import Article

    def prepare(pk: int):
        article = Article.objects.get(pk=pk)
        data = {"title": _edited(article.title), "body": article.body + "<p>Pembaruan.</p>"}
        return lambda: article_save(
            article=article, actor=user, data=data, base_version=article.version
        )

    *timed, last = ids
    samples = [_timed(prepare(pk)) for pk in timed][WARMUPS:]
    return samples, _sql_profile(prepare(last))


def _admin_saves(client, ids: list[int]) -> tuple[list[float], list[float], dict]:
    """The change form opened (GET, timed too), then posted back with a new title."""
    from warta.newsroom.models import Article

    def prepare(pk: int):
        url = f"{CHANGELIST}{pk}/change/"
        started = time.perf_counter_ns()
        form = _get(client, url).context_data["adminform"].form
        opened.append((time.perf_counter_ns() - started) / 1e6)
        data = _post_data(form)
        data["title"] = _edited(data["title"])

        def post() -> None:
            response = client.post(url, data)
            if response.status_code != 302:
                context = getattr(response, "context_data", None) or {}
                problems = context["adminform"].form.errors.as_json() if context else "no form"
                raise SystemExit(f"POST {url}: HTTP {response.status_code}: {problems}")

        return post

    opened: list[float] = []
    *timed, last = ids
    samples = [_timed(prepare(pk)) for pk in timed][WARMUPS:]
    sql = _sql_profile(prepare(last))
    saved = Article.objects.filter(pk__in=ids, title__endswith=EDIT_MARK).count()
    if saved != len(ids):
        raise SystemExit(f"{len(ids) - saved} admin POSTs answered 302 but saved nothing")
    return samples, opened[WARMUPS : WARMUPS + len(samples)], sql


def _timed(action) -> float:
    started = time.perf_counter_ns()
    action()
    return (time.perf_counter_ns() - started) / 1e6


def _post_data(form) -> dict:
    """What a browser sends back for an unchanged form (placement fields a Redaktur
    may not set are read-only, so not in the form, so not posted)."""
    from django import forms
    from django.contrib.admin.widgets import RelatedFieldWidgetWrapper

    data = {}
    for bound in form:
        widget = bound.field.widget
        if isinstance(widget, RelatedFieldWidgetWrapper):
            widget = widget.widget
        value = bound.value()
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[bound.html_name] = "on"
            continue
        context = widget.get_context(bound.html_name, value, {})["widget"]
        for part in context.get("subwidgets") or [context]:
            data[part["name"]] = "" if part["value"] is None else part["value"]
    return data


def _edited(title: str) -> str:
    return title[: 300 - len(EDIT_MARK)] + EDIT_MARK


if __name__ == "__main__":
    _main(*sys.argv[1:])
