"""Views counted in Redis (production mode, ``WARTA_REDIS_URL`` set).

Each beacon costs one round trip: a Lua script that checks the client's rate limit,
the visitor's de-duplication key, the client address's cap on views of the article
and, for a view that passes them all, adds one to the current hour's hash. Nothing
here touches the database; ``flush.py`` moves the hashes there.

The keys (all under ``warta:views:``):

``hour:<YYYYMMDDHH>``
    A hash per UTC hour still receiving views: field = article id, value = views.
``hours``
    The set of those hour names, so the worker finds them without ``SCAN``ning a
    keyspace that holds millions of de-duplication keys.
``batch:<YYYYMMDDHH>:<uuid>``
    An hour's hash renamed by the worker: a batch waiting to be written. Renaming is
    atomic, so a view arriving a moment later lands in a fresh ``hour:`` hash.
``batches``
    The set of batch names not yet deleted; after a crash the worker finds its
    unfinished batches here.
``seen:<visitor>:<article id>``
    De-duplication, expiring after ``BEACON_DEDUP_SECONDS``.
``address:<client>:<article id>``
    The client address's views of the article counted so far, at most
    ``BEACON_VIEWS_PER_ADDRESS``; expires ``BEACON_DEDUP_SECONDS`` after the first.
``rate:<client>:<minute>``
    The client's beacons in the current minute, expiring after two minutes.

The counters carry no expiry, so a Redis that evicts only keys with one
(``maxmemory-policy volatile-lru``, or ``noeviction``) never drops a counted view.
Redis Cluster is not supported: the scripts touch keys in several hash slots.
"""

import hashlib
import os
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

import redis
from django.conf import settings

PREFIX = "warta:views:"
HOURS = PREFIX + "hours"
BATCHES = PREFIX + "batches"
HOUR_FORMAT = "%Y%m%d%H"

# A beacon waits this long for Redis before falling back (see beacon.py); a healthy
# Redis on the same network answers in well under a millisecond.
CONNECT_TIMEOUT = 0.25
COMMAND_TIMEOUT = 0.5
# The worker's commands may move a large batch; give them longer.
WORKER_TIMEOUT = 30

# Outcomes of count_view.
COUNTED, DUPLICATE, RATE_LIMITED = 1, 0, -1

# A negative rate limit skips the rate check (replays of held beacons, see buffer.py);
# a cap of 0 skips the cap. A new visitor turned away by the cap is still marked seen,
# as beacon.py's embedded path does.
_COUNT_VIEW = """
local limit = tonumber(ARGV[1])
if limit >= 0 then
  local used = redis.call('INCR', KEYS[1])
  if used == 1 then redis.call('EXPIRE', KEYS[1], 120) end
  if used > limit then return -1 end
end
local ttl = tonumber(ARGV[2])
if ttl > 0 then
  if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ttl) then return 0 end
  local cap = tonumber(ARGV[5])
  if cap > 0 then
    local views = redis.call('INCR', KEYS[5])
    if views == 1 then redis.call('EXPIRE', KEYS[5], ttl) end
    if views > cap then return 0 end
  end
end
redis.call('HINCRBY', KEYS[3], ARGV[3], 1)
redis.call('SADD', KEYS[4], ARGV[4])
return 1
"""

_CLAIM_HOUR = """
redis.call('SREM', KEYS[3], ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('SADD', KEYS[4], ARGV[2])
return 1
"""


@dataclass(frozen=True)
class Batch:
    """A claimed hour's counts, named ``<YYYYMMDDHH>:<uuid>``."""

    name: str

    @property
    def hour(self) -> datetime:
        return datetime.strptime(self.name.split(":", 1)[0], HOUR_FORMAT).replace(tzinfo=UTC)

    @property
    def key(self) -> str:
        return PREFIX + "batch:" + self.name


def count_view(*, client: str, visitor: str, article_id: int, hour: datetime) -> int:
    """Apply the rate limit, de-duplication and the address's cap, and count a view
    that passes them, atomically.

    Returns COUNTED, DUPLICATE or RATE_LIMITED; raises ``redis.RedisError`` when Redis
    cannot be reached.
    """
    name = hour.strftime(HOUR_FORMAT)
    return _evalsha(
        settings.REDIS_URL,
        f"{PREFIX}rate:{client}:{int(time.time()) // 60}",
        f"{PREFIX}seen:{visitor}:{article_id}",
        f"{PREFIX}hour:{name}",
        HOURS,
        f"{PREFIX}address:{client}:{article_id}",
        settings.BEACON_RATE_PER_MINUTE,
        settings.BEACON_DEDUP_SECONDS,
        article_id,
        name,
        settings.BEACON_VIEWS_PER_ADDRESS,
    )


