"""Importing a good file: what each field of a line becomes."""

from datetime import UTC, datetime

import pytest

from tests.factories import make_article, make_reporter, make_section, make_tag
from warta.ingest.importer import ImportReport, import_lines, import_records
from warta.newsroom.models import Article, Photo, Reporter, Section, Tag
from warta.newsroom.signals import articles_imported

from .conftest import article_line, jsonl

pytestmark = pytest.mark.django_db


def test_a_good_file_creates_its_articles_with_sections_reporters_tags_and_photos():
    report = import_lines(
        jsonl(
            article_line(),
            article_line(
                slug="harga-beras-naik",
                title="Harga beras naik",
                section="Ekonomi",
                tags=["Beras", "Pemilu"],
                credit=None,
            ),
        ).splitlines()
    )

    assert report == ImportReport(created=2, updated=0, skipped=[])
    article = Article.objects.get(slug="pemilu-2024-dimulai")
    assert article.title == "Pemilu 2024 dimulai"
    assert article.section.name == "Politik" and article.section.slug == "politik"
    assert article.reporter.slug == "sarah-meiliana-gunawan"
    assert article.lead == "Pemungutan suara dimulai serentak."
    assert article.body == "<p>Paragraf pertama.</p>\n<p>Paragraf kedua.</p>"
    assert article.published_at == datetime(2024, 2, 14, 0, 0, tzinfo=UTC)
    assert article.status == Article.Status.PUBLISHED
    assert sorted(article.tags.values_list("slug", flat=True)) == ["kpu", "pemilu"]
    assert article.lead_photo.caption_with_credit == "Warga antre di TPS/Antara"
    assert Article.objects.get(slug="harga-beras-naik").lead_photo.credit == ""
    assert Section.objects.count() == 2
    assert Reporter.objects.count() == 1
    assert Tag.objects.count() == 3
    assert Photo.objects.count() == 2


def test_sections_reporters_and_tags_are_matched_by_the_slug_of_their_name():
    section = make_section("Politik")
    reporter = make_reporter("Sarah Meiliana Gunawan")
    tag = make_tag("KPU")

    import_lines([jsonl(article_line(section="POLITIK", tags=["kpu", "Kpu"]))])

    article = Article.objects.get()
    assert article.section == section and section.name == "Politik"
    assert article.reporter == reporter
    assert list(article.tags.all()) == [tag]
    assert Section.objects.count() == Reporter.objects.count() == Tag.objects.count() == 1


def test_an_explicit_id_is_kept_and_later_articles_get_ids_that_do_not_collide():
    last_id = make_article().id
    Article.objects.filter(id=last_id).delete()
    # The ids the database would hand out next.
    ids = [last_id + 1, last_id + 2]

    import_lines(jsonl(*(article_line(slug=f"impor-{id}", id=id) for id in ids)).splitlines())

    assert sorted(Article.objects.values_list("id", flat=True)) == ids
    assert make_article().id > ids[-1]


def test_explicit_ids_and_database_ids_mix_in_one_file():
    report = import_lines(
        jsonl(
            article_line(slug="tanpa-id"),
            article_line(slug="dengan-id", id=700),
            article_line(slug="tanpa-id-lagi"),
        ).splitlines()
    )

    assert report.created == 3
    assert Article.objects.get(slug="dengan-id").id == 700
    assert len(set(Article.objects.values_list("id", flat=True))) == 3


def test_body_html_is_sanitized():
    body = '<p onclick="steal()">Isi <b>tebal</b></p><script>alert(1)</script><iframe></iframe>'

    import_lines([jsonl(article_line(paragraphs=None, body=body))])

    assert Article.objects.get().body == "<p>Isi <b>tebal</b></p>"


def test_paragraphs_are_plain_text_and_escaped():
    import_lines([jsonl(article_line(paragraphs=["<script>x</script> & <b>", "  ", "Akhir"]))])

    assert Article.objects.get().body == (
        "<p>&lt;script&gt;x&lt;/script&gt; &amp; &lt;b&gt;</p>\n<p>Akhir</p>"
    )


def test_status_may_be_draft_and_defaults_to_published():
    import_lines(
        jsonl(article_line(slug="draf", status="draft"), article_line(slug="terbit")).splitlines()
    )

    assert Article.objects.get(slug="draf").status == Article.Status.DRAFT
    assert Article.objects.get(slug="terbit").status == Article.Status.PUBLISHED


def test_bytes_lines_with_a_byte_order_mark_and_blank_lines_import():
    data = ("\ufeff" + jsonl(article_line()) + "\n   \n").encode()

    report = import_lines(data.splitlines(keepends=True))

    assert report.created == 1 and report.skipped == []


def test_progress_reports_every_byte_read():
    data = jsonl(*(article_line(slug=f"berita-{n}") for n in range(3))).encode()
    seen = []

    import_lines(data.splitlines(keepends=True), progress=seen.append)

    assert sum(seen) == len(data)


def test_records_may_carry_datetimes_and_are_numbered_by_position():
    published = datetime(2024, 5, 1, 1, 0, tzinfo=UTC)
    records = [
        article_line(slug="satu", published_at=published),
        article_line(slug="dua", published_at=datetime(2024, 5, 1)),
    ]

    report = import_records(records, skip_invalid=True)

    assert Article.objects.get().published_at == published
    assert [(e.line_number, e.reason) for e in report.skipped] == [
        (2, "published_at: has no UTC offset (write e.g. 2024-05-01T08:00:00+07:00)")
    ]


def test_articles_imported_is_sent_with_the_views_lines_carry():
    received = []

    def receiver(sender, views, **kwargs):
        received.append(views)

    articles_imported.connect(receiver)
    try:
        import_lines(
            jsonl(
                article_line(slug="dibaca", id=41, views=1200),
                article_line(slug="tanpa-angka"),
            ).splitlines()
        )
    finally:
        articles_imported.disconnect(receiver)

    assert received == [[(41, datetime(2024, 2, 14, 0, 0, tzinfo=UTC), 1200)]]


def test_lines_are_written_in_bulk_not_with_queries_per_line(
    django_assert_max_num_queries,
):
    def lines(count: int, prefix: str) -> list[str]:
        return jsonl(
            *(
                article_line(slug=f"{prefix}-{n}", tags=[f"Tag {n % 7}", "Pemilu"], views=n)
                for n in range(count)
            )
        ).splitlines()

    import_lines(lines(10, "pemanasan"))  # sections, reporter and some tags now exist

    # SQLite splits bulk inserts at 999 parameters; PostgreSQL needs fewer queries still.
    with django_assert_max_num_queries(400 // 10):
        report = import_lines(lines(400, "berita"))

    assert report.created == 400
