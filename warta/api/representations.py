"""Articles, sections and Populer as the API shows them: plain dicts that the schemas
in ``schemas.py`` validate. Every link is absolute, every time carries the site
zone's offset."""

from django.core.files.storage import default_storage
from django.urls import reverse

from warta.common.dates import iso_with_offset
from warta.newsroom.models import Article, Correction, Photo, Reporter, Section, Tag
from warta.newsroom.selectors import ArticleLink

PHOTO_TYPE = "image/webp"


class Links:
    """Absolute URLs for one request. A page of 100 articles names few sections and
    reporters, so each of their URLs is built once; API URLs are the documented
    paths under the API's root."""

    def __init__(self, request):
        self.origin = request.build_absolute_uri("/").removesuffix("/")
        self.articles_api = self.origin + reverse("api:articles")
        self._built: dict[tuple[str, str], str] = {}

    def absolute(self, path: str) -> str:
        return self.origin + path

    def media(self, path: str) -> str:
        url = default_storage.url(path)
        # A CDN storage already answers absolute URLs; the file system answers /media/...
        return self.absolute(url) if url.startswith("/") else url

    def page_of(self, target: Section | Reporter | Tag) -> str:
        key = (type(target).__name__, target.slug)
        if key not in self._built:
            self._built[key] = self.absolute(target.get_absolute_url())
        return self._built[key]

    def article_api(self, pk: int, suffix: str = "") -> str:
        return f"{self.articles_api}/{pk}{suffix}"


def modified_at(article: Article):
    # An article imported or scheduled ahead may have been saved before its time.
    return max(article.updated_at, article.published_at)


def image(links: Links, photo: Photo | None) -> dict | None:
    rendition = photo.default_rendition if photo is not None else None
    if rendition is None:
        return None
    return {
        "url": links.media(rendition["path"]),
        "content_type": PHOTO_TYPE,
        "width": rendition.get("width"),
        "height": rendition.get("height"),
        "caption": photo.caption,
        "credit": photo.credit,
        "alt": photo.alt,
    }


def article_summary(links: Links, article: Article, tags: list[Tag]) -> dict:
    return {
        "id": article.pk,
        "title": article.title,
        "lead": article.lead,
        "url": links.absolute(article.get_absolute_url()),
        "api_url": links.article_api(article.pk),
        "ninjs_url": links.article_api(article.pk, "/ninjs"),
        "section": {
            "slug": article.section.slug,
            "name": article.section.name,
            "url": links.page_of(article.section),
        },
        "reporter": {
            "slug": article.reporter.slug,
            "name": article.reporter.name,
            "url": links.page_of(article.reporter),
        },
        "tags": [{"slug": tag.slug, "name": tag.name} for tag in tags],
        "image": image(links, article.lead_photo),
        "published_at": iso_with_offset(article.published_at),
        "modified_at": iso_with_offset(modified_at(article)),
    }


def article_detail(
    links: Links, article: Article, tags: list[Tag], corrections: list[Correction]
) -> dict:
    return {
        **article_summary(links, article, tags),
        "body": article.body,
        "corrections": [
            {
                "kind": correction.kind,
                "body": correction.body,
                "created_at": iso_with_offset(correction.created_at),
            }
            for correction in corrections
        ],
    }


def section(links: Links, found: Section) -> dict:
    return {
        "slug": found.slug,
        "name": found.name,
        "description": found.description,
        "url": links.page_of(found),
        "articles_url": f"{links.articles_api}?section={found.slug}",
        "rss_url": links.absolute(reverse("syndication:section-rss", args=[found.slug])),
        "atom_url": links.absolute(reverse("syndication:section-atom", args=[found.slug])),
    }


def popular_article(links: Links, rank: int, link: ArticleLink) -> dict:
    return {
        "rank": rank,
        "id": link.id,
        "title": link.title,
        "url": links.absolute(link.url),
        "api_url": links.article_api(link.id),
        "published_at": iso_with_offset(link.published_at),
    }
