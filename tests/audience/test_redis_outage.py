"""Integration tests: while Redis is unreachable the beacon still answers and views still count.

Redis "goes away" here by pointing the app at a local port nothing listens on, and
"comes back" by pointing it at the test Redis again; the end-to-end version, with a
redis-server stopped and started under load, is in ``test_production_processes.py``.
"""

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
import redis

from tests.factories import make_article
from warta.audience import beacon, buffer, flush, live_counts

from .readers import CHROME, FIREFOX, views_of
from .sites import free_port

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 2, 5, 10, tzinfo=UTC)


@pytest.fixture
def article(time_machine):
    time_machine.move_to(NOON, tick=False)
    return make_article(published_at=NOON - timedelta(hours=2))


@pytest.fixture
def redis_away(settings, machine_redis):
    """Redis unreachable; ``redis_away.back()`` makes it answer again."""
    settings.REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"

    class Outage:
        @staticmethod
        def back():
            settings.REDIS_URL = machine_redis
            beacon._redis_back_at = 0.0  # the retry time has come

    return Outage


def test_views_wait_in_the_process_and_reach_redis_when_it_returns(
    redis_away, send_beacon, article
):
    assert send_beacon(str(article.id), ua=CHROME).status_code == 204
    assert send_beacon(str(article.id), ua=FIREFOX).status_code == 204
    assert buffer.pending_views() == 2
    with pytest.raises(redis.ConnectionError):
        buffer.flush_views()  # still away: they stay
    assert buffer.pending_views() == 2

    redis_away.back()
    buffer.flush_views()
    assert buffer.pending_views() == 0
    assert live_counts.waiting_views() == 2
    flush.flush_live_views()
    assert views_of(article) == 2


def test_a_reader_repeating_during_the_outage_counts_once(redis_away, send_beacon, article):
    for _ in range(3):
        assert send_beacon(str(article.id)).status_code == 204
    redis_away.back()
    buffer.flush_views()
    assert live_counts.waiting_views() == 1


def test_the_address_cap_holds_when_held_beacons_are_replayed(
    redis_away, send_beacon, article, settings
):
    settings.BEACON_VIEWS_PER_ADDRESS = 2
    for n in range(6):
        assert send_beacon(str(article.id), ua=f"{CHROME} v{n}").status_code == 204
    send_beacon(str(article.id), ip="203.0.113.8")
    redis_away.back()
    buffer.flush_views()
    assert live_counts.waiting_views() == 3


def test_a_beacon_redis_counted_before_its_reply_was_lost_counts_once(
    settings, machine_redis, send_beacon, article
):
    settings.REDIS_URL = machine_redis
    real = live_counts.count_view

    def counted_then_lost(**kwargs):
        real(**kwargs)
        raise redis.ConnectionError("Connection reset by peer")

    with mock.patch.object(live_counts, "count_view", side_effect=counted_then_lost):
        assert send_beacon(str(article.id)).status_code == 204
    assert buffer.pending_views() == 1
    buffer.flush_views()  # the replay finds the reader already seen
    assert live_counts.waiting_views() == 1


def test_the_rate_limit_holds_in_this_process(redis_away, send_beacon, article, settings):
    settings.BEACON_RATE_PER_MINUTE = 3
    statuses = [send_beacon(str(article.id), ua=f"{CHROME} v{n}").status_code for n in range(4)]
    assert statuses == [204, 204, 204, 429]
    assert buffer.pending_views() == 3


def test_redis_is_not_asked_again_until_the_retry_time(redis_away, send_beacon, article):
    with mock.patch.object(live_counts, "count_view", wraps=live_counts.count_view) as asked:
        send_beacon(str(article.id), ip="203.0.113.1")
        send_beacon(str(article.id), ip="203.0.113.2")
        assert asked.call_count == 1
        beacon._redis_back_at = 0.0
        send_beacon(str(article.id), ip="203.0.113.3")
        assert asked.call_count == 2
    assert buffer.pending_views() == 3


def test_views_still_held_when_the_process_exits_go_to_the_database(
    redis_away, send_beacon, article
):
    send_beacon(str(article.id), ip="203.0.113.1")
    send_beacon(str(article.id), ip="203.0.113.2")
    assert buffer.flush_views(final=True) == 2
    assert views_of(article) == 2
    assert buffer.pending_views() == 0


def test_a_failing_redis_command_holds_the_view_too(settings, machine_redis, send_beacon, article):
    settings.REDIS_URL = machine_redis
    refused = redis.ResponseError("OOM command not allowed when used memory > 'maxmemory'")
    with mock.patch.object(live_counts, "count_view", side_effect=refused):
        assert send_beacon(str(article.id)).status_code == 204
    assert buffer.pending_views() == 1
