"""Writing on the desk: hostile HTML never reaches a reader, and links never break."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_article, make_section, make_tag
from warta.desk.roles import EDITOR
from warta.desk.services.editing import article_save
from warta.newsroom.models import Article

from .people import make_user

pytestmark = pytest.mark.django_db

HOSTILE = [
    '<script>alert("x")</script><p>teks</p>',
    '<p onclick="alert(1)">teks</p>',
    '<img src=x onerror="alert(1)"><p>teks</p>',
    '<a href="javascript:alert(1)">teks</a>',
    '<a href="JaVaScRiPt:alert(1)">teks</a>',
    '<a href="&#106;avascript:alert(1)">teks</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">teks</a>',
    '<p style="position:fixed;top:0">teks</p>',
    '<iframe src="https://example.com"></iframe><p>teks</p>',
    '<svg onload="alert(1)"><p>teks</p></svg>',
    '<math><mi xlink:href="javascript:alert(1)">teks</mi></math>',
    '<object data="x.swf"></object><embed src="x.swf"><p>teks</p>',
    '<form action="/redaksi/"><input name="x"><button>kirim</button></form>',
    "<style>body{display:none}</style><p>teks</p>",
    '<meta http-equiv="refresh" content="0;url=https://example.com"><p>teks</p>',
    '<base href="https://example.com/"><p>teks</p>',
    "<p>teks<!-- <script>alert(1)</script> --></p>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<p>teks</p>\x00<script>alert(1)</script>",
]
FORBIDDEN = (
    "<script", "onerror", "onclick", "onload", "javascript:", "style=", "<iframe", "<svg",
    "<object", "<embed", "<form", "<style", "<meta", "<base", "data:text",
)  # fmt: skip


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_html_never_reaches_a_reader(client, hostile):
    editor = make_user(EDITOR)
    article = make_article(status=Article.Status.PUBLISHED, tags=[make_tag()])
    article_save(
        article=article, actor=editor, data={"body": hostile}, base_version=article.version
    )
    article.refresh_from_db()
    stored = article.body.lower()
    html = client.get(article.get_absolute_url()).content.decode().lower()
    story = html.split('class="story-body"', 1)[1].split("</div>", 1)[0]
    for marker in FORBIDDEN:
        assert marker not in stored, (hostile, stored)
        assert marker not in story, (hostile, story)


def test_the_allowed_structure_survives():
    editor = make_user(EDITOR)
    article = make_article(status=Article.Status.DRAFT)
    body = (
        "<h2>Subjudul</h2><p><strong>Tebal</strong>, <em>miring</em> dan "
        '<a href="https://kpu.go.id/">tautan</a>.</p><ul><li>satu</li></ul>'
        "<ol><li>dua</li></ol><blockquote><p>kutipan</p></blockquote><h3>Sub lagi</h3>"
    )
    article_save(article=article, actor=editor, data={"body": body}, base_version=article.version)
    article.refresh_from_db()
    for tag in ("<h2>", "<strong>", "<em>", "<ul>", "<ol>", "<blockquote>", "<h3>"):
        assert tag in article.body
    assert 'href="https://kpu.go.id/"' in article.body
    assert 'rel="noopener noreferrer"' in article.body


def test_editing_title_date_and_section_never_breaks_a_link(client):
    editor = make_user(EDITOR)
    article = make_article(
        status=Article.Status.PUBLISHED,
        title="Judul pertama",
        slug="judul-pertama",
        published_at=timezone.now() - timedelta(days=10),
    )
    old_urls = [article.get_absolute_url()]
    for data in (
        {"title": "Judul kedua", "slug": "judul-kedua"},
        {"section": make_section("Hukum", slug="hukum")},
        {"published_at": timezone.now() - timedelta(days=3)},
    ):
        article_save(article=article, actor=editor, data=data, base_version=article.version)
        article.refresh_from_db()
        old_urls.append(article.get_absolute_url())
    assert len(set(old_urls)) == 4  # every edit gave the article a new address
    current = old_urls.pop()
    assert client.get(current).status_code == 200
    for old in old_urls:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == current
