"""Sitemaps: articles one sitemap per month, sections, reporters and Google News.

Article sitemaps are split by the month of publication (site time zone), and each
month into pages of ``MONTH_PAGE_SIZE`` URLs (``?p=2``, ...), far below the protocol's
50,000: a page of 50,000 URLs is megabytes of XML that no server renders quickly, and
an old month's pages never change unless one of their articles does.

Entries are plain rows (no model instances), their addresses formatted from one
``reverse()`` per page, rendered by Jinja2 templates (``jinja2/syndication/``): per URL,
Django's template language and ``reverse()`` cost ten times the rest.

Nothing here grows with the archive. The index (``/sitemap.xml``) lists sections,
reporters, Google News and the months of the current year; each earlier year has an
index of its own (``/sitemap-arsip-YYYY.xml``), listed in robots.txt, since an index
may not list other indexes. A million articles are some 4,000 month pages: one
index of them all would be half a megabyte, and a count per month to build it. Each
month's count comes from ``archive.py`` (stored; the current month counted on
request). A month's page walks the ``article_latest`` index (status, newest first)
and skips to its offset inside the index.
"""

import re
from collections.abc import Mapping
from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.functional import cached_property

from warta.common.dates import iso_with_offset
from warta.newsroom.models import Article, Reporter, Section

from .archive import archive_months, live_between, month_start, next_month
from .links import ArticleAddresses
from .photos import MediaAddresses
from .selectors import newest_live

MONTH_KEY = re.compile(r"berita-(?P<year>[0-9]{4})-(?P<month>[0-9]{2})")
NEWS_HOURS = 48
# Google News reads at most 1,000 URLs from a news sitemap.
NEWS_LIMIT = 1000
NEWS_PAGE_SIZE = 250
# URLs per page of a month's sitemap: small enough to build in a few milliseconds
# (about 40 µs per URL at 100,000 articles: a page of 1,000 took 45-55 ms).
MONTH_PAGE_SIZE = 250
# A month of 50,000 URLs has 200 pages; six digits leave room and stop overflows.
MAX_PAGE_DIGITS = 6
# The order of the article_latest index (status, -published_at, -id): pages read it
# as it lies on disk, with no sort.
INDEX_ORDER = ("status", "-published_at", "-id")
# Outside these years there is no news, and date arithmetic near 9999 overflows.
FIRST_YEAR, LAST_YEAR = 1900, 2999


class ArticleRowSitemap(Sitemap):
    """Articles as rows (``id``, ``slug``, ``published_at``, ``updated_at``,
    ``section__slug``, ...): each entry's address comes from ``ArticleAddresses``, made
    once per page; ``image`` (the lead photo's absolute URL, for ``image:image``) when
    the rows carry ``lead_photo__renditions``."""

    def get_urls(self, page=1, site=None, protocol=None):
        base = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        # A path: Sitemap puts "protocol://domain" before each location.
        self.addresses = ArticleAddresses("")
        media = MediaAddresses(base)
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            renditions = url["item"].get("lead_photo__renditions")
            url["image"] = media.lead_image(renditions) if renditions else None
        return urls

    def location(self, item):
        return self.addresses.article(
            pk=item["id"],
            slug=item["slug"],
            section_slug=item["section__slug"],
            published_at=item["published_at"],
        )


class UncountedPaginator(Paginator):
    """Pages of a month without counting it: a page exists when its slice has rows.

    The index already knows each month's count (and passes it); a crawler fetching a
    page then costs one query, not a count of the whole month first.
    """

    def validate_number(self, number):
        if "count" in self.__dict__:  # known: the usual checks against it
            return super().validate_number(number)
        text = str(number)
        # ASCII digits only ("²".isdigit() is true) and few of them: a huge page number
        # would overflow the database's integer before any row is read.
        if not (text.isascii() and text.isdigit()) or len(text) > MAX_PAGE_DIGITS:
            raise PageNotAnInteger("Nomor halaman tidak valid")
        if int(text) < 1:
            raise EmptyPage("Halaman tidak ada")
        return int(text)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        # The offset is walked in the index alone (ids only); just the page's rows are read.
        ids = list(self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page])
        # Read by primary key: the month's own filter would walk the month again.
        found = {row["id"]: row for row in self.fetch(ids)}
        rows = [found[pk] for pk in ids if pk in found]
        if not rows:
            # A month without articles, or a page past its end: the view answers 404.
            raise EmptyPage("Halaman tidak ada")
        return self._get_page(rows, number, self)


class ArticleMonthSitemap(ArticleRowSitemap):
    """The published articles of one month; ``count`` when the index already knows it."""

    limit = MONTH_PAGE_SIZE

    def __init__(self, year: int, month: int, count: int | None = None):
        self.start = month_start(year, month)
        self.count = count

    def live(self):
        return live_between(self.start, next_month(self.start))

    def items(self):
        return self.live().order_by(*INDEX_ORDER)

    @staticmethod
    def rows(ids: list[int]):
        """The articles of a page, with just what a sitemap entry needs."""
        return Article.objects.filter(pk__in=ids).values(
            "id", "slug", "published_at", "updated_at", "section__slug", "lead_photo__renditions"
        )

    def lastmod(self, item):
        # Whole seconds: the template's ISO 8601 then carries no microseconds.
        return item["updated_at"].replace(microsecond=0)

    def get_latest_lastmod(self):
        # The index gives no lastmod per month: the newest edit of a month is in no
        # index, and reading every article of every month for it would cost the index
        # a table scan. Each page still dates itself (Last-Modified, every url's lastmod).
        return None

    @cached_property
    def paginator(self):
        paginator = UncountedPaginator(self.items(), self.limit)
        paginator.fetch = self.rows
        if self.count is not None:
            paginator.count = self.count  # known from the index
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


