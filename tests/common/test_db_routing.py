"""Which database a read goes to: the rules, request by request.

Whether a replica is reachable, and how far it lags, is what a real standby answers;
those tests run against one in tests/production/test_replica_routing.py. Here the
replicas' reachability, lag and WAL positions are given, so each rule can be seen on
its own.
"""

import pytest
from django.core.exceptions import MiddlewareNotUsed
from django.db import router, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from warta.common import db_routing
from warta.common.db_routing import ReplicaMiddleware, ReplicaRouter, reads_may_use_replica
from warta.newsroom.models import Article

REPLICAS = ["replica1", "replica2"]


class Replicas:
    """Which replicas answer; every alias the router asked about, in order."""

    def __init__(self):
        self.down: set[str] = set()
        self.asked: list[str] = []
        self.lag_seconds: dict[str, float] = {}

    def reachable(self, alias: str) -> bool:
        self.asked.append(alias)
        return alias not in self.down

    def lag(self, alias: str, now: float) -> float:
        return self.lag_seconds.get(alias, 0.0)


@pytest.fixture
def replicas(settings, monkeypatch) -> Replicas:
    settings.DATABASE_REPLICAS = REPLICAS
    settings.DATABASE_ROUTERS = ["warta.common.db_routing.ReplicaRouter"]
    replicas = Replicas()
    monkeypatch.setattr(db_routing, "_reachable", replicas.reachable)
    monkeypatch.setattr(db_routing, "_unreachable_until", {})
    monkeypatch.setattr(db_routing, "_lag_watch", replicas)
    return replicas


def reads_during(method: str, path: str, during=lambda: None) -> list[str]:
    """The aliases of reads made before and after ``during()`` in one request."""
    seen = []

    def view(request):
        seen.append(router.db_for_read(Article))
        during()
        seen.append(router.db_for_read(Article))
        return HttpResponse()

    ReplicaMiddleware(view)(RequestFactory().generic(method, path))
    return seen


@pytest.mark.parametrize(
    ("method", "path", "replica"),
    [
        ("GET", "/", True),
        ("HEAD", "/nasional", True),
        ("GET", "/nasional/read/2024/02/14/1/banjir", True),
        ("GET", "/cari?q=banjir", True),
        ("GET", "/feed/rss", True),
        ("GET", "/sitemap.xml", True),
        ("GET", "/api/v1/articles", True),
        ("POST", "/b", False),
        ("POST", "/nasional", False),
        ("PUT", "/api/v1/articles/1", False),
        ("GET", "/redaksi/", False),
        ("GET", "/redaksi/newsroom/article/1/change/", False),
        ("GET", "/pratinjau/abc123", False),
    ],
)
def test_only_reader_gets_and_heads_may_read_from_a_replica(method, path, replica):
    assert reads_may_use_replica(RequestFactory().generic(method, path)) is replica


@pytest.mark.parametrize(
    ("sent", "replica"),
    [("rahasia-penyegar-cache-0123", False), ("tebakan", True), ("", True), (None, True)],
)
def test_a_cache_refresh_with_the_secret_reads_the_primary(settings, sent, replica):
    settings.CACHE_REFRESH_SECRET = "rahasia-penyegar-cache-0123"
    headers = {} if sent is None else {"X-Warta-Refresh": sent}
    request = RequestFactory().get("/nasional/read/2024/02/14/1/banjir", headers=headers)
    assert reads_may_use_replica(request) is replica


def test_without_a_refresh_secret_the_header_means_nothing(settings):
    settings.CACHE_REFRESH_SECRET = ""
    request = RequestFactory().get("/", headers={"X-Warta-Refresh": ""})
    assert reads_may_use_replica(request) is True


def test_a_reader_page_reads_from_one_replica_throughout(replicas):
    for _ in range(20):
        first, second = reads_during("GET", "/")
        assert first in REPLICAS
        assert second == first


def test_the_desk_and_posts_read_from_the_primary(replicas):
    assert reads_during("GET", "/redaksi/") == ["default", "default"]
    assert reads_during("POST", "/b") == ["default", "default"]
    assert replicas.asked == []  # no replica was even considered


def test_after_a_write_the_request_reads_the_primary(replicas):
    def write():
        assert router.db_for_write(Article) == "default"

    first, after_write = reads_during("GET", "/nasional", during=write)
    assert first in REPLICAS
    assert after_write == "default"


@pytest.mark.django_db(transaction=True)
def test_inside_a_transaction_the_request_reads_the_primary(replicas):
    inside = []

    def in_a_transaction():
        with transaction.atomic():
            inside.append(router.db_for_read(Article))

    first, after = reads_during("GET", "/", during=in_a_transaction)
    assert inside == ["default"]
    assert first in REPLICAS and after == first


