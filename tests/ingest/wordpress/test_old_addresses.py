"""Every address the WordPress site used answers 301 to where the content is now."""

from io import BytesIO

import pytest

from warta.ingest.wordpress import import_wordpress
from warta.newsroom.models import Article

from .conftest import post, wxr

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported():
    """Post 101 of the default site, published; returns a getter for its article."""
    import_wordpress(BytesIO(wxr(post(101, slug="kpk-tahan-tersangka")).encode()))
    return lambda: Article.objects.get(wordpress_post__post_id=101)


@pytest.mark.parametrize(
    "old",
    [
        "/?p=101",
        "/index.php?p=101",
        "/2024/05/14/kpk-tahan-tersangka/",
        "/2024/05/14/kpk-tahan-tersangka",
        "/2024/05/kpk-tahan-tersangka/",
        "/2024/05/kpk-tahan-tersangka",
        "/kpk-tahan-tersangka/",
        "/kpk-tahan-tersangka",
        "/2024/05/14/KPK-Tahan-Tersangka/",
        # A wrong date in an old link finds the post by its slug, as WordPress does.
        "/2023/01/30/kpk-tahan-tersangka/",
    ],
)
def test_each_permalink_form_redirects_permanently_to_the_article(client, imported, old):
    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == imported().get_absolute_url()
    assert client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    "old",
    [
        "/2024/05/14/%E6%97%A5%E6%9C%AC-berita/",
        "/2024/05/14/%e6%97%a5%e6%9c%ac-berita",
        "/%e6%97%a5%e6%9c%ac-berita/",
    ],
)
def test_a_percent_encoded_slug_redirects_however_it_is_encoded(client, old):
    import_wordpress(BytesIO(wxr(post(101, slug="%e6%97%a5%e6%9c%ac-berita")).encode()))

    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == Article.objects.get().get_absolute_url()


def test_a_custom_permalink_structure_is_taken_from_the_posts_link(client):
    link = "https://lama.example.com/politik/kpk-tahan-tersangka.html"
    import_wordpress(BytesIO(wxr(post(101, link=link)).encode()))

    response = client.get("/politik/kpk-tahan-tersangka.html")

    assert response.status_code == 301
    assert response["Location"] == Article.objects.get().get_absolute_url()


def test_a_site_in_a_subfolder_keeps_its_folder_in_the_old_addresses(client):
    site = "https://example.com/berita"
    import_wordpress(BytesIO(wxr(post(101, site=site), site=site).encode()))

    assert client.get("/berita/2024/05/14/berita-101/").status_code == 301
    assert client.get("/berita/category/politik/")["Location"] == "/politik"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/category/politik/", "/politik"),
        ("/category/nasional/politik/", "/politik"),  # the parent's path as WordPress built it
        ("/category/politik", "/politik"),
        ("/category/nasional/", "/tag/nasional"),  # a second category became a tag
        ("/tag/korupsi/", "/tag/korupsi"),
    ],
)
def test_category_and_tag_archives_redirect_to_sections_and_tags(client, old, new):
    export = wxr(post(101, categories=[("politik", "Politik"), ("nasional", "Nasional")]))
    import_wordpress(BytesIO(export.encode()))

    response = client.get(old)

    assert (response.status_code, response["Location"]) == (301, new)


def test_a_slug_changed_after_the_migration_is_followed(client, imported):
    Article.objects.filter(pk=imported().pk).update(slug="judul-baru")

    response = client.get("/2024/05/14/kpk-tahan-tersangka/")

    assert response["Location"] == imported().get_absolute_url()
    assert response["Location"].endswith("/judul-baru")


def test_a_withdrawn_articles_old_address_leads_to_its_410(client, imported):
    Article.objects.filter(pk=imported().pk).update(status=Article.Status.WITHDRAWN)

    response = client.get("/kpk-tahan-tersangka/", follow=True)

    assert response.redirect_chain == [(imported().get_absolute_url(), 301)]
    assert response.status_code == 410


def test_a_drafts_old_addresses_stay_404(client):
    import_wordpress(BytesIO(wxr(post(101, status="draft")).encode()))

    assert client.get("/2024/05/14/berita-101/").status_code == 404
    assert client.get("/?p=101").status_code == 200  # the home page, no redirect


@pytest.mark.parametrize("query", ["?p=999", "?p=abc", "?p=" + "9" * 40, "?p="])
def test_a_p_that_names_no_imported_post_leaves_the_home_page_alone(client, imported, query):
    response = client.get("/" + query)

    assert response.status_code == 200


def test_unknown_addresses_stay_404_and_current_pages_are_untouched(client, imported):
    assert client.get("/2024/05/14/tidak-ada/").status_code == 404
    assert client.get("/" + "x/" * 5000).status_code == 404
    assert client.get("/politik").status_code == 200
    assert client.get(imported().get_absolute_url()).status_code == 200


def test_a_post_to_an_old_address_is_not_redirected(client, imported):
    assert client.post("/kpk-tahan-tersangka/").status_code == 404
