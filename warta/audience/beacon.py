"""What the view beacon answers, and where a counted view goes.

Shared by the Django view (``views.py``) and the WSGI shortcut that answers ``/b``
before Django's request cycle (``wsgi.py``): both hand over the WSGI environ (or
``request.META``, the same mapping) and a function reading the body.

Where a first view goes:

* production (``WARTA_REDIS_URL``): rate limit, de-duplication, the address's cap
  and the count in one Redis round trip (``live_counts``); the flush worker writes
  the database;
* embedded: rate limit, de-duplication and the address's cap in the shared Django
  cache, the count in this process's buffer (``buffer``), which writes the database
  itself;
* production with Redis unreachable (or failing): the rate limit from this process's
  memory, and the beacon held in the buffer, which replays it into Redis when Redis
  answers again. De-duplication is decided at the replay, by Redis as usual, so a
  reader counts once even if the outage sent their beacons to several processes,
  and a beacon whose reply was lost when Redis fell counts once too (see buffer.py
  for a process that exits before Redis is back). The answer is 204 meanwhile:
  a 503 would lose the view, a 500 is never right.
"""

import logging
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl

import redis
from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.utils import timezone

from . import buffer, live_counts
from .bots import is_bot
from .counters import hour_of
from .visitors import reader_keys

logger = logging.getLogger(__name__)

# "123" or "id=123" fits easily; anything longer is not a beacon.
MAX_BODY = 64
_ID = re.compile(r"[0-9]{1,19}")
_MAX_ID = 2**63 - 1  # the largest BigAutoField value

# After Redis fails, beacons skip it for this long, so an outage costs each beacon
# nothing rather than a connection timeout.
REDIS_RETRY_SECONDS = 1.0

# The rate limit while Redis is away; bounded like any LocMemCache.
_outage_memory = LocMemCache("warta-beacon-outage", {"OPTIONS": {"MAX_ENTRIES": 100_000}})
_redis_back_at = 0.0  # time.monotonic() before which Redis is not tried
_redis_down = False  # the last try failed: log the outage once, and its end
_redis_lock = threading.Lock()


@dataclass(frozen=True)
class Answer:
    status: int
    headers: tuple[tuple[str, str], ...] = ()


def answer(meta: Mapping[str, str], read: Callable[[int], bytes]) -> Answer:
    """Handle one beacon request; ``meta`` is the WSGI environ, ``read`` reads its body."""
    if meta.get("REQUEST_METHOD") != "POST":
        return Answer(405, (("Allow", "POST"),))
    article_id = _article_id(meta, read)
    if article_id is None:
        return Answer(400)
    if is_bot(meta.get("HTTP_USER_AGENT", "")):
        return Answer(204)
    client, visitor = reader_keys(meta)
    hour = hour_of(timezone.now())
    if not settings.REDIS_URL:
        return _count_in_process(client, visitor, article_id, hour)
    if _redis_may_answer():
        try:
            outcome = live_counts.count_view(
                client=client, visitor=visitor, article_id=article_id, hour=hour
            )
        except redis.RedisError:
            _redis_failed()
        else:
            if _redis_down:
                _redis_answered()
            return _answer_for(outcome)
    # Redis is away: the rate limit from this process's memory, and the beacon waits
    # in the buffer to be replayed into Redis, de-duplication and all.
    if not _within_rate(_outage_memory, client):
        return _answer_for(live_counts.RATE_LIMITED)
    buffer.hold_for_redis(client, visitor, article_id, hour)
    return Answer(204)


def _count_in_process(client: str, visitor: str, article_id: int, hour: datetime) -> Answer:
    """Embedded mode: the shared cache decides, the process buffer counts."""
    try:
        if not _within_rate(cache, client):
            return _answer_for(live_counts.RATE_LIMITED)
        counts = _counts(cache, client, visitor, article_id)
    except Exception:
        # Without the cache there is no de-duplication; better to miss a view than
        # to count it many times or answer with a 500.
        logger.warning("Beacon cache unavailable; view not counted", exc_info=True)
        return Answer(503)
    if counts:
        buffer.record_view(article_id, hour)
    return Answer(204)


def _counts(memory, client: str, visitor: str, article_id: int) -> bool:
    """Whether the view counts: the visitor's first in the de-duplication time, and
    within the client address's cap on views of the article (``live_counts`` has the
    same rule in Lua). A new visitor turned away by the cap is still marked seen."""
    seconds = settings.BEACON_DEDUP_SECONDS
    if not memory.add(f"audience:seen:{visitor}:{article_id}", 1, timeout=seconds):
        return False
    cap = settings.BEACON_VIEWS_PER_ADDRESS
    if cap <= 0:
        return True
    return _bump(memory, f"audience:address:{client}:{article_id}", seconds) <= cap


def _answer_for(outcome: int) -> Answer:
    if outcome == live_counts.RATE_LIMITED:
        return Answer(429, (("Retry-After", str(60 - int(time.time()) % 60)),))
    return Answer(204)


def _article_id(meta: Mapping[str, str], read: Callable[[int], bytes]) -> int | None:
    """The id from a ``text/plain`` body (``123``) or a form body (``id=123``), or None."""
    try:
        declared = int(meta.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return None
    if declared > MAX_BODY:
        return None
    # Read at most one byte past the limit, whatever Content-Length claimed.
    body = read(MAX_BODY + 1)
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


def _within_rate(memory, client: str) -> bool:
    """Count this request against the client's budget for the current minute.

    A fixed one-minute window with an atomic counter in the shared cache, so the
    budget holds across worker processes.
    """
    key = f"audience:rate:{client}:{int(time.time()) // 60}"
    return _bump(memory, key, 120) <= settings.BEACON_RATE_PER_MINUTE


def _bump(memory, key: str, timeout: int) -> int:
    """Add one to the counter ``key`` (created to expire after ``timeout``); its new value."""
    # Most counters are new (one beacon a minute, one view per article), so try the
    # one-operation case first.
    if memory.add(key, 1, timeout=timeout):
        return 1
    try:
        return memory.incr(key)
    except ValueError:  # expired between the two calls: a fresh one
        memory.add(key, 1, timeout=timeout)
        return 1


def _redis_may_answer() -> bool:
    return time.monotonic() >= _redis_back_at


def _redis_failed() -> None:
    global _redis_back_at, _redis_down
    with _redis_lock:
        first, _redis_down = not _redis_down, True
        _redis_back_at = time.monotonic() + REDIS_RETRY_SECONDS
    if first:
        logger.warning(
            "Redis unreachable; views are counted in this process until it returns",
            exc_info=True,
        )


def _redis_answered() -> None:
    global _redis_down
    with _redis_lock:
        back, _redis_down = _redis_down, False
    if back:
        logger.warning("Redis answers again; views are counted there")
