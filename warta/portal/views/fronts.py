"""The home page: lead story, Terkini, Populer and a block per section."""

from django.shortcuts import render

from warta.common.http_cache import public_page
from warta.newsroom.models import Article
from warta.newsroom.selectors import section_front_blocks

from ..fragments import popular_box

TERKINI_LENGTH = 10


@public_page
def home(request):
    newest = list(Article.objects.published().latest_first().for_listing()[: TERKINI_LENGTH + 1])
    context = {
        "lead_story": newest[0] if newest else None,
        "terkini": newest[1:],
        "popular_box": popular_box(),
        "section_blocks": section_front_blocks(),
        "canonical_url": request.build_absolute_uri("/"),
    }
    return render(request, "portal/pages/home.html", context)
