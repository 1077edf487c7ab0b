"""End-to-end tests of production mode with the real processes: `warta serve` (gunicorn,
2 workers), `warta flush-views` and Redis, each started, killed and restarted the way
a crash or an operator would.

Every site has its own database (SQLite, or PostgreSQL with WARTA_TEST_DATABASE_URL)
and the Redis of WARTA_TEST_REDIS_URL, emptied around each test; the outage test
starts a redis-server of its own so it can stop it.
"""

import http.client
import signal
import sys
import threading
from collections import Counter

import pytest

from tests.processes import OwnRedis

from .readers import ANDROID, CHROME, FIREFOX
from .sites import PATIENCE, Site, kill, wait_for_line
from .test_visitors import BOTS

# A `warta flush-views --once` that stops at a named point of its pass and waits to
# be killed: after claiming the hour's hash, with the counts written but not
# committed, or committed but the batch not yet deleted from Redis.
STALLED_WORKER = """
import sys
import time
from unittest import mock

import django

django.setup()
from django.core.management import call_command

from warta.audience import counters, live_counts

point = sys.argv[1]


def stall(*args, **kwargs):
    print("stalled", flush=True)
    time.sleep(600)


real_add_views = counters.add_views


def write_then_stall(rows):
    real_add_views(rows)
    stall()


patches = {
    "claimed": mock.patch.object(live_counts, "batch_views", stall),
    "written": mock.patch.object(counters, "add_views", write_then_stall),
    "committed": mock.patch.object(live_counts, "forget_batch", stall),
}
with patches[point]:
    call_command("flush-views", "--once")
"""


def _send_from_threads(beacons, jobs: list[list[tuple[int, str, str]]]) -> Counter:
    """Send each job's (article id, reader address, User-Agent) beacons from its own
    thread and connection, all at once; the statuses answered."""
    statuses: Counter = Counter()
    lock = threading.Lock()

    def run(job):
        sender = beacons.sender()
        seen = Counter(sender.send(article_id, reader, ua=ua) for article_id, reader, ua in job)
        with lock:
            statuses.update(seen)

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_counts_are_exact_with_many_senders_two_workers_and_the_flush_running(site: Site):
    ids = site.add_articles(6)
    site.flush_worker("--interval", "0.2")
    readers_per_thread = 60
    jobs = []
    for thread in range(6):
        job = []
        for reader in range(readers_per_thread):
            address = f"198.51.{thread}.{reader}"
            article_id = ids[(thread + reader) % len(ids)]
            job.append((article_id, address, CHROME))
            job.append((article_id, address, CHROME))  # the same reader again: a repeat
            job.append((article_id, address, BOTS["googlebot"]))
            job.append((article_id, address, FIREFOX))  # another browser: another reader
        jobs.append(job)
    expected = Counter()
    for job in jobs:
        for article_id, _reader, ua in set(job):
            if ua != BOTS["googlebot"]:
                expected[article_id] += 1

    with site.serving() as beacons:
        statuses = _send_from_threads(beacons, jobs)
    site.stop_all()  # the worker finishes its pass on SIGTERM
    site.warta("flush-views", "--once")

    assert statuses == {204: sum(len(job) for job in jobs)}
    stored, waiting = site.totals()
    assert stored == dict(expected)
    assert waiting == 0


@pytest.mark.parametrize("point", ["claimed", "written", "committed"])
def test_a_worker_killed_mid_flush_neither_loses_nor_doubles_a_view(site: Site, point):
    ids = site.add_articles(3)
    with site.serving() as beacons:
        for n, article_id in enumerate(ids):
            for reader in range(n + 1):
                assert beacons.send(article_id, f"203.0.113.{reader}") == 204
        worker = site.start(
            [sys.executable, "-c", STALLED_WORKER, point], "stalled-worker", piped=True
        )
        wait_for_line(worker, "stalled")
        kill(worker)
        # Views keep coming while no worker runs; they land in a fresh hour hash.
        assert beacons.send(ids[0], "203.0.113.200") == 204

    site.warta("flush-views", "--once")  # the restarted worker
    stored, waiting = site.totals()
    assert stored == {ids[0]: 2, ids[1]: 2, ids[2]: 3}
    assert waiting == 0


