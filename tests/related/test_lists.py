"""Stored lists follow the desk: publish, edit, withdraw; imports are computed later."""

from io import StringIO

import pytest
from django.core.management import call_command

from tests.factories import make_article, make_tag
from tests.ingest.conftest import article_line, jsonl
from tests.search.conftest import changed
from warta.ingest.importer import import_lines
from warta.newsroom.models import Article
from warta.related.models import RelatedArticle
from warta.related.selectors import related_links

from .conftest import set_status, story

pytestmark = pytest.mark.django_db


def stored(article: Article) -> list[int]:
    return list(
        RelatedArticle.objects.filter(article=article)
        .order_by("rank")
        .values_list("related_id", flat=True)
    )


def shown(article: Article) -> list[str]:
    return [link.title for link in related_links(article)]


def test_publishing_stores_the_list():
    tag = make_tag("Pilkada")
    earlier = story("Debat calon gubernur", tags=[tag])
    draft = make_article(title="Hasil hitung cepat", status=Article.Status.DRAFT, tags=[tag])
    changed(draft)
    assert stored(draft) == []

    set_status(draft, Article.Status.PUBLISHED)

    assert stored(draft)[0] == earlier.pk


def test_editing_computes_the_list_again():
    pilkada, banjir = make_tag("Pilkada"), make_tag("Banjir")
    story("Debat calon gubernur", tags=[pilkada])
    flood = story("Banjir di Jakarta Utara", tags=[banjir])
    article = story("Sebuah berita", tags=[pilkada])
    assert shown(article)[0] == "Debat calon gubernur"

    article.tags.set([banjir])
    changed(article)

    assert stored(article)[0] == flood.pk
    assert shown(article)[0] == "Banjir di Jakarta Utara"


def test_a_withdrawn_related_article_leaves_every_block_at_once():
    tag = make_tag("Gempa")
    source = story("Gempa di Cianjur", tags=[tag])
    gone = story("Gempa susulan di Cianjur", tags=[tag])
    kept = story("Bantuan untuk korban gempa", tags=[tag], days_ago=1)
    changed(source)  # edited after the others were published: they are in its list
    source_list = stored(source)
    assert "Gempa susulan di Cianjur" in shown(source)

    set_status(gone, Article.Status.WITHDRAWN)

    assert stored(source) == source_list  # nothing recomputed: skipped when read
    assert "Gempa susulan di Cianjur" not in shown(source)
    assert "Bantuan untuk korban gempa" in shown(source)
    assert stored(gone) == []  # and its own list is gone with it
    assert kept.pk in stored(source)


def test_the_block_shows_three_to_five():
    tag = make_tag("Timnas")
    few = story("Timnas menang", tags=[tag])
    story("Timnas berlatih", tags=[tag])
    story("Pelatih timnas bicara", tags=[tag])
    story("Suporter timnas", tags=[tag])
    assert len(shown(few)) == 3

    for n in range(6):
        story(f"Timnas bersiap {n}", tags=[tag])
    changed(few)

    assert len(shown(few)) == 5


def test_imported_articles_get_their_list_when_first_read(tmp_path):
    lines = [
        article_line(slug=f"pemilu-{n}", title=f"Pemilu daerah {n}", tags=["Pemilu"])
        for n in range(6)
    ]
    import_lines(StringIO(jsonl(*lines)), base_dir=tmp_path)
    first = Article.objects.get(slug="pemilu-0")
    # The import itself computes nothing: it stays as fast as it was.
    assert not RelatedArticle.objects.exists()

    assert len(shown(first)) == 5

    assert len(stored(first)) == 5
    assert not RelatedArticle.objects.exclude(article=first).exists()


def test_reimporting_an_article_drops_its_stale_list(tmp_path):
    line = article_line(slug="pemilu-0", title="Pemilu daerah", tags=["Pemilu"])
    other = article_line(slug="cabai", title="Harga cabai", tags=["Pangan"])
    import_lines(StringIO(jsonl(line, other)), base_dir=tmp_path)
    article = Article.objects.get(slug="pemilu-0")
    shown(article)
    assert stored(article)

    import_lines(StringIO(jsonl({**line, "tags": ["Pangan"]})), base_dir=tmp_path)

    assert stored(article) == []


def test_the_command_computes_every_live_list_ahead_of_time(tmp_path):
    lines = [article_line(slug=f"pemilu-{n}", title=f"Pemilu {n}") for n in range(4)]
    import_lines(StringIO(jsonl(*lines)), base_dir=tmp_path)
    make_article(title="Draf", status=Article.Status.DRAFT)
    out = StringIO()

    call_command("related", stdout=out, verbosity=0)

    assert "4 daftar" in out.getvalue()
    listed = set(RelatedArticle.objects.values_list("article_id", flat=True))
    assert listed == set(Article.objects.published().values_list("pk", flat=True))


def test_the_command_can_fill_only_the_missing_lists(tmp_path):
    lines = [article_line(slug=f"pemilu-{n}", title=f"Pemilu {n}") for n in range(3)]
    import_lines(StringIO(jsonl(*lines)), base_dir=tmp_path)
    read = Article.objects.get(slug="pemilu-0")
    shown(read)
    kept = set(RelatedArticle.objects.filter(article=read).values_list("pk", flat=True))

    call_command("related", missing=True, stdout=StringIO(), verbosity=0)

    assert set(RelatedArticle.objects.filter(article=read).values_list("pk", flat=True)) == kept
    assert RelatedArticle.objects.values("article").distinct().count() == 3
