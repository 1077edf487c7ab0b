"""Test settings: the production settings, made fast and isolated.

Tests run against the real database engines: SQLite by default, PostgreSQL when
WARTA_TEST_DATABASE_URL is set (CI sets it).
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
os.environ.pop("WARTA_REDIS_URL", None)

from warta.settings import *  # noqa: E402,F403

# Hashing passwords slowly protects production accounts, and only slows tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
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
