"""Production mode on one machine: a PostgreSQL primary with a hot standby, Redis, and
Warta app servers (``warta serve``) in processes of their own."""

import os
import pwd
import shutil

import pytest
import redis

from .installation import DATABASE, app_servers, warta_command
from .servers import AppServer, PostgresPair, postgres_bindir


def _missing(reason: str) -> None:
    if os.environ.get("WARTA_REQUIRE_SERVICES"):
        pytest.fail(reason + "; CI requires it")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_pair():
    if not os.environ.get("WARTA_TEST_DATABASE_URL"):
        pytest.skip(
            "production-mode test: runs in the PostgreSQL pass of `make test` "
            "(WARTA_TEST_DATABASE_URL is not set)"
        )
    bindir = postgres_bindir()
    if bindir is None:
        # A machine without the server binaries cannot run a private cluster; that is
        # no fault of the code, so even CI only skips.
        pytest.skip(
            "PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) not found on PATH "
            "or in /usr/lib/postgresql/*/bin: no private primary and standby to test against"
        )
    if os.geteuid() == 0 and not (_has_account("postgres") and shutil.which("runuser")):
        pytest.skip("running as root, and initdb refuses root: no postgres account to run it")
    pair = PostgresPair(bindir)
    try:
        pair.start()
        pair.primary.query(f"CREATE DATABASE {DATABASE}")
        warta_command(pair, "migrate", "--noinput")
        pair.wait_for_standby()
        yield pair
    finally:
        pair.stop()


def _has_account(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("WARTA_TEST_REDIS_URL", "")
    if not url:
        _missing("WARTA_TEST_REDIS_URL is not set: no Redis to test against")
    try:
        redis.Redis.from_url(url).ping()
    except redis.exceptions.ConnectionError as exc:
        _missing(f"Redis at {url} does not answer: {exc}")
    return url


@pytest.fixture
def start_app_servers(tmp_path):
    """Start app servers for one test; each is stopped after it."""
    servers = []

    def start(env: dict[str, str], count: int = 1) -> list[AppServer]:
        started = app_servers(env, tmp_path / str(len(servers)), count)
        servers.extend(started)
        return started

    yield start
    for server in servers:
        server.stop()
