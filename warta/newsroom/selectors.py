"""Reads that reader pages, feeds and other apps share.

Short lists shown on every page (UPDATE, the section navigation) are cached as plain
data for a few seconds: every page view would otherwise repeat the same queries.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from .models import Article, Correction, Section, Tag


@dataclass(frozen=True)
class ArticleLink:
    """What a headline list needs of an article; small, cacheable, no model instance."""

    id: int
    title: str
    url: str
    published_at: datetime

    @classmethod
    def of(cls, article: Article) -> "ArticleLink":
        return cls(article.pk, article.title, article.get_absolute_url(), article.published_at)


@dataclass(frozen=True)
class SectionLink:
    name: str
    slug: str
    url: str


def article_links(articles) -> list[ArticleLink]:
    return [ArticleLink.of(article) for article in articles]


# The list lengths pages ask for; forget_lists() drops each of them.
LATEST_LENGTHS = (10,)
FRONT_BLOCK_LENGTHS = (4,)


def forget_lists() -> None:
    """Drop every cached list, so an article published or withdrawn shows at once."""
    cache.delete_many(
        [f"newsroom:latest:{n}" for n in LATEST_LENGTHS]
        + [f"newsroom:section-blocks:{n}" for n in FRONT_BLOCK_LENGTHS]
        + [PLACEMENTS_KEY]
    )


def latest_links(limit: int = 10) -> list[ArticleLink]:
    """The newest published articles (the UPDATE box), cached briefly."""
    key = f"newsroom:latest:{limit}"
    links = cache.get(key)
    if links is None:
        articles = (
            Article.objects.published()
            .latest_first()
            .select_related("section")
            .only("id", "title", "slug", "published_at", "section__slug")[:limit]
        )
        links = article_links(articles)
        cache.set(key, links, settings.LIST_CACHE_SECONDS)
    return links


def section_links() -> list[SectionLink]:
    """The section navigation, in the newsroom's chosen order."""
    links = cache.get("newsroom:sections")
    if links is None:
        links = [
            SectionLink(section.name, section.slug, section.get_absolute_url())
            for section in Section.objects.all()
        ]
        cache.set("newsroom:sections", links, 300)
    return links


def article_for_reading(pk: int) -> Article | None:
    """A published article with everything its page shows, or None.

    Fetched by primary key and checked with ``Article.is_live`` (the in-memory twin of
    ``published()``): building the filtered query costs the article page more than
    running it.
    """
    try:
        article = Article.objects.select_related("section", "reporter", "lead_photo").get(pk=pk)
    except Article.DoesNotExist:
        return None
    return article if article.is_live else None


def is_withdrawn(pk: int) -> bool:
    return Article.objects.withdrawn().filter(pk=pk).exists()


def tags_of(article: Article) -> list[Tag]:
    """The article's tags, alphabetically: one plain query, no prefetch machinery."""
    return list(Tag.objects.filter(articles=article.pk).only("name", "slug"))


def section_front_blocks(per_section: int = 4) -> list[tuple[SectionLink, list[Article]]]:
    """The home page's block per section: each section's newest articles, cached briefly.

    One indexed LIMIT query per section: cheaper at any archive size than a window
    function over every published article.
    """
    blocks = cache.get(f"newsroom:section-blocks:{per_section}")
    if blocks is None:
        blocks = []
        for section in Section.objects.all():
            articles = list(
                Article.objects.published()
                .in_section(section)
                .latest_first()
                .for_listing()[:per_section]
            )
            if articles:
                link = SectionLink(section.name, section.slug, section.get_absolute_url())
                blocks.append((link, articles))
        cache.set(f"newsroom:section-blocks:{per_section}", blocks, settings.LIST_CACHE_SECONDS)
    return blocks


PLACEMENTS_KEY = "newsroom:placements"
# A headline leads the home page for a day at most; breaking news is news for hours.
HEADLINE_HOURS = 24
BREAKING_HOURS = 6
EDITORS_PICKS = 5


@dataclass(frozen=True)
class Placements:
    """What the managing editor placed: the home page's lead, picks and breaking bar."""

    headline: Article | None
    editors_picks: list[ArticleLink]
    breaking: list[ArticleLink]


def placements() -> Placements:
    found = cache.get(PLACEMENTS_KEY)
    if found is None:
        now = timezone.now()
        live = Article.objects.published(now).latest_first()
        found = Placements(
            headline=live.filter(
                is_headline=True, live_from__gte=now - timedelta(hours=HEADLINE_HOURS)
            )
            .for_listing()
            .first(),
            editors_picks=article_links(
                live.filter(is_editors_pick=True).select_related("section")[:EDITORS_PICKS]
            ),
            breaking=article_links(
                live.filter(
                    is_breaking=True, live_from__gte=now - timedelta(hours=BREAKING_HOURS)
                ).select_related("section")[:3]
            ),
        )
        cache.set(PLACEMENTS_KEY, found, settings.LIST_CACHE_SECONDS)
    return found


def corrections_of(article: Article) -> list[Correction]:
    """An article's Ralat and Hak Jawab, in the order they were made: one plain query."""
    return list(
        Correction.objects.filter(article=article.pk)
        .order_by("created_at", "pk")
        .only("id", "kind", "body", "created_at")
    )


def published_corrections():
    """Corrections of articles readers can see (a withdrawn story takes its own along)."""
    return (
        Correction.objects.filter(article__in=Article.objects.published())
        .select_related("article__section")
        .only(
            "id", "kind", "body", "created_at", "article__id", "article__title",
            "article__slug", "article__published_at", "article__section__slug",
            "article__section__name",
        )
    )  # fmt: skip
