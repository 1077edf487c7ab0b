"""The read API under /api/v1/. Included before the portal, whose ``<slug:section>``
would otherwise catch these addresses; any other address under /api/v1/ answers a
JSON 404 rather than the reader site's HTML one."""

from functools import cache

from django.http import HttpResponse, JsonResponse
from django.urls import path, re_path, reverse
from ninja.responses import NinjaJSONEncoder

from .api import api
from .headers import READ_API_HEADERS, open_to_any_origin


@cache
def _openapi_bytes() -> bytes:
    # The document follows from the code alone; building it takes tens of ms.
    return NinjaJSONEncoder().encode(api.get_openapi_schema()).encode()


def openapi_document(request):
    return HttpResponse(_openapi_bytes(), content_type="application/json")


for decorator in READ_API_HEADERS:
    openapi_document = decorator(openapi_document)


@open_to_any_origin
def unknown_endpoint(request, rest=""):
    described_at = reverse("api-openapi")
    return JsonResponse({"detail": f"no such endpoint; see {described_at}"}, status=404)


urlpatterns = [
    path("openapi.json", openapi_document, name="api-openapi"),
    # ninja's own root view is its disabled docs page, an HTML 404.
    path("", unknown_endpoint),
    path("", api.urls),
    re_path(r"^(?P<rest>.*)$", unknown_endpoint),
]
