"""Shared fixtures: factories for the content model live in tests/factories.py."""

import pytest
from django.core.cache import cache

from tests.processes import OwnRedis


@pytest.fixture(autouse=True)
def _clear_cache():
    # In production mode (tests/settings.py) this flushes the tests' own Redis database.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock_driven_cache(settings):
    """A per-process cache whose entries expire by Python's clock, which time-machine moves.

    In production mode the cache is Redis, and Redis expires entries by its own clock;
    a test that moves time to watch something expire asks for this cache instead.
    """
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "clock-driven",
        }
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def own_redis(tmp_path):
    """A redis-server of the test's own (``tests.processes.OwnRedis``), which the test
    may kill and start again; skipped (failed in CI) without the binary."""
    server = OwnRedis(tmp_path)
    server.start()
    yield server
    server.stop()
