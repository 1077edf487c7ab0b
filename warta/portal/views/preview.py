"""A draft through its signed preview link (see ``warta.desk.previews``).

The page is the article page itself, rendered from the same template and context,
with a banner, ``noindex`` and no view beacon: a preview is not a read. It is never
stored by a shared cache, since the link is a credential and the draft may change.
A bad, expired or unknown link is a plain 404, which says nothing about whether the
link ever worked.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control

from warta.desk.previews import preview_for

from .article import article_context


def article_preview(request, token):
    preview = preview_for(token)
    if preview is None:
        raise Http404("Pratinjau tidak ditemukan")
    article = preview.article
    if article.is_live:
        # Published since the link was made: the real page is what readers see.
        return _private(redirect(article.get_absolute_url()))
    context = {
        **article_context(request, article),
        "is_preview": True,
        "preview_outdated": preview.is_outdated,
    }
    return _private(render(request, "portal/pages/article.html", context))


def _private(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, private=True, no_store=True)
    response["X-Robots-Tag"] = "noindex"
    # The address carries the credential: never send it on in a Referer header.
    response["Referrer-Policy"] = "no-referrer"
    return response
