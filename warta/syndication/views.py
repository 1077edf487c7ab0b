"""robots.txt: what crawlers may fetch, and where the sitemaps are."""

from django.shortcuts import render
from django.urls import reverse

from warta.common.http_cache import public_page

# The desk and article previews are not for crawlers.
DISALLOWED = ("/redaksi/", "/pratinjau/")


@public_page
def robots_txt(request):
    context = {
        "disallowed": DISALLOWED,
        "sitemaps": [
            request.build_absolute_uri(reverse("syndication:sitemap-index")),
            request.build_absolute_uri(reverse("syndication:sitemap-news")),
        ],
    }
    return render(
        request,
        "syndication/robots.txt",
        context,
        content_type="text/plain; charset=utf-8",
        using="django",
    )
