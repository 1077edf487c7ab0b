"""Ralat and Hak Jawab for readers: the box under a story and the ``/ralat`` index.

The Press Council's guidelines for cyber media want corrections linked to the
original story with their time; the index lets anyone see every one in one place.
Only corrections of articles readers can see are listed: a withdrawn story takes its
corrections with it.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render

from warta.common.http_cache import public_page
from warta.common.keyset import InvalidCursor, keyset_page
from warta.newsroom.selectors import published_corrections

from ..fragments import popular_box
from ..structured_data import breadcrumb_list
from .lists import CURSOR_PARAM, MAX_PARAM_LENGTH, canonical_url

TITLE = "Ralat dan Hak Jawab"


@public_page
def index(request):
    """All corrections of live articles, newest first, paged by keyset."""
    cursor = request.GET.get(CURSOR_PARAM, "")
    if len(cursor) > MAX_PARAM_LENGTH:
        raise Http404("Halaman tidak ditemukan")
    try:
        page = keyset_page(
            published_corrections(), cursor or None, settings.PAGE_SIZE, time_field="created_at"
        )
    except InvalidCursor:
        raise Http404("Halaman tidak ditemukan") from None
    trail = [(TITLE, request.path)]
    context = {
        "title": TITLE,
        "page": page,
        "cursor_param": CURSOR_PARAM,
        "popular_box": popular_box(),
        "trail": trail,
        "canonical_url": canonical_url(request),
        "structured_data": [breadcrumb_list(request, trail)],
    }
    return render(request, "portal/pages/corrections.html", context)
