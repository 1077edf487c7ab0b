"""Sitemaps: articles one sitemap per month, sections, reporters and Google News.

Article sitemaps are split by the month of publication (site time zone) so each
stays far below the 50,000-URL limit and an old month's file never changes unless
one of its articles does. The index lists the months that have articles; ``Sitemaps``
finds them with one grouped query instead of two queries per month.
"""

import re
from collections.abc import Mapping
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import Count, Exists, Max, OuterRef
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.functional import cached_property

from warta.common.dates import iso_with_offset
from warta.newsroom.models import Article, Reporter, Section

from .photos import lead_image

MONTH_KEY = re.compile(r"berita-(?P<year>[0-9]{4})-(?P<month>[0-9]{2})")
NEWS_HOURS = 48
# Google News reads at most 1,000 URLs from a news sitemap.
NEWS_LIMIT = 1000


def _month_start(year: int, month: int) -> datetime:
    return datetime(year, month, 1, tzinfo=timezone.get_current_timezone())


def _next_month(start: datetime) -> datetime:
    return _month_start(start.year + start.month // 12, start.month % 12 + 1)


class ImageSitemap(Sitemap):
    """Adds ``image`` (the lead photo's absolute URL) to each entry, for the
    ``image:image`` extension in ``syndication/sitemap.xml``."""

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        for url in urls:
            url["image"] = lead_image(url["item"].lead_photo, base)
        return urls


class ArticleMonthSitemap(ImageSitemap):
    """The published articles of one month; ``count`` and ``latest`` when the index
    already knows them."""

    def __init__(self, year: int, month: int, count: int | None = None, latest=None):
        self.start = _month_start(year, month)
        self.count = count
        self.latest = latest

    def items(self):
        start = self.start
        return (
            Article.objects.published()
            .filter(published_at__gte=start, published_at__lt=_next_month(start))
            .latest_first()
            .select_related("section", "lead_photo")
            .only("id", "slug", "published_at", "updated_at", "section__slug",
                  "lead_photo__renditions")
        )  # fmt: skip

    def lastmod(self, item):
        # Whole seconds: the template's ISO 8601 then carries no microseconds.
        return item.updated_at.replace(microsecond=0)

    def get_latest_lastmod(self):
        if self.latest is not None:
            return self.latest
        return self.items().aggregate(latest=Max("updated_at"))["latest"]

    @cached_property
    def paginator(self):
        # A month without articles is no sitemap: page 1 raises EmptyPage, which the
        # sitemap view answers with 404, so its count doubles as the existence check.
        paginator = Paginator(self.items(), self.limit, allow_empty_first_page=False)
        if self.count is not None:
            paginator.count = self.count  # known from the index's grouped query
        return paginator


class SectionSitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Section.objects.only("slug")


class ReporterSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        # Only reporters readers can find something from.
        published = Article.objects.published().filter(reporter=OuterRef("pk"))
        return Reporter.objects.filter(Exists(published)).order_by("name").only("slug")


class NewsSitemap(Sitemap):
    """Google News: articles of the last 48 hours, rendered by
    ``syndication/sitemap_news.xml`` with the news namespace."""

    limit = NEWS_LIMIT

    def items(self):
        now = timezone.now()
        return (
            Article.objects.published(now)
            .filter(published_at__gte=now - timedelta(hours=NEWS_HOURS))
            .latest_first()
            .select_related("section")
            .only("id", "title", "slug", "published_at", "updated_at", "section__slug")
        )

    def lastmod(self, item):
        return item.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            url["publication_name"] = settings.SITE_NAME
            url["publication_date"] = iso_with_offset(url["item"].published_at)
        return urls


FIXED = {"rubrik": SectionSitemap, "wartawan": ReporterSitemap}


class Sitemaps(Mapping):
    """The sitemap index's sections, as Django's sitemap views take them: the fixed
    ones plus ``berita-YYYY-MM`` for every month with published articles."""

    # Compared by identity: URL reversing compares a pattern's extra arguments, and
    # Mapping's equality would query (and build) every month to do it.
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def _months(self) -> dict[str, ArticleMonthSitemap]:
        rows = (
            Article.objects.published()
            .annotate(month=TruncMonth("published_at"))
            .values("month")
            .annotate(count=Count("id"), latest=Max("updated_at"))
            .order_by("-month")
        )
        return {
            f"berita-{row['month']:%Y-%m}": ArticleMonthSitemap(
                row["month"].year, row["month"].month, row["count"], row["latest"]
            )
            for row in rows
        }

    def items(self):
        # The index walks every section: one query for all the months.
        return [*((key, cls()) for key, cls in FIXED.items()), *self._months().items()]

    def __getitem__(self, key):
        if key in FIXED:
            return FIXED[key]()
        match = MONTH_KEY.fullmatch(key) if isinstance(key, str) else None
        # Outside these years there is no news, and date arithmetic near 9999 overflows.
        if match is None:
            raise KeyError(key)
        year, month = int(match["year"]), int(match["month"])
        if not (1900 <= year <= 2999 and 1 <= month <= 12):
            raise KeyError(key)
        return ArticleMonthSitemap(year, month)

    def __iter__(self):
        return iter([*FIXED, *self._months()])

    def __len__(self):
        return len(FIXED) + len(self._months())
