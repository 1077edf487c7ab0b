"""Requests gunicorn refuses before Django sees them, answered with the site's own page.

gunicorn reads at most 8,190 bytes of request line (its hard ceiling) and a bounded
set of headers; beyond that it answers with its own English "414 URI Too Long" or
"431" text. ``ReaderWorker`` is gunicorn's threaded worker with one change: those two
refusals are rendered by Django like any other page (Indonesian, the site's layout,
the same security headers from the middleware), through a URLconf of their own so
nothing of the refused request is read.
"""

import io
import logging
import sys

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest
from django.shortcuts import render
from django.urls import include, path
from gunicorn.http.errors import LimitRequestHeaders, LimitRequestLine
from gunicorn.workers.gthread import ThreadWorker

logger = logging.getLogger(__name__)

STATUS = {414: "URI Too Long", 431: "Request Header Fields Too Large"}


def too_long(request, status: int):
    return render(request, "414.html", {"headers_too_large": status == 431}, status=status)


# The URLconf the refusal requests resolve with (request.urlconf, below): the two pages,
# then the whole site, so the layout's links still reverse.
urlpatterns = [path(f"{status}", too_long, {"status": status}) for status in STATUS] + [
    path("", include(settings.ROOT_URLCONF))
]


class ReaderWorker(ThreadWorker):
    def handle_error(self, req, client, addr, exc):
        if isinstance(exc, LimitRequestLine):
            status = 414
        elif isinstance(exc, LimitRequestHeaders):
            status = 431
        else:
            return super().handle_error(req, client, addr, exc)
        try:
            client.sendall(refusal_bytes(status, self.cfg.bind[0]))
        except Exception:  # the client may be gone already; nothing more to tell it
            logger.debug("could not answer a refused request", exc_info=True)


_handler: WSGIHandler | None = None


def refusal_bytes(status: int, bind: str) -> bytes:
    """The whole HTTP answer for a refused request, rendered by the site."""
    global _handler
    if _handler is None:
        _handler = WSGIHandler()  # loads the middleware once per worker
    request = WSGIRequest(
        {
            "REQUEST_METHOD": "GET",
            "PATH_INFO": f"/{status}",
            "HTTP_HOST": _site_host(bind),
            "SERVER_NAME": "localhost",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            # Over HTTPS the redirect middleware would otherwise answer with a 301.
            "wsgi.url_scheme": "https" if settings.SECURE_SSL_REDIRECT else "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr,
        }
    )
    request.urlconf = __name__
    response = _handler.get_response(request)
    body = response.content
    lines = [f"HTTP/1.1 {status} {STATUS[status]}"]
    lines += [f"{name}: {value}" for name, value in response.items() if name != "Content-Length"]
    lines += [f"Content-Length: {len(body)}", "Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1") + body


def _site_host(bind: str) -> str:
    """A host name the site answers to, so the host check lets the page through."""
    for host in settings.ALLOWED_HOSTS:
        if host != "*":
            return host.lstrip(".")
    return bind.rpartition(":")[0] or "localhost"
