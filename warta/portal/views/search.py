"""Cari: full-text search over published news (see warta.search)."""

from django.shortcuts import render
from django.utils.http import urlencode

from warta.common.dates import parse_day
from warta.common.http_cache import public_page
from warta.newsroom.models import Section
from warta.search.selectors import MAX_PAGES, search_articles

from ..fragments import popular_box
from ..structured_data import breadcrumb_list

QUERY_PARAM = "q"
SECTION_PARAM = "rubrik"
SINCE_PARAM = "dari"
UNTIL_PARAM = "sampai"
PAGE_PARAM = "halaman"
MAX_PARAM_LENGTH = 64


def _page_number(raw: str) -> int:
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 4):
        return 1
    return min(max(int(raw), 1), MAX_PAGES)


@public_page
def search(request):
    query = request.GET.get(QUERY_PARAM, "")
    sections = list(Section.objects.only("id", "name", "slug"))
    section_slug = request.GET.get(SECTION_PARAM, "")[:MAX_PARAM_LENGTH]
    section = next((s for s in sections if s.slug == section_slug), None)
    since = parse_day(request.GET.get(SINCE_PARAM, ""))
    until = parse_day(request.GET.get(UNTIL_PARAM, ""))
    results = search_articles(
        query=query,
        section=section,
        since=since,
        until=until,
        page=_page_number(request.GET.get(PAGE_PARAM, "")),
    )
    params = {QUERY_PARAM: query.strip()[:300]}
    if section:
        params[SECTION_PARAM] = section.slug
    if since:
        params[SINCE_PARAM] = since.isoformat()
    if until:
        params[UNTIL_PARAM] = until.isoformat()
    # The cleaned query, not the raw one: odd parameters do not make pages of their own.
    canonical = {**params, PAGE_PARAM: results.number} if results.number > 1 else params
    trail = [("Cari", request.path)]
    return render(
        request,
        "portal/pages/search.html",
        {
            "query": params[QUERY_PARAM],
            "results": results,
            "sections": sections,
            "section": section,
            "since": since,
            "until": until,
            "params": params,
            "page_param": PAGE_PARAM,
            "popular_box": popular_box(),
            "trail": trail,
            "canonical_url": request.build_absolute_uri(f"{request.path}?{urlencode(canonical)}"),
            "structured_data": [breadcrumb_list(request, trail)],
        },
    )
