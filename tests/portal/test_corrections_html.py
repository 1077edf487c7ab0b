"""The pages corrections touch pass the W3C Nu HTML Checker, as every reader page does."""

import pytest

from tests.desk.people import make_user
from tests.factories import make_article
from tests.portal.nu_checker import html_errors, needs_java
from warta.desk.roles import EDITOR
from warta.desk.services.corrections import article_correct
from warta.newsroom.models import Correction

pytestmark = pytest.mark.django_db


@needs_java
def test_corrected_article_and_ralat_pages_are_valid_html5(
    client, seed_article, settings, tmp_path
):
    settings.PAGE_SIZE = 2
    editor = make_user(EDITOR)
    for article in (seed_article, make_article(), make_article()):
        article_correct(
            article=article,
            actor=editor,
            kind=Correction.Kind.CORRECTION,
            body='<p>Yang benar: <a href="https://example.id/">sumber</a>.</p>',
        )
    article_correct(
        article=seed_article, actor=editor, kind=Correction.Kind.REPLY, body="<p>Hak jawab.</p>"
    )
    first = client.get("/ralat").content.decode()
    cursor = first.split("sebelum=", 1)[1].split('"', 1)[0]
    pages = {
        "article": seed_article.get_absolute_url(),
        "ralat": "/ralat",
        "ralat-2": f"/ralat?sebelum={cursor}",
    }
    for url in pages.values():
        assert client.get(url).status_code == 200, url
    problems = html_errors(client, pages, tmp_path)
    assert problems == []
