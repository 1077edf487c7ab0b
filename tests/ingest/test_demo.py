"""``warta demo``: the generated records, and the command that imports them."""

from datetime import UTC, datetime, timedelta
from io import StringIO
from itertools import islice

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Sum

from warta.audience.models import ArticleViewHour
from warta.ingest.demo import SECTIONS, demo_records, pool_names
from warta.ingest.demo.slugs import SlugRegistry
from warta.ingest.demo.stories import headline
from warta.ingest.schema import ArticleLine
from warta.newsroom.models import Article, Reporter, Section

NOW = datetime(2026, 1, 13, 5, 0, tzinfo=UTC)  # 12:00 WIB
REQUIRED = {
    "slug", "section", "title", "caption", "credit", "reporter",
    "published_at", "lead", "paragraphs", "tags",
}  # fmt: skip


def _records(count: int, seed: int = 0) -> list[dict]:
    return list(demo_records(count, seed=seed, now=NOW, image_names=pool_names()))


@pytest.fixture(scope="module")
def five_thousand() -> list[dict]:
    return _records(5_000)


def test_the_same_seed_gives_the_same_records():
    first = list(islice(demo_records(1_000, seed=7, now=NOW, image_names=pool_names()), 50))
    again = list(islice(demo_records(1_000, seed=7, now=NOW, image_names=pool_names()), 50))
    other = list(islice(demo_records(1_000, seed=8, now=NOW, image_names=pool_names()), 50))

    assert first == again
    assert [r["title"] for r in first[1:]] != [r["title"] for r in other[1:]]


def test_records_are_what_the_importer_accepts(five_thousand):
    for record in five_thousand:
        assert record.keys() >= REQUIRED
        ArticleLine.model_validate(record)  # raises on anything the importer would refuse
        moment = datetime.fromisoformat(record["published_at"])
        assert moment.utcoffset() is not None
        assert record["image"] in pool_names()
    regular = five_thousand[1:]
    assert all(5 <= len(r["paragraphs"]) <= 12 for r in regular)
    assert all(r["lead"] and r["tags"] for r in regular)


def test_slugs_are_unique(five_thousand):
    slugs = [record["slug"] for record in five_thousand]

    assert len(set(slugs)) == len(slugs)


def test_a_whole_newsroom_writes(five_thousand):
    sections = {record["section"] for record in five_thousand}
    reporters = {record["reporter"] for record in five_thousand}

    assert sections == {name for name, _ in SECTIONS}
    assert len(sections) >= 6
    assert len(reporters) >= 20


def test_the_seed_article_comes_first_with_its_dateline():
    reference = _records(3)[0]

    assert reference["id"] == 1
    assert reference["title"] == (
        "Kepada Putin, Erdogan Minta Armenia Keluar Dari Nagorno-Karabakh Jika Ingin Berdamai"
    )
    assert reference["section"] == "Dunia"
    assert reference["reporter"] == "Sarah Meiliana Gunawan"
    assert reference["published_at"] == "2020-11-08T08:06:00+07:00"
    assert reference["caption"] == (
        "Presiden Rusia, Vladimir Putin dan Presiden Turki, Recep Tayyip Erdogan"
    )
    assert reference["credit"] == "Net"
    assert reference["lead"].startswith("Armenia harus serius")
    assert len(reference["paragraphs"]) == 10


def test_the_timeline_ends_just_before_now_with_one_scheduled_article():
    records = _records(1_500)
    moments = [datetime.fromisoformat(r["published_at"]) for r in records[1:]]
    regular, scheduled = moments[:-1], moments[-1]

    assert scheduled == NOW + timedelta(hours=1)
    assert [m for m in moments if m > NOW] == [scheduled]
    assert regular == sorted(regular)
    assert timedelta(minutes=1) <= NOW - regular[-1] <= timedelta(minutes=10)
    gaps = {later - earlier for earlier, later in zip(regular, regular[1:], strict=False)}
    assert min(gaps) >= timedelta(minutes=5) and max(gaps) <= timedelta(minutes=40)
    assert timedelta(days=10) <= regular[-1] - regular[0] <= timedelta(days=21)


def test_recent_articles_carry_skewed_view_counts(five_thousand):
    week_ago = NOW - timedelta(days=7)
    recent = [r for r in five_thousand if datetime.fromisoformat(r["published_at"]) >= week_ago]
    counted = [r["views"] for r in recent if "views" in r]
    older = [r for r in five_thousand if datetime.fromisoformat(r["published_at"]) < week_ago]

    assert len(counted) == len(recent) - 1  # all but the scheduled article
    assert not any("views" in r for r in older)
    counted.sort(reverse=True)
    assert counted[0] > 10 * counted[len(counted) // 2]  # a few clear favourites


def test_slugs_get_a_suffix_only_when_needed():
    slugs = SlugRegistry()

    assert slugs.claim("banjir-landa-medan", 1) == "banjir-landa-medan"
    assert slugs.claim("banjir-landa-medan", 2) == "banjir-landa-medan-2"
    # A bare slug never ends in a number, so it cannot clash with a suffixed one.
    assert slugs.claim("persija-menang-2", 3) == "persija-menang-2-3"
    assert slugs.claim("", 4) == "berita"


def test_headline_case():
    assert headline("harga beras naik di pasar {x}") == "Harga Beras Naik di Pasar {x}"
    assert headline("KPK periksa saksi") == "KPK Periksa Saksi"


@pytest.mark.django_db
def test_the_command_fills_the_site(media):
    out = StringIO()

    call_command("demo", articles=200, stdout=out, verbosity=0)

    assert "200 articles created" in out.getvalue()
    assert Article.objects.count() == 200
    assert Article.objects.published().count() == 199
    assert Article.objects.filter(status=Article.Status.PUBLISHED).count() == 200
    reference = Article.objects.select_related("lead_photo", "reporter").get(pk=1)
    assert reference.reporter.name == "Sarah Meiliana Gunawan"
    assert reference.lead_photo.caption_with_credit.endswith("Recep Tayyip Erdogan/Net")
    assert reference.lead_photo.renditions
    assert list(Section.objects.values_list("name", flat=True)) == [n for n, _ in SECTIONS]
    assert Reporter.objects.get(name="Sarah Meiliana Gunawan").bio
    assert Article.objects.filter(tags__isnull=False).distinct().count() == 200
    assert ArticleViewHour.objects.aggregate(total=Sum("views"))["total"] > 0
    assert Article.objects.filter(lead_photo__isnull=True).count() == 0


@pytest.mark.django_db
def test_if_empty_leaves_a_filled_site_alone(media):
    call_command("demo", articles=3, if_empty=True, stdout=StringIO(), verbosity=0)
    assert Article.objects.count() == 3
    out = StringIO()

    call_command("demo", articles=50, if_empty=True, stdout=out, verbosity=0)

    assert Article.objects.count() == 3
    assert "no demo content added" in out.getvalue()


def test_the_article_count_is_checked():
    with pytest.raises(CommandError, match="between 1 and"):
        call_command("demo", articles=0, stdout=StringIO())
