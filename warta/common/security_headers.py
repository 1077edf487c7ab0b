"""Security headers of files: static assets and uploaded media.

Pages get their Content-Security-Policy from django-csp (``CONTENT_SECURITY_POLICY``
in settings). A file is not a page: opened on its own (a photo's address, an SVG),
it must never run script or be framed, whatever bytes an upload smuggled in. So
files carry a policy of their own that allows nothing, plus ``nosniff`` so a browser
never reads a photo as HTML. The app applies it to what it serves itself (WhiteNoise,
``WARTA_SERVE_MEDIA``) and ``warta nginx-config`` writes the same headers for the
files nginx serves, so both ways of serving a file answer alike.
"""

from functools import wraps

FILE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
    "X-Content-Type-Options": "nosniff",
}


def add_file_headers(headers, path: str, url: str) -> None:
    """WhiteNoise's ``WHITENOISE_ADD_HEADERS_FUNCTION``: the file headers on every static
    file (set before django-csp's middleware, which leaves a policy already there)."""
    for name, value in FILE_HEADERS.items():
        headers[name] = value


def with_file_headers(view):
    """The file headers on the answers of a view that serves files (uploaded media)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        for name, value in FILE_HEADERS.items():
            response[name] = value
        return response

    return wrapper
