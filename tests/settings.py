"""Test settings: the production settings, made fast and isolated.

Tests run in one of the two modes Warta runs in: the embedded default (SQLite, a
per-process cache) or, when WARTA_TEST_DATABASE_URL and WARTA_TEST_REDIS_URL are both
set (CI sets them), production mode: PostgreSQL, and Redis as the cache and session
store. WARTA_TEST_DATABASE_URL alone runs PostgreSQL with the per-process cache.
"""

import os
import tempfile

import jinja2

# Before warta.settings reads the environment: a throwaway var/ and a test-only key.
_test_var = tempfile.mkdtemp(prefix="warta-test-")
os.environ["WARTA_VAR_DIR"] = _test_var
os.environ.setdefault("WARTA_SECRET_KEY", "test-only-key-not-for-production")
if os.environ.get("WARTA_TEST_DATABASE_URL"):
    os.environ["WARTA_DATABASE_URL"] = os.environ["WARTA_TEST_DATABASE_URL"]
else:
    os.environ.pop("WARTA_DATABASE_URL", None)
# The Redis database named by WARTA_TEST_REDIS_URL belongs to the tests: every test
# starts and ends with it flushed (tests/conftest.py).
PRODUCTION_MODE = bool(
    os.environ.get("WARTA_TEST_DATABASE_URL") and os.environ.get("WARTA_TEST_REDIS_URL")
)
if PRODUCTION_MODE:
    os.environ["WARTA_REDIS_URL"] = os.environ["WARTA_TEST_REDIS_URL"]
else:
    os.environ.pop("WARTA_REDIS_URL", None)
# Replica routing is tested against a private primary and standby (tests/production/).
os.environ.pop("WARTA_DATABASE_REPLICA_URLS", None)

from warta.settings import *  # noqa: E402,F403

# Hashing passwords slowly protects production accounts, and only slows tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if not PRODUCTION_MODE:
    # Each test process gets its own in-memory cache; tests that need the shared
    # cross-process cache configure it themselves.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Hashed static names need collectstatic; tests render templates without it.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
# A misspelt variable in a reader template fails the test instead of rendering "".
TEMPLATES[0]["OPTIONS"]["undefined"] = jinja2.StrictUndefined  # noqa: F405
# The beacon flushes when a test asks, never from a background thread.
BEACON_FLUSH_SECONDS = 0
