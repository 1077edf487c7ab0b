"""RSS 2.0 and Atom feeds: the whole site, and each section, tag and reporter.

Declarative ``Feed`` subclasses; only the choice of articles differs between them.
Each feed answers with a few indexed queries whatever the archive's size, and
``feed_view`` answers ``If-Modified-Since`` with 304 before the feed is built. The lead
photo travels as an RSS ``enclosure`` (an Atom ``link rel="enclosure"``) and as Media
RSS ``media:content``, which most readers and aggregators use for the picture.

Items are plain records read as rows (no model instances, addresses formatted from
one ``reverse()``), and the XML is written into one string before the response: per
item, model instances, ``reverse()`` and a write per element into the response cost
more than the XML itself.
"""

import copy
import io
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponse
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.views.decorators.http import condition

from warta.common.http_cache import public_page
from warta.newsroom.models import Article, Reporter, Section, Tag

from .links import ArticleAddresses
from .photos import LeadImage, MediaAddresses
from .selectors import newest_live

FEED_LENGTH = 50
# The date in every item's tag: URI (RFC 4151). Fixed forever: changing it would make
# every reader see every article again as new.
GUID_DATE = "2026"
MEDIA_NAMESPACE = "http://search.yahoo.com/mrss/"


class MediaRss201Feed(Rss201rev2Feed):
    """RSS 2.0 with the Media RSS namespace: ``media:content`` for the lead photo."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        add_media_content(handler, item)


class MediaAtom1Feed(Atom1Feed):
    """Atom 1.0 with the Media RSS namespace: ``media:content`` for the lead photo."""

    def root_attributes(self):
        return {**super().root_attributes(), "xmlns:media": MEDIA_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        add_media_content(handler, item)


def add_media_content(handler, item) -> None:
    image = item.get("image")
    if image is None:
        return
    attributes = {"url": image.url, "type": image.mime_type, "medium": "image"}
    if image.width and image.height:
        attributes.update(width=str(image.width), height=str(image.height))
    handler.addQuickElement("media:content", None, attributes)


class ArticleFeed(Feed):
    """The newest published articles of the whole site, as RSS 2.0."""

    feed_type = MediaRss201Feed
    language = "id"
    item_guid_is_permalink = False

    def __call__(self, request, *args, **kwargs):
        try:
            obj = self.scope(*args, **kwargs)
        except ObjectDoesNotExist:
            raise Http404("Feed tidak ada") from None
        feed = self.get_feed(obj, request)
        # Written into one string: the response would take a write per element.
        buffer = io.StringIO()
        feed.write(buffer, "utf-8")
        return HttpResponse(buffer.getvalue(), content_type=feed.content_type)

    def for_request(self, request) -> "ArticleFeed":
        """This feed for one request: the copy carries the request's host (for guids and
        absolute URLs) and what it has read, without sharing them between threads."""
        feed = copy.copy(self)
        feed.request = request
        feed._scopes = {}
        return feed

    def scope(self, *args, **kwargs):
        """The feed's object (section, tag, reporter), read once per request."""
        key = (args, tuple(sorted(kwargs.items())))
        if key not in self._scopes:
            self._scopes[key] = self.get_object(self.request, *args, **kwargs)
        return self._scopes[key]

    # -- what each feed chooses ------------------------------------------------

    def get_object(self, request, *args, **kwargs):
        return None

    def articles(self, obj):
        """Every article in the feed's scope, whatever its status."""
        return Article.objects.all()

    def withdrawn(self, obj):
        """The scope's withdrawn articles. Read newest change first down the (short)
        list of withdrawn articles, each asked whether it is in the scope: read from the
        scope's side, the newest change would walk every article of a section or tag."""
        in_scope = self.articles(obj).filter(pk=OuterRef("pk"))
        return Article.objects.withdrawn().filter(Exists(in_scope))

    def title(self, obj):
        return f"{settings.SITE_NAME}: Berita Terbaru"

    def link(self, obj):
        return reverse("portal:home")

    def description(self, obj):
        return settings.SITE_TAGLINE

    # Atom's name for the description.
    def subtitle(self, obj):
        return self.description(obj)

    # Atom wants an author for the feed as a whole: the newsroom.
    def author_name(self, obj):
        return settings.SITE_NAME

    # -- shared by all feeds ---------------------------------------------------

    def items(self, obj):
        return self._entries(obj)

    def _entries(self, obj) -> list["FeedEntry"]:
        key = ("entries", id(obj))
        if key not in self._scopes:
            self._scopes[key] = read_entries(
                [pk for _, pk in newest_live(self.articles(obj), FEED_LENGTH)], self.request
            )
        return self._scopes[key]

    def last_modified(self, request, *args, **kwargs) -> datetime | None:
        """When the feed last changed: an article in it was published (a scheduled one
        coming due included) or edited, or one in its scope was withdrawn. The items
        are read here already (the feed reuses them); the withdrawal is one index read."""
        try:
            obj = self.scope(*args, **kwargs)
        except ObjectDoesNotExist:
            return None  # the feed itself answers 404
        withdrawn = self.withdrawn(obj).order_by("-updated_at").values_list("updated_at")[:1]
        moments = [
            *(entry.published_at for entry in self._entries(obj)),
            *(entry.updated_at for entry in self._entries(obj)),
            *(moment for (moment,) in withdrawn),
        ]
        return max(moments, default=None)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        return item.link

    def item_guid(self, item):
        return item.guid

    def item_author_name(self, item):
        return item.author

    def item_categories(self, item):
        return item.categories

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_extra_kwargs(self, item):
        # For media:content; its size is optional there.
        return {"image": item.image}

    def item_enclosures(self, item):
        if item.image is None:
            return []
        return [Enclosure(item.image.url, str(item.image.length), item.image.mime_type)]


