"""A reader opens the seed article in Chromium: structure, formats, and a counted view."""

import re
import time

import pytest

pytestmark = pytest.mark.browser

SEED_DATELINE = "MINGGU, 08 NOVEMBER 2020 | 08:06 WIB | LAPORAN: SARAH MEILIANA GUNAWAN"
LIST_TIME = re.compile(
    r"^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{2} "
    r"(Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) "
    r"\d{4} \| \d{2}:\d{2}$"
)


def seed_article_id(site) -> int:
    (row,) = site.query("SELECT id FROM newsroom_article WHERE title LIKE 'Kepada Putin,%'")
    return row[0]


def views_of(site, article_id: int) -> int:
    (row,) = site.query(
        "SELECT COALESCE(SUM(views), 0) FROM audience_articleviewhour WHERE article_id = ?",
        (article_id,),
    )
    return row[0]


def test_the_seed_article_reads_like_the_reference_page(served_site, page, tmp_path):
    article_id = seed_article_id(served_site)
    page.goto(f"{served_site.base_url}/dunia/read/{article_id}")  # short link → canonical
    assert re.search(rf"/dunia/read/2020/11/08/{article_id}/[a-z0-9-]+$", page.url)

    story = page.locator("article.story")
    assert story.locator(".crumbs li").all_inner_texts() == ["Berita", "Dunia"]
    assert story.locator("figcaption").inner_text() == (
        "Presiden Rusia, Vladimir Putin dan Presiden Turki, Recep Tayyip Erdogan/Net"
    )
    assert story.locator(".kicker").inner_text().strip().upper() == "DUNIA"
    assert story.locator("h1").inner_text().startswith("Kepada Putin, Erdogan Minta Armenia")
    assert story.locator(".dateline").inner_text() == SEED_DATELINE
    image = story.locator("figure img")
    assert image.get_attribute("alt")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")

    populer = page.locator("#populer + .headlines li")
    assert populer.count() == 7
    update = page.locator("#update + .headlines li")
    assert update.count() == 10
    for item in populer.all() + update.all():
        assert LIST_TIME.match(item.locator("time").inner_text()), item.inner_text()
    page.screenshot(path=str(tmp_path / "article.png"), full_page=True)

    page.get_by_role("link", name="Selengkapnya").click()
    page.wait_for_url(re.compile(r"/indeks$"))
    assert page.locator("h1").inner_text() == "Indeks Berita"


def test_opening_an_article_counts_one_view(served_site, page):
    (row,) = served_site.query(
        "SELECT id FROM newsroom_article WHERE status = 'published' AND id != ? "
        "ORDER BY published_at DESC LIMIT 1 OFFSET 20",
        (seed_article_id(served_site),),
    )
    article_id = row[0]
    before = views_of(served_site, article_id)
    page.goto(f"{served_site.base_url}/x/read/{article_id}")
    deadline = time.monotonic() + 15
    while views_of(served_site, article_id) == before and time.monotonic() < deadline:
        time.sleep(0.25)
    assert views_of(served_site, article_id) == before + 1

    page.reload()  # the same reader again, within 30 minutes: not another view
    time.sleep(2.5)
    assert views_of(served_site, article_id) == before + 1


def test_the_skip_link_is_the_first_stop_for_keyboard_readers(served_site, page):
    page.goto(served_site.base_url + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Langsung ke isi"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"


def test_pages_fit_a_360_px_phone_without_sideways_scrolling(served_site, phone, tmp_path):
    for path in ("/", "/indeks", "/dunia", f"/dunia/read/{seed_article_id(served_site)}"):
        phone.goto(served_site.base_url + path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360, path
    phone.screenshot(path=str(tmp_path / "phone.png"), full_page=False)


def test_a_reader_searches_with_indonesian_word_forms(served_site, page):
    page.goto(served_site.base_url + "/")
    page.fill("#kotak-cari", "pertempuran Nagorno-Karabakh")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/cari\?q="))
    results = page.locator(".listing .card h2, .listing .card h3")
    assert results.count() >= 1
    assert "Kepada Putin, Erdogan" in results.first.inner_text()
    assert page.locator(".snippet mark").count() >= 1
