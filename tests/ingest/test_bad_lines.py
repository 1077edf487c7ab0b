"""Bad lines: an import stops at the first one and changes nothing, or with
``skip_invalid`` imports the rest and lists every bad line with its reason."""

import pytest

from tests.factories import make_article
from warta.ingest import importer
from warta.ingest.importer import ImportAborted, LineError, import_lines
from warta.newsroom.models import Article

from .conftest import article_line, jsonl, table_counts

pytestmark = pytest.mark.django_db

BAD_LINES = {
    "invalid JSON": ('{"slug": "rusak",', "invalid JSON"),
    "not an object": ('["slug", "rusak"]', "a line must be a JSON object"),
    "missing field": (article_line(title=None), 'missing field "title"'),
    "bad date": (
        article_line(published_at="14 Februari 2024"),
        "published_at: not an ISO 8601 date and time",
    ),
    "naive date": (
        article_line(published_at="2024-02-14T07:00:00"),
        "published_at: has no UTC offset",
    ),
    "wrong type": (article_line(tags="Pemilu"), "tags: input should be a valid array"),
    "number as text": (article_line(id="12"), "id: input should be a valid integer"),
    "negative views": (
        article_line(views=-3),
        "views: input should be greater than or equal to 0",
    ),
    "empty title": (article_line(title="   "), "title: must not be empty"),
    "unknown field": (article_line(subtitle="Sub"), 'unknown field "subtitle"'),
    "both bodies": (article_line(body="<p>Isi</p>"), 'give either "paragraphs"'),
    "no body": (article_line(paragraphs=None), 'give either "paragraphs"'),
    "bad slug": (article_line(slug="pemilu 2024"), "slug: use only letters, digits"),
    "unknown status": (article_line(status="archived"), "status: input should be"),
    "nameless section": (article_line(section="!!!"), "section: needs at least one letter"),
    "missing image file": (article_line(image="tidak-ada.jpg"), 'image file "tidak-ada.jpg"'),
}


@pytest.mark.parametrize(("line", "reason"), BAD_LINES.values(), ids=BAD_LINES.keys())
def test_a_bad_line_aborts_the_import_with_its_number_and_reason(write_jsonl, line, reason):
    path = write_jsonl(article_line(slug="baik"), line)

    with pytest.raises(ImportAborted) as aborted, path.open("rb") as lines:
        import_lines(lines, base_dir=path.parent)

    assert aborted.value.line_number == 2
    assert reason in aborted.value.reason
    assert str(aborted.value) == f"line 2: {aborted.value.reason}"
    assert not Article.objects.exists()


def test_an_image_that_is_not_a_picture_is_a_bad_line(tmp_path):
    (tmp_path / "catatan.jpg").write_text("bukan gambar")

    with pytest.raises(
        ImportAborted, match='line 1: image file "catatan.jpg" is refused: Berkas bukan foto'
    ):
        import_lines([jsonl(article_line(image="catatan.jpg"))], base_dir=tmp_path)


def test_a_slug_that_belongs_to_another_article_than_the_lines_id_is_a_bad_line():
    other = make_article(slug="pemilu-2024-dimulai")

    with pytest.raises(ImportAborted) as aborted:
        import_lines([jsonl(article_line(id=other.id + 1))])

    assert aborted.value.reason == (
        f'slug "pemilu-2024-dimulai" belongs to article {other.id}, not {other.id + 1}'
    )


def test_two_lines_giving_one_slug_to_different_ids_is_a_bad_line():
    lines = jsonl(article_line(id=10), article_line(id=11)).splitlines()

    with pytest.raises(ImportAborted, match='line 2: slug "pemilu-2024-dimulai" belongs to'):
        import_lines(lines)


def test_a_failed_import_leaves_every_table_as_it_was(monkeypatch, write_jsonl, picture, media):
    # Small batches, so the bad line comes after several batches were already written.
    monkeypatch.setattr(importer, "BATCH_SIZE", 2)
    make_article(slug="sudah-ada", title="Lama")
    before = table_counts()
    good = [
        article_line(slug=f"berita-{n}", tags=[f"Tag {n}"], views=n, image=picture())
        for n in range(7)
    ]
    path = write_jsonl(*good, article_line(slug="sudah-ada", title="Baru"), "{bukan json")

    with pytest.raises(ImportAborted, match="line 9: invalid JSON"), path.open("rb") as lines:
        import_lines(lines, base_dir=path.parent)

    assert table_counts() == before
    assert Article.objects.get(slug="sudah-ada").title == "Lama"
    assert not [p for p in media.rglob("*") if p.is_file()], "stored files are removed too"


def test_skip_invalid_imports_the_rest_and_lists_every_bad_line(write_jsonl):
    path = write_jsonl(
        article_line(slug="satu"),
        "{rusak",
        article_line(slug="dua", views=-1),
        article_line(slug="tiga"),
        article_line(slug="empat", image="hilang.png"),
    )

    with path.open("rb") as lines:
        report = import_lines(lines, skip_invalid=True, base_dir=path.parent)

    assert (report.created, report.updated) == (2, 0)
    assert set(Article.objects.values_list("slug", flat=True)) == {"satu", "tiga"}
    assert [error.line_number for error in report.skipped] == [2, 3, 5]
    assert report.skipped[1] == LineError(3, "views: input should be greater than or equal to 0")
    assert report.skipped[2] == LineError(5, 'image file "hilang.png" does not exist')


def test_lines_that_are_not_utf8_are_bad_lines():
    lines = [jsonl(article_line()).encode(), '{"title": "Caf\xe9"}\n'.encode("latin-1")]

    with pytest.raises(ImportAborted, match=r"line 2: not UTF-8 text \(byte 15\)"):
        import_lines(lines)
