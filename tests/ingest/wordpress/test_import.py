"""Importing a WordPress export: what each post becomes, and importing it again."""

from datetime import UTC, datetime
from io import BytesIO

import pytest

from tests.factories import make_article
from tests.ingest.conftest import table_counts
from warta.ingest.models import WordPressImage, WordPressPost
from warta.ingest.wordpress import import_wordpress
from warta.newsroom.models import Article, Photo

from .conftest import attachment, post, wxr

pytestmark = pytest.mark.django_db


def _import(text: str):
    return import_wordpress(BytesIO(text.encode()))


def _article(post_id: int) -> Article:
    return Article.objects.select_related("section", "reporter", "lead_photo").get(
        wordpress_post__post_id=post_id
    )


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
def test_a_multi_author_export_becomes_articles(version):
    report = _import(
        wxr(
            post(101, "KPK tahan dua tersangka suap", creator="sarah"),
            post(
                102,
                "Rupiah menguat terhadap dolar",
                creator="budi",
                categories=[("ekonomi", "Ekonomi &amp; Bisnis"), ("nasional", "Nasional")],
                tags=[("rupiah", "Rupiah")],
                excerpt="Rupiah ditutup menguat <em>0,5 persen</em>.",
            ),
            post(103, "Tanpa penulis terdaftar", creator="tamu", categories=[], tags=[]),
            version=version,
        )
    )

    assert (report.created, report.updated) == (3, 0)
    kpk, rupiah, guest = _article(101), _article(102), _article(103)
    assert (kpk.title, kpk.slug, kpk.section.name, kpk.reporter.name) == (
        "KPK tahan dua tersangka suap",
        "berita-101",
        "Politik",
        "Sarah Meiliana Gunawan",
    )
    assert sorted(kpk.tags.values_list("name", flat=True)) == ["KPK", "Korupsi"]
    assert kpk.status == Article.Status.PUBLISHED
    assert kpk.published_at == datetime(2024, 5, 14, 0, 30, tzinfo=UTC)
    # The first category is the section; the others are kept as tags.
    assert (rupiah.section.name, rupiah.reporter.name) == ("Ekonomi & Bisnis", "Budi Santoso")
    assert sorted(rupiah.tags.values_list("name", flat=True)) == ["Nasional", "Rupiah"]
    assert rupiah.lead == "Rupiah ditutup menguat 0,5 persen."
    # An author missing from the header is known by login; no category: "Umum".
    assert (guest.reporter.name, guest.section.name) == ("tamu", "Umum")


def test_the_body_gets_paragraphs_and_its_first_one_becomes_the_lead_without_an_excerpt():
    _import(wxr(post(101)))

    article = _article(101)

    assert article.lead == "Komisi Pemberantasan Korupsi menahan dua tersangka, Selasa malam."
    assert article.body == (
        "<p>Penahanan dilakukan setelah pemeriksaan selama <strong>sembilan jam</strong>."
        "<br>\nKeduanya dibawa ke rumah tahanan.</p>\n"
        "<blockquote>Kami akan terus mendalami kasus ini.</blockquote>\n"
        "<p>Pemeriksaan saksi berlanjut pekan depan.</p>"
    )


def test_hostile_html_in_a_post_is_sanitized():
    _import(wxr(post(101, content='Halo <script>alert(1)</script><a href="javascript:x()">x</a>')))

    assert "script" not in _article(101).lead + _article(101).body
    assert "javascript" not in _article(101).lead + _article(101).body


@pytest.mark.parametrize(
    ("wp_status", "status"),
    [
        ("publish", Article.Status.PUBLISHED),
        ("future", Article.Status.SCHEDULED),
        ("pending", Article.Status.SUBMITTED),
        ("draft", Article.Status.DRAFT),
        ("private", Article.Status.DRAFT),
    ],
)
def test_wordpress_statuses_map_to_the_workflow(wp_status, status):
    _import(wxr(post(101, status=wp_status)))

    assert _article(101).status == status


def test_trash_auto_drafts_pages_and_menu_entries_are_not_imported():
    report = _import(
        wxr(
            post(101),
            post(102, status="trash"),
            post(103, status="auto-draft"),
            post(104, "Tentang kami", post_type="page"),
            post(105, post_type="nav_menu_item"),
        )
    )

    assert report.created == 1
    assert dict(report.skipped) == {"trash": 1, "auto-draft": 1, "page": 1, "nav_menu_item": 1}
    assert list(WordPressPost.objects.values_list("post_id", flat=True)) == [101]


