"""The home page: breaking news, lead story, Terkini, Pilihan Redaksi, Populer, sections."""

from django.shortcuts import render

from warta.common.http_cache import public_page
from warta.newsroom.models import Article
from warta.newsroom.selectors import placements, section_front_blocks

from ..fragments import popular_box
from ..structured_data import home_structured_data, share_image

TERKINI_LENGTH = 10


@public_page
def home(request):
    placed = placements()
    newest = list(Article.objects.published().latest_first().for_listing()[: TERKINI_LENGTH + 1])
    # The managing editor's headline leads; otherwise the newest story does.
    lead_story = placed.headline or (newest[0] if newest else None)
    terkini = [a for a in newest if lead_story is None or a.pk != lead_story.pk][:TERKINI_LENGTH]
    context = {
        "lead_story": lead_story,
        "terkini": terkini,
        "editors_picks": placed.editors_picks,
        "breaking": placed.breaking,
        "popular_box": popular_box(),
        "section_blocks": section_front_blocks(),
        "canonical_url": request.build_absolute_uri("/"),
        "share_image": share_image(request, lead_story.lead_photo) if lead_story else None,
        "structured_data": home_structured_data(request),
    }
    return render(request, "portal/pages/home.html", context)
