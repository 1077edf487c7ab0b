"""Old WordPress addresses answered with a 301 to where the content lives now.

Like ``django.contrib.redirects``' fallback middleware, it looks only at requests
that would otherwise be a 404, so it costs current pages nothing. The exception is
``/?p=123``: the home page exists, so that form is checked before the view runs, and
only when the request carries ``p``.

The target is worked out per request from the article itself: a slug or section
changed after the migration still leads to the right page, and a withdrawn article's
old address leads to its canonical address, which answers 410. Drafts and articles
not yet published stay 404, as their own addresses do.
"""

from django.http import HttpResponsePermanentRedirect

from warta.newsroom.models import Article

from .models import LegacyUrl, WordPressPost
from .wordpress.permalinks import lookup_keys, post_id_from_query

# Where WordPress itself answers ``?p=ID``; under another path it is checked on 404.
POST_QUERY_PATHS = {"/", "/index.php"}


class LegacyUrlMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        if "p" in request.GET and request.path in POST_QUERY_PATHS:
            found = _post_redirect(request.GET["p"])
            if found is not None:
                return found
        response = self.get_response(request)
        if response.status_code != 404:
            return response
        if "p" in request.GET:
            found = _post_redirect(request.GET["p"])
        else:
            found = _path_redirect(request.path)
        return found or response


def _post_redirect(value: str) -> HttpResponsePermanentRedirect | None:
    post_id = post_id_from_query(value)
    if post_id is None:
        return None
    # Two migrated sites may share a post id; the first one imported keeps ?p=.
    post = (
        WordPressPost.objects.filter(post_id=post_id)
        .order_by("pk")
        .select_related("article__section")
        .first()
    )
    return _to_article(post.article) if post else None


def _path_redirect(path: str) -> HttpResponsePermanentRedirect | None:
    keys = lookup_keys(path)
    found = {
        old.path: old
        for old in LegacyUrl.objects.filter(path__in=keys).select_related(
            "article__section", "section", "tag"
        )
    }
    old = next((found[key] for key in keys if key in found), None)
    if old is None:
        return None
    if old.article is not None:
        return _to_article(old.article)
    return HttpResponsePermanentRedirect(old.target().get_absolute_url())


def _to_article(article: Article) -> HttpResponsePermanentRedirect | None:
    if article.is_live or article.is_withdrawn:
        return HttpResponsePermanentRedirect(article.get_absolute_url())
    return None
