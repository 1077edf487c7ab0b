"""Counted views wait here, in process memory, until a flush writes them in batches.

The beacon must answer fast and must not write to the database per request, so it only
adds one to a dict entry under a lock. A daemon thread flushes every
``settings.BEACON_FLUSH_SECONDS`` (started lazily by the first counted view), the
process flushes once more at exit, and gunicorn's ``worker_exit`` hook calls
``flush_views()``. A batch whose write fails goes back into the buffer and is retried
by the next flush, so a locked or unreachable database delays counts but loses none.
"""

import atexit
import logging
import os
import threading
from datetime import datetime

from django.conf import settings
from django.db import close_old_connections

from . import counters

logger = logging.getLogger(__name__)

# Bounds the memory a flood of made-up ids (or a long database outage) can take.
# Views beyond it are dropped, never views already counted.
MAX_PENDING = 100_000

_lock = threading.Lock()  # guards _pending
_flush_lock = threading.Lock()  # one flush at a time per process
_pending: dict[tuple[int, datetime], int] = {}
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


def flush_views() -> int:
    """Write every buffered view to the database; return how many views it handed over.

    Views of ids that are not published articles are handed over too, and dropped by
    the statement itself (see ``counters.add_views``).

    On a database error the unwritten views go back into the buffer and the error is
    raised; the next flush retries them.
    """
    with _flush_lock:
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


def pending_views() -> int:
    """How many counted views wait for the next flush."""
    with _lock:
        return sum(_pending.values())


def discard_pending() -> None:
    """Forget buffered views: for a forked child (the parent's copy is not its own) and tests."""
    with _lock:
        _pending.clear()


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
    atexit.register(_flush_quietly)
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


def _flush_quietly() -> None:
    # Neither the flush thread nor atexit has a request cycle to recycle connections,
    # so drop one that is broken or past CONN_MAX_AGE before and after use.
    close_old_connections()
    try:
        flush_views()
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
    _flusher_pid = None


os.register_at_fork(after_in_child=_after_fork_in_child)
