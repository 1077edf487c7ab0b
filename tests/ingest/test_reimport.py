"""Importing again updates what the last import made, and never duplicates it."""

import pytest

from tests.factories import make_article
from warta.ingest.importer import import_lines
from warta.newsroom.models import Article, Photo, Tag

from .conftest import article_line, jsonl, table_counts

pytestmark = pytest.mark.django_db


def _import(*lines: dict):
    return import_lines(jsonl(*lines).splitlines())


def test_importing_the_same_file_twice_updates_instead_of_duplicating():
    lines = [article_line(slug=f"berita-{n}", id=100 + n if n % 2 else None) for n in range(6)]
    first = _import(*lines)
    counts = table_counts()
    photo_ids = set(Photo.objects.values_list("id", flat=True))

    second = _import(*lines)

    assert (first.created, first.updated) == (6, 0)
    assert (second.created, second.updated) == (0, 6)
    assert table_counts() == counts
    assert set(Photo.objects.values_list("id", flat=True)) == photo_ids


def test_a_reimport_replaces_the_fields_and_tags_of_an_article():
    _import(article_line(tags=["Pemilu", "KPU"]))

    _import(article_line(title="Judul baru", tags=["Bawaslu"], status="draft"))

    article = Article.objects.get()
    assert article.title == "Judul baru"
    assert article.status == Article.Status.DRAFT
    assert list(article.tags.values_list("name", flat=True)) == ["Bawaslu"]
    assert Tag.objects.count() == 3, "tags no longer used stay for other articles"


def test_a_reimport_updates_the_caption_of_the_existing_lead_photo():
    _import(article_line(caption="Keterangan lama", credit="Antara"))
    photo = Article.objects.get().lead_photo

    _import(article_line(caption="Keterangan baru", credit="Reuters"))

    photo.refresh_from_db()
    assert Article.objects.get().lead_photo == photo
    assert photo.caption_with_credit == "Keterangan baru/Reuters"
    assert Photo.objects.count() == 1


def test_a_line_with_an_id_may_rename_its_article():
    _import(article_line(id=9, slug="judul-lama"))

    report = _import(article_line(id=9, slug="judul-baru"))

    assert report.updated == 1
    assert Article.objects.get().slug == "judul-baru"


def test_a_line_without_an_id_updates_the_article_with_its_slug():
    existing = make_article(slug="pemilu-2024-dimulai", title="Dari meja redaksi")

    report = _import(article_line(title="Dari impor"))

    assert (report.created, report.updated) == (0, 1)
    existing.refresh_from_db()
    assert existing.title == "Dari impor"
    assert existing.lead_photo.caption == "Warga antre di TPS"


def test_the_same_article_twice_in_one_file_is_created_then_updated():
    report = _import(article_line(title="Versi 1"), article_line(title="Versi 2"))

    assert (report.created, report.updated) == (1, 1)
    assert Article.objects.get().title == "Versi 2"


def test_one_file_may_free_a_slug_and_give_it_to_a_new_article():
    _import(article_line(id=1, slug="lama"))

    report = _import(article_line(id=1, slug="diganti"), article_line(id=2, slug="lama"))

    assert (report.created, report.updated) == (1, 1)
    assert dict(Article.objects.values_list("id", "slug")) == {1: "diganti", 2: "lama"}


def test_a_reimport_without_status_keeps_the_newsrooms_status():
    _import(article_line())
    Article.objects.filter(slug=article_line()["slug"]).update(status=Article.Status.WITHDRAWN)
    _import(article_line(title="Judul diperbarui"))
    article = Article.objects.get(slug=article_line()["slug"])
    assert article.title == "Judul diperbarui"
    assert article.status == Article.Status.WITHDRAWN
