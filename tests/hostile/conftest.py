"""A small newsroom with one article of every kind, for hostile input to hit."""

from dataclasses import dataclass
from datetime import timedelta
from io import BytesIO

import pytest
from django.conf import settings
from django.utils import timezone

from tests.desk.people import make_user
from tests.factories import make_article, make_photo, make_reporter, make_section, make_tag
from tests.ingest.wordpress.conftest import post, wxr
from warta.audience.models import ArticleViewHour
from warta.desk.previews import preview_token
from warta.desk.roles import EDITOR
from warta.desk.services.corrections import article_correct
from warta.ingest.wordpress import import_wordpress
from warta.newsroom.models import Article
from warta.related.models import RelatedArticle
from warta.search.indexing import index_articles
from warta.syndication.archive import archive_recount_all


@dataclass
class Newsroom:
    sections: list[str]
    tags: list[str]
    reporters: list[str]
    live: list[Article]
    draft: Article
    withdrawn: Article
    scheduled: Article
    preview: str  # a valid preview token of the draft
    media_file: str  # a file under MEDIA_ROOT, as /media/ serves it

    @property
    def articles(self) -> list[Article]:
        return [*self.live, self.draft, self.withdrawn, self.scheduled]

    @property
    def ids(self) -> list[int]:
        return [article.pk for article in self.articles]


@pytest.fixture
def newsroom(db) -> Newsroom:
    made = build_newsroom()
    yield made
    (settings.MEDIA_ROOT / made.media_file).unlink()


def build_newsroom() -> Newsroom:
    """Two sections, tags, reporters; live articles (one corrected, one from a
    WordPress import with its old addresses), a draft with a preview link, a
    withdrawn and a scheduled one; search index, Baca Juga lists, archive counts and
    view counts all in place, so that reading any page has nothing left to store."""
    now = timezone.now()
    politik, dunia = make_section("Politik"), make_section("Dunia", position=1)
    ani, budi = make_reporter("Ani Rahma"), make_reporter("Budi Santoso")
    kpk, banjir = make_tag("KPK"), make_tag("Banjir Jakarta")
    photo = make_photo("Gedung KPK di Jakarta", "Antara")
    live = [
        make_article(
            title=f"KPK periksa saksi pembangunan jalan {n}",
            section=(politik, dunia)[n % 2],
            reporter=(ani, budi)[n % 2],
            tags=[(kpk, banjir)[n % 2]],
            lead_photo=photo if n == 0 else None,
            published_at=now - timedelta(days=n * 70, hours=1),
        )
        for n in range(7)
    ]
    import_wordpress(BytesIO(wxr(post(101, "Banjir rendam Kampung Melayu")).encode()))
    live.append(Article.objects.get(wordpress_post__post_id=101))
    article_correct(
        article=live[0], actor=make_user(EDITOR), kind="ralat", body="<p>Yang benar: Selasa.</p>"
    )
    draft = make_article(title="Draf rahasia", status=Article.Status.DRAFT, section=politik)
    withdrawn = make_article(title="Berita ditarik", status=Article.Status.WITHDRAWN)
    scheduled = make_article(
        title="Berita terjadwal",
        status=Article.Status.SCHEDULED,
        published_at=now + timedelta(days=2),
    )
    index_articles(article_ids=[article.pk for article in live])
    # Baca Juga lists stored ahead (as `warta related` does), so no page computes one.
    RelatedArticle.objects.bulk_create(
        RelatedArticle(article=article, related=other, rank=rank)
        for article in live
        for rank, other in enumerate(a for a in live if a != article)
    )
    hour = now.replace(minute=0, second=0, microsecond=0)
    ArticleViewHour.objects.bulk_create(
        ArticleViewHour(article=article, hour=hour, views=7) for article in live
    )
    archive_recount_all()
    media = settings.MEDIA_ROOT / "photos" / "uji.txt"
    media.parent.mkdir(parents=True, exist_ok=True)
    media.write_text("bukan foto")
    return Newsroom(
        sections=["politik", "dunia", "umum"],
        tags=["kpk", "banjir-jakarta"],
        reporters=["ani-rahma", "budi-santoso"],
        live=[Article.objects.get(pk=article.pk) for article in live],
        draft=draft,
        withdrawn=withdrawn,
        scheduled=scheduled,
        preview=preview_token(draft),
        media_file="photos/uji.txt",
    )
