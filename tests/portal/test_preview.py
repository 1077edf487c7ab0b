"""The reader side of a preview link: the article page, private and unindexed."""

from datetime import datetime, timedelta
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from tests.factories import make_article, make_tag
from warta.desk.previews import preview_token
from warta.newsroom.models import Article

pytestmark = pytest.mark.django_db
S = Article.Status
START = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def _url(article: Article) -> str:
    return f"/pratinjau/{preview_token(article)}"


def _directives(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


@pytest.fixture
def draft():
    return make_article(
        title="Draf tentang banjir Jakarta",
        status=S.DRAFT,
        body="<p>Isi draf yang belum terbit.</p>",
        tags=[make_tag("Banjir")],
    )


def test_a_draft_shows_as_readers_will_see_it(client, draft):
    response = client.get(_url(draft))
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Draf tentang banjir Jakarta</h1>" in page
    assert "Isi draf yang belum terbit." in page
    assert "Banjir" in page
    assert "Pratinjau — belum terbit" in page
    # The article page's own markup (Jinja templates send no template signals).
    assert f'<article class="story" data-article-id="{draft.pk}">' in page


def test_a_preview_is_private_unindexed_and_uncounted(client, draft):
    response = client.get(_url(draft))
    page = response.content.decode()
    assert '<meta name="robots" content="noindex">' in page
    assert response["X-Robots-Tag"] == "noindex"
    assert {"private", "no-store"} <= _directives(response)
    assert "public" not in _directives(response)
    assert response["Referrer-Policy"] == "no-referrer"
    assert "warta.js" not in page  # the view beacon
    assert not response.cookies


def test_the_real_article_page_is_unchanged(client):
    article = make_article(title="Sudah terbit")
    response = client.get(article.get_absolute_url())
    page = response.content.decode()
    assert response.status_code == 200
    assert "warta.js" in page
    assert "noindex" not in page
    assert "Pratinjau" not in page
    assert "public" in _directives(response)


def test_a_scheduled_article_can_be_previewed_before_its_time(client):
    article = make_article(status=S.SCHEDULED, published_at=timezone.now() + timedelta(hours=3))
    response = client.get(_url(article))
    assert response.status_code == 200
    assert "Pratinjau — belum terbit" in response.content.decode()


def test_a_published_article_sends_the_link_to_its_page(client):
    article = make_article(status=S.PUBLISHED)
    response = client.get(_url(article))
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()
    assert "no-store" in _directives(response)


def test_the_page_says_when_the_story_changed_after_the_link(client, draft):
    url = _url(draft)
    assert "sudah disunting" not in client.get(url).content.decode()
    Article.objects.filter(pk=draft.pk).update(title="Judul diperbaiki", version=draft.version + 1)
    page = client.get(url).content.decode()
    assert "Judul diperbaiki" in page
    assert "isinya sudah disunting sejak tautan ini dibuat" in page


def test_an_expired_link_is_not_found(client):
    with time_machine.travel(START, tick=False) as traveller:
        draft = make_article(status=S.DRAFT)
        url = _url(draft)
        assert client.get(url).status_code == 200
        traveller.shift(timedelta(hours=24, seconds=1))
        response = client.get(url)
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
    assert "Draf" not in response.content.decode()


def test_a_tampered_link_is_not_found(client, draft):
    other = make_article(status=S.DRAFT)
    value, timestamp, signature = preview_token(draft).split(":")
    forged = f"{other.pk}.{other.version}:{timestamp}:{signature}"
    response = client.get(f"/pratinjau/{forged}")
    assert response.status_code == 404
    assert "Halaman tidak ditemukan" in response.content.decode()
    flipped = signature[:-1] + ("A" if signature[-1] != "A" else "B")
    assert client.get(f"/pratinjau/{value}:{timestamp}:{flipped}").status_code == 404


def test_a_withdrawn_article_is_not_previewed(client, draft):
    url = _url(draft)
    Article.objects.filter(pk=draft.pk).update(status=S.WITHDRAWN)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    "token",
    [
        "x" * 10_000,
        "ñ😀\u202e:ā:ß",
        "%00",
        "1.1:%00:%ff",
        "..",
        "1.1::",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
    ],
)
def test_any_token_string_is_a_404_never_a_500(client, draft, token):
    response = client.get("/pratinjau/" + quote(token, safe="%"))
    assert response.status_code == 404
