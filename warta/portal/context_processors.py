"""What every reader page's frame needs: the site's name and the section navigation."""

from django.conf import settings

from warta.newsroom.selectors import section_links


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        "nav_sections": section_links,  # callable: evaluated only by templates that use it
    }
