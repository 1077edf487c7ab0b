"""``/indeks/`` and ``/dunia/`` lead to ``/indeks`` and ``/dunia`` instead of a 404.

Reader addresses have no trailing slash, but people and old WordPress habits add one.
Django's APPEND_SLASH only ever adds a slash, so this does the opposite, and only for
requests that would otherwise be a 404: current pages pay nothing for it.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve


class TrailingSlashRedirect:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        target = _without_trailing_slash(request.path_info)
        if target is None:
            return response
        query = request.META.get("QUERY_STRING", "")
        prefix = request.path[: len(request.path) - len(request.path_info)]
        location = prefix + target + (f"?{query}" if query else "")
        return HttpResponsePermanentRedirect(location)


def _without_trailing_slash(path: str) -> str | None:
    trimmed = path.rstrip("/")
    # "//host" would be read as another site by the browser: never redirect there.
    if trimmed == path or not trimmed or trimmed.startswith("//"):
        return None
    try:
        match = resolve(trimmed)
    except Resolver404:
        return None
    # Reader pages only: the desk's admin adds slashes itself, and the two would loop.
    return trimmed if "portal" in match.app_names else None
