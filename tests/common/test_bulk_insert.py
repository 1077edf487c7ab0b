"""Bulk inserts: COPY on PostgreSQL, executemany on SQLite, the same rows either way."""

from datetime import UTC, datetime

import pytest
from django.db import IntegrityError, connection, transaction

from tests.factories import make_section
from warta.common.bulk_insert import insert_rows
from warta.ingest import bulk_sql
from warta.newsroom.models import Photo, Section

pytestmark = pytest.mark.django_db


def test_rows_go_in_with_text_numbers_dates_json_and_nulls():
    when = datetime(2024, 2, 14, 0, 0, 0, 123456, tzinfo=UTC)
    renditions = [{"width": 800, "height": 450, "path": "photos/a-800.webp"}]
    [first, second] = bulk_sql.reserve_ids(Photo, 2)
    rows = [
        (
            first,
            "Warga antre di TPS, \"pagi\"\tdan\nsiang \\ malam",
            "Antara",
            "",
            "",
            800,
            None,
            bulk_sql.db_value(Photo, "renditions", renditions),
            connection.ops.adapt_datetimefield_value(when),
        ),
        (second, "Kedua", "", "", "", None, None, bulk_sql.db_value(Photo, "renditions", []),
         connection.ops.adapt_datetimefield_value(when)),
    ]  # fmt: skip
    columns = ["id", "caption", "credit", "alt_text", "image", "width", "height", "renditions",
               "created_at"]  # fmt: skip

    insert_rows(Photo._meta.db_table, columns, rows)

    photo = Photo.objects.get(pk=first)
    assert photo.caption == 'Warga antre di TPS, "pagi"\tdan\nsiang \\ malam'
    assert (photo.width, photo.height, photo.renditions) == (800, None, renditions)
    assert photo.created_at == when
    assert Photo.objects.get(pk=second).renditions == []


def test_a_duplicate_key_is_an_integrity_error_and_nothing_of_the_batch_stays():
    taken = make_section("Politik")

    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(
            Section._meta.db_table,
            ["name", "slug", "position", "description"],
            [("Hukum", "hukum", 0, ""), ("Politik lagi", taken.slug, 0, "")],
        )

    assert list(Section.objects.values_list("slug", flat=True)) == ["politik"]


def test_no_rows_sends_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        insert_rows(Section._meta.db_table, ["name", "slug"], [])
