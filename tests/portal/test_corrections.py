"""Ralat and Hak Jawab for readers: under the story with their time, in JSON-LD, at /ralat."""

import json
import re
from datetime import datetime, timedelta

import html5lib
import pytest
import time_machine

from tests.desk.people import make_user
from tests.factories import make_article
from warta.desk.roles import EDITOR
from warta.desk.services.corrections import article_correct
from warta.desk.services.transitions import article_withdraw
from warta.newsroom.models import Correction
from warta.related.services import related_refresh

from .conftest import JAKARTA

pytestmark = pytest.mark.django_db
K = Correction.Kind
CORRECTED_AT = datetime(2026, 1, 5, 16, 47, tzinfo=JAKARTA)
PUBLISHED_AT = datetime(2025, 12, 1, 9, 0, tzinfo=JAKARTA)


@pytest.fixture
def editor():
    return make_user(EDITOR)


def correct(article, editor, kind=K.CORRECTION, body="<p>Yang benar: harga naik.</p>", at=None):
    with time_machine.travel(at or CORRECTED_AT, tick=False):
        return article_correct(article=article, actor=editor, kind=kind, body=body)


def news_article(html: str) -> dict:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return next(b for b in map(json.loads, blocks) if b["@type"] == "NewsArticle")


# --- the article page -----------------------------------------------------------------


def test_a_correction_appears_after_the_story_with_its_time(client, seed_article, editor):
    correct(seed_article, editor)
    html = client.get(seed_article.get_absolute_url()).content.decode()
    body_end = html.index("Kedua pemimpin tersebut secara khusus")
    box = html.index('<section class="correction correction-ralat"')
    assert body_end < box < html.index('class="story-tags"')
    assert re.search(r'<h2 id="ralat-\d+-judul">Ralat</h2>', html)
    assert (
        '<time datetime="2026-01-05T16:47:00+07:00">Senin, 05 Januari 2026 | 16:47</time>' in html
    )
    assert "<p>Yang benar: harga naik.</p>" in html


def test_corrections_and_replies_show_in_the_order_they_were_made(client, seed_article, editor):
    correct(seed_article, editor, K.REPLY, "<p>Hak jawab pertama.</p>")
    correct(seed_article, editor, K.CORRECTION, "<p>Ralat kedua.</p>", CORRECTED_AT + timedelta(1))
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert html.index(">Hak Jawab</h2>") < html.index(">Ralat</h2>")
    assert html.index("Hak jawab pertama.") < html.index("Ralat kedua.")


def test_date_modified_follows_the_correction(client, seed_article, editor):
    before = news_article(client.get(seed_article.get_absolute_url()).content.decode())
    assert before["dateModified"] != "2026-01-05T16:47:00+07:00"
    correct(seed_article, editor)
    html = client.get(seed_article.get_absolute_url()).content.decode()
    after = news_article(html)
    assert after["dateModified"] == "2026-01-05T16:47:00+07:00"
    assert after["datePublished"] == "2020-11-08T08:06:00+07:00"
    assert '<meta property="article:modified_time" content="2026-01-05T16:47:00+07:00">' in html


def test_hostile_html_never_reaches_the_page(client, seed_article, editor):
    correct(
        seed_article,
        editor,
        body='<p onmouseover="x()">Benar</p><script>alert("ralat")</script><img src=x onerror=y>',
    )
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert 'alert("ralat")' not in html
    assert "onmouseover" not in html and "onerror" not in html
    assert "<p>Benar</p>" in html


def test_the_corrected_page_is_valid_html5(client, seed_article, editor):
    correct(seed_article, editor)
    correct(seed_article, editor, K.REPLY, "<p>Hak jawab.</p>", CORRECTED_AT + timedelta(1))
    html = client.get(seed_article.get_absolute_url()).content.decode()
    html5lib.HTMLParser(strict=True).parse(html)


