"""The beacon answered before Django's request cycle.

A beacon needs none of the middleware (sessions, CSRF, messages, security headers
for a body-less 204) and no URL resolving, and it is by far the most frequent
request: every page view sends one. Answering ``POST /b`` here, with the same code
the Django view runs (``beacon.answer``), makes it several times cheaper.
"""

from http import HTTPStatus

from django.core.handlers.wsgi import LimitedStream

from .beacon import answer

PATH = "/b"


def with_beacon(django_application):
    """A WSGI application answering ``/b`` itself and everything else through Django."""

    def application(environ, start_response):
        if environ.get("PATH_INFO") != PATH:
            return django_application(environ, start_response)
        result = answer(environ, _body(environ).read)
        status = HTTPStatus(result.status)
        headers = [*result.headers, ("Cache-Control", "no-store")]
        if status != HTTPStatus.NO_CONTENT:  # a 204 must not carry one
            headers.append(("Content-Length", "0"))
        start_response(f"{status.value} {status.phrase}", headers)
        return []

    return application


def _body(environ) -> LimitedStream:
    # As Django's own request does: never read past Content-Length (PEP 3333).
    try:
        length = max(int(environ.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        length = 0
    return LimitedStream(environ["wsgi.input"], length)