class NewsSitemap(ArticleRowSitemap):
    """Google News: articles of the last 48 hours (at most the 1,000 Google reads),
    rendered by ``syndication/sitemap_news.xml`` with the news namespace.

    In pages of ``NEWS_PAGE_SIZE`` (``/sitemap-news.xml``, then ``?p=2``, ... listed in
    the sitemap index): a busy newsroom's 1,000 entries in one response cost more than
    a crawler should wait.
    """

    limit = NEWS_PAGE_SIZE

    def items(self):
        # By live_from (a live article's publication time): one range of the
        # article_live index. Bounded by published_at instead, the range fell on the
        # second column of (status, published_at) and PostgreSQL read the whole index
        # (60 ms at a million articles).
        return Article.objects.filter(live_from__gte=timezone.now() - timedelta(hours=NEWS_HOURS))

    @cached_property
    def paginator(self):
        # Counted inside the article_live index and capped at what Google reads: the
        # sitemap index needs nothing more. Only the page asked for reads its ids.
        count = min(self.items().published()[: NEWS_LIMIT + 1].count(), NEWS_LIMIT)
        return Paginator(range(count), self.limit)

    def get_urls(self, page=1, site=None, protocol=None):
        """The entries, built here rather than by ``Sitemap.get_urls``.

        A news entry has a location and a date and nothing else, yet the framework asks
        every hook (lastmod, priority, changefreq, alternates) for each entry.
        """
        shown = self.paginator.page(page)
        newest = newest_live(self.items(), shown.end_index())
        ids = [pk for _, pk in newest[shown.start_index() - 1 :]]
        found = {
            row["id"]: row
            for row in Article.objects.filter(pk__in=ids).values(
                "id", "title", "slug", "published_at", "updated_at", "section__slug"
            )
        }
        rows = [found[pk] for pk in ids if pk in found]
        # The sitemap view turns this into the page's Last-Modified.
        self.latest_lastmod = max((row["updated_at"] for row in rows), default=None)
        addresses = ArticleAddresses(f"{self.get_protocol(protocol)}://{self.get_domain(site)}")
        return [
            {
                "location": addresses.article(
                    pk=row["id"],
                    slug=row["slug"],
                    section_slug=row["section__slug"],
                    published_at=row["published_at"],
                ),
                "item": row,
                "publication_name": settings.SITE_NAME,
                "publication_date": iso_with_offset(row["published_at"]),
            }
            for row in rows
        ]


FIXED = {"rubrik": SectionSitemap, "wartawan": ReporterSitemap}


def month_sitemaps(year: int) -> dict[str, ArticleMonthSitemap]:
    """``berita-YYYY-MM`` for every month of ``year`` with published articles, newest
    first, each with its count."""
    return {
        f"berita-{month:%Y-%m}": ArticleMonthSitemap(month.year, month.month, count)
        for month, count in archive_months(year=year).items()
    }


class Sitemaps(Mapping):
    """The sitemap index's sections, as Django's sitemap views take them: the fixed
    ones, Google News and ``berita-YYYY-MM`` for each month of the current year with
    published articles. Any month's sitemap is found by its key, listed or not."""

    # Compared by identity: URL reversing compares a pattern's extra arguments, and
    # Mapping's equality would query (and build) every month to do it.
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def _months(self) -> dict[str, ArticleMonthSitemap]:
        return month_sitemaps(timezone.localdate().year)

    def items(self):
        # News pages after the first are found through the index.
        fixed = [*FIXED.items(), ("news", NewsSitemap)]
        return [*((key, cls()) for key, cls in fixed), *self._months().items()]

    def __getitem__(self, key):
        if key in FIXED:
            return FIXED[key]()
        match = MONTH_KEY.fullmatch(key) if isinstance(key, str) else None
        if match is None:
            raise KeyError(key)
        year, month = int(match["year"]), int(match["month"])
        if not (FIRST_YEAR <= year <= LAST_YEAR and 1 <= month <= 12):
            raise KeyError(key)
        return ArticleMonthSitemap(year, month)

    def __iter__(self):
        return iter([*FIXED, *self._months()])

    def __len__(self):
        return len(FIXED) + len(self._months())


class YearSitemaps(Sitemaps):
    """An earlier year's index: just its months (the fixed sitemaps are in the main one).
    Made per request, so its months are read once."""

    def __init__(self, year: int):
        self.year = year

    @cached_property
    def months(self) -> dict[str, ArticleMonthSitemap]:
        return month_sitemaps(self.year)

    def _months(self) -> dict[str, ArticleMonthSitemap]:
        return self.months

    def items(self):
        return list(self._months().items())

    def __iter__(self):
        return iter(self._months())

    def __len__(self):
        return len(self._months())
