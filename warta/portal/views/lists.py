"""Paginated lists: section, tag, reporter and the Indeks.

Every list pages by keyset (see warta.common.keyset), so page 5,000 costs what
page 1 costs. A cursor that did not come from our own links answers 404.
"""

from datetime import datetime, time, timedelta

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from warta.common.dates import day_date, parse_day
from warta.common.http_cache import public_page
from warta.common.keyset import InvalidCursor, keyset_page, newest_shown
from warta.newsroom.models import Article, Reporter, Section, Tag

from ..fragments import popular_box
from ..structured_data import first_share_image, list_structured_data

CURSOR_PARAM = "sebelum"
MAX_PARAM_LENGTH = 64


def _trail(name: str, request) -> list[tuple[str, str]]:
    return [(name, request.path)]


def _cursor(request) -> str | None:
    cursor = request.GET.get(CURSOR_PARAM, "")
    if len(cursor) > MAX_PARAM_LENGTH:
        raise Http404("Halaman tidak ditemukan")
    return cursor or None


def _published(request):
    """The published articles a page of the list can show: none newer than its cursor."""
    try:
        return Article.objects.published(newest_shown(_cursor(request)))
    except InvalidCursor:
        raise Http404("Halaman tidak ditemukan") from None


def _page(request, queryset):
    try:
        return keyset_page(
            queryset.for_listing(), _cursor(request), settings.PAGE_SIZE, time_field="live_from"
        )
    except InvalidCursor:
        raise Http404("Halaman tidak ditemukan") from None


def canonical_url(request, query_prefix: str = "") -> str:
    """The page's own address: a list's older pages are pages of their own, not copies
    of the first, so each names itself (with its day and cursor, nothing else)."""
    cursor = request.GET.get(CURSOR_PARAM, "")
    query = "&".join(
        filter(None, [query_prefix, urlencode({CURSOR_PARAM: cursor}) if cursor else ""])
    )
    return request.build_absolute_uri(f"{request.path}?{query}" if query else request.path)


def _feed(kind: str, slug: str, title: str) -> dict:
    """The list's own feeds, for the discovery links in the page head."""
    return {
        "title": title,
        "rss": reverse(f"syndication:{kind}-rss", kwargs={"slug": slug}),
        "atom": reverse(f"syndication:{kind}-atom", kwargs={"slug": slug}),
    }


def _render_list(request, template, queryset, status=200, **context):
    page = _page(request, queryset)
    context.setdefault("query_prefix", "")
    url = canonical_url(request, context["query_prefix"])
    context.update(
        page=page,
        cursor_param=CURSOR_PARAM,
        popular_box=popular_box(),
        canonical_url=url,
        share_image=first_share_image(request, page.items),
        structured_data=list_structured_data(request, context["trail"], page.items, url),
    )
    return render(request, template, context, status=status)


@public_page
def section(request, section):
    found = get_object_or_404(Section, slug=section)
    articles = _published(request).in_section(found)
    return _render_list(
        request,
        "portal/pages/section.html",
        articles,
        section=found,
        feed=_feed("section", found.slug, f"Rubrik {found.name}"),
        trail=_trail(found.name, request),
    )


@public_page
def tag(request, slug):
    found = get_object_or_404(Tag, slug=slug)
    articles = _published(request).tagged(found)
    return _render_list(
        request,
        "portal/pages/tag.html",
        articles,
        tag=found,
        feed=_feed("tag", found.slug, f"Tag {found.name}"),
        trail=_trail(f"Tag: {found.name}", request),
    )


@public_page
def reporter(request, slug):
    found = get_object_or_404(Reporter, slug=slug)
    articles = _published(request).by_reporter(found)
    return _render_list(
        request,
        "portal/pages/reporter.html",
        articles,
        reporter=found,
        feed=_feed("reporter", found.slug, found.name),
        trail=_trail(found.name, request),
    )


@public_page
def index(request):
    """Indeks: all published news newest first, optionally one day (``?tanggal=``)."""
    articles = _published(request)
    raw_day = request.GET.get("tanggal", "").strip()
    day = parse_day(raw_day) if raw_day else None
    if raw_day and day is None:
        return _render_list(
            request,
            "portal/pages/index.html",
            articles.none(),
            status=400,
            day=None,
            day_label="",
            trail=_trail("Indeks", request),
            day_error="Tanggal tidak valid. Gunakan format TTTT-BB-HH, misalnya 2026-01-05.",
        )
    if day is not None:
        zone = timezone.get_current_timezone()
        start = datetime.combine(day, time.min, tzinfo=zone)
        articles = articles.filter(live_from__gte=start, live_from__lt=start + timedelta(1))
    return _render_list(
        request,
        "portal/pages/index.html",
        articles,
        day=day,
        day_label=day_date(start) if day else "",
        day_error="",
        query_prefix=f"tanggal={day.isoformat()}" if day else "",
        trail=_trail("Indeks", request),
    )
