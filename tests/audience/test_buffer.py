"""Integration tests: buffered views reach the hourly buckets, and survive a failed flush."""

from datetime import UTC, datetime, timedelta
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import make_article, make_reporter, make_section
from warta.audience import buffer, counters
from warta.newsroom.models import Article

from .readers import views_of

pytestmark = pytest.mark.django_db

MORNING = datetime(2026, 3, 2, 1, 45, tzinfo=UTC)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(MORNING, tick=False)
    return time_machine


def test_views_in_two_hours_make_two_buckets(embedded_mode, send_beacon, clock):
    article = make_article(published_at=MORNING - timedelta(days=1))
    send_beacon(str(article.id))
    send_beacon(str(article.id), ip="203.0.113.20")
    clock.shift(timedelta(minutes=31))  # 02:16, past the de-duplication window
    send_beacon(str(article.id))
    buffer.flush_views()
    buckets = list(article.view_hours.order_by("hour").values_list("hour", "views"))
    assert buckets == [
        (datetime(2026, 3, 2, 1, tzinfo=UTC), 2),
        (datetime(2026, 3, 2, 2, tzinfo=UTC), 1),
    ]


def test_flushes_add_up(clock):
    article = make_article(published_at=MORNING - timedelta(days=1))
    hour = counters.hour_of(timezone.now())
    buffer.record_view(article.id, hour)
    assert buffer.flush_views() == 1
    buffer.record_view(article.id, hour)
    buffer.record_view(article.id, hour)
    assert buffer.flush_views() == 2
    assert article.view_hours.get().views == 3
    assert buffer.flush_views() == 0


def test_failed_flush_keeps_the_counts(clock):
    article = make_article(published_at=MORNING - timedelta(days=1))
    hour = counters.hour_of(timezone.now())
    for _ in range(3):
        buffer.record_view(article.id, hour)

    locked = OperationalError("database is locked")
    with (
        mock.patch.object(counters, "add_views", side_effect=[locked, counters.add_views]),
        pytest.raises(OperationalError),
    ):
        buffer.flush_views()
    assert views_of(article) == 0
    assert buffer.pending_views() == 3

    # Counted while the database was away: merged with what came back.
    buffer.record_view(article.id, hour)
    assert buffer.flush_views() == 4
    assert views_of(article) == 4
    assert buffer.pending_views() == 0


def test_failure_midway_keeps_the_unwritten_batches(clock):
    section, reporter = make_section(), make_reporter()
    articles = Article.objects.bulk_create(
        Article(
            title=f"Berita {n}",
            slug=f"berita-massal-{n}",
            section=section,
            reporter=reporter,
            status=Article.Status.PUBLISHED,
            published_at=MORNING - timedelta(days=1),
        )
        for n in range(counters.BATCH_ROWS + 50)
    )
    hour = counters.hour_of(timezone.now())
    for article in articles:
        buffer.record_view(article.id, hour)

    real = counters.add_views
    calls = []

    def fail_second_batch(rows):
        calls.append(len(rows))
        if len(calls) == 2:
            raise OperationalError("server closed the connection unexpectedly")
        real(rows)

    with (
        mock.patch.object(counters, "add_views", side_effect=fail_second_batch),
        pytest.raises(OperationalError),
    ):
        buffer.flush_views()
    assert calls == [counters.BATCH_ROWS, 50]
    assert buffer.pending_views() == 50

    assert buffer.flush_views() == 50
    stored = dict(
        Article.objects.filter(view_hours__hour=hour).values_list("id", "view_hours__views")
    )
    assert stored == {article.id: 1 for article in articles}


def test_one_statement_per_batch(clock):
    articles = [make_article(published_at=MORNING - timedelta(days=1)) for _ in range(3)]
    hour = counters.hour_of(timezone.now())
    for article in articles:
        buffer.record_view(article.id, hour)
        buffer.record_view(article.id, hour - timedelta(hours=1))
    # One upsert; the savepoint around it adds its own statements inside a test transaction.
    with CaptureQueriesContext(connection) as captured:
        buffer.flush_views()
    upserts = [q for q in captured.captured_queries if "INSERT" in q["sql"]]
    assert len(upserts) == 1
    assert sum(views_of(article) for article in articles) == 6
