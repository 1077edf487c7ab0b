"""Desk sessions with Redis: every app server knows a logged-in editor, and a Redis
restart logs nobody out (the cached_db session engine).

Two app servers (``warta serve``) share the private primary and standby and one Redis,
as machines behind a load balancer do; the editor's browser goes to either.
"""

import pytest
import redis

from .installation import app_servers, warta_command, warta_env
from .servers import Browser

pytestmark = pytest.mark.postgres

PASSWORD = "sandi-rahasia-dewi"


@pytest.fixture(scope="module")
def editor(postgres_pair) -> str:
    warta_command(
        postgres_pair, "deskuser", "dewi", "--role", "Redaktur", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    return "dewi"


@pytest.fixture
def redis_client(redis_url):
    client = redis.Redis.from_url(redis_url)
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture(scope="module")
def two_servers(postgres_pair, redis_url, tmp_path_factory):
    env = warta_env(postgres_pair, WARTA_REDIS_URL=redis_url)
    servers = app_servers(env, tmp_path_factory.mktemp("sessions"), count=2)
    yield servers
    for server in servers:
        server.stop()


def session_statements(postgres_pair, positions) -> list[str]:
    primary_at, standby_at = positions
    statements = postgres_pair.primary.statements_since(primary_at)
    statements += postgres_pair.standby.statements_since(standby_at)
    return [s for s in statements if '"django_session"' in s]


def log_positions(postgres_pair) -> tuple[int, int]:
    return postgres_pair.primary.log_position(), postgres_pair.standby.log_position()


def test_an_editor_logged_in_on_one_server_is_known_to_the_other_without_a_query(
    postgres_pair, editor, two_servers, redis_client
):
    one, other = two_servers
    browser = Browser()
    assert browser.log_in(one, editor, PASSWORD).status == 302

    positions = log_positions(postgres_pair)
    for server in (other, one, other):
        page = browser.get(f"{server.url}/redaksi/")
        assert page.status == 200
        assert "dewi" in page.text
    assert session_statements(postgres_pair, positions) == []  # no read, no write per request


def test_a_redis_restart_logs_nobody_out(postgres_pair, editor, two_servers, redis_client):
    one, other = two_servers
    browser = Browser()
    assert browser.log_in(one, editor, PASSWORD).status == 302
    redis_client.flushdb()  # what a restart without persistence leaves

    positions = log_positions(postgres_pair)
    assert browser.get(f"{other.url}/redaksi/").status == 200
    (read,) = session_statements(postgres_pair, positions)
    assert read.startswith("SELECT")  # from the database, once, and back into Redis:

    positions = log_positions(postgres_pair)
    assert browser.get(f"{one.url}/redaksi/").status == 200
    assert session_statements(postgres_pair, positions) == []


def test_logging_out_on_one_server_ends_the_session_on_every_server(
    postgres_pair, editor, two_servers, redis_client
):
    one, other = two_servers
    browser = Browser()
    assert browser.log_in(one, editor, PASSWORD).status == 302
    stolen_cookies = list(browser.cookies)

    assert browser.post(f"{other.url}/redaksi/logout/", {}).status == 200
    thief = Browser()
    for cookie in stolen_cookies:
        thief.cookies.set_cookie(cookie)
    answer = thief.get(f"{one.url}/redaksi/")
    assert answer.status == 302
    assert answer.headers["Location"].startswith("/redaksi/login/")
