"""HTTP headers every read-API answer carries.

The API serves the same public data to everyone, so shared caches may keep it
briefly and a client revalidates with ``If-None-Match`` against a strong ETag
hashed from the body (both ``public_page``), and any web page
may read it from a browser: ``Access-Control-Allow-Origin: *``. Only simple GETs
are offered; a browser's own cache sends ``If-None-Match`` without a preflight.
"""

from functools import wraps

from warta.common.http_cache import public_page


def open_to_any_origin(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        # Scripts may read the validator they need for If-None-Match.
        response["Access-Control-Expose-Headers"] = "ETag"
        return response

    return wrapper


# In the order ninja's decorate_view applies them, innermost first: Cache-Control and
# the ETag on the 200 (and the 304, which keeps Cache-Control), then CORS on every
# answer, 304 and errors included.
READ_API_HEADERS = (public_page, open_to_any_origin)
