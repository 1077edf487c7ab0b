"""Reader pages read from a read replica; the desk, writes and everything else use the primary.

With ``WARTA_DATABASE_REPLICA_URLS`` set, settings add the aliases ``replica1``, … and
install ``ReplicaRouter`` and ``ReplicaMiddleware``. The middleware notes, per request,
whether its reads may go to a replica: only a GET or HEAD outside
``settings.DATABASE_PRIMARY_PATHS`` (the desk, and signed previews an editor opens
right after saving) may. Views know nothing of it.

Within such a request a read stays on the primary once the request has written
anything through the ORM, and while a transaction is open on the primary, so a
request always reads its own writes (an article page storing its Baca Juga list
and reading it back, a ``select_for_update``). Work outside a request (management
commands, the beacon's flush thread, imports) has no request state and uses the
primary, as do migrations.

A request picks one replica at random and keeps it for all its reads. A replica that
cannot be reached is skipped for ``RETRY_SECONDS`` and the request reads from another
one or from the primary, so a replica going down costs readers nothing but load on
the primary. The check runs before the request's first read (what Django's
``CONN_HEALTH_CHECKS`` does anyway before the first query); a replica dying in the
middle of a request fails that one request.

Replicas are asynchronous: a story published a moment ago may be missing on a replica
for as long as it lags (milliseconds on a healthy pair). A replica that falls further
behind than ``settings.DATABASE_REPLICA_MAX_LAG`` seconds (a long query holding replay
back, a broken stream) is left out until it catches up, so readers never see a page
older than that. Each process measures it at most every ``LAG_PROBE_SECONDS`` per
replica: the primary's WAL position against the position the replica has replayed.
A replica behind a position the primary held at a probe counts as lagging from that
probe on, so the lag is known to within one probe interval after a quiet spell.

A cache node refreshing a page after an editor's change (``X-Warta-Refresh`` with the
right secret, warta/edge/) reads from the primary: the page it stores must hold the
change even while a replica lags.
"""

import hmac
import logging
import random
import time
from contextvars import ContextVar
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, Error, connections

logger = logging.getLogger(__name__)

PRIMARY = DEFAULT_DB_ALIAS
# A replica that could not be reached is tried again after this long; meanwhile its
# share of reads goes elsewhere, so a dead host costs one connect timeout per interval
# and process rather than one per request.
RETRY_SECONDS = 10.0

# How often a process asks the primary and a replica how far apart they are.
LAG_PROBE_SECONDS = 1.0
# The header a cache node's refresh carries (deploy/nginx bypasses its cache for it).
REFRESH_HEADER = "X-Warta-Refresh"

_unreachable_until: dict[str, float] = {}


@dataclass
class _RequestReads:
    may_use_replica: bool
    wrote: bool = False
    alias: str | None = None  # the replica (or the primary) chosen at the first read


_current: ContextVar[_RequestReads | None] = ContextVar("warta_request_reads", default=None)


def reads_may_use_replica(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path_info.startswith(tuple(settings.DATABASE_PRIMARY_PATHS)):
        return False
    return not _is_cache_refresh(request)


def _is_cache_refresh(request) -> bool:
    secret = settings.CACHE_REFRESH_SECRET
    sent = request.headers.get(REFRESH_HEADER)
    return bool(secret and sent) and hmac.compare_digest(sent.encode(), secret.encode())


class ReplicaMiddleware:
    def __init__(self, get_response):
        if not settings.DATABASE_REPLICAS:
            raise MiddlewareNotUsed  # Django leaves it out of the chain: no cost at all
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(_RequestReads(may_use_replica=reads_may_use_replica(request)))
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        reads = _current.get()
        if reads is None or not reads.may_use_replica or reads.wrote:
            return PRIMARY
        if connections[PRIMARY].in_atomic_block:
            return PRIMARY
        if reads.alias is None:
            reads.alias = _reachable_replica()
        return reads.alias

    def db_for_write(self, model, **hints):
        reads = _current.get()
        if reads is not None:
            reads.wrote = True
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Every alias holds the same data: an article read from a replica may be saved
        # on the primary with the section it was read with.
        aliases = {PRIMARY, *settings.DATABASE_REPLICAS}
        if obj1._state.db in aliases and obj2._state.db in aliases:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == PRIMARY


def _reachable_replica() -> str:
    now = time.monotonic()
    candidates = [
        alias for alias in settings.DATABASE_REPLICAS if _unreachable_until.get(alias, 0) <= now
    ]
    random.shuffle(candidates)
    for alias in candidates:
        if not _reachable(alias):
            _unreachable_until[alias] = now + RETRY_SECONDS
        elif _lag_watch.lag(alias, now) <= settings.DATABASE_REPLICA_MAX_LAG:
            return alias
    return PRIMARY


class _LagWatch:
    """How long each replica has been behind a WAL position the primary reached.

    Per process, at most one probe per replica every LAG_PROBE_SECONDS: the primary's
    ``pg_current_wal_lsn()``, then the replica's ``pg_last_wal_replay_lsn()``. When the
    replica is behind, the position it must reach is remembered with the time it was
    seen; the lag is the time since, until the replica has replayed past it.
    """

    def __init__(self) -> None:
        self._probed_at: dict[str, float] = {}
        # alias -> (a primary position the replica has not replayed yet, seen when)
        self._behind: dict[str, tuple[int, float]] = {}

    def lag(self, alias: str, now: float) -> float:
        if now - self._probed_at.get(alias, float("-inf")) >= LAG_PROBE_SECONDS:
            self._probe(alias, now)
        target = self._behind.get(alias)
        return 0.0 if target is None else now - target[1]

    def _probe(self, alias: str, now: float) -> None:
        try:
            primary = _wal_position(PRIMARY, "pg_current_wal_lsn()")
            replayed = _wal_position(alias, "pg_last_wal_replay_lsn()")
        except Error:
            logger.warning("Could not measure the lag of read replica %r", alias, exc_info=True)
            return  # the last measurement stands; the next request tries again
        self._probed_at[alias] = now
        target = self._behind.get(alias)
        if target is not None and replayed < target[0]:
            return  # still short of the position it was first seen lacking
        if replayed < primary:
            self._behind[alias] = (primary, now)
        else:
            self._behind.pop(alias, None)


_lag_watch = _LagWatch()


def _wal_position(alias: str, function: str) -> int:
    with connections[alias].cursor() as cursor:
        cursor.execute(f"SELECT {function}::text")
        (position,) = cursor.fetchone()
    if position is None:  # not a standby (a misconfigured replica URL): never stale
        return 1 << 64
    high, low = position.split("/")
    return (int(high, 16) << 32) | int(low, 16)


def _reachable(alias: str) -> bool:
    connection = connections[alias]
    try:
        # A persistent connection whose server went away fails the health check and is
        # closed; connecting again then fails here, before any query depends on it.
        connection.close_if_health_check_failed()
        connection.ensure_connection()
    except Error:
        logger.warning(
            "Read replica %r unreachable; reading from elsewhere for %s s",
            alias,
            RETRY_SECONDS,
            exc_info=True,
        )
        return False
    return True
