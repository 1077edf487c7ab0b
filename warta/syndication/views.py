"""robots.txt, and the sitemap index of an earlier year."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from warta.common.http_cache import public_page

from .archive import archive_years
from .sitemaps import FIRST_YEAR, YearSitemaps

# The desk and article previews are not for crawlers.
DISALLOWED = ("/redaksi/", "/pratinjau/")


@public_page
def robots_txt(request):
    # The main index holds the current year's months; each earlier year has its own.
    this_year = timezone.localdate().year
    years = [
        reverse("syndication:sitemap-year", kwargs={"year": year})
        for year in archive_years()
        if year != this_year
    ]
    context = {
        "disallowed": DISALLOWED,
        "sitemaps": [
            request.build_absolute_uri(path)
            for path in [
                reverse("syndication:sitemap-index"),
                reverse("syndication:sitemap-news"),
                *years,
            ]
        ],
    }
    return render(
        request,
        "syndication/robots.txt",
        context,
        content_type="text/plain; charset=utf-8",
        using="django",
    )


def year_index(request, year: int):
    """The sitemap index of one earlier year: its months, as the main index lists the
    current year's. The current year, a future one or a year without news: 404."""
    if not FIRST_YEAR <= year < timezone.localdate().year:
        raise Http404("Tidak ada arsip tahun ini")
    sitemaps = YearSitemaps(year)
    if not sitemaps.items():
        raise Http404("Tidak ada arsip tahun ini")
    return sitemap_views.index(
        request,
        sitemaps=sitemaps,
        sitemap_url_name="syndication:sitemap",
        template_name="syndication/sitemap_index.xml",
    )
