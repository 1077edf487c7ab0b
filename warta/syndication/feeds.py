"""RSS 2.0 and Atom feeds: the whole site, and each section, tag and reporter.

Declarative ``Feed`` subclasses; only the choice of articles differs between them.
Each feed answers with a few queries whatever its length (related rows joined, tags
prefetched), and ``feed_view`` answers ``If-Modified-Since`` with 304 before the
feed is built.
"""

import copy
from datetime import datetime

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Max, Prefetch, Q
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.views.decorators.http import condition

from warta.newsroom.models import Article, Reporter, Section, Tag

from .photos import lead_image

FEED_LENGTH = 50
# The date in every item's tag: URI (RFC 4151). Fixed forever: changing it would make
# every reader see every article again as new.
GUID_DATE = "2026"


class ArticleFeed(Feed):
    """The newest published articles of the whole site, as RSS 2.0."""

    feed_type = Rss201rev2Feed
    language = "id"
    item_guid_is_permalink = False

    def __call__(self, request, *args, **kwargs):
        # One Feed instance serves every request; the copy carries this request's
        # host (for enclosure URLs and guids) without sharing it between threads.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    # -- what each feed chooses ------------------------------------------------

    def get_object(self, request, *args, **kwargs):
        return None

    def articles(self, obj):
        """Every article in the feed's scope, whatever its status."""
        return Article.objects.all()

    def title(self, obj):
        return f"{settings.SITE_NAME}: Berita Terbaru"

    def link(self, obj):
        return reverse("portal:home")

    def description(self, obj):
        return settings.SITE_TAGLINE

    # Atom's name for the description.
    def subtitle(self, obj):
        return self.description(obj)

    # -- shared by all feeds ---------------------------------------------------

    def items(self, obj):
        return (
            self.articles(obj)
            .published()
            .latest_first()
            .select_related("section", "reporter", "lead_photo")
            .prefetch_related(Prefetch("tags", queryset=Tag.objects.only("id", "name")))
            .defer("body")[:FEED_LENGTH]
        )

    def last_modified(self, request, *args, **kwargs) -> datetime | None:
        """When the feed last changed: an edit or withdrawal in its scope (updated_at)
        or a scheduled article coming due (published_at). One query."""
        try:
            obj = self.get_object(request, *args, **kwargs)
        except ObjectDoesNotExist:
            return None  # the feed itself answers 404
        found = self.articles(obj).aggregate(
            updated=Max("updated_at"),
            due=Max(
                "published_at",
                filter=Q(status__in=Article.LIVE_STATUSES, published_at__lte=timezone.now()),
            ),
        )
        moments = [moment for moment in found.values() if moment is not None]
        return max(moments, default=None)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_guid(self, item):
        # Built from the id: stays the same when the title, slug or section changes.
        domain, _ = split_domain_port(get_current_site(self.request).domain)
        return f"tag:{domain or 'localhost'},{GUID_DATE}:artikel:{item.pk}"

    def item_author_name(self, item):
        return item.reporter.name

    def item_categories(self, item):
        return [item.section.name, *(tag.name for tag in item.tags.all())]

    def item_pubdate(self, item):
        return timezone.localtime(item.published_at)

    def item_updateddate(self, item):
        return timezone.localtime(item.updated_at)

    def item_enclosures(self, item):
        image = lead_image(
            item.lead_photo, self.request.build_absolute_uri("/")[:-1], with_length=True
        )
        if image is None:
            return []
        return [Enclosure(image.url, str(image.length), image.mime_type)]


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

    feed_type = Atom1Feed


class ArticleAtomFeed(AtomFeed, ArticleFeed):
    pass


class SectionAtomFeed(AtomFeed, SectionFeed):
    pass


class TagAtomFeed(AtomFeed, TagFeed):
    pass


class ReporterAtomFeed(AtomFeed, ReporterFeed):
    pass


def feed_view(feed: ArticleFeed):
    """The feed behind conditional GET: 304 when nothing in its scope changed."""

    @condition(last_modified_func=feed.last_modified)
    def view(request, *args, **kwargs):
        response = feed(request, *args, **kwargs)
        # Feed dates its response by its newest item; a withdrawal removes items
        # without adding one, so the scope's time (set by condition()) replaces it.
        del response["Last-Modified"]
        return response

    return view
