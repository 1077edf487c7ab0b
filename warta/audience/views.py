"""The view beacon: ``navigator.sendBeacon("/b", String(articleId))``.

A view is counted here, not when the page renders, so pages served from a cache still
count. The request path touches only the cache (rate limit, de-duplication) and the
in-process buffer; whether the id names a published article is settled when the
buffer is flushed (see ``counters.add_views``), so a beacon costs no database query.
"""

import logging
import re
import time
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from . import buffer
from .bots import is_bot
from .counters import hour_of
from .visitors import client_key, visitor_key

logger = logging.getLogger(__name__)

# "123" or "id=123" fits easily; anything longer is not a beacon.
MAX_BODY = 64
_ID = re.compile(r"[0-9]{1,19}")
_MAX_ID = 2**63 - 1  # the largest BigAutoField value


@csrf_exempt
def beacon(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        response = _reply(405)
        response["Allow"] = "POST"
        return response
    article_id = _article_id(request)
    if article_id is None:
        return _reply(400)
    if is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return _reply(204)
    try:
        if not _within_rate(client_key(request)):
            response = _reply(429)
            response["Retry-After"] = str(60 - int(time.time()) % 60)
            return response
        first_view = cache.add(
            f"audience:seen:{visitor_key(request)}:{article_id}",
            1,
            timeout=settings.BEACON_DEDUP_SECONDS,
        )
    except Exception:
        # Without the cache there is no de-duplication; better to miss a view than
        # to count it many times or answer with a 500.
        logger.warning("Beacon cache unavailable; view not counted", exc_info=True)
        return _reply(503)
    if first_view:
        buffer.record_view(article_id, hour_of(timezone.now()))
    return _reply(204)


def _article_id(request: HttpRequest) -> int | None:
    """The id from a ``text/plain`` body (``123``) or a form body (``id=123``), or None."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    if declared > MAX_BODY:
        return None
    # Read at most one byte past the limit, whatever Content-Length claimed.
    body = request.read(MAX_BODY + 1)
    if len(body) > MAX_BODY:
        return None
    try:
        text = body.decode("ascii").strip()
    except UnicodeDecodeError:
        return None
    if "=" in text:
        fields = dict(parse_qsl(text))
        text = fields.get("id", "").strip()
    if not _ID.fullmatch(text):
        return None
    value = int(text)
    return value if 0 < value <= _MAX_ID else None


def _within_rate(client: str) -> bool:
    """Count this request against the client's budget for the current minute.

    A fixed one-minute window with an atomic counter in the shared cache, so the
    budget holds across worker processes.
    """
    key = f"audience:rate:{client}:{int(time.time()) // 60}"
    # Most readers send one beacon a minute, so try the one-operation case first.
    if cache.add(key, 1, timeout=120):
        return True
    try:
        used = cache.incr(key)
    except ValueError:  # expired between the two calls: a fresh window
        cache.add(key, 1, timeout=120)
        used = 1
    return used <= settings.BEACON_RATE_PER_MINUTE


def _reply(status: int) -> HttpResponse:
    response = HttpResponse(status=status)
    response["Cache-Control"] = "no-store"
    return response