# `warta serve` answers beacons in the embedded default and behind nginx without a
# beacon service; `warta serve-beacon` answers them behind nginx in production.
SERVERS = ["serve", "serve-beacon"]


@pytest.mark.parametrize("command", SERVERS)
def test_killing_and_restarting_the_app_loses_no_view(site: Site, command):
    (article_id,) = site.add_articles(1)
    with site.serving(command) as beacons:
        for reader in range(5):
            assert beacons.send(article_id, f"203.0.113.{reader}") == 204
        server = site.started[-1]
        kill(server)  # SIGKILL to the server and its workers: no exit hook runs

    with site.serving(command) as beacons:
        # Redis still remembers the first readers, so their repeats do not count.
        assert beacons.send(article_id, "203.0.113.0") == 204
        assert beacons.send(article_id, "203.0.113.9") == 204
    site.warta("flush-views", "--once")
    stored, waiting = site.totals()
    assert stored == {article_id: 6}
    assert waiting == 0


@pytest.fixture
def own_redis(tmp_path):
    folder = tmp_path / "redis"
    folder.mkdir()
    server = OwnRedis(folder, append_only=True)
    server.start()
    yield server
    server.stop()


@pytest.mark.parametrize("command", SERVERS)
def test_redis_going_away_mid_load_costs_no_error_and_no_view(make_site, own_redis, command):
    site = make_site(own_redis.url)
    ids = site.add_articles(4)
    site.flush_worker("--interval", "0.2")
    sent: Counter = Counter()
    statuses: Counter = Counter()
    phase = {"reader": 0}

    def load(beacons, rounds: int) -> None:
        """Six senders at once, each reader new, so every beacon is a first view."""
        jobs = []
        for thread in range(6):
            job = []
            for _ in range(rounds):
                phase["reader"] += 1
                n = phase["reader"]
                article_id = ids[n % len(ids)]
                ua = (CHROME, FIREFOX, ANDROID)[n % 3]
                job.append((article_id, f"10.{thread}.{n // 256 % 256}.{n % 256}", ua))
                sent[article_id] += 1
            jobs.append(job)
        statuses.update(_send_from_threads(beacons, jobs))

    with site.serving(command) as beacons:
        load(beacons, 30)
        own_redis.stop()  # mid-load: the servers and the worker keep running
        load(beacons, 30)
        own_redis.start()  # the same port and append-only file
        load(beacons, 30)
    # SIGTERM: each worker process writes what it buffered during the outage.
    site.stop_all()
    site.warta("flush-views", "--once")

    assert statuses == {204: sum(sent.values())}
    stored, waiting = site.totals()
    assert stored == dict(sent)
    assert waiting == 0


def test_the_worker_stops_cleanly_on_sigterm(site: Site):
    worker = site.start(
        [sys.executable, "-m", "warta", "flush-views", "--interval", "0.2"], "worker", piped=True
    )
    wait_for_line(worker, "Flushing views from Redis every 0.2 s (Ctrl+C to stop)")
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(PATIENCE) == 0


def test_the_beacon_service_answers_beacons_and_nothing_else(site: Site):
    (article_id,) = site.add_articles(1)
    with site.serving("serve-beacon") as beacons:
        assert beacons.send(article_id, "203.0.113.1") == 204
        connection = http.client.HTTPConnection("127.0.0.1", beacons.port, timeout=30)
        connection.request("GET", "/")
        assert connection.getresponse().status == 404
        connection.close()
    site.warta("flush-views", "--once")
    assert site.totals() == ({article_id: 1}, 0)
