"""Reader lists walk an index newest first and stop after a page; none sorts the archive.

At 100,000 articles a list that sorts every live article costs 300-600 ms on SQLite
instead of about 1 ms. SQLite's plan names the index it walks and says
"USE TEMP B-TREE" when it has to sort, whatever the size of the table, so the plan of
an empty database already tells.
"""

import pytest
from django.db import connection

from tests.factories import make_article, make_reporter, make_section, make_tag
from warta.newsroom.models import Article
from warta.newsroom.selectors import placements

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plans"),
]


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        return "\n".join(row[-1] for row in cursor.fetchall())


def _lists():
    section, reporter = make_section(), make_reporter()
    live = Article.objects.published().latest_first()
    return {
        "Indeks": live,
        "section": live.in_section(section),
        "reporter": live.by_reporter(reporter),
        "editors' picks": live.filter(is_editors_pick=True),
    }


@pytest.mark.parametrize("name", ["Indeks", "section", "reporter", "editors' picks"])
def test_a_list_page_walks_an_index_in_order(name):
    plan = _plan(_lists()[name].for_listing()[:21])
    assert "USING INDEX article_" in plan, plan
    assert "TEMP B-TREE" not in plan, plan


def test_the_home_page_placements_make_no_sort():
    with connection.execute_wrapper(_refuse_sorts):
        placements()


def _refuse_sorts(execute, sql, params, many, context):
    if sql.lstrip().upper().startswith("SELECT") and "newsroom_article" in sql:
        with connection.cursor() as cursor:
            plan = cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
        assert not any("TEMP B-TREE" in row[-1] for row in plan), (sql, plan)
    return execute(sql, params, many, context)


def test_a_tag_on_most_stories_walks_the_live_index_and_a_rare_tag_gathers_its_own():
    common, rare = make_tag("Pemilu"), make_tag("Gerhana")
    section, reporter = make_section(), make_reporter()
    for number in range(60):
        tags = [common, rare] if number == 0 else [common]
        make_article(section=section, reporter=reporter, tags=tags)
    live = Article.objects.published().latest_first()

    walked = _plan(live.tagged(common).for_listing()[:21])
    assert "USING INDEX article_live" in walked and "TEMP B-TREE" not in walked, walked
    gathered = _plan(live.tagged(rare).for_listing()[:21])
    assert "newsroom_article_tags" in gathered and "SCAN newsroom_article " not in gathered
    # Either way, the same stories in the same order.
    for tag in (common, rare):
        assert list(live.tagged(tag).values_list("id", flat=True)) == list(
            live.filter(tags=tag).values_list("id", flat=True)
        )
