"""Shared fixtures: factories for the content model live in tests/factories.py."""

import pytest
from django.core.cache import cache

from tests.hostile import profiles  # noqa: F401  (Hypothesis profiles, before any test module)
from tests.hostile.tally import pytest_terminal_summary  # noqa: F401  (hostile inputs tried)
from tests.processes import OwnRedis


@pytest.fixture(autouse=True)
def _clear_cache():
    # In production mode (tests/settings.py) this flushes the tests' own Redis database.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client():
    """Django's test client; its ``force_login`` also passes the desk's second factor
    for the users who need one (``tests.desk.people.DeskClient``)."""
    from tests.desk.people import DeskClient

    return DeskClient()


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
