"""What each reader page type tells machines: JSON-LD (schema.org), Open Graph, Twitter
cards, canonical URLs, feed links and lang="id", read back with real parsers."""

import json
import re
from datetime import datetime, timedelta

import html5lib
import pytest
from django.utils import timezone

from tests.factories import make_article, make_photo, make_reporter, make_section, make_tag
from warta.newsroom.models import Article

from .conftest import JAKARTA

pytestmark = pytest.mark.django_db

OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$")
SITE = "http://testserver"


class Page:
    """A reader page as machines read it: the parsed document and its head."""

    def __init__(self, response):
        assert response.status_code in (200, 410), response.status_code
        self.html = response.content.decode()
        self.document = html5lib.parse(self.html, namespaceHTMLElements=False)
        self.head = self.document.find("head")

    @property
    def blocks(self) -> list[dict]:
        scripts = self.document.iter("script")
        return [json.loads(s.text) for s in scripts if s.get("type") == "application/ld+json"]

    def block(self, schema_type: str) -> dict:
        (found,) = [block for block in self.blocks if block["@type"] == schema_type]
        assert found["@context"] == "https://schema.org"
        return found

    def meta(self, key: str) -> str | None:
        for element in self.head.iter("meta"):
            if key in (element.get("property"), element.get("name")):
                return element.get("content")
        return None

    def links(self, rel: str) -> list[dict]:
        return [dict(link.attrib) for link in self.head.iter("link") if link.get("rel") == rel]

    @property
    def canonical(self) -> str | None:
        found = self.links("canonical")
        assert len(found) <= 1
        return found[0]["href"] if found else None


def page(client, url: str) -> Page:
    return Page(client.get(url))


def photo_with_rendition():
    photo = make_photo("Suasana sidang", "Antara")
    photo.renditions = [{"width": 800, "height": 450, "path": "photos/2026/01/sidang-800.webp"}]
    photo.save()
    return photo


@pytest.fixture
def archive(db):
    """A section, a tag and a reporter with enough articles for a second list page."""
    section, tag = make_section("Dunia"), make_tag("Turki")
    reporter = make_reporter("Sarah Meiliana Gunawan")
    photo = photo_with_rendition()
    articles = [
        make_article(section=section, tags=[tag], reporter=reporter, lead_photo=photo)
        for _ in range(25)
    ]
    return {"section": section, "tag": tag, "reporter": reporter, "articles": articles}


def test_article_page_news_article_has_every_field_search_engines_read(client):
    reporter = make_reporter("Sarah Meiliana Gunawan")
    published = datetime(2020, 11, 8, 8, 6, tzinfo=JAKARTA)
    article = make_article(
        title="Erdogan & Putin <bicara>",
        lead="Teras tentang Nagorno-Karabakh.",
        section=make_section("Dunia"),
        reporter=reporter,
        published_at=published,
        lead_photo=photo_with_rendition(),
        tags=[make_tag("Turki"), make_tag("Nagorno-Karabakh")],
    )
    url = SITE + article.get_absolute_url()
    found = page(client, article.get_absolute_url())
    news = found.block("NewsArticle")
    assert news["headline"] == "Erdogan & Putin <bicara>"
    assert news["description"] == "Teras tentang Nagorno-Karabakh."
    assert news["mainEntityOfPage"] == news["url"] == url == found.canonical
    assert news["image"] == [f"{SITE}/media/photos/2026/01/sidang-800.webp"]
    assert news["datePublished"] == "2020-11-08T08:06:00+07:00"
    assert OFFSET.match(news["dateModified"])
    assert news["dateModified"] >= news["datePublished"]
    assert news["author"] == {
        "@type": "Person",
        "name": "Sarah Meiliana Gunawan",
        "url": f"{SITE}/wartawan/sarah-meiliana-gunawan",
    }
    publisher = news["publisher"]
    assert publisher["@type"] == "Organization"
    assert publisher["name"] == "Warta"
    assert publisher["url"] == f"{SITE}/"
    assert publisher["logo"]["@type"] == "ImageObject"
    assert publisher["logo"]["url"] == f"{SITE}/static/portal/logo.png"
    assert (publisher["logo"]["width"], publisher["logo"]["height"]) == (600, 60)
    assert news["articleSection"] == "Dunia"
    assert news["keywords"] == ["Nagorno-Karabakh", "Turki"]
    assert news["inLanguage"] == "id"


def test_headline_is_cut_to_110_characters_and_photoless_article_has_no_image(client):
    article = make_article(title="Kata " * 40)
    news = page(client, article.get_absolute_url()).block("NewsArticle")
    assert len(news["headline"]) == 110
    assert "image" not in news
    assert "keywords" not in news


