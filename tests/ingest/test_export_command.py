"""``warta export`` and ``warta import`` as an operator runs them, between two
installations: the site's export, imported into a fresh one, exports to the same file."""

import filecmp
import json

import pytest

from tests.installations import Installations


@pytest.fixture
def installations(tmp_path):
    made = Installations(tmp_path)
    yield made
    made.drop_databases()


def test_an_export_imported_into_a_fresh_install_exports_to_the_same_file(installations, tmp_path):
    source = installations.new("source")
    source.python("tests.newsroom_at_work", "seed")
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    first = tmp_path / "first" / "articles.jsonl"
    second = tmp_path / "second" / "articles.jsonl"

    exported = source.warta("export", str(first))
    target = installations.new("target")
    imported = target.warta("import", str(first))
    target.warta("export", str(second))

    assert "Exported 12 articles, 4 pictures in images/" in exported.stdout
    assert "Imported 12 articles: 12 created, 0 updated" in imported.stdout
    assert second.read_bytes() == first.read_bytes()
    pictures = filecmp.dircmp(tmp_path / "first" / "images", tmp_path / "second" / "images")
    assert pictures.left_only == pictures.right_only == []
    # A dash writes the same lines to standard output.
    assert target.warta("export", "-", "--no-images").stdout.encode() == _without_images(first)


def _without_images(path) -> bytes:
    lines = []
    for text in path.read_text(encoding="utf-8").splitlines():
        line = json.loads(text)
        line.pop("image", None)
        lines.append(json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n")
    return "".join(lines).encode()