def test_an_article_without_corrections_shows_no_box(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert 'class="correction' not in html


def test_the_article_page_stays_within_its_query_budget(
    client, seed_article, editor, django_assert_max_num_queries
):
    for n in range(5):
        correct(seed_article, editor, body=f"<p>Ralat {n}.</p>", at=CORRECTED_AT + timedelta(n))
    make_article(title="Berita lain", section=seed_article.section)
    # Publishing stores the article's Baca Juga list; the seed article skipped the desk.
    related_refresh(article_id=seed_article.pk)
    with django_assert_max_num_queries(8):
        client.get(seed_article.get_absolute_url())
    with django_assert_max_num_queries(4):  # article, tags, corrections, Baca Juga
        html = client.get(seed_article.get_absolute_url()).content.decode()
    assert html.count('<section class="correction ') == 5


# --- the /ralat index -----------------------------------------------------------------


def test_ralat_lists_corrections_of_live_articles_newest_first(client, seed_article, editor):
    other = make_article(
        title="Banjir di Jakarta Utara", lead="Teras banjir.", published_at=PUBLISHED_AT
    )
    correct(seed_article, editor, K.CORRECTION, "<p>Ralat <b>lama</b> tentang Armenia.</p>")
    newer = correct(
        other, editor, K.REPLY, "<p>Hak jawab Pemprov.</p>", CORRECTED_AT + timedelta(hours=1)
    )
    response = client.get("/ralat")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Ralat dan Hak Jawab | " in html
    assert '<h1 id="judul-daftar">Ralat dan Hak Jawab</h1>' in html
    assert html.index("Banjir di Jakarta Utara") < html.index("Kepada Putin")
    assert f'href="{other.get_absolute_url()}#ralat-{newer.pk}"' in html
    assert "Ralat lama tentang Armenia." in html  # excerpt: text without tags
    assert "<b>lama</b>" not in html
    assert (
        '<time datetime="2026-01-05T17:47:00+07:00">Senin, 05 Januari 2026 | 17:47</time>' in html
    )
    assert "public" in response["Cache-Control"]
    html5lib.HTMLParser(strict=True).parse(html)


def test_ralat_leaves_out_withdrawn_articles(client, seed_article, editor):
    correct(seed_article, editor, body="<p>Ralat yang lalu.</p>")
    with time_machine.travel(CORRECTED_AT + timedelta(1), tick=False):
        article_withdraw(article=seed_article, actor=editor, note="Melanggar kode etik.")
    html = client.get("/ralat").content.decode()
    assert "Kepada Putin" not in html
    assert "Belum ada ralat atau hak jawab." in html


def test_ralat_pages_by_keyset(client, settings, editor):
    settings.PAGE_SIZE = 3
    article = make_article(title="Berita yang dikoreksi", published_at=PUBLISHED_AT)
    made = [
        correct(article, editor, body=f"<p>Ralat nomor {n}.</p>", at=CORRECTED_AT + timedelta(n))
        for n in range(7)
    ]
    first = client.get("/ralat").content.decode()
    assert [f"Ralat nomor {n}." in first for n in (6, 5, 4, 3)] == [True, True, True, False]
    cursor = re.search(r'href="/ralat\?sebelum=([0-9_]+)"', first).group(1)
    second = client.get(f"/ralat?sebelum={cursor}").content.decode()
    assert [f"Ralat nomor {n}." in second for n in (4, 3, 2, 1)] == [False, True, True, True]
    assert "« Terbaru" in second
    cursor = re.search(r'href="/ralat\?sebelum=([0-9_]+)"', second).group(1)
    third = client.get(f"/ralat?sebelum={cursor}").content.decode()
    assert "Ralat nomor 0." in third and 'rel="next"' not in third
    assert len(made) == 7


def test_ralat_pages_equal_times_by_id(client, settings, editor):
    settings.PAGE_SIZE = 2
    article = make_article(published_at=PUBLISHED_AT)
    for n in range(5):
        correct(article, editor, body=f"<p>Serentak {n}.</p>")
    seen = []
    url = "/ralat"
    while url:
        html = client.get(url).content.decode()
        seen += re.findall(r"Serentak (\d)\.", html)
        found = re.search(r'href="(/ralat\?sebelum=[0-9_]+)"', html)
        url = found.group(1) if found else None
    assert seen == ["4", "3", "2", "1", "0"]


@pytest.mark.parametrize(
    "cursor",
    [
        "salah",
        "123",
        "_",
        "1_",
        "_1",
        "-1_5",
        "1_-5",
        "99999999999999999999999_1",
        "1_99999999999999999999999",
        "١٢٣_٤",
        "1" * 65,
        "1.5_2",
    ],
)
def test_ralat_bad_cursors_are_404_not_500(client, cursor):
    assert client.get("/ralat", {"sebelum": cursor}).status_code == 404


def test_ralat_costs_the_same_queries_at_any_size(client, editor, django_assert_max_num_queries):
    for n in range(30):
        correct(
            make_article(published_at=PUBLISHED_AT), editor, at=CORRECTED_AT + timedelta(minutes=n)
        )
    with django_assert_max_num_queries(4):
        client.get("/ralat")
    with django_assert_max_num_queries(4):
        html = client.get("/ralat").content.decode()
    cursor = re.search(r"sebelum=([0-9_]+)", html).group(1)
    with django_assert_max_num_queries(4):
        assert client.get(f"/ralat?sebelum={cursor}").status_code == 200


def test_ralat_is_not_taken_for_a_section(client):
    # The route sits before the <slug:section> catch-all.
    response = client.get("/ralat")
    assert response.status_code == 200
    assert "Belum ada ralat atau hak jawab." in response.content.decode()
