"""Reads that reader pages, feeds and other apps share.

Short lists shown on every page (UPDATE, the section navigation) are cached as plain
data for a few seconds: every page view would otherwise repeat the same queries.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache

from .models import Article, Section, Tag


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