def test_outside_a_request_everything_uses_the_primary(replicas):
    # Management commands, imports, the beacon's flush thread.
    assert router.db_for_read(Article) == "default"
    assert router.db_for_write(Article) == "default"


def test_an_unreachable_replica_is_left_alone_for_a_while(replicas):
    replicas.down.add("replica1")
    assert {reads_during("GET", "/")[0] for _ in range(20)} == {"replica2"}
    assert replicas.asked.count("replica1") == 1  # not asked again meanwhile


def test_an_unreachable_replica_is_tried_again_after_the_interval(replicas, monkeypatch):
    monkeypatch.setattr(db_routing, "RETRY_SECONDS", 0.0)
    replicas.down.add("replica1")
    reads_during("GET", "/")
    replicas.down.discard("replica1")
    assert {reads_during("GET", "/")[0] for _ in range(20)} == {"replica1", "replica2"}


def test_with_every_replica_unreachable_readers_read_the_primary(replicas):
    replicas.down.update(REPLICAS)
    assert reads_during("GET", "/") == ["default", "default"]


def test_migrations_run_on_the_primary_only():
    assert ReplicaRouter().allow_migrate("default", "newsroom") is True
    assert ReplicaRouter().allow_migrate("replica1", "newsroom") is False


def test_without_replicas_the_middleware_leaves_the_chain(settings):
    settings.DATABASE_REPLICAS = []
    with pytest.raises(MiddlewareNotUsed):
        ReplicaMiddleware(lambda request: HttpResponse())


def test_a_replica_lagging_past_the_bound_is_left_out(replicas, settings):
    settings.DATABASE_REPLICA_MAX_LAG = 5.0
    replicas.lag_seconds["replica1"] = 5.5
    assert {reads_during("GET", "/")[0] for _ in range(20)} == {"replica2"}
    replicas.lag_seconds["replica1"] = 4.0
    assert {reads_during("GET", "/")[0] for _ in range(20)} == {"replica1", "replica2"}


def test_with_every_replica_lagging_readers_read_the_primary(replicas, settings):
    settings.DATABASE_REPLICA_MAX_LAG = 5.0
    replicas.lag_seconds.update({"replica1": 60.0, "replica2": 6.0})
    assert reads_during("GET", "/") == ["default", "default"]


class WalPositions:
    """The primary's current WAL position and what the replica has replayed."""

    def __init__(self):
        self.primary, self.replayed = 100, 100
        self.failing = False

    def read(self, alias: str, function: str) -> int:
        if self.failing:
            raise db_routing.Error("server closed the connection")
        return self.primary if alias == "default" else self.replayed


@pytest.fixture
def wal(monkeypatch) -> WalPositions:
    positions = WalPositions()
    monkeypatch.setattr(db_routing, "_wal_position", positions.read)
    monkeypatch.setattr(db_routing, "LAG_PROBE_SECONDS", 1.0)
    return positions


def test_a_replica_that_has_replayed_everything_does_not_lag(wal):
    watch = db_routing._LagWatch()
    assert watch.lag("replica1", now=0.0) == 0.0
    wal.primary = wal.replayed = 500
    assert watch.lag("replica1", now=100.0) == 0.0


def test_lag_counts_from_the_first_probe_that_finds_the_replica_short(wal):
    watch = db_routing._LagWatch()
    wal.primary, wal.replayed = 200, 150
    assert watch.lag("replica1", now=10.0) == 0.0
    assert watch.lag("replica1", now=10.5) == 0.5  # between probes: no new query
    wal.primary = 300  # the primary goes on writing; the replica stays stuck
    assert watch.lag("replica1", now=17.0) == 7.0


def test_a_replica_that_moves_on_lags_only_from_the_newer_position(wal):
    watch = db_routing._LagWatch()
    wal.primary, wal.replayed = 200, 150
    watch.lag("replica1", now=10.0)
    wal.primary, wal.replayed = 300, 250  # replayed 200, the position it lacked
    assert watch.lag("replica1", now=12.0) == 0.0  # behind 300 from now on
    assert watch.lag("replica1", now=14.0) == 2.0
    wal.replayed = 300
    assert watch.lag("replica1", now=15.0) == 0.0


def test_a_failed_probe_keeps_the_last_measurement(wal):
    watch = db_routing._LagWatch()
    wal.primary, wal.replayed = 200, 150
    watch.lag("replica1", now=10.0)
    wal.failing = True
    assert watch.lag("replica1", now=16.0) == 6.0