def test_a_draft_without_a_gmt_date_uses_its_local_date_in_the_newsrooms_zone():
    _import(
        wxr(
            post(
                101,
                slug="",
                status="draft",
                date="2024-05-20 09:00:00",
                date_gmt="0000-00-00 00:00:00",
            )
        )
    )

    article = _article(101)
    assert article.published_at == datetime(2024, 5, 20, 2, 0, tzinfo=UTC)
    # A draft has no post_name yet: the slug comes from its title.
    assert article.slug == "kpk-tahan-dua-tersangka-suap"


def test_the_featured_image_becomes_the_lead_photo_even_when_its_attachment_comes_later():
    report = _import(
        wxr(
            post(101, thumbnail=900),
            post(102, thumbnail=900),
            post(103, thumbnail=901),  # not in the export
            attachment(900),
        )
    )

    first, second, third = _article(101), _article(102), _article(103)
    assert report.featured_images == 2
    assert first.lead_photo == second.lead_photo
    assert (first.lead_photo.caption, first.lead_photo.alt_text) == (
        "Gedung Merah Putih KPK di Jakarta",
        "Gedung KPK",
    )
    assert not first.lead_photo.image  # the file stays on the old site, noted:
    assert WordPressImage.objects.get(photo=first.lead_photo).url == (
        "https://lama.example.com/wp-content/uploads/2024/05/kpk.jpg"
    )
    assert third.lead_photo is None


def test_importing_the_same_export_again_updates_instead_of_duplicating():
    export = wxr(post(101, thumbnail=900), post(102), attachment(900))
    _import(export)
    counts = table_counts()
    ids = {_article(101).pk, _article(102).pk}

    report = _import(export)

    assert (report.created, report.updated) == (0, 2)
    assert table_counts() == counts
    assert {_article(101).pk, _article(102).pk} == ids


def test_a_later_export_updates_the_articles_and_their_tags():
    _import(wxr(post(101)))

    _import(wxr(post(101, "Judul yang diperbaiki", tags=[("suap", "Suap")])))

    article = _article(101)
    assert article.title == "Judul yang diperbaiki"
    assert list(article.tags.values_list("name", flat=True)) == ["Suap"]


def test_an_article_the_newsroom_withdrew_stays_withdrawn_on_reimport():
    _import(wxr(post(101)))
    Article.objects.filter(wordpress_post__post_id=101).update(status=Article.Status.WITHDRAWN)

    _import(wxr(post(101, "Judul baru")))

    assert (_article(101).title, _article(101).status) == ("Judul baru", "withdrawn")


def test_a_slug_another_article_has_gets_the_post_id_and_keeps_it_on_reimport():
    make_article(slug="berita-101")

    _import(wxr(post(101)))
    _import(wxr(post(101)))

    assert _article(101).slug == "berita-101-101"
    assert Article.objects.filter(slug__startswith="berita-101").count() == 2


def test_two_sites_with_the_same_post_ids_stay_apart():
    _import(wxr(post(101, "Dari situs lama")))

    report = _import(wxr(post(101, "Dari situs kedua"), site="https://kedua.example.com"))

    assert report.created == 1
    assert sorted(Article.objects.values_list("title", flat=True)) == [
        "Dari situs kedua",
        "Dari situs lama",
    ]


def test_names_without_latin_letters_fall_back_to_something_with_an_address():
    export = wxr(
        post(101, creator="hiro", categories=[("%e6%97%a5", "日本")], tags=[("kpk", "日本")]),
        post(102, creator="", categories=[("nihon", "日本")]),
        authors=[("hiro", "日本", "", "")],
    )

    _import(export)

    first, second = _article(101), _article(102)
    assert (first.reporter.name, first.section.name) == ("hiro", "Umum")
    assert list(first.tags.values_list("name", flat=True)) == ["kpk"]
    assert (second.reporter.name, second.section.name) == ("Redaksi", "nihon")
    assert first.get_absolute_url() and first.reporter.get_absolute_url()


def test_a_non_latin_slug_is_kept_readable_in_old_addresses_and_ascii_in_the_new_one():
    _import(wxr(post(101, "Berita Jepang", slug="%e6%97%a5%e6%9c%ac-berita")))

    assert _article(101).slug == "berita"


def test_many_posts_are_written_in_batches(settings):
    posts = [post(n, f"Berita nomor {n}", thumbnail=5000 + n % 3) for n in range(1, 1201)]
    images = [attachment(5000 + n, f"https://lama.example.com/{n}.jpg") for n in range(3)]

    report = _import(wxr(*posts, *images))

    assert (report.created, report.featured_images) == (1200, 1200)
    assert Article.objects.count() == 1200
    assert Photo.objects.count() == 3


def test_progress_reports_every_byte_read():
    data = wxr(*(post(n) for n in range(1, 300))).encode()
    read = []

    import_wordpress(BytesIO(data), progress=read.append)

    assert len(read) > 1
    assert sum(read) == len(data)