def test_scheduled_article_is_never_modified_before_it_was_published(client):
    article = make_article(status=Article.Status.SCHEDULED)
    Article.objects.filter(pk=article.pk).update(updated_at=article.published_at - timedelta(1))
    news = page(client, article.get_absolute_url()).block("NewsArticle")
    assert news["dateModified"] == news["datePublished"]


def test_article_breadcrumbs_lead_from_home_through_section_to_the_article(client):
    article = make_article(title="Judul berita", section=make_section("Dunia"))
    crumbs = page(client, article.get_absolute_url()).block("BreadcrumbList")
    assert crumbs["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Berita", "item": f"{SITE}/"},
        {"@type": "ListItem", "position": 2, "name": "Dunia", "item": f"{SITE}/dunia"},
        {
            "@type": "ListItem",
            "position": 3,
            "name": "Judul berita",
            "item": SITE + article.get_absolute_url(),
        },
    ]


def test_script_end_tag_in_a_title_cannot_break_out_of_the_json_ld(client):
    title = 'Awas </script><script>alert("x")</script> & <!-- komentar'
    article = make_article(title=title)
    found = page(client, article.get_absolute_url())
    assert found.block("NewsArticle")["headline"] == title
    assert found.block("BreadcrumbList")["itemListElement"][-1]["name"] == title
    # Had the title ended the element, its script would stand on its own, with no type.
    inline = [s.get("type") for s in found.document.iter("script") if not s.get("src")]
    assert inline == ["application/ld+json", "application/ld+json"]


def test_home_page_names_the_site_its_search_and_the_publisher(client, settings):
    settings.SITE_SAME_AS = ["https://x.com/warta", "https://id.wikipedia.org/wiki/Warta"]
    make_article(lead_photo=photo_with_rendition())
    found = page(client, "/")
    website = found.block("WebSite")
    assert website["name"] == "Warta"
    assert website["url"] == f"{SITE}/"
    assert website["inLanguage"] == "id"
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["@type"] == "EntryPoint"
    assert action["target"]["urlTemplate"] == f"{SITE}/cari?q={{search_term_string}}"
    assert action["query-input"] == "required name=search_term_string"
    organization = found.block("Organization")
    assert organization["name"] == "Warta"
    assert organization["url"] == f"{SITE}/"
    assert organization["logo"]["url"] == f"{SITE}/static/portal/logo.png"
    assert organization["sameAs"] == settings.SITE_SAME_AS
    # The search action's template really searches.
    query = action["target"]["urlTemplate"].replace("{search_term_string}", "berita")
    assert client.get(query.removeprefix(SITE)).status_code == 200


def test_organization_has_no_same_as_unless_configured(client, settings):
    settings.SITE_SAME_AS = []
    assert "sameAs" not in page(client, "/").block("Organization")


@pytest.mark.parametrize(
    ("kind", "name"),
    [("section", "Dunia"), ("tag", "Tag: Turki"), ("reporter", "Sarah Meiliana Gunawan")],
)
def test_list_pages_carry_breadcrumbs_and_the_articles_they_show(client, archive, kind, name):
    url = archive[kind].get_absolute_url()
    found = page(client, url)
    crumbs = found.block("BreadcrumbList")["itemListElement"]
    assert [(c["position"], c["name"], c["item"]) for c in crumbs] == [
        (1, "Berita", f"{SITE}/"),
        (2, name, SITE + url),
    ]
    collection = found.block("CollectionPage")
    assert collection["name"] == name
    assert collection["url"] == found.canonical == SITE + url
    items = collection["mainEntity"]["itemListElement"]
    newest = sorted(archive["articles"], key=lambda a: (a.published_at, a.pk), reverse=True)
    assert [item["url"] for item in items] == [SITE + a.get_absolute_url() for a in newest[:20]]
    assert [item["position"] for item in items] == list(range(1, 21))


def test_older_list_pages_are_canonical_to_themselves(client, archive):
    first = page(client, "/dunia")
    older = re.search(r'<a rel="next" href="([^"]+)"', first.html).group(1).replace("&amp;", "&")
    assert older.startswith("/dunia?sebelum=")
    second = page(client, older + "&utm_source=x")
    assert second.canonical == SITE + older
    assert second.meta("og:url") == second.canonical
    items = second.block("CollectionPage")["mainEntity"]["itemListElement"]
    assert len(items) == 5


def test_indeks_of_one_day_is_canonical_with_its_day(client):
    make_article(published_at=datetime(2026, 1, 5, 9, tzinfo=JAKARTA))
    found = page(client, "/indeks?tanggal=2026-01-05&x=1")
    assert found.canonical == f"{SITE}/indeks?tanggal=2026-01-05"
    assert found.block("CollectionPage")["name"] == "Indeks"


