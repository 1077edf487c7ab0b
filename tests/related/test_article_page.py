"""The "Baca Juga" block on the article page: after the story's tags, one query."""

import re

import html5lib
import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_tag
from tests.search.conftest import changed
from warta.newsroom.models import Article
from warta.related.models import RelatedArticle
from warta.related.selectors import forget_related_blocks

from .conftest import set_status, story

pytestmark = pytest.mark.django_db


def block(html: str) -> str:
    return html.split('id="baca-juga"', 1)[1].split("</section>", 1)[0]


def queries_for(client, url: str) -> tuple[int, str]:
    client.get(url)  # the first view fills the shared boxes' caches (Populer, UPDATE)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.fixture
def newsroom():
    """A story with five related ones (and a stranger), lists computed as the desk does."""
    tag = make_tag("Nagorno-Karabakh")
    related = [
        story(f"Armenia dan Azerbaijan berunding {n}", tags=[tag], days_ago=n) for n in range(5)
    ]
    story("Harga cabai naik", days_ago=0.5)
    source = changed(story("Erdogan minta Armenia keluar dari Nagorno-Karabakh", tags=[tag]))
    return source, related


def test_the_block_reads_baca_juga_with_headline_links_after_the_tags(client, newsroom):
    source, related = newsroom
    html = client.get(source.get_absolute_url()).content.decode()

    assert '<h2 id="baca-juga" class="box-title">Baca Juga</h2>' in html
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', block(html))
    assert links == [(a.get_absolute_url(), a.title) for a in related]
    body = html.split('class="story"', 1)[1]
    assert body.index('class="story-tags"') < body.index("baca-juga") < body.index("</article>")
    assert html.index("baca-juga") < html.index('id="populer"')
    html5lib.HTMLParser(strict=True).parse(html)


def uncached_block_queries(client, url: str) -> tuple[int, str]:
    """Queries of a view whose Baca Juga block is not in the cache (the rest is)."""
    client.get(url)
    forget_related_blocks()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_the_block_costs_the_page_one_query_and_none_once_cached(client, newsroom, monkeypatch):
    source, _ = newsroom
    url = source.get_absolute_url()
    uncached, html = uncached_block_queries(client, url)
    assert "Baca Juga" in html
    cached, html = queries_for(client, url)
    assert "Baca Juga" in html

    monkeypatch.setattr("warta.portal.views.article.related_links", lambda article: [])
    without_block, html = queries_for(client, url)
    assert "Baca Juga" not in html

    assert uncached - without_block == 1
    assert cached == without_block


def test_the_first_reader_of_an_article_without_a_list_stores_it(client, newsroom):
    source, related = newsroom
    url = source.get_absolute_url()
    with_list, _ = uncached_block_queries(client, url)
    RelatedArticle.objects.filter(article=source).delete()  # as after an import
    forget_related_blocks()

    with CaptureQueriesContext(connection) as first:
        html = client.get(url).content.decode()

    assert related[0].title in block(html)
    assert len(first) > with_list
    assert RelatedArticle.objects.filter(article=source).count() == len(related)
    assert uncached_block_queries(client, url)[0] == with_list


def test_withdrawn_and_retitled_related_articles_show_on_the_next_view(client, newsroom):
    source, related = newsroom
    url = source.get_absolute_url()
    assert related[0].title in block(client.get(url).content.decode())

    set_status(related[0], Article.Status.WITHDRAWN)
    Article.objects.filter(pk=related[1].pk).update(title="Gencatan senjata disepakati")
    changed(related[1])
    html = block(client.get(url).content.decode())

    assert related[0].title not in html
    assert "Gencatan senjata disepakati" in html


def test_no_block_when_nothing_else_is_published(client):
    lonely = story("Satu-satunya berita")
    html = client.get(lonely.get_absolute_url()).content.decode()
    assert "baca-juga" not in html


def test_a_database_too_busy_to_store_the_list_still_gets_the_block(client, newsroom, monkeypatch):
    source, related = newsroom
    RelatedArticle.objects.filter(article=source).delete()

    def locked(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr("warta.related.selectors.related_store", locked)
    response = client.get(source.get_absolute_url())

    assert response.status_code == 200
    assert related[0].title in block(response.content.decode())
    assert not RelatedArticle.objects.filter(article=source).exists()
