"""The ready-to-publish check's link rule: a story must not send readers to a page they
cannot open (a draft, a preview), and links to other sites are none of its business."""

import pytest

from tests.factories import make_article
from warta.desk import readiness
from warta.desk.previews import preview_token
from warta.newsroom.models import Article

pytestmark = pytest.mark.django_db

S = Article.Status


@pytest.fixture(autouse=True)
def site_hosts(settings):
    settings.ALLOWED_HOSTS = ["warta.example.id", ".warta.example.id", "[::1]"]


@pytest.fixture
def draft() -> Article:
    return make_article(status=S.DRAFT, title="Draf yang belum terbit")


def link_problems(*hrefs: str) -> list[readiness.Problem]:
    body = "<p>Baca juga " + " ".join(f'<a href="{href}">ini</a>' for href in hrefs) + "</p>"
    article = make_article(status=S.READY, body=body)
    return [p for p in readiness.problems(article) if "tautan" in p.message]


def draft_address(draft: Article) -> str:
    return f"/{draft.section.slug}/read/{draft.published_at:%Y/%m/%d}/{draft.pk}/{draft.slug}"


def test_a_link_to_a_draft_blocks_publishing_and_names_it(draft):
    [problem] = link_problems(draft.get_absolute_url())
    assert problem.blocking
    assert str(draft.pk) in problem.message


@pytest.mark.parametrize(
    "suffix",
    ["?utm_source=x", "?utm_source=x&amp;utm_medium=wa", "#bagian-kedua", "/?a=1#b"],
    ids=["query", "escaped-query", "fragment", "slash-query-fragment"],
)
def test_query_strings_and_fragments_do_not_hide_a_draft(draft, suffix):
    [problem] = link_problems(draft.get_absolute_url().rstrip("/") + suffix)
    assert problem.blocking and str(draft.pk) in problem.message


@pytest.mark.parametrize(
    "host",
    [
        "https://warta.example.id",
        "http://warta.example.id:8080",
        "https://m.warta.example.id",
        "//warta.example.id",
        "http://[::1]",
    ],
)
def test_the_sites_own_hosts_count_as_its_own_links(draft, host):
    [problem] = link_problems(host + draft.get_absolute_url())
    assert str(draft.pk) in problem.message


def test_shortened_and_old_addresses_of_a_draft_are_found_too(draft):
    shortened = f"/{draft.section.slug}/read/{draft.pk}"
    old_slug = f"/{draft.section.slug}/read/2020/01/02/{draft.pk}/judul-lama"
    [problem] = link_problems(shortened, old_slug)
    assert str(draft.pk) in problem.message


def test_a_story_on_another_site_is_no_draft_of_ours(draft):
    # Same shape as our addresses, same id as our draft: still someone else's story.
    other_site = f"https://www.liputan6.com/news/read/{draft.pk}/judul"
    assert link_problems(other_site, f"https://kompas.com{draft_address(draft)}") == []


def test_links_to_live_stories_and_non_page_links_are_fine():
    live = make_article(status=S.PUBLISHED)
    assert (
        link_problems(live.get_absolute_url(), "mailto:redaksi@warta.example.id", "/indeks") == []
    )


def test_a_preview_link_always_blocks(draft):
    live = make_article(status=S.PUBLISHED)
    for href in (
        f"/pratinjau/{preview_token(draft)}",
        f"https://warta.example.id/pratinjau/{preview_token(live)}",
    ):
        [problem] = link_problems(href)
        assert problem.blocking
        assert "tautan pratinjau" in problem.message


def test_a_link_to_the_story_itself_does_not_block_it():
    article = make_article(status=S.READY)
    article.body = f'<p>Lihat <a href="{article.get_absolute_url()}#ralat">ralat</a>.</p>'
    assert [p for p in readiness.problems(article) if "tautan" in p.message] == []
