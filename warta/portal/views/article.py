"""The article page, the page the whole portal exists for."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.utils import timezone

from warta.common.http_cache import public_page
from warta.newsroom.selectors import article_for_reading, corrections_of, is_withdrawn, tags_of
from warta.related.selectors import related_links

from ..fragments import popular_box, update_box
from ..structured_data import article_structured_data


@public_page
def article(request, section, year, month, day, pk, slug):
    found = article_for_reading(pk)
    if found is None:
        return _missing(request, pk)
    canonical = found.get_absolute_url()
    local = timezone.localtime(found.published_at)
    if (section, year, month, day, slug) != (
        found.section.slug,
        local.year,
        local.month,
        local.day,
        found.slug,
    ):
        # Old slug, wrong date or section: one permanent address per article.
        return HttpResponsePermanentRedirect(canonical)
    return render(request, "portal/pages/article.html", article_context(request, found, canonical))


def article_context(request, found, canonical: str | None = None) -> dict:
    """What portal/pages/article.html needs; the desk's preview renders the same."""
    tags = tags_of(found)
    url = request.build_absolute_uri(canonical or found.get_absolute_url())
    return {
        "article": found,
        "tags": tags,
        "corrections": corrections_of(found) if found.last_corrected_at else [],
        "trail": [(found.section.name, found.section.get_absolute_url())],
        "popular_box": popular_box(),
        "update_box": update_box(),
        "related": related_links(found),
        "canonical_url": url,
        "structured_data": article_structured_data(request, found, tags, url),
    }


def article_by_id(request, section, rest):
    """Shortened or mangled article links (``/dunia/read/123``, a lost date part, ...).

    The id is the last all-digit part, or the one before a trailing slug.
    """
    parts = [part for part in rest.split("/") if part]
    candidates = parts[-1:] if parts and parts[-1].isdigit() else parts[-2:-1]
    pk_text = candidates[0] if candidates else ""
    if not (pk_text.isascii() and pk_text.isdigit() and len(pk_text) <= 18):
        raise Http404("Berita tidak ditemukan")
    found = article_for_reading(int(pk_text))
    if found is None:
        return _missing(request, int(pk_text))
    return HttpResponsePermanentRedirect(found.get_absolute_url())


def _missing(request, pk: int):
    """410 for an article the newsroom withdrew (it existed; it is gone for good), else 404."""
    if is_withdrawn(pk):
        return render(request, "portal/pages/gone.html", status=410)
    raise Http404("Berita tidak ditemukan")
