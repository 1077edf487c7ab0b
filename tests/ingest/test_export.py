"""``warta export``: every article as an import line, so that export → import into an
empty database → export gives the same file, byte for byte."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_photo, make_section, make_tag
from tests.newsroom_at_work import seed
from warta.ingest import export
from warta.ingest.importer import import_lines
from warta.ingest.models import ImportedHistory
from warta.ingest.schema import ArticleLine
from warta.newsroom.models import Article, Correction, Photo, Reporter, Section, Tag

from .conftest import article_line, jsonl

pytestmark = pytest.mark.django_db

KEYS_IN_ORDER = [
    "id", "slug", "status", "published_at", "section", "reporter", "title", "lead", "body",
    "tags", "caption", "credit", "alt", "image", "views", "revisions", "corrections",
]  # fmt: skip


def _export(folder: Path, *args: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "articles.jsonl"
    call_command("export", str(path), *args, stdout=StringIO(), stderr=StringIO())
    return path


def _import(path: Path) -> None:
    with path.open("rb") as lines:
        import_lines(lines, base_dir=path.parent)


def _empty_the_database() -> None:
    """What an empty install has of content: nothing (users and roles may stay)."""
    Article.objects.all().delete()
    for model in (Photo, Tag, Reporter, Section):
        model.objects.all().delete()


def _use_media(settings, folder: Path) -> Path:
    folder.mkdir()
    settings.MEDIA_ROOT = folder
    return folder


def test_export_import_into_an_empty_database_export_gives_the_same_file(tmp_path, settings):
    _use_media(settings, tmp_path / "media-before")
    seed()
    first = _export(tmp_path / "first")
    _empty_the_database()
    _use_media(settings, tmp_path / "media-after")

    _import(first)
    second = _export(tmp_path / "second")

    assert second.read_bytes() == first.read_bytes()
    assert sorted(p.name for p in (tmp_path / "second" / "images").iterdir()) == sorted(
        p.name for p in (tmp_path / "first" / "images").iterdir()
    )


def test_the_import_of_an_export_brings_back_status_history_and_pictures(tmp_path, settings):
    _use_media(settings, tmp_path / "media-before")
    seed()
    before = {
        article.pk: (
            article.status,
            article.published_at,
            sorted(article.tags.values_list("name", flat=True)),
            article.revisions.count(),
            list(article.corrections.values_list("kind", "created_at", "body")),
            article.last_corrected_at,
            _photo(article),
        )
        for article in Article.objects.all()
    }
    exported = _export(tmp_path / "first")
    _empty_the_database()
    media = _use_media(settings, tmp_path / "media-after")

    _import(exported)

    after = {
        article.pk: (
            article.status,
            article.published_at,
            sorted(article.tags.values_list("name", flat=True)),
            ImportedHistory.objects.get(article=article).revisions,
            list(article.corrections.values_list("kind", "created_at", "body")),
            article.last_corrected_at,
            _photo(article),
        )
        for article in Article.objects.all()
    }
    assert after == before
    statuses = set(Article.objects.values_list("status", flat=True))
    assert statuses == set(Article.Status.values), "every workflow status travels"
    scheduled = Article.objects.get(status=Article.Status.SCHEDULED)
    assert scheduled not in Article.objects.published(), "still waiting for its time"
    for photo in Photo.objects.exclude(image=""):
        assert (media / photo.image.name).is_file()
        assert all((media / rendition["path"]).is_file() for rendition in photo.renditions)


def _photo(article: Article) -> tuple | None:
    photo = article.lead_photo
    if photo is None:
        return None
    return (photo.caption, photo.credit, photo.alt_text, bool(photo.image), photo.width)


def test_an_export_imported_again_into_the_same_site_changes_nothing_but_views(tmp_path, settings):
    _use_media(settings, tmp_path / "media")
    seed()
    first = _export(tmp_path / "first")
    corrections = Correction.objects.count()

    _import(first)

    # An import sets the publishing hour's count to the line's views (the importer's
    # rule, so importing a file twice changes nothing); views this site counted in
    # other hours are then counted twice. README says: import exports into empty sites.
    assert _without_views(_export(tmp_path / "second")) == _without_views(first)
    assert Correction.objects.count() == corrections, "no Ralat twice"


def _without_views(path: Path) -> list[dict]:
    return [
        {key: value for key, value in json.loads(line).items() if key != "views"}
        for line in path.read_text().splitlines()
    ]


def test_each_line_has_fixed_keys_utc_times_and_the_text_as_it_is(tmp_path, settings):
    _use_media(settings, tmp_path / "media")
    seed()

    text = _export(tmp_path / "out").read_text(encoding="utf-8")

    assert text.endswith("\n") and "\n\n" not in text
    lines = [json.loads(line) for line in text.splitlines()]
    assert [line["id"] for line in lines] == sorted(Article.objects.values_list("pk", flat=True))
    for line in lines:
        keys = list(line)
        assert keys == [key for key in KEYS_IN_ORDER if key in keys]
        assert line["published_at"].endswith("Z")
        ArticleLine.model_validate(line)  # raises on anything the import would refuse
    assert "“pemilu”" in text, "UTF-8 written as it is, not \\u escapes"
    assert '", "' not in text, "compact separators"
    without_photo = next(line for line in lines if line["caption"] is None)
    assert not {"credit", "alt", "image"} & set(without_photo)
    corrected = next(line for line in lines if "corrections" in line)
    assert [c["kind"] for c in corrected["corrections"]] == ["ralat", "hak_jawab"]
    assert all(c["at"].endswith("Z") for c in corrected["corrections"])


def test_a_photo_without_a_file_keeps_its_caption_and_has_no_image(tmp_path, settings):
    _use_media(settings, tmp_path / "media")
    make_article(slug="tanpa-berkas", lead_photo=make_photo(caption="Ilustrasi", credit="Net"))

    (line,) = [json.loads(text) for text in _export(tmp_path / "out").read_text().splitlines()]

    assert (line["caption"], line["credit"]) == ("Ilustrasi", "Net")
    assert "image" not in line


def test_a_picture_missing_from_the_media_folder_is_reported_and_left_out(tmp_path, settings):
    _use_media(settings, tmp_path / "media")
    photo = make_photo()
    Photo.objects.filter(pk=photo.pk).update(image="photos/2024/05/hilang.jpg")
    make_article(slug="hilang", lead_photo=photo)
    errors = StringIO()

    call_command("export", str(tmp_path / "out.jsonl"), stdout=StringIO(), stderr=errors)

    (line,) = [json.loads(t) for t in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert "image" not in line
    assert "photos/2024/05/hilang.jpg" in errors.getvalue()


def test_a_line_the_import_would_refuse_is_still_written_and_reported(tmp_path):
    make_article(slug="aneh", section=make_section("!!!", slug="tanda-seru"))
    errors = StringIO()

    call_command("export", str(tmp_path / "out.jsonl"), stdout=StringIO(), stderr=errors)

    (line,) = [json.loads(t) for t in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert line["section"] == "!!!"
    assert "1 lines `warta import` would refuse" in errors.getvalue()
    assert f"article {line['id']}: section: needs at least one letter" in errors.getvalue()


def test_tags_are_written_once_each_in_the_order_they_were_linked():
    make_article(slug="urut", tags=[])
    article = Article.objects.get(slug="urut")
    for name in ("Timnas", "Banjir", "KPU"):
        article.tags.add(make_tag(name))
    lines = []

    export.export_articles(lines.append)

    assert json.loads(lines[0])["tags"] == ["Timnas", "Banjir", "KPU"]


def test_the_export_reads_a_fixed_number_of_queries_per_batch_not_per_article(settings, tmp_path):
    def queries_for_export() -> int:
        with CaptureQueriesContext(connection) as captured:
            export.export_articles(lambda line: None)
        return len(captured)

    make_article(slug="satu", tags=[make_tag("Pemilu")])
    one = queries_for_export()
    for n in range(30):
        make_article(slug=f"berita-{n}", tags=[make_tag("Pemilu"), make_tag(f"Tag {n}")])

    assert queries_for_export() == one


def test_articles_are_read_in_batches_and_written_in_id_order(monkeypatch):
    for n in range(7):
        make_article(slug=f"berita-{n}")
    whole = []
    export.export_articles(whole.append)
    monkeypatch.setattr(export, "BATCH_SIZE", 2)
    batched = []

    export.export_articles(batched.append)

    assert batched == whole
    assert [json.loads(line)["id"] for line in batched] == sorted(
        Article.objects.values_list("pk", flat=True)
    )


def test_dash_writes_the_lines_to_standard_output_and_the_summary_to_standard_error():
    make_article(slug="satu")
    out, err = StringIO(), StringIO()

    call_command("export", "-", "--no-images", stdout=out, stderr=err)

    assert [json.loads(line)["slug"] for line in out.getvalue().splitlines()] == ["satu"]
    assert "Exported 1 articles" in err.getvalue()


def test_a_failed_export_leaves_no_file_behind(tmp_path, monkeypatch):
    make_article(slug="satu")
    target = tmp_path / "articles.jsonl"
    target.write_text("the previous export\n")

    def fail(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(export, "revision_counts", fail)
    with pytest.raises(OSError):
        call_command("export", str(target), stdout=StringIO(), stderr=StringIO())

    assert target.read_text() == "the previous export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["articles.jsonl"]


# --- what the import learned for the round trip ----------------------------------------


def test_an_import_adds_the_corrections_an_article_lacks_and_removes_none():
    ralat = {"kind": "ralat", "at": "2024-02-15T08:00:00+07:00", "body": "<p>Ralat.</p>"}
    reply = {"kind": "hak_jawab", "at": "2024-02-16T08:00:00Z", "body": "<p>Jawab.</p>"}
    import_lines([jsonl(article_line(corrections=[ralat]))])

    import_lines([jsonl(article_line(corrections=[reply]))])

    article = Article.objects.get()
    assert list(article.corrections.values_list("kind", flat=True)) == ["ralat", "hak_jawab"]
    assert article.last_corrected_at == article.corrections.last().created_at


def test_an_import_keeps_the_revision_count_a_line_gives():
    import_lines([jsonl(article_line(revisions=5))])

    (line,) = _lines()
    assert line["revisions"] == 5


def test_a_line_may_give_any_workflow_status():
    statuses = ["draft", "submitted", "ready", "scheduled", "published", "withdrawn"]
    import_lines(jsonl(*(article_line(slug=s, status=s) for s in statuses)).splitlines())

    assert dict(Article.objects.values_list("slug", "status")) == {s: s for s in statuses}


def test_a_line_with_a_null_caption_has_no_lead_photo_and_takes_away_the_old_one():
    import_lines([jsonl(article_line())])
    photo = Article.objects.get().lead_photo

    without_photo = article_line(credit=None)
    without_photo["caption"] = None
    import_lines([jsonl(without_photo)])

    assert Article.objects.get().lead_photo is None
    assert Photo.objects.filter(pk=photo.pk).exists(), "the photo itself is not deleted"


def _lines() -> list[dict]:
    written = []
    export.export_articles(written.append)
    return [json.loads(line) for line in written]
