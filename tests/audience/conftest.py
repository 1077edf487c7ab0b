"""Fixtures for the audience tests: a clean view buffer, a beacon sender, Redis, sites."""

import itertools

import pytest
import redis

from warta.audience import beacon, buffer

from .readers import CHROME, READER_IP
from .sites import Databases, Site, redis_url, site_env


@pytest.fixture(autouse=True)
def _empty_buffer(monkeypatch):
    buffer.discard_pending()
    # Each test starts with Redis presumed up and no memory of an earlier outage.
    monkeypatch.setattr(beacon, "_redis_back_at", 0.0)
    monkeypatch.setattr(beacon, "_redis_down", False)
    beacon._outage_memory.clear()
    yield
    buffer.discard_pending()


@pytest.fixture
def send_beacon(client):
    """POST a beacon body the way ``navigator.sendBeacon`` does."""

    def send(body, *, ua=CHROME, ip=READER_IP, content_type="text/plain;charset=UTF-8", **extra):
        return client.post(
            "/b",
            data=body,
            content_type=content_type,
            HTTP_USER_AGENT=ua,
            REMOTE_ADDR=ip,
            **extra,
        )

    return send


@pytest.fixture
def machine_redis() -> str:
    """The test Redis database (WARTA_TEST_REDIS_URL), emptied before and after."""
    url = redis_url()
    client = redis.Redis.from_url(url)
    try:
        client.flushdb()
    except redis.ConnectionError as exc:
        pytest.fail(f"Redis at {url} does not answer: {exc}")
    yield url
    client.flushdb()
    client.close()


@pytest.fixture
def live_redis(settings, machine_redis) -> redis.Redis:
    """Production mode in this process: beacons count in the test Redis database."""
    settings.REDIS_URL = machine_redis
    client = redis.Redis.from_url(machine_redis, decode_responses=True)
    yield client
    client.close()


@pytest.fixture(scope="session")
def site_databases(tmp_path_factory):
    databases = Databases(tmp_path_factory.mktemp("site-databases"))
    yield databases
    databases.close()


_site_numbers = itertools.count(1)


@pytest.fixture
def make_site(tmp_path, site_databases):
    """``make_site(redis_url)``: a migrated Warta installation of this test's own."""
    made: list[tuple[Site, str]] = []

    def make(redis: str) -> Site:
        database = site_databases.copy(str(next(_site_numbers)))
        root = tmp_path / f"site{len(made) + 1}"
        root.mkdir()
        site = Site(root, site_env(root, database, redis))
        made.append((site, database))
        return site

    yield make
    for site, database in made:
        site.stop_all()
        site_databases.drop(database)


@pytest.fixture
def site(make_site, machine_redis) -> Site:
    return make_site(machine_redis)


@pytest.fixture
def embedded_mode(settings, clock_driven_cache):
    """The embedded default whichever mode the suite runs in: views wait in the process
    buffer, and de-duplication lives in a cache whose entries time-machine can expire."""
    settings.REDIS_URL = ""
