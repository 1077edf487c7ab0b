"""JSON-LD for search engines: NewsArticle and BreadcrumbList (schema.org)."""

from django.conf import settings
from django.templatetags.static import static

from warta.common.dates import iso_with_offset
from warta.newsroom.models import Article, Tag


def _absolute_media(request, photo) -> str | None:
    rendition = photo.default_rendition if photo else None
    if rendition is None:
        return None
    return request.build_absolute_uri(f"{settings.MEDIA_URL}{rendition['path']}")


def article_structured_data(
    request, article: Article, tags: list[Tag], url: str | None = None
) -> list[dict]:
    url = url or request.build_absolute_uri(article.get_absolute_url())
    section_url = request.build_absolute_uri(article.section.get_absolute_url())
    news_article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "headline": article.title[:110],
        "description": article.lead,
        "datePublished": iso_with_offset(article.published_at),
        "dateModified": iso_with_offset(max(article.updated_at, article.published_at)),
        "articleSection": article.section.name,
        "inLanguage": "id",
        "author": {
            "@type": "Person",
            "name": article.reporter.name,
            "url": request.build_absolute_uri(article.reporter.get_absolute_url()),
        },
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "logo": {
                "@type": "ImageObject",
                "url": request.build_absolute_uri(static("portal/logo.png")),
            },
        },
    }
    image = _absolute_media(request, article.lead_photo)
    if image:
        news_article["image"] = [image]
    if tags:
        news_article["keywords"] = [tag.name for tag in tags]
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": 1,
                "name": "Berita",
                "item": request.build_absolute_uri("/"),
            },
            {"@type": "ListItem", "position": 2, "name": article.section.name, "item": section_url},
            {"@type": "ListItem", "position": 3, "name": article.title, "item": url},
        ],
    }
    return [news_article, breadcrumbs]
