"""Integration tests: production mode counts views in Redis, and the flush writes them once.

Against the real Redis of WARTA_TEST_REDIS_URL (its database is emptied around each
test); skipped with a reason without it.
"""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from tests.factories import make_article
from warta.audience import buffer, flush, live_counts
from warta.audience.models import FlushedViewBatch
from warta.audience.selectors import popular_articles
from warta.newsroom.models import Article

from .readers import ANDROID, CHROME, FIREFOX, views_of
from .test_visitors import BOTS

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 2, 5, 10, tzinfo=UTC)  # 12:10 in Jakarta
HOUR = "2026030205"


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(NOON, tick=False)
    return time_machine


@pytest.fixture
def article(clock):
    return make_article(published_at=NOON - timedelta(hours=2))


def _waiting(redis_client, hour: str = HOUR) -> dict[str, str]:
    return redis_client.hgetall(f"warta:views:hour:{hour}")


def test_a_view_is_one_increment_in_the_hours_hash(live_redis, send_beacon, article):
    assert send_beacon(str(article.id)).status_code == 204
    assert _waiting(live_redis) == {str(article.id): "1"}
    assert live_redis.smembers("warta:views:hours") == {HOUR}
    assert views_of(article) == 0  # the database only hears of it from the flush
    assert buffer.pending_views() == 0


def test_browsers_are_counted_and_bots_are_not(live_redis, send_beacon, article):
    for user_agent in (CHROME, FIREFOX, ANDROID):
        assert send_beacon(str(article.id), ua=user_agent).status_code == 204
    for user_agent in BOTS.values():
        assert send_beacon(str(article.id), ua=user_agent).status_code == 204
    assert _waiting(live_redis) == {str(article.id): "3"}
    assert flush.flush_live_views() == flush.FlushReport(batches=1, views=3)
    assert views_of(article) == 3


def test_a_visitor_counts_once_per_article_for_the_dedup_time(
    live_redis, send_beacon, article, settings
):
    other = make_article(published_at=NOON - timedelta(hours=1))
    send_beacon(str(article.id))
    send_beacon(str(article.id))
    send_beacon(str(other.id))
    send_beacon(str(article.id), ip="203.0.113.8")
    assert _waiting(live_redis) == {str(article.id): "2", str(other.id): "1"}
    # Redis forgets the visitor by itself when the de-duplication time is over.
    (seen,) = live_redis.keys(f"warta:views:seen:*:{other.id}")
    assert 0 < live_redis.ttl(seen) <= settings.BEACON_DEDUP_SECONDS
    # And the address's views of the article (its cap) as well.
    (address,) = live_redis.keys(f"warta:views:address:*:{other.id}")
    assert 0 < live_redis.ttl(address) <= settings.BEACON_DEDUP_SECONDS


def test_one_client_hammering_is_rate_limited(live_redis, send_beacon, article, settings, clock):
    settings.BEACON_RATE_PER_MINUTE = 5
    settings.BEACON_VIEWS_PER_ADDRESS = 10  # the cap is another test's subject
    statuses = [send_beacon(str(article.id), ua=f"{CHROME} v{n}").status_code for n in range(9)]
    assert statuses == [204] * 5 + [429] * 4
    response = send_beacon(str(article.id), ua=f"{CHROME} late")
    assert response["Cache-Control"] == "no-store"
    assert 0 < int(response["Retry-After"]) <= 60
    assert _waiting(live_redis) == {str(article.id): "5"}

    clock.shift(timedelta(seconds=61))
    assert send_beacon(str(article.id), ua=f"{CHROME} next minute").status_code == 204
    assert send_beacon(str(article.id), ip="203.0.113.99").status_code == 204


