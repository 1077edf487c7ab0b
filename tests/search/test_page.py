"""The Cari page: any input gives results or an empty page, never an error."""

import pytest

from tests.factories import make_article
from tests.portal.nu_checker import html_errors, needs_java
from tests.search.conftest import changed

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"',
    '"""',
    "'",
    "*",
    "bangun*",
    "NEAR(",
    "NEAR(a b, 2)",
    "AND OR NOT",
    "title:bangun",
    "^bangun",
    "-bangun",
    "a" * 10_240,
    "bangun " * 2000,
    "'; DROP TABLE newsroom_article; --",
    "1 OR 1=1",
    "\x00bangun",
    "bangun\x00",
    "🏗️ 🇮🇩 bangun",
    "\u202ebangun\u202c",
    "\u200f\u200e",
    "بناء",
    "ｂａｎｇｕｎ",
    "!:&|<->()",
    "%",
    "_",
    "\\",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_input_never_errors(client, query):
    changed(make_article(title="Pembangunan jalan tol"))
    response = client.get("/cari", {"q": query, "rubrik": query[:70], "halaman": query[:10]})
    assert response.status_code == 200


def test_results_page(client):
    changed(
        make_article(title="Pembangunan <b>jalan</b> tol", lead="Jalan tol dibangun & diresmikan.")
    )
    response = client.get("/cari", {"q": "membangun"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert "Hasil pencarian untuk" in html
    assert "<mark>dibangun</mark>" in html
    assert "&amp; diresmikan" in html
    assert "<b>jalan</b>" not in html


def test_no_results(client):
    response = client.get("/cari", {"q": "zzzzqqq"})
    assert "Tidak ada hasil" in response.content.decode()


def test_query_is_escaped(client):
    response = client.get("/cari", {"q": "<script>alert(1)</script>"})
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_empty_query_shows_the_form(client):
    response = client.get("/cari")
    assert response.status_code == 200
    assert 'name="q"' in response.content.decode()


@needs_java
def test_the_results_page_is_valid_html5(client, tmp_path):
    changed(make_article(title="Pembangunan jalan tol", lead="Jalan tol dibangun."))
    pages = {"cari": "/cari?q=bangun", "cari-kosong": "/cari?q=zzz", "cari-awal": "/cari"}
    assert html_errors(client, pages, tmp_path) == []
