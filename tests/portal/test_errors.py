"""Integration tests: requests the reader site refuses get its own Indonesian pages,
never Django's stock ones, with the security headers every answer carries."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

STOCK_PAGES = ("CSRF verification failed", "Forbidden", "Terlarang", "<title>403")


@pytest.fixture
def browser():
    """A client that checks CSRF tokens as the site does (Django's test client skips it)."""
    return Client(enforce_csrf_checks=True)


def _reader_paths(article) -> list[str]:
    return ["/", article.get_absolute_url(), "/indeks", "/indeks?tanggal=2020-11-08"]


def _assert_site_page(response, heading: str) -> None:
    page = response.content.decode()
    assert '<html lang="id"' in page
    assert heading in page
    assert not any(stock in page for stock in STOCK_PAGES)
    assert "default-src" in response["Content-Security-Policy"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete", "options"])
def test_reader_pages_answer_other_methods_with_the_sites_405(browser, seed_article, method):
    for path in _reader_paths(seed_article):
        response = getattr(browser, method)(path, data="judul=x", content_type="text/plain")
        assert response.status_code == 405, path
        assert response["Allow"] == "GET, HEAD"
        _assert_site_page(response, "Permintaan tidak didukung")


def test_reader_pages_still_answer_get_and_head(browser, seed_article):
    for path in _reader_paths(seed_article):
        assert browser.get(path).status_code == 200, path
        assert browser.head(path).status_code == 200, path


def test_a_form_without_a_valid_token_gets_the_sites_403(browser):
    response = browser.post("/redaksi/login/", {"username": "redaktur", "password": "x"})
    assert response.status_code == 403
    _assert_site_page(response, "tanda keamanannya tidak sah")


def test_the_beacon_keeps_its_own_methods(browser, seed_article):
    response = browser.post("/b", str(seed_article.id), content_type="text/plain")
    assert response.status_code == 204
    assert browser.get("/b").status_code == 405
