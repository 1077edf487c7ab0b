"""A reader address typed with a trailing slash leads to the page, not to a 404."""

import pytest

from tests.factories import make_article, make_reporter, make_section, make_tag
from warta.portal.trailing_slash import _without_trailing_slash

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    return make_article(
        section=make_section("Dunia"), tags=[make_tag("Uji")], reporter=make_reporter()
    )


@pytest.mark.parametrize(
    "typed, meant",
    [
        ("/indeks/", "/indeks"),
        ("/indeks/?tanggal=2026-01-05", "/indeks?tanggal=2026-01-05"),
        ("/dunia/", "/dunia"),
        ("/dunia//", "/dunia"),
        ("/tag/uji/", "/tag/uji"),
        ("/cari/?q=erdogan", "/cari?q=erdogan"),
        ("/ralat/", "/ralat"),
    ],
)
def test_a_trailing_slash_is_a_permanent_redirect_to_the_address_without_it(
    client, article, typed, meant
):
    response = client.get(typed)
    assert response.status_code == 301
    assert response["Location"] == meant


def test_an_article_address_with_a_slash_reaches_the_article(client, article):
    response = client.get(article.get_absolute_url() + "/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == article.get_absolute_url()


@pytest.mark.parametrize("path", ["/tidak-ada/", "/redaksi/tidak-ada/"])
def test_what_is_missing_without_the_slash_stays_a_404_and_never_leaves_the_site(client, path):
    response = client.get(path)
    if response.status_code == 301:
        # An unknown section still has a reader address; it must stay on this site.
        assert response["Location"].startswith("/") and not response["Location"].startswith("//")
        assert client.get(response["Location"]).status_code == 404
    else:
        assert response.status_code in {302, 404}


def test_a_path_that_a_browser_reads_as_another_host_is_never_a_target():
    # The test client reads "//contoh.com/" as a host, so the rule is checked directly.
    assert _without_trailing_slash("//contoh.com/") is None
    assert _without_trailing_slash("///contoh.com//") is None


def test_a_post_with_a_slash_is_not_redirected(client, article):
    assert client.post("/indeks/").status_code != 301
