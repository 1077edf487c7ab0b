"""The import's bulk writes: ids reserved before an insert, defaults as the ORM gives them."""

import pytest

from tests.factories import make_article, make_reporter, make_section
from warta.ingest import bulk_sql
from warta.newsroom.models import Article, Photo

pytestmark = pytest.mark.django_db


def test_reserved_ids_are_new_and_the_database_hands_out_later_ones_afterwards():
    kept, deleted = make_article(slug="tetap"), make_article(slug="dihapus")
    deleted_id = deleted.pk
    deleted.delete()

    section, reporter = make_section(), make_reporter()
    reserved = bulk_sql.reserve_ids(Article, 3)
    bulk_sql.insert(
        Article,
        ["id", "section", "reporter", "title", "slug", "status"],
        [(pk, section.pk, reporter.pk, "Judul", f"berita-{pk}", "draft") for pk in reserved],
    )
    later = make_article(slug="sesudahnya")

    # Never the id of the article that was deleted: an old link must not find another one.
    assert min(reserved) > deleted_id > kept.pk
    assert len(set(reserved)) == 3
    assert later.pk > max(reserved)
    assert set(Article.objects.values_list("pk", flat=True)) == {kept.pk, *reserved, later.pk}


def test_reserving_no_ids_asks_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert bulk_sql.reserve_ids(Article, 0) == []


def test_columns_not_named_get_what_the_orm_would_give_them():
    [photo_id] = bulk_sql.reserve_ids(Photo, 1)

    bulk_sql.insert(Photo, ["id", "caption"], [(photo_id, "Gedung KPK")])

    photo = Photo.objects.get(pk=photo_id)
    assert (photo.caption, photo.credit, photo.alt_text, photo.image.name) == (
        "Gedung KPK",
        "",
        "",
        "",
    )
    assert (photo.renditions, photo.width) == ([], None)
    assert photo.created_at is not None  # auto_now_add


def test_an_upsert_changes_only_the_fields_it_names_on_an_existing_row():
    article = make_article(title="Lama", slug="lama")
    Article.objects.filter(pk=article.pk).update(is_headline=True)  # the desk placed it
    created_at = article.created_at

    bulk_sql.upsert(
        Article,
        ["id", "section", "reporter", "title", "slug", "status"],
        [(article.pk, article.section_id, article.reporter_id, "Baru", "baru", "draft")],
        unique=["id"],
        update=["title"],
    )

    article.refresh_from_db()
    assert (article.title, article.slug, article.status) == ("Baru", "lama", "published")
    assert (article.is_headline, article.created_at) == (True, created_at)


def test_update_sets_each_rows_values_by_id():
    first, second = make_article(slug="satu"), make_article(slug="dua")

    bulk_sql.update(Article, ["title", "lead"], [("Satu", "A", first.pk), ("Dua", "B", second.pk)])

    assert sorted(Article.objects.values_list("title", "lead")) == [("Dua", "B"), ("Satu", "A")]