@dataclass(frozen=True)
class FeedEntry:
    """One article as a feed item shows it; dates in the site's zone."""

    title: str
    lead: str
    link: str
    guid: str
    author: str
    categories: list[str]
    published_at: datetime
    updated_at: datetime
    image: LeadImage | None


def read_entries(ids: list[int], request) -> list[FeedEntry]:
    """The feed items of these articles, newest first: two queries (articles with their
    section, reporter and photo; their tags), no model instances."""
    if not ids:
        return []
    rows = (
        Article.objects.filter(pk__in=ids)
        .latest_first()
        .values_list("id", "title", "slug", "lead", "published_at", "updated_at",
                     "section__slug", "section__name", "reporter__name",
                     "lead_photo__renditions")
    )  # fmt: skip
    tags = {}
    for article_id, name in (
        Article.tags.through.objects.filter(article_id__in=ids)
        .order_by("tag__name")
        .values_list("article_id", "tag__name")
    ):
        tags.setdefault(article_id, []).append(name)
    base = request.build_absolute_uri("/")[:-1]
    addresses, media = ArticleAddresses(base), MediaAddresses(base)
    # Built from the id: stays the same when the title, slug or section changes.
    domain, _ = split_domain_port(get_current_site(request).domain)
    guid = f"tag:{domain or 'localhost'},{GUID_DATE}:artikel:{{}}"
    zone = timezone.get_current_timezone()
    return [
        FeedEntry(
            title=title,
            lead=lead,
            link=addresses.article(
                pk=pk, slug=slug, section_slug=section_slug, published_at=published_at
            ),
            guid=guid.format(pk),
            author=reporter,
            categories=[section_name, *tags.get(pk, ())],
            published_at=published_at.astimezone(zone),
            updated_at=updated_at.astimezone(zone),
            image=media.lead_image(renditions, with_length=True),
        )
        for (pk, title, slug, lead, published_at, updated_at, section_slug, section_name,
             reporter, renditions) in rows
    ]  # fmt: skip


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        return Section.objects.get(slug=slug)

    def articles(self, obj):
        return Article.objects.in_section(obj)

    def title(self, obj):
        return f"{settings.SITE_NAME}: Rubrik {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return obj.description or f"Berita terbaru rubrik {obj.name}"


class TagFeed(ArticleFeed):
    def get_object(self, request, slug):
        return Tag.objects.get(slug=slug)

    def articles(self, obj):
        return Article.objects.tagged(obj)

    def title(self, obj):
        return f"{settings.SITE_NAME}: Tag {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return f"Berita terbaru dengan tag {obj.name}"


class ReporterFeed(ArticleFeed):
    def get_object(self, request, slug):
        return Reporter.objects.get(slug=slug)

    def articles(self, obj):
        return Article.objects.by_reporter(obj)

    def title(self, obj):
        return f"{settings.SITE_NAME}: Berita oleh {obj.name}"

    def link(self, obj):
        return obj.get_absolute_url()

    def description(self, obj):
        return f"Berita terbaru oleh {obj.name}"


class AtomFeed:
    """Mixed in before a feed class: the same feed as Atom 1.0."""

    feed_type = MediaAtom1Feed


class ArticleAtomFeed(AtomFeed, ArticleFeed):
    pass


class SectionAtomFeed(AtomFeed, SectionFeed):
    pass


class TagAtomFeed(AtomFeed, TagFeed):
    pass


class ReporterAtomFeed(AtomFeed, ReporterFeed):
    pass


def feed_view(feed: ArticleFeed):
    """The feed behind conditional GET: 304 when nothing in its scope changed; shared
    caches and readers may keep it as briefly as a reader page."""

    @public_page
    def view(request, *args, **kwargs):
        current = feed.for_request(request)
        respond = condition(
            last_modified_func=lambda request, *a, **k: current.last_modified(request, *a, **k)
        )(lambda request, *a, **k: current(request, *a, **k))
        return respond(request, *args, **kwargs)

    return view
