"""Cache headers for the answers no reader view returns itself.

A 404 comes from Django's exception handling (or, for an old WordPress address, a
301 from the legacy lookup), outside the views that ``public_page`` marks. Shared
caches may keep those briefly too: a bot walking through missing addresses then
costs the app one render per address per few seconds, and a cached page that turned
into a 404 is replaced by it when the cache refreshes. The desk and the signed
previews are private and keep whatever Django gives them.
"""

from warta.common.http_cache import MISSING_PAGE_SECONDS, mark_public

PRIVATE_PREFIXES = ("/redaksi/", "/pratinjau/")


class ReaderErrorCaching:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code in (301, 404)
            and not response.cookies
            and not request.path.startswith(PRIVATE_PREFIXES)
        ):
            mark_public(response, MISSING_PAGE_SECONDS if response.status_code == 404 else None)
        return response
