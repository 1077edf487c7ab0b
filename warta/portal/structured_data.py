"""What a reader page tells machines about itself: schema.org JSON-LD and the share image.

* Home: ``WebSite`` with a ``SearchAction`` on /cari, and the publisher's ``Organization``.
  Both describe the whole site and Google reads them from the home page only, so the
  other pages (the article page above all) do not carry them on every view.
* Article: ``NewsArticle`` and ``BreadcrumbList``.
* Section, tag, reporter and the Indeks: ``BreadcrumbList`` and a ``CollectionPage``
  whose ``ItemList`` names the articles already on the page (no extra query).
* Ralat and search: ``BreadcrumbList``.

Every URL is absolute and every date carries the site's UTC offset. The blocks are
plain dicts; the ``jsonld`` template filter serialises them with ``<``, ``>`` and
``&`` escaped, so a headline holding ``</script>`` cannot end the script element.
"""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse

from warta.common.dates import iso_with_offset
from warta.newsroom.models import Article, Photo, Tag

SCHEMA = "https://schema.org"
# The masthead logo's size in pixels (portal/static/portal/logo.png): Google wants
# publisher logos no taller than 60 px and no wider than 600 px.
LOGO_WIDTH, LOGO_HEIGHT = 600, 60
# Google shows at most 110 characters of a NewsArticle headline.
HEADLINE_MAX = 110
SEARCH_TERM = "search_term_string"


def share_image(request, photo: Photo | None) -> dict | None:
    """The photo's default rendition as Open Graph wants it (absolute url, size), or None."""
    rendition = photo.default_rendition if photo else None
    if rendition is None:
        return None
    return {
        "url": request.build_absolute_uri(f"{settings.MEDIA_URL}{rendition['path']}"),
        "width": rendition.get("width"),
        "height": rendition.get("height"),
    }


def first_share_image(request, articles: list[Article]) -> dict | None:
    """A list page's share image: the first lead photo among its articles."""
    for article in articles:
        image = share_image(request, article.lead_photo)
        if image:
            return image
    return None


def _home(request) -> str:
    return request.build_absolute_uri(reverse("portal:home"))


def _logo(request) -> dict:
    return {
        "@type": "ImageObject",
        "url": request.build_absolute_uri(static("portal/logo.png")),
        "width": LOGO_WIDTH,
        "height": LOGO_HEIGHT,
    }


def _publisher(request) -> dict:
    return {
        "@type": "Organization",
        "name": settings.SITE_NAME,
        "url": _home(request),
        "logo": _logo(request),
    }


def organization(request) -> dict:
    found = {"@context": SCHEMA, **_publisher(request)}
    if settings.SITE_SAME_AS:
        found["sameAs"] = list(settings.SITE_SAME_AS)
    return found


def website(request) -> dict:
    search = request.build_absolute_uri(reverse("portal:search"))
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": settings.SITE_NAME,
        "url": _home(request),
        "inLanguage": "id",
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{search}?q={{{SEARCH_TERM}}}",
            },
            "query-input": f"required name={SEARCH_TERM}",
        },
    }


def home_structured_data(request) -> list[dict]:
    return [website(request), organization(request)]


def breadcrumb_list(request, trail: list[tuple[str, str]]) -> dict:
    """The page's trail as the breadcrumb navigation shows it, from "Berita" (home) on."""
    steps = [("Berita", reverse("portal:home")), *trail]
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": request.build_absolute_uri(href),
            }
            for position, (name, href) in enumerate(steps, start=1)
        ],
    }


def list_structured_data(
    request, trail: list[tuple[str, str]], articles: list[Article], url: str
) -> list[dict]:
    """A list page (section, tag, reporter, Indeks): its trail and the articles it shows."""
    collection = {
        "@context": SCHEMA,
        "@type": "CollectionPage",
        "name": trail[-1][0],
        "url": url,
        "inLanguage": "id",
        "mainEntity": {
            "@type": "ItemList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "url": request.build_absolute_uri(article.get_absolute_url()),
                }
                for position, article in enumerate(articles, start=1)
            ],
        },
    }
    return [breadcrumb_list(request, trail), collection]


def article_structured_data(
    request, article: Article, tags: list[Tag], url: str | None = None
) -> list[dict]:
    url = url or request.build_absolute_uri(article.get_absolute_url())
    news_article = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "mainEntityOfPage": url,
        "url": url,
        "headline": article.title[:HEADLINE_MAX],
        "description": article.lead,
        # A scheduled article's record may be older than its publication time.
        "datePublished": iso_with_offset(article.published_at),
        "dateModified": iso_with_offset(max(article.updated_at, article.published_at)),
        "articleSection": article.section.name,
        "inLanguage": "id",
        "author": {
            "@type": "Person",
            "name": article.reporter.name,
            "url": request.build_absolute_uri(article.reporter.get_absolute_url()),
        },
        "publisher": _publisher(request),
    }
    image = share_image(request, article.lead_photo)
    if image:
        news_article["image"] = [image["url"]]
    if tags:
        news_article["keywords"] = [tag.name for tag in tags]
    trail = [
        (article.section.name, article.section.get_absolute_url()),
        (article.title, url),
    ]
    return [news_article, breadcrumb_list(request, trail)]
