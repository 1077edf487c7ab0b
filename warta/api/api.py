"""The read API (``/api/v1/``): published articles, sections and Populer as JSON,
each article also as IPTC ninjs 2.0. Built on django-ninja, which checks the
parameters and answers against typed schemas and writes the OpenAPI document
(``/api/v1/openapi.json``) from the same code.

Every client mistake is a 400 with ``{"detail": "..."}``, never a 500; errors are
in English, as the API's readers are developers.
"""

from ninja import NinjaAPI
from ninja.errors import ValidationError

API_DESCRIPTION = """\
Read-only JSON API of a Warta news site: what readers see, for apps, partners and
aggregators. Only published articles appear; a withdrawn article answers 410.

* Times are ISO 8601 with the site zone's offset (e.g. `+07:00` for WIB).
* Links are absolute URLs.
* Lists are newest first and paged by an opaque cursor: follow `next` until it is
  null. A page never repeats or skips an article, however deep.
* Every 200 carries a strong `ETag`; send it back as `If-None-Match` to get a 304.
  Answers may be cached publicly for a short while, as their `Cache-Control` says.
* Any origin may read the API from a browser (`Access-Control-Allow-Origin: *`).
* A bad parameter answers 400 with `{"detail": "..."}`; an unknown article 404, a
  withdrawn one 410, both with the same body.
"""

api = NinjaAPI(
    title="Warta read API",
    version="1",
    description=API_DESCRIPTION,
    urls_namespace="api",
    # Served by urls.py with the API's cache and CORS headers. The interactive docs
    # load scripts from a CDN; the document itself is enough.
    openapi_url=None,
    docs_url=None,
)


def _describe(errors: list[dict]) -> str:
    parts = []
    for error in errors:
        # ninja's locations start with where the value came from ("query", "path").
        name = ".".join(str(part) for part in error.get("loc", ())[1:]) or "request"
        parts.append(f"{name}: {error.get('msg', 'invalid value')}")
    return "; ".join(parts)


@api.exception_handler(ValidationError)
def bad_parameters(request, exc: ValidationError):
    # ninja answers 422 by default; the API promises 400 for any bad parameter.
    return api.create_response(request, {"detail": _describe(exc.errors)}, status=400)


# Registers the operations on ``api`` (imported for that effect).
from . import endpoints  # noqa: E402, F401
