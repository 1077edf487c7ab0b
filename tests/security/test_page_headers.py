"""Every page tells the browser what it may do: run scripts and styles from this site
only, nothing inline, no plugins, never inside a frame, no sniffing, no referrer path
to other sites, no camera or microphone. Reader pages, the desk, the read API and the
error pages alike.

Reader pages are stored by nginx and CDNs for the next reader, so their policy is the
same on every answer: no nonce, and no inline code that would need one. The desk's
article form needs a nonce (the prose editor's import map) and is never stored.
"""

import pytest
from django.test import Client, override_settings
from django.urls import path

from tests.desk.people import make_user
from tests.edge.test_reader_headers import other_answers, reader_pages
from tests.factories import make_article, make_photo, make_reporter, make_section, make_tag
from tests.security.policy import assert_page_headers, csp, inline_code, nonce_of
from warta.desk.admin.articles import EDITOR_STYLE_HASH
from warta.desk.previews import preview_token
from warta.desk.roles import EDITOR
from warta.newsroom.models import Article
from warta.urls import urlpatterns as site_urlpatterns

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
        lead_photo=make_photo("Rapat paripurna DPR"),
    )
    withdrawn = make_article(section=section, status=Article.Status.WITHDRAWN)
    draft = make_article(section=section, status=Article.Status.DRAFT)
    return {"article": article, "withdrawn": withdrawn, "draft": draft}


@pytest.fixture
def editor_client(client):
    client.force_login(make_user(EDITOR))
    return client


def desk_pages(site) -> list[str]:
    article, photo = site["article"], site["article"].lead_photo
    return [
        "/redaksi/",
        "/redaksi/newsroom/article/",
        "/redaksi/newsroom/article/?q=pemilu",
        "/redaksi/newsroom/article/add/",
        f"/redaksi/newsroom/article/{article.pk}/change/",
        f"/redaksi/newsroom/article/{article.pk}/revisi/",
        "/redaksi/newsroom/photo/",
        "/redaksi/newsroom/photo/add/",
        f"/redaksi/newsroom/photo/{photo.pk}/change/",
        "/redaksi/newsroom/photo/?_to_field=id&_popup=1",
        "/redaksi/password_change/",
    ]


def test_every_reader_answer_carries_the_policy_and_no_inline_code(client, site):
    answers = {url: 200 for url in reader_pages(site)} | other_answers(site)
    answers[f"/pratinjau/{preview_token(site['draft'])}"] = 200
    answers["/api/v1/tidak-ada"] = 404
    for url, status in answers.items():
        response = client.get(url)
        assert response.status_code == status, url
        assert_page_headers(response, url)
        assert nonce_of(response) is None, url
        if response.get("Content-Type", "").startswith("text/html") and response.content:
            assert inline_code(response.content.decode()) == [], url


def test_a_reader_pages_headers_are_the_same_for_every_reader(site):
    # A shared cache hands one reader's copy to the next: nothing in it may be personal.
    url = site["article"].get_absolute_url()
    first, second = Client().get(url), Client().get(url)
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]
    assert first.content == second.content
    assert "Vary" not in first


def test_the_desk_login_carries_the_policy(client):
    response = client.get("/redaksi/login/")
    assert response.status_code == 200
    assert_page_headers(response, "login")
    assert inline_code(response.content.decode()) == []


def test_every_desk_page_carries_the_policy_and_only_nonced_inline_code(editor_client, site):
    for url in desk_pages(site):
        response = editor_client.get(url)
        assert response.status_code == 200, url
        assert_page_headers(response, url)
        nonce = nonce_of(response)
        # The only inline code on the desk is a script carrying this answer's nonce.
        for found in inline_code(response.content.decode()):
            assert nonce is not None and found == f"script nonce={nonce}", (url, found)


def test_the_article_form_allows_its_import_map_by_a_fresh_nonce(editor_client, site):
    url = f"/redaksi/newsroom/article/{site['article'].pk}/change/"
    first, second = editor_client.get(url), editor_client.get(url)
    nonce = nonce_of(first)
    assert nonce and nonce != nonce_of(second)
    assert f'<script type="importmap" nonce="{nonce}">' in first.content.decode()
    # ... and the editor's own stylesheet by its hash; nothing else inline.
    assert csp(first)["style-src"] == ["'self'", EDITOR_STYLE_HASH]
    # Never stored by a cache: the nonce is this answer's alone.
    assert "no-store" in first["Cache-Control"] and "private" in first["Cache-Control"]


def test_a_page_that_needs_no_nonce_gets_none(editor_client, site):
    response = editor_client.get("/redaksi/newsroom/article/")
    assert nonce_of(response) is None
    assert csp(response)["style-src"] == ["'self'"]


def _broken_view(request):
    raise RuntimeError("a bug")


urlpatterns = [path("rusak", _broken_view), *site_urlpatterns]


@override_settings(ROOT_URLCONF=__name__)
def test_the_500_page_carries_the_policy_and_no_inline_code():
    client = Client(raise_request_exception=False)
    response = client.get("/rusak")
    assert response.status_code == 500
    assert_page_headers(response, "500")
    html = response.content.decode()
    assert "Terjadi gangguan" in html
    assert inline_code(html) == []
    assert 'rel="stylesheet"' in html