def replay_views(beacons: list[tuple[str, str, int, datetime]]) -> None:
    """Count held ``(client, visitor, article_id, hour)`` beacons now, in one round trip.

    They passed the rate limit when they came; de-duplication and the address's cap
    apply as for a live beacon, so a beacon Redis counted just before its reply was
    lost counts once.
    """
    client = _replay_client(settings.REDIS_URL)
    script = client.register_script(_COUNT_VIEW)
    with client.pipeline(transaction=False) as pipe:
        for client_key, visitor, article_id, hour in beacons:
            name = hour.strftime(HOUR_FORMAT)
            script(
                keys=[
                    PREFIX + "rate:replay",
                    f"{PREFIX}seen:{visitor}:{article_id}",
                    f"{PREFIX}hour:{name}",
                    HOURS,
                    f"{PREFIX}address:{client_key}:{article_id}",
                ],
                args=[
                    -1,
                    settings.BEACON_DEDUP_SECONDS,
                    article_id,
                    name,
                    settings.BEACON_VIEWS_PER_ADDRESS,
                ],
                client=pipe,
            )
        pipe.execute()


def claim_open_hours() -> list[Batch]:
    """Rename every hour hash that holds views into a new batch (the current hour too)."""
    claim = _claim_script(settings.REDIS_URL)
    claimed = []
    for raw in sorted(_worker_client(settings.REDIS_URL).smembers(HOURS)):
        name = raw.decode()
        batch = Batch(f"{name}:{uuid.uuid4().hex}")
        if claim(keys=[f"{PREFIX}hour:{name}", batch.key, HOURS, BATCHES], args=[name, batch.name]):
            claimed.append(batch)
    return claimed


def claimed_batches() -> list[Batch]:
    """Every batch claimed and not yet forgotten, oldest hour first: new and unfinished."""
    names = _worker_client(settings.REDIS_URL).smembers(BATCHES)
    return [Batch(raw.decode()) for raw in sorted(names)]


def batch_views(batch: Batch) -> dict[int, int]:
    """The batch's views per article id (a claimed batch no longer changes)."""
    counts = _worker_client(settings.REDIS_URL).hgetall(batch.key)
    return {int(field): int(value) for field, value in counts.items()}


def forget_batch(batch: Batch) -> None:
    """Delete a written batch and its name in one transaction."""
    with _worker_client(settings.REDIS_URL).pipeline(transaction=True) as pipe:
        pipe.unlink(batch.key)
        pipe.srem(BATCHES, batch.name)
        pipe.execute()


def waiting_views() -> int:
    """Views counted in Redis and not yet written to the database (open hours and batches)."""
    client = _worker_client(settings.REDIS_URL)
    keys = [f"{PREFIX}hour:{raw.decode()}" for raw in client.smembers(HOURS)]
    keys += [Batch(raw.decode()).key for raw in client.smembers(BATCHES)]
    return sum(int(value) for key in keys for value in client.hvals(key))


def _evalsha(url: str, *keys_and_args) -> int:
    """Run the beacon's script on this thread's own connection.

    The beacon is the hottest path in Warta, and redis-py's client costs about three
    times the round trip itself per command (pool checkout, retry and instrumentation
    wrappers), so each thread keeps one connection and speaks to it directly.
    """
    connection = _thread_connection(url)
    try:
        try:
            connection.send_command("EVALSHA", _COUNT_VIEW_SHA, 5, *keys_and_args)
            return connection.read_response()
        except redis.exceptions.NoScriptError:  # a restarted or flushed Redis
            connection.send_command("SCRIPT", "LOAD", _COUNT_VIEW)
            connection.read_response()
            connection.send_command("EVALSHA", _COUNT_VIEW_SHA, 5, *keys_and_args)
            return connection.read_response()
    except redis.ResponseError:
        raise
    except BaseException:
        # A reply may still be on its way; the next command must not read it.
        connection.disconnect()
        raise


_COUNT_VIEW_SHA = hashlib.sha1(_COUNT_VIEW.encode()).hexdigest()
_thread = threading.local()


def _thread_connection(url: str) -> redis.connection.AbstractConnection:
    connections = getattr(_thread, "connections", None)
    if connections is None or _thread.pid != os.getpid():
        connections = _thread.connections = {}
        _thread.pid = os.getpid()
    connection = connections.get(url)
    if connection is None:
        # This thread's alone, closed when the thread ends (a pool would keep it alive),
        # and it reconnects by itself on the next command after an error.
        connection = connections[url] = _beacon_pool(url).make_connection()
    return connection


@cache
def _beacon_pool(url: str) -> redis.ConnectionPool:
    # Only makes the threads' connections (the URL parsed once); lends none.
    return redis.ConnectionPool.from_url(
        url, socket_connect_timeout=CONNECT_TIMEOUT, socket_timeout=COMMAND_TIMEOUT
    )


@cache
def _replay_client(url: str) -> redis.Redis:
    # Replays run in app processes, also while one exits: wait briefly, then keep them.
    return redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)


@cache
def _worker_client(url: str) -> redis.Redis:
    # One pool per process and URL; redis-py makes a fresh pool in a forked child.
    return redis.Redis.from_url(
        url, socket_connect_timeout=WORKER_TIMEOUT, socket_timeout=WORKER_TIMEOUT
    )


@cache
def _claim_script(url: str):
    # register_script sends EVALSHA and loads the script only when Redis lacks it
    # (after a restart or SCRIPT FLUSH).
    return _worker_client(url).register_script(_CLAIM_HOUR)
