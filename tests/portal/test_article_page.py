"""The article page, built to match the reference portal page section by section."""

import json
import re
from datetime import datetime, timedelta

import html5lib
import pytest
import time_machine
from django.utils import timezone

from tests.factories import make_article, make_section
from warta.audience import counters
from warta.newsroom.models import Article
from warta.related.services import related_refresh

from .conftest import JAKARTA

pytestmark = pytest.mark.django_db

SEED_DATELINE = "MINGGU, 08 NOVEMBER 2020 | 08:06 WIB | LAPORAN: SARAH MEILIANA GUNAWAN"


def visible_text(html: str) -> str:
    """The page as a reader reads it: tags gone, whitespace folded."""
    body = html.split("<body>", 1)[1]
    body = re.sub(r"<script.*?</script>", " ", body, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).strip()


def test_canonical_url_has_section_date_id_and_slug(seed_article):
    assert seed_article.get_absolute_url() == (
        f"/dunia/read/2020/11/08/{seed_article.pk}/"
        "kepada-putin-erdogan-minta-armenia-keluar-dari-nagorno-karabakh"
    )


def test_the_page_reads_in_the_seeds_order(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    text = visible_text(html)
    in_order = [
        "Berita",
        "Presiden Rusia, Vladimir Putin dan Presiden Turki, Recep Tayyip Erdogan/Net",
        "Dunia",
        "Kepada Putin, Erdogan Minta Armenia Keluar Dari Nagorno-Karabakh Jika Ingin Berdamai",
        SEED_DATELINE,
        "Armenia harus serius dalam menjalankan negosiasi damai",
        "Begitu pernyataan Kantor Kepresidenan Turki",
        "Nagorno-Karabakh",
        "Populer",
        "UPDATE",
        "Selengkapnya",
    ]
    position = text.index("Langsung ke isi")
    for expected in in_order:
        found = text.find(expected, position)
        assert found > position, f"{expected!r} missing or out of order"
        position = found


def test_semantic_markup(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert '<html lang="id">' in html
    assert html.count("<h1>") == 1
    assert '<nav class="crumbs" aria-label="Jejak halaman">' in html
    assert re.search(r'<li><a href="/">Berita</a></li>\s*<li><a href="/dunia"', html)
    assert (
        "<figcaption>Presiden Rusia, Vladimir Putin dan Presiden Turki, "
        "Recep Tayyip Erdogan/Net</figcaption>" in html
    )
    assert (
        '<time datetime="2020-11-08T08:06:00+07:00">MINGGU, 08 NOVEMBER 2020 | 08:06 WIB</time>'
        in html
    )
    assert "<article" in html and "<aside" in html and "<main" in html
    assert 'href="#isi"' in html  # skip link
    assert (
        f'<link rel="canonical" href="http://testserver{seed_article.get_absolute_url()}">' in html
    )


def test_html_parses_as_valid_html5(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    html5lib.HTMLParser(strict=True).parse(html)


def test_json_ld_news_article_and_breadcrumbs(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    blocks = [
        json.loads(raw)
        for raw in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    news, crumbs = blocks
    assert news["@type"] == "NewsArticle"
    assert news["headline"].startswith("Kepada Putin")
    assert news["datePublished"] == "2020-11-08T08:06:00+07:00"
    assert news["author"] == {
        "@type": "Person",
        "name": "Sarah Meiliana Gunawan",
        "url": "http://testserver/wartawan/sarah-meiliana-gunawan",
    }
    assert news["articleSection"] == "Dunia"
    assert news["keywords"] == ["Nagorno-Karabakh", "Turki"]
    assert crumbs["@type"] == "BreadcrumbList"
    assert [item["name"] for item in crumbs["itemListElement"]][:2] == ["Berita", "Dunia"]


def test_open_graph_and_twitter_meta(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:title" content="Kepada Putin, Erdogan' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    assert '<meta property="article:published_time" content="2020-11-08T08:06:00+07:00">' in html


def test_populer_lists_seven_most_read_with_the_list_date_format(client, seed_article):
    section = make_section("Politik")
    base = datetime(2026, 1, 5, 16, 47, tzinfo=JAKARTA)
    popular = [
        make_article(title=f"Populer {n}", section=section, published_at=base - timedelta(hours=n))
        for n in range(9)
    ]
    with time_machine.travel(base + timedelta(days=1), tick=False):
        hour = counters.hour_of(timezone.now())
        counters.add_views([(a.pk, hour, 100 - n) for n, a in enumerate(popular)])
        html = client.get(seed_article.get_absolute_url()).content.decode()
    box = html.split('id="populer"', 1)[1].split("</section>", 1)[0]
    titles = re.findall(r">(Populer \d)</a>", box)
    assert titles == [f"Populer {n}" for n in range(7)]
    assert "Senin, 05 Januari 2026 | 16:47" in box


def test_update_lists_the_ten_newest_published(client, seed_article):
    newest = [make_article(title=f"Terbaru {n}") for n in range(12)]
    make_article(title="Masih draf", status=Article.Status.DRAFT)
    make_article(title="Terjadwal", published_at=timezone.now() + timedelta(hours=1))
    html = client.get(seed_article.get_absolute_url()).content.decode()
    box = html.split('id="update"', 1)[1].split("</section>", 1)[0]
    titles = re.findall(r">(Terbaru \d+|Masih draf|Terjadwal)</a>", box)
    assert titles == [a.title for a in newest[:10]]
    assert '<a href="/indeks">Selengkapnya</a>' in box


@pytest.mark.parametrize(
    "wrong",
    [
        "/dunia/read/2020/11/08/{pk}/judul-lama",
        "/politik/read/2020/11/08/{pk}/kepada-putin-erdogan-minta-armenia-keluar-dari-nagorno-karabakh",
        "/dunia/read/2019/01/01/{pk}/kepada-putin-erdogan-minta-armenia-keluar-dari-nagorno-karabakh",
        "/dunia/read/{pk}",
        "/dunia/read/2020/11/{pk}",
    ],
)
def test_wrong_or_old_addresses_redirect_permanently(client, seed_article, wrong):
    response = client.get(wrong.format(pk=seed_article.pk))
    assert response.status_code == 301
    assert response["Location"] == seed_article.get_absolute_url()


def test_unknown_and_unpublished_articles_are_not_found(client, seed_article):
    draft = make_article(status=Article.Status.DRAFT)
    assert client.get("/dunia/read/2020/11/08/999999/x").status_code == 404
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get("/dunia/read/2020/11/08/99999999999999999999999/x").status_code == 404


def test_a_future_article_appears_by_itself_at_its_time(client):
    due = timezone.now() + timedelta(hours=2)
    scheduled = make_article(title="Diumumkan nanti", published_at=due)
    url = scheduled.get_absolute_url()
    assert client.get(url).status_code == 404
    with time_machine.travel(due + timedelta(seconds=1), tick=False):
        assert client.get(url).status_code == 200


def test_query_count_stays_small_whatever_the_archive_size(
    client, seed_article, django_assert_max_num_queries
):
    for _ in range(30):
        make_article()
    # Publishing stores the article's Baca Juga list; make_article() skips the desk.
    related_refresh(article_id=seed_article.pk)
    with django_assert_max_num_queries(8):
        client.get(seed_article.get_absolute_url())
    with django_assert_max_num_queries(3):  # lists come from the cache on the next view
        client.get(seed_article.get_absolute_url())


def test_reader_pages_set_no_cookies_and_may_be_cached(client, seed_article):
    response = client.get(seed_article.get_absolute_url())
    assert not response.cookies
    assert "public" in response["Cache-Control"]
    assert "stale-while-revalidate" in response["Cache-Control"]
    assert "Vary" not in response or "Cookie" not in response["Vary"]


def test_the_page_sends_the_beacon_script(client, seed_article):
    html = client.get(seed_article.get_absolute_url()).content.decode()
    assert f'data-article-id="{seed_article.pk}"' in html
    assert re.search(r'<script src="/static/portal/warta[.\w]*\.js" defer></script>', html)
