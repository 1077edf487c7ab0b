"""Views wait here, in process memory, until a flush hands them on.

Two kinds wait:

* **counts** (embedded mode): the beacon must answer fast and must not write to the
  database per request, so it only adds one to a dict entry under a lock; a flush
  writes them to the hourly buckets in batches. A batch whose write fails goes back
  into the buffer and is retried by the next flush, so a locked or unreachable
  database delays counts but loses none.
* **beacons Redis could not take** (production mode while Redis is away): the
  client address, reader, article and hour of each. A flush replays them into Redis
  through the same script a live beacon runs, so de-duplication and the address's
  cap apply then: a reader whose beacons reached several processes during the outage
  counts once, and so does a beacon Redis had counted before its reply was lost. At
  exit, beacons Redis still cannot take become counts and go to the database rather
  than be lost.

A daemon thread flushes every ``settings.BEACON_FLUSH_SECONDS`` (started lazily by
the first view held), the process flushes once more at exit, and gunicorn's
``worker_exit`` hook calls ``flush_views(final=True)``.

What a crash loses (embedded mode; the bound the crash tests check, README "Crash
safety"): a graceful stop (SIGTERM) loses nothing. A process killed outright (SIGKILL,
the OOM killer, a power cut) loses the counts it acknowledged since the last flush it
committed began: normally at most ``BEACON_FLUSH_SECONDS`` of its views plus the
milliseconds a flush takes, per worker process. While the database refuses the writes
(its lock held past the busy timeout by a long import, a full disk), the failed
batches wait here, so the window is then the time since the last flush that
succeeded. ``MAX_PENDING`` caps what waits: views of an article and hour not already
waiting are dropped beyond it (logged), never those held.
"""

import atexit
import logging
import os
import threading
from datetime import datetime

import redis
from django.conf import settings
from django.db import close_old_connections

from . import counters, live_counts

logger = logging.getLogger(__name__)

# Bounds the memory a flood of made-up ids (or a long outage) can take. Views beyond
# it are dropped, never views already held.
MAX_PENDING = 100_000
# Beacons replayed into Redis per round trip.
REPLAY_BATCH = 1000

_lock = threading.Lock()  # guards _pending and _held
_flush_lock = threading.Lock()  # one flush at a time per process
_pending: dict[tuple[int, datetime], int] = {}
# (client, visitor, article_id, hour) of beacons waiting for Redis; a dict keeps
# their order.
_held: dict[tuple[str, str, int, datetime], None] = {}
_flusher_pid: int | None = None  # the process whose thread/atexit hook is set up


def record_view(article_id: int, hour: datetime) -> None:
    """Count one view of ``article_id`` in the UTC ``hour`` bucket (no database access)."""
    key = (article_id, hour)
    with _lock:
        if key in _pending:
            _pending[key] += 1
        elif len(_pending) < MAX_PENDING:
            _pending[key] = 1
        else:
            logger.warning("View buffer full (%d entries); view dropped", MAX_PENDING)
            return
    if _flusher_pid != os.getpid():
        _start_flusher()


def hold_for_redis(client: str, visitor: str, article_id: int, hour: datetime) -> None:
    """Keep a beacon Redis could not take, to replay it when Redis answers again."""
    key = (client, visitor, article_id, hour)
    with _lock:
        if key in _held:
            return  # the same reader again: one replay decides for both
        if len(_held) >= MAX_PENDING:
            logger.warning("View buffer full (%d beacons); view dropped", MAX_PENDING)
            return
        _held[key] = None
    if _flusher_pid != os.getpid():
        _start_flusher()


def flush_views(*, final: bool = False) -> int:
    """Hand every waiting view on; return how many counts it wrote to the database.

    Held beacons are replayed into Redis first; with ``final`` (the process is
    exiting), those Redis still refuses become counts. Counts go to the database;
    views of ids that are not published articles are handed over too, and dropped by
    the statement itself (see ``counters.add_views``).

    On an error whatever was not handed on goes back into the buffer and the error is
    raised; the next flush retries it.
    """
    with _flush_lock:
        try:
            _replay_held(final)
        finally:
            written = _write_counts()
        return written


def pending_views() -> int:
    """How many views wait for the next flush (counts and held beacons)."""
    with _lock:
        return sum(_pending.values()) + len(_held)


def discard_pending() -> None:
    """Forget waiting views: for a forked child (the parent's copy is not its own) and tests."""
    with _lock:
        _pending.clear()
        _held.clear()


def _replay_held(final: bool) -> None:
    with _lock:
        held = list(_held)
        _held.clear()
    done = 0
    try:
        while done < len(held):
            batch = held[done : done + REPLAY_BATCH]
            live_counts.replay_views(batch)
            done += len(batch)
    except BaseException as exc:
        rest = held[done:]
        if final and isinstance(exc, redis.RedisError):
            logger.warning("Redis unreachable at exit; %d views go to the database", len(rest))
            _put_back([(article_id, hour, 1) for *_, article_id, hour in rest])
            return
        with _lock:
            for key in rest:
                _held.setdefault(key, None)
        raise


def _write_counts() -> int:
    with _lock:
        taken = list(_pending.items())
        _pending.clear()
    rows = [(article_id, hour, views) for (article_id, hour), views in taken]
    handed = 0
    for start in range(0, len(rows), counters.BATCH_ROWS):
        batch = rows[start : start + counters.BATCH_ROWS]
        try:
            counters.add_views(batch)
        except BaseException:
            _put_back(rows[start:])
            raise
        handed += sum(views for _, _, views in batch)
    return handed


def _put_back(rows: list[counters.Row]) -> None:
    with _lock:
        for article_id, hour, views in rows:
            key = (article_id, hour)
            _pending[key] = _pending.get(key, 0) + views


def _start_flusher() -> None:
    global _flusher_pid
    with _lock:
        if _flusher_pid == os.getpid():
            return
        _flusher_pid = os.getpid()
    atexit.register(_flush_quietly, final=True)
    seconds = settings.BEACON_FLUSH_SECONDS
    if seconds > 0:
        thread = threading.Thread(
            target=_flush_forever, args=(seconds,), name="warta-view-flush", daemon=True
        )
        thread.start()


def _flush_forever(seconds: float) -> None:
    stop = threading.Event()  # never set: the thread dies with the process
    while not stop.wait(seconds):
        _flush_quietly()


def _flush_quietly(*, final: bool = False) -> None:
    # Neither the flush thread nor atexit has a request cycle to recycle connections,
    # so drop one that is broken or past CONN_MAX_AGE before and after use.
    close_old_connections()
    try:
        flush_views(final=final)
    except Exception:
        logger.warning("Flushing views failed; they stay buffered for the next try", exc_info=True)
    finally:
        close_old_connections()


def _after_fork_in_child() -> None:
    # The parent's buffer is not ours to write, its thread did not survive the fork,
    # and a lock held by another parent thread at fork time would never be released.
    global _lock, _flush_lock, _flusher_pid
    _lock = threading.Lock()
    _flush_lock = threading.Lock()
    _pending.clear()
    _held.clear()
    _flusher_pid = None


os.register_at_fork(after_in_child=_after_fork_in_child)