def test_search_page_is_noindex_with_a_clean_canonical(client):
    make_article(title="Sidang kabinet")
    found = page(client, "/cari?q=++sidang++&rubrik=tidak-ada&utm_source=x")
    assert found.meta("robots") == "noindex"
    assert found.canonical == f"{SITE}/cari?q=sidang"
    assert found.block("BreadcrumbList")["itemListElement"][-1]["item"] == f"{SITE}/cari"


def test_withdrawn_article_page_is_noindex_and_has_no_canonical(client):
    article = make_article(status=Article.Status.WITHDRAWN)
    found = page(client, article.get_absolute_url())
    assert found.meta("robots") == "noindex"
    assert found.canonical is None
    assert found.blocks == []


def every_page_type(archive) -> dict[str, str]:
    article = archive["articles"][0]
    gone = make_article(status=Article.Status.WITHDRAWN)
    return {
        "home": "/",
        "article": article.get_absolute_url(),
        "section": "/dunia",
        "tag": "/tag/turki",
        "reporter": "/wartawan/sarah-meiliana-gunawan",
        "indeks": "/indeks",
        "search": "/cari?q=berita",
        "corrections": "/ralat",
        "gone": gone.get_absolute_url(),
    }


def test_every_page_type_has_open_graph_twitter_card_lang_and_site_feeds(client, archive):
    for name, url in every_page_type(archive).items():
        found = page(client, url)
        assert found.document.get("lang") == "id", name
        assert found.meta("og:site_name") == "Warta", name
        assert found.meta("og:locale") == "id_ID", name
        assert found.meta("og:type") == ("article" if name == "article" else "website"), name
        assert found.meta("og:title"), name
        assert found.meta("og:description"), name
        assert found.meta("twitter:card") in ("summary", "summary_large_image"), name
        assert found.meta("twitter:title") or name == "article" and found.meta("og:title")
        if name != "gone":
            assert found.canonical.startswith(f"{SITE}/"), name
            assert found.meta("og:url") == found.canonical, name
        feeds = {(link["type"], link["href"]) for link in found.links("alternate")}
        assert {
            ("application/rss+xml", "/feed/rss"),
            ("application/atom+xml", "/feed/atom"),
        } <= feeds, name


def test_list_pages_with_photos_share_the_first_one(client, archive):
    for url in ("/", "/dunia", "/tag/turki", "/wartawan/sarah-meiliana-gunawan", "/indeks"):
        found = page(client, url)
        assert found.meta("og:image") == f"{SITE}/media/photos/2026/01/sidang-800.webp", url
        assert (found.meta("og:image:width"), found.meta("og:image:height")) == ("800", "450")
        assert found.meta("twitter:card") == "summary_large_image", url


def test_pages_without_photos_share_no_image(client):
    make_article()
    found = page(client, "/dunia")
    assert found.meta("og:image") is None
    assert found.meta("twitter:card") == "summary"


@pytest.mark.parametrize(
    ("url", "own"),
    [
        ("/dunia", "/feed/rubrik/dunia"),
        ("/tag/turki", "/feed/tag/turki"),
        ("/wartawan/sarah-meiliana-gunawan", "/feed/wartawan/sarah-meiliana-gunawan"),
    ],
)
def test_section_tag_and_reporter_pages_link_their_own_feeds_too(client, archive, url, own):
    found = page(client, url)
    feeds = {(link["type"], link["href"]) for link in found.links("alternate")}
    assert {
        ("application/rss+xml", f"{own}/rss"),
        ("application/atom+xml", f"{own}/atom"),
        ("application/rss+xml", "/feed/rss"),
    } <= feeds
    for href in (f"{own}/rss", f"{own}/atom"):
        assert client.get(href).status_code == 200


def test_og_title_and_description_follow_the_page(client, archive):
    found = page(client, "/tag/turki")
    assert found.meta("og:title") == "Tag: Turki | Warta"
    assert found.meta("og:description") == "Berita tentang Turki dari Warta."
    assert found.meta("twitter:title") == found.meta("og:title")


def test_structured_data_costs_list_pages_no_query(client, archive, django_assert_num_queries):
    client.get("/dunia")  # fill the cached blocks (Populer, navigation)
    with django_assert_num_queries(2):  # the section, the page of articles
        found = page(client, "/dunia")
    assert found.block("CollectionPage")


def test_json_ld_dates_on_every_article_carry_the_site_offset(client):
    article = make_article(published_at=timezone.now() - timedelta(days=200))
    news = page(client, article.get_absolute_url()).block("NewsArticle")
    assert OFFSET.match(news["datePublished"]) and OFFSET.match(news["dateModified"])
