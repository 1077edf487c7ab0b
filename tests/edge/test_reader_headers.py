"""What every reader answer tells browsers and shared caches.

Each page type is public for PAGE_CACHE_SECONDS with stale-while-revalidate, carries
an ETag that turns a repeat request into a 304, sets no cookie and varies on nothing:
a shared cache keeps one copy per address. The answers that replace a page (301,
410) are cacheable like pages; a 404 only briefly, since it may be an article about
to appear. The desk and previews stay private.
"""

import pytest
from django.conf import settings

from tests.desk.people import make_user
from tests.factories import make_article, make_reporter, make_section, make_tag
from warta.common.http_cache import MISSING_PAGE_SECONDS
from warta.desk.roles import EDITOR
from warta.newsroom.models import Article

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    section = make_section("Politik")
    reporter = make_reporter("Rina Wulandari")
    tag = make_tag("Pemilu")
    article = make_article(
        title="DPR sahkan undang-undang pemilu",
        section=section,
        reporter=reporter,
        tags=[tag],
    )
    withdrawn = make_article(section=section, status=Article.Status.WITHDRAWN)
    return {"article": article, "withdrawn": withdrawn}


def reader_pages(site) -> list[str]:
    """One address of every page type readers and machines read, all answering 200."""
    article = site["article"]
    day = article.published_at.date().isoformat()
    return [
        "/",
        article.get_absolute_url(),
        "/politik",
        "/tag/pemilu",
        "/wartawan/rina-wulandari",
        "/indeks",
        f"/indeks?tanggal={day}",
        "/ralat",
        "/cari",
        "/cari?q=undang-undang+pemilu",
        "/feed/rss",
        "/feed/atom",
        "/feed/rubrik/politik/rss",
        "/feed/tag/pemilu/atom",
        "/feed/wartawan/rina-wulandari/rss",
        "/sitemap.xml",
        "/sitemap-rubrik.xml",
        "/sitemap-news.xml",
        "/robots.txt",
        "/api/v1/articles",
        f"/api/v1/articles/{article.pk}",
    ]


def other_answers(site) -> dict[str, int]:
    """Addresses that answer something else than the page, and what they answer."""
    article = site["article"]
    return {
        "/tidak-ada-halaman-ini": 404,
        "/tag/tidak-ada": 404,
        f"/politik/read/2001/01/01/{article.pk + 1000}/hilang": 404,
        site["withdrawn"].get_absolute_url(): 410,
        article.get_absolute_url().replace(article.slug, "judul-lama"): 301,
        f"/politik/read/{article.pk}": 301,
        "/indeks?tanggal=kemarin": 400,
        "/cari?q=" + "x" * 5000: 200,
    }


def directives(response) -> dict[str, str]:
    found = {}
    for part in response.get("Cache-Control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            found[name] = value
    return found


def test_every_reader_page_is_public_briefly_and_stale_while_revalidating(client, site):
    for url in reader_pages(site):
        response = client.get(url)
        assert response.status_code == 200, url
        assert directives(response) == {
            "public": "",
            "max-age": str(settings.PAGE_CACHE_SECONDS),
            "s-maxage": str(settings.PAGE_CACHE_SECONDS),
            "stale-while-revalidate": str(settings.PAGE_STALE_SECONDS),
        }, url


def test_every_reader_page_answers_a_matching_etag_with_304(client, site):
    for url in reader_pages(site):
        page = client.get(url)
        etag = page["ETag"]
        assert etag.startswith('"'), url
        again = client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304, url
        assert again.content == b""
        # The 304 renews the cached copy for as long as the page itself would.
        assert directives(again) == directives(page), url
        changed = client.get(url, headers={"If-None-Match": '"an-older-version"'})
        assert changed.status_code == 200 and changed.content == page.content, url


def test_an_edit_changes_the_article_pages_etag(client, site):
    article = site["article"]
    etag = client.get(article.get_absolute_url())["ETag"]
    Article.objects.filter(pk=article.pk).update(lead="Teras yang diperbaiki.")
    again = client.get(article.get_absolute_url(), headers={"If-None-Match": etag})
    assert again.status_code == 200
    assert again["ETag"] != etag


def test_feeds_also_answer_if_modified_since(client, site):
    for url in ("/feed/rss", "/feed/rubrik/politik/atom"):
        last_modified = client.get(url)["Last-Modified"]
        again = client.get(url, headers={"If-Modified-Since": last_modified})
        assert again.status_code == 304, url


def test_no_reader_answer_sets_a_cookie_or_varies(client, site):
    answers = {url: 200 for url in reader_pages(site)} | other_answers(site)
    for url, status in answers.items():
        # The read API offers GET only (nginx turns a HEAD into a GET anyway).
        methods = (client.get,) if url.startswith("/api/") else (client.get, client.head)
        for method in methods:
            response = method(url)
            assert response.status_code == status, url
            assert not response.cookies, url
            assert "Set-Cookie" not in response, url
            # One copy per address: nothing on the reader site depends on a cookie or
            # the language header (nginx adds Accept-Encoding when it compresses).
            assert "Vary" not in response, (url, response["Vary"])


def test_a_withdrawn_article_and_redirects_are_cacheable_like_pages(client, site):
    for url, status in other_answers(site).items():
        if status not in (301, 410):
            continue
        response = client.get(url)
        assert response.status_code == status, url
        assert directives(response)["s-maxage"] == str(settings.PAGE_CACHE_SECONDS), url


def test_a_missing_page_is_cacheable_only_briefly(client, site):
    for url, status in other_answers(site).items():
        if status != 404:
            continue
        response = client.get(url)
        assert response.status_code == 404
        assert directives(response) == {
            "public": "",
            "max-age": str(MISSING_PAGE_SECONDS),
            "s-maxage": str(MISSING_PAGE_SECONDS),
        }, url


def test_a_bad_request_is_not_stored(client, site):
    response = client.get("/indeks?tanggal=kemarin")
    assert response.status_code == 400
    assert "Cache-Control" not in response


def test_the_desk_and_previews_stay_private(client, site):
    login = client.get("/redaksi/login/")
    assert "public" not in directives(login)
    assert "public" not in directives(client.get("/redaksi/tidak-ada/"))
    assert "public" not in directives(client.get("/pratinjau/bukan-token"))
    client.force_login(make_user(EDITOR))
    desk = client.get("/redaksi/")
    assert desk.status_code == 200
    assert "public" not in directives(desk)


def test_a_logged_in_editor_reading_the_site_gets_the_public_page(client, site):
    # The desk's cookies are scoped to /redaksi/, so a browser sends none to the
    # reader site; even if one arrives, the page neither reads nor sets it.
    url = site["article"].get_absolute_url()
    anonymous = client.get(url)
    client.force_login(make_user(EDITOR))
    editor = client.get(url)
    assert editor.content == anonymous.content
    assert editor["ETag"] == anonymous["ETag"]
    assert not editor.cookies and "Vary" not in editor
