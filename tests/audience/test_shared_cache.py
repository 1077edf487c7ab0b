"""De-duplication and the rate limit hold across worker processes.

gunicorn runs several worker processes; a reader's second beacon may reach another
worker than the first. Each beacon here is sent by a separate Python process against
the production cache backends: the on-disk cache of the embedded default and, when
WARTA_TEST_REDIS_URL is set (CI sets it), a real Redis.
"""

import os
import subprocess
import sys
import time

import pytest

from .readers import ANDROID, CHROME, FIREFOX

SEND_FROM_ANOTHER_PROCESS = """
import sys
import django
import time_machine
django.setup()
# Every process sees the same instant, so the one-minute rate window cannot roll over
# between the processes of one test.
time_machine.travel(float(sys.argv[2]), tick=False).start()
from django.conf import settings
from django.test import Client
from warta.audience import buffer, live_counts


def counted():
    # Embedded mode buffers views in the process; production mode counts them in Redis.
    return live_counts.waiting_views() if settings.REDIS_URL else buffer.pending_views()


before = counted()
response = Client(HTTP_USER_AGENT=sys.argv[1], REMOTE_ADDR="198.51.100.9").post(
    "/b", "42", content_type="text/plain"
)
print(response.status_code, counted() - before)
"""


def _redis_url() -> str:
    url = os.environ.get("WARTA_TEST_REDIS_URL", "")
    if not url:
        reason = "WARTA_TEST_REDIS_URL is not set: no Redis to test against"
        if os.environ.get("WARTA_REQUIRE_SERVICES"):
            pytest.fail(reason + "; CI requires it")
        pytest.skip(reason)
    return url


@pytest.fixture(params=["disk", "redis"])
def backend_env(request, tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "warta.settings",
        "WARTA_VAR_DIR": str(tmp_path),
        "WARTA_SECRET_KEY": "shared-cache-test",
        "WARTA_ALLOWED_HOSTS": "testserver",
        "WARTA_BEACON_FLUSH_SECONDS": "0",
        "WARTA_BEACON_RATE_PER_MINUTE": "3",
    }
    env.pop("WARTA_DATABASE_URL", None)
    env.pop("WARTA_REDIS_URL", None)
    if request.param == "redis":
        import redis

        url = _redis_url()
        client = redis.Redis.from_url(url)
        try:
            client.ping()
        except redis.exceptions.ConnectionError as exc:
            pytest.fail(f"Redis at {url} does not answer: {exc}")
        for key in client.scan_iter("warta:*"):
            client.delete(key)
        env["WARTA_REDIS_URL"] = url
        yield env
        for key in client.scan_iter("warta:*"):
            client.delete(key)
    else:
        yield env


def beacon_from_another_process(env, user_agent: str, instant: float) -> tuple[int, int]:
    """(HTTP status, views it counted) for one beacon from a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", SEND_FROM_ANOTHER_PROCESS, user_agent, repr(instant)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    status, pending = result.stdout.split()
    return int(status), int(pending)


@pytest.fixture
def beacon(backend_env):
    """Send one beacon from a fresh process; all of a test's beacons share one instant."""
    instant = time.time()

    def send(user_agent: str) -> tuple[int, int]:
        return beacon_from_another_process(backend_env, user_agent, instant)

    return send


def test_the_same_reader_counts_once_whichever_process_answers(beacon):
    assert beacon(CHROME) == (204, 1)
    assert beacon(CHROME) == (204, 0)
    assert beacon(FIREFOX) == (204, 1)


def test_the_rate_limit_is_shared_by_all_processes(beacon):
    statuses = [beacon(agent)[0] for agent in (CHROME, FIREFOX, ANDROID, CHROME + " extra")]
    assert statuses == [204, 204, 204, 429]


def test_the_address_cap_is_shared_by_all_processes(backend_env, beacon):
    backend_env["WARTA_BEACON_VIEWS_PER_ADDRESS"] = "2"
    assert [beacon(agent) for agent in (CHROME, FIREFOX, ANDROID)] == [(204, 1), (204, 1), (204, 0)]
