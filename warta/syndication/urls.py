"""Feeds, sitemaps and robots.txt. Included before the portal, whose ``<slug:section>``
would otherwise catch these addresses."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path
from django.views.decorators.http import conditional_page

from warta.common.http_cache import public_page

from . import feeds, sitemaps, views

app_name = "syndication"

SITEMAPS = sitemaps.Sitemaps()

urlpatterns = [
    path("feed/rss", feeds.feed_view(feeds.ArticleFeed()), name="rss"),
    path("feed/atom", feeds.feed_view(feeds.ArticleAtomFeed()), name="atom"),
    path("feed/rubrik/<slug:slug>/rss", feeds.feed_view(feeds.SectionFeed()), name="section-rss"),
    path(
        "feed/rubrik/<slug:slug>/atom",
        feeds.feed_view(feeds.SectionAtomFeed()),
        name="section-atom",
    ),
    path("feed/tag/<slug:slug>/rss", feeds.feed_view(feeds.TagFeed()), name="tag-rss"),
    path("feed/tag/<slug:slug>/atom", feeds.feed_view(feeds.TagAtomFeed()), name="tag-atom"),
    path(
        "feed/wartawan/<slug:slug>/rss",
        feeds.feed_view(feeds.ReporterFeed()),
        name="reporter-rss",
    ),
    path(
        "feed/wartawan/<slug:slug>/atom",
        feeds.feed_view(feeds.ReporterAtomFeed()),
        name="reporter-atom",
    ),
    # Sitemaps carry Last-Modified from their lastmod; conditional_page turns it (and
    # an ETag) into 304 answers. Cached as briefly as reader pages: the news sitemap
    # and the current month change with every article published. Their templates are
    # Jinja2 (jinja2/syndication/), several times faster per URL than Django's.
    path(
        "sitemap.xml",
        public_page(conditional_page(sitemap_views.index)),
        {
            "sitemaps": SITEMAPS,
            "sitemap_url_name": "syndication:sitemap",
            "template_name": "syndication/sitemap_index.xml",
        },
        name="sitemap-index",
    ),
    # An earlier year's months (the index may not list other indexes; robots.txt
    # lists these). Before the pattern below, which would take "arsip-2024" for a key.
    path(
        "sitemap-arsip-<int:year>.xml",
        public_page(conditional_page(views.year_index)),
        name="sitemap-year",
    ),
    path(
        "sitemap-news.xml",
        public_page(conditional_page(sitemap_views.sitemap)),
        {
            "sitemaps": {"news": sitemaps.NewsSitemap},
            "template_name": "syndication/sitemap_news.xml",
        },
        name="sitemap-news",
    ),
    path(
        "sitemap-<str:section>.xml",
        public_page(conditional_page(sitemap_views.sitemap)),
        {"sitemaps": SITEMAPS, "template_name": "syndication/sitemap.xml"},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
]
