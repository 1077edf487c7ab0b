"""Which articles are related: shared tags, then shared words, newer preferred."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_article, make_section, make_tag
from warta.newsroom.models import Article
from warta.related.finding import SHOWN, find_related

from .conftest import story

pytestmark = pytest.mark.django_db


def related_titles(article: Article) -> list[str]:
    found = find_related(article)
    titles = dict(Article.objects.filter(pk__in=found).values_list("pk", "title"))
    return [titles[pk] for pk in found]


def test_more_shared_tags_rank_higher_than_fewer_or_none():
    pemilu, kpu, dpr = make_tag("Pemilu"), make_tag("KPU"), make_tag("DPR")
    source = story("Rekapitulasi suara dimulai", tags=[pemilu, kpu, dpr])
    story("Harga cabai naik", days_ago=0.1)
    story("Gugatan sengketa hasil", days_ago=0.2, tags=[pemilu])
    # Older, but sharing three tags beats sharing one.
    story("Saksi partai protes", days_ago=20, tags=[pemilu, kpu, dpr])
    story("Anggaran logistik", days_ago=10, tags=[pemilu, kpu])

    assert related_titles(source)[:3] == [
        "Saksi partai protes",
        "Anggaran logistik",
        "Gugatan sengketa hasil",
    ]


def test_similar_text_is_related_without_any_shared_tag():
    news, region = make_section("Nasional"), make_section("Daerah")
    source = story(
        "Gempa mengguncang Cianjur, ratusan rumah rusak",
        section=news,
        body="<p>Gempa bermagnitudo 5,6 merusak rumah warga Cianjur. Gempa terasa di Bogor.</p>",
    )
    # Newer stories of the source's own section that share nothing with it.
    for n in range(SHOWN + 2):
        story(f"Harga cabai naik di pasar {n}", section=news, days_ago=0.01 * n)
    story("Korban gempa Cianjur bertambah", section=region, days_ago=3)
    story("Rumah warga Cianjur rusak diterjang gempa susulan", section=region, days_ago=5)

    assert related_titles(source)[:2] == [
        "Rumah warga Cianjur rusak diterjang gempa susulan",
        "Korban gempa Cianjur bertambah",
    ]


def test_newer_is_preferred_among_equals():
    banjir = make_tag("Banjir")
    source = story("Banjir merendam Samarinda", tags=[banjir])
    story("Banjir surut perlahan di hulu", days_ago=40, tags=[banjir])
    story("Banjir surut perlahan di hilir", days_ago=2, tags=[banjir])

    found = find_related(source)
    dates = list(
        Article.objects.filter(pk__in=found[:2]).order_by("-published_at").values_list("pk")
    )
    assert [pk for (pk,) in dates] == found[:2]


def test_a_headline_filed_twice_appears_once_and_never_the_articles_own():
    banjir = make_tag("Banjir")
    source = story("Banjir merendam Samarinda", tags=[banjir])
    story("Banjir merendam  samarinda", days_ago=1, tags=[banjir], slug="salinan")
    story("Banjir surut perlahan", days_ago=40, tags=[banjir])
    story("Banjir Surut Perlahan", days_ago=2, tags=[banjir], slug="banjir-surut-baru")

    titles = related_titles(source)
    assert titles[0] == "Banjir Surut Perlahan"  # the newer of the two copies
    assert [t.casefold() for t in titles].count("banjir surut perlahan") == 1
    assert "banjir merendam samarinda" not in [" ".join(t.casefold().split()) for t in titles]


def test_never_itself_withdrawn_draft_or_future_articles():
    tag = make_tag("Korupsi")
    source = story("Korupsi dana desa terungkap", tags=[tag])
    live = story("Korupsi dana desa: kepala desa ditahan", tags=[tag])
    hidden = [
        make_article(title="Korupsi dana desa (draf)", status=Article.Status.DRAFT, tags=[tag]),
        make_article(
            title="Korupsi dana desa (ditarik)", status=Article.Status.WITHDRAWN, tags=[tag]
        ),
        make_article(
            title="Korupsi dana desa (terjadwal)",
            status=Article.Status.SCHEDULED,
            published_at=timezone.now() + timedelta(hours=3),
            tags=[tag],
        ),
    ]

    found = find_related(source)

    assert found == [live.pk]
    assert source.pk not in found
    assert not {article.pk for article in hidden} & set(found)


def test_a_lonely_article_is_filled_up_with_its_sections_newest():
    politics, world = make_section("Politik"), make_section("Dunia")
    source = story("Pelantikan kabinet baru", section=politics)
    others = [story(f"Sidang kabinet ke-{n}", section=politics, days_ago=n) for n in range(1, 3)]
    far = [story(f"Pemilu di Amerika {n}", section=world, days_ago=n) for n in range(1, 9)]

    found = find_related(source)

    assert len(found) == SHOWN
    # The section's own stories first (they share "kabinet" too), then the site's newest.
    assert found[:2] == [others[0].pk, others[1].pk]
    assert found[2:] == [article.pk for article in far[:3]]


def test_at_most_a_few_are_kept_and_the_best_come_first():
    tag = make_tag("Timnas")
    source = story("Timnas menang di Piala Asia", tags=[tag])
    for n in range(12):
        story(f"Timnas berlatih jelang laga {n}", days_ago=n, tags=[tag])

    found = find_related(source)

    assert SHOWN < len(found) <= 8
    assert len(set(found)) == len(found)
