"""Home, section, tag, reporter and Indeks pages: content, keyset paging, query counts."""

import re
from datetime import datetime, timedelta

import html5lib
import pytest
from django.utils import timezone

from tests.factories import make_article, make_reporter, make_section, make_tag
from warta.newsroom.models import Article

from .conftest import JAKARTA

pytestmark = pytest.mark.django_db


def titles(html: str) -> list[str]:
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', html)


def next_link(html: str) -> str | None:
    match = re.search(r'<a rel="next" href="([^"]+)"', html)
    return match.group(1).replace("&amp;", "&") if match else None


def walk(client, url: str) -> list[str]:
    """Follow "Berita sebelumnya" links to the end, collecting every title."""
    seen = []
    while url:
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        seen += titles(html)
        url = next_link(html)
    return seen


def test_home_has_lead_story_terkini_populer_and_section_blocks(client):
    politik, hukum = make_section("Politik", position=1), make_section("Hukum", position=2)
    for n in range(14):
        make_article(title=f"Politik {n}", section=politik)
    make_article(title="Hukum baru", section=hukum, published_at=timezone.now() - timedelta(days=2))
    html = client.get("/").content.decode()
    html5lib.HTMLParser(strict=True).parse(html)
    lead = html.split('class="lead-story"', 1)[1].split("</article>", 1)[0]
    assert "Politik 0" in lead
    terkini = html.split('id="terkini"', 1)[1].split("</section>", 1)[0]
    assert titles(terkini) == [f"Politik {n}" for n in range(1, 11)]
    assert 'id="populer"' in html
    assert 'id="blok-politik"' in html and 'id="blok-hukum"' in html
    assert "Hukum baru" in html.split('id="blok-hukum"', 1)[1]


def test_section_page_lists_only_its_section_newest_first_and_pages_by_keyset(client, settings):
    settings.PAGE_SIZE = 5
    dunia, ekonomi = make_section("Dunia"), make_section("Ekonomi")
    made = [make_article(title=f"Dunia {n:02d}", section=dunia) for n in range(12)]
    make_article(title="Ekonomi saja", section=ekonomi)
    collected = walk(client, "/dunia")
    assert collected == [a.title for a in made]  # factory dates each one older than the last


def test_keyset_paging_handles_equal_publication_times(client, settings):
    settings.PAGE_SIZE = 3
    same = timezone.now() - timedelta(hours=1)
    made = [make_article(title=f"Serentak {n}", published_at=same) for n in range(7)]
    collected = walk(client, "/indeks")
    assert sorted(collected) == sorted(a.title for a in made)
    assert len(collected) == 7


def test_tag_and_reporter_pages(client):
    tag = make_tag("Pemilu 2029")
    writer = make_reporter("Budi Santoso")
    make_article(title="Bertag", tags=[tag])
    make_article(title="Tulisan Budi", reporter=writer)
    make_article(title="Lainnya")
    tag_html = client.get(tag.get_absolute_url()).content.decode()
    assert titles(tag_html) == ["Bertag"]
    assert "<h1" in tag_html and "Pemilu 2029" in tag_html
    reporter_html = client.get(writer.get_absolute_url()).content.decode()
    assert titles(reporter_html) == ["Tulisan Budi"]


def test_indeks_filters_by_day_in_the_site_zone(client):
    # 23:30 WIB on the 4th is still the 4th in Jakarta, though 16:30 UTC.
    make_article(title="Tanggal empat", published_at=datetime(2026, 1, 4, 23, 30, tzinfo=JAKARTA))
    make_article(title="Tanggal lima", published_at=datetime(2026, 1, 5, 0, 10, tzinfo=JAKARTA))
    html = client.get("/indeks?tanggal=2026-01-05").content.decode()
    assert titles(html) == ["Tanggal lima"]
    assert "Indeks Berita: Senin, 05 Januari 2026" in html
    assert titles(client.get("/indeks?tanggal=2026-01-04").content.decode()) == ["Tanggal empat"]


def test_indeks_day_filter_survives_paging(client, settings):
    settings.PAGE_SIZE = 2
    day = datetime(2026, 1, 5, 12, 0, tzinfo=JAKARTA)
    for n in range(5):
        make_article(title=f"Hari itu {n}", published_at=day - timedelta(minutes=n))
    make_article(title="Hari lain", published_at=day - timedelta(days=1))
    assert walk(client, "/indeks?tanggal=2026-01-05") == [f"Hari itu {n}" for n in range(5)]


def test_indeks_hides_drafts_and_future_articles(client):
    make_article(title="Sudah terbit")
    make_article(title="Draf", status=Article.Status.DRAFT)
    make_article(title="Nanti", published_at=timezone.now() + timedelta(minutes=5))
    assert titles(client.get("/indeks").content.decode()) == ["Sudah terbit"]


@pytest.mark.parametrize("url", ["/", "/indeks", "/dunia", "/tag/{tag}", "/wartawan/{reporter}"])
def test_list_pages_cost_the_same_queries_at_any_size(client, url, django_assert_max_num_queries):
    tag, reporter = make_tag("Ekonomi"), make_reporter()
    for _ in range(60):
        make_article(section=make_section("Dunia"), tags=[tag], reporter=reporter)
    url = url.format(tag=tag.slug, reporter=reporter.slug)
    client.get(url)  # fill the short-list caches
    with django_assert_max_num_queries(4):
        response = client.get(url)
    assert response.status_code == 200
    deep = next_link(response.content.decode())
    if deep:
        with django_assert_max_num_queries(4):
            assert client.get(deep).status_code == 200


def test_the_managing_editors_placement_shapes_the_home_page(client):
    make_article(title="Terbaru sekali")
    headline = make_article(
        title="Headline pilihan", published_at=timezone.now() - timedelta(hours=3)
    )
    Article.objects.filter(pk=headline.pk).update(is_headline=True)
    pick = make_article(title="Pilihan redaksi", published_at=timezone.now() - timedelta(days=3))
    Article.objects.filter(pk=pick.pk).update(is_editors_pick=True)
    breaking = make_article(title="Gempa besar", published_at=timezone.now() - timedelta(hours=1))
    Article.objects.filter(pk=breaking.pk).update(is_breaking=True)
    html = client.get("/").content.decode()
    lead = html.split('class="lead-story"', 1)[1].split("</article>", 1)[0]
    assert "Headline pilihan" in lead
    assert "Terbaru sekali" in html.split('id="terkini"', 1)[1]
    picks = html.split('id="pilihan"', 1)[1].split("</section>", 1)[0]
    assert "Pilihan redaksi" in picks
    bar = html.split('id="breaking"', 1)[1].split("</section>", 1)[0]
    assert "Gempa besar" in bar


def test_an_old_headline_or_breaking_flag_expires_by_itself(client):
    old = make_article(title="Headline kemarin", published_at=timezone.now() - timedelta(days=2))
    Article.objects.filter(pk=old.pk).update(is_headline=True, is_breaking=True)
    make_article(title="Berita baru")
    html = client.get("/").content.decode()
    assert "Berita baru" in html.split('class="lead-story"', 1)[1].split("</article>", 1)[0]
    assert 'id="breaking"' not in html
