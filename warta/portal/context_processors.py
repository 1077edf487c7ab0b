"""What every reader page's frame needs: the site's name and the section navigation."""

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from warta.newsroom.selectors import section_links


def site(request):
    return {
        "site_name": settings.SITE_NAME,
        "site_tagline": settings.SITE_TAGLINE,
        # Lazy: read once per page (header and footer both list it), and only by pages
        # that show it.
        "nav_sections": SimpleLazyObject(section_links),
    }