def test_a_beacon_touches_no_database(live_redis, send_beacon, article, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert send_beacon(str(article.id)).status_code == 204
        assert send_beacon(str(article.id + 1000)).status_code == 204
    assert _waiting(live_redis) == {str(article.id): "1", str(article.id + 1000): "1"}


def test_views_land_in_the_utc_hour_they_were_counted(live_redis, send_beacon, article, clock):
    send_beacon(str(article.id), ip="203.0.113.1")
    clock.shift(timedelta(hours=1))
    send_beacon(str(article.id), ip="203.0.113.2")
    assert live_redis.smembers("warta:views:hours") == {HOUR, "2026030206"}
    flush.flush_live_views()
    buckets = list(article.view_hours.order_by("hour").values_list("hour", "views"))
    assert buckets == [
        (datetime(2026, 3, 2, 5, tzinfo=UTC), 1),
        (datetime(2026, 3, 2, 6, tzinfo=UTC), 1),
    ]


def test_the_flush_empties_redis_and_records_its_batches(live_redis, send_beacon, article):
    send_beacon(str(article.id))
    flush.flush_live_views()
    assert live_redis.keys("warta:views:hour:*") == []
    assert live_redis.keys("warta:views:batch*") == []
    assert live_counts.waiting_views() == 0
    (record,) = FlushedViewBatch.objects.all()
    assert record.name.startswith(HOUR + ":")
    assert record.views == 1
    assert flush.flush_live_views() == flush.FlushReport(batches=0, views=0)


def test_views_arriving_after_a_claim_go_to_a_fresh_hash(live_redis, send_beacon, article):
    send_beacon(str(article.id), ip="203.0.113.1")
    (claimed,) = live_counts.claim_open_hours()
    send_beacon(str(article.id), ip="203.0.113.2")
    assert live_counts.batch_views(claimed) == {article.id: 1}
    assert _waiting(live_redis) == {str(article.id): "1"}
    flush.flush_live_views()
    assert views_of(article) == 2
    assert live_counts.waiting_views() == 0


def test_a_batch_left_claimed_by_a_crash_is_written_once(live_redis, send_beacon, article):
    send_beacon(str(article.id))
    live_counts.claim_open_hours()  # ... and the worker died before writing
    assert flush.flush_live_views() == flush.FlushReport(batches=1, views=1)
    assert views_of(article) == 1


def test_a_batch_written_but_not_deleted_is_not_written_again(live_redis, send_beacon, article):
    send_beacon(str(article.id))
    (batch,) = live_counts.claim_open_hours()
    assert flush._write_once(batch, live_counts.batch_views(batch))  # ... died before deleting
    assert views_of(article) == 1
    assert flush.flush_live_views() == flush.FlushReport(batches=1, views=0)
    assert views_of(article) == 1
    assert live_counts.claimed_batches() == []


def test_only_published_articles_are_counted(live_redis, send_beacon, article):
    draft = make_article(status=Article.Status.DRAFT, published_at=NOON - timedelta(hours=1))
    scheduled = make_article(published_at=NOON + timedelta(hours=1))
    for target in (article.id, draft.id, scheduled.id, scheduled.id + 100):
        assert send_beacon(str(target)).status_code == 204
    assert flush.flush_live_views() == flush.FlushReport(batches=1, views=4)
    assert (views_of(article), views_of(draft), views_of(scheduled)) == (1, 0, 0)
    assert live_counts.waiting_views() == 0


def test_old_batch_records_are_pruned(live_redis, send_beacon, article, clock):
    send_beacon(str(article.id))
    flush.flush_live_views()
    clock.shift(flush.KEEP_RECORDS + timedelta(minutes=1))
    flush.flush_live_views()
    assert not FlushedViewBatch.objects.exists()


def test_populer_sees_views_after_a_flush(live_redis, send_beacon, clock, clock_driven_cache):
    leader = make_article(published_at=NOON - timedelta(days=1))
    challenger = make_article(published_at=NOON - timedelta(days=1))
    send_beacon(str(leader.id))
    flush.flush_live_views()
    assert [link.id for link in popular_articles(limit=2)] == [leader.id, challenger.id]
    for reader in ("203.0.113.1", "203.0.113.2"):
        send_beacon(str(challenger.id), ip=reader)
    flush.flush_live_views()
    clock.shift(timedelta(seconds=61))  # past the list's own cache
    assert [link.id for link in popular_articles(limit=2)] == [challenger.id, leader.id]


@pytest.mark.django_db(transaction=True)
def test_counts_are_exact_with_beacons_and_flushes_at_once(live_redis):
    """Eight threads send beacons (first views, repeats, bots) while flushes run."""
    articles = [make_article() for _ in range(5)]
    readers, threads_count = 40, 8

    def send_all(thread: int) -> None:
        client = Client()
        for reader in range(readers):
            address = f"198.51.{thread}.{reader}"
            for article in articles:
                for user_agent in (CHROME, CHROME, BOTS["googlebot"]):  # a repeat, a bot
                    response = client.post(
                        "/b",
                        str(article.id),
                        content_type="text/plain",
                        HTTP_USER_AGENT=user_agent,
                        REMOTE_ADDR=address,
                    )
                    assert response.status_code == 204

    threads = [threading.Thread(target=send_all, args=(n,)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    passes = 0
    while any(thread.is_alive() for thread in threads) or passes == 0:
        flush.flush_live_views()
        passes += 1
    for thread in threads:
        thread.join()
    flush.flush_live_views()
    assert [views_of(article) for article in articles] == [readers * threads_count] * 5
    assert live_counts.waiting_views() == 0


def test_the_command_needs_redis(settings):
    settings.REDIS_URL = ""
    with pytest.raises(CommandError, match="WARTA_REDIS_URL is not set"):
        call_command("flush-views", "--once")


def test_the_command_reports_a_pass(live_redis, send_beacon, article, capsys):
    send_beacon(str(article.id))
    call_command("flush-views", "--once")
    assert capsys.readouterr().out == "1 views in 1 batches written.\n"
    assert views_of(article) == 1
