"""Integration tests: what the beacon counts, and what it refuses."""

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from tests.factories import make_article
from warta.newsroom.models import Article

from .readers import ANDROID, CHROME, FIREFOX, flush_views, unflushed_views, views_of
from .test_visitors import BOTS

pytestmark = pytest.mark.django_db

NOON = datetime(2026, 3, 2, 5, 10, tzinfo=UTC)  # 12:10 in Jakarta


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(NOON, tick=False)
    return time_machine


@pytest.fixture
def article(clock):
    return make_article(published_at=NOON - timedelta(hours=2))


@pytest.mark.parametrize("user_agent", BOTS.values(), ids=BOTS.keys())
def test_bots_are_not_counted(send_beacon, article, user_agent):
    response = send_beacon(str(article.id), ua=user_agent)
    assert response.status_code == 204
    flush_views()
    assert views_of(article) == 0


def test_browsers_are_counted(send_beacon, article):
    for user_agent in (CHROME, FIREFOX, ANDROID):
        assert send_beacon(str(article.id), ua=user_agent).status_code == 204
    flush_views()
    assert views_of(article) == 3


def test_form_encoded_body_is_accepted(send_beacon, article):
    response = send_beacon(f"id={article.id}", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 204
    flush_views()
    assert views_of(article) == 1


def test_same_visitor_counts_once_per_half_hour(embedded_mode, send_beacon, article, clock):
    # Production mode leaves the forgetting to Redis (see test_live_counts.py).
    send_beacon(str(article.id))
    clock.shift(timedelta(minutes=29))
    send_beacon(str(article.id))
    flush_views()
    assert views_of(article) == 1

    clock.shift(timedelta(minutes=2))  # 31 minutes after the first view
    send_beacon(str(article.id))
    flush_views()
    assert views_of(article) == 2


def test_visitor_is_per_article(send_beacon, article):
    other = make_article(published_at=NOON - timedelta(hours=1))
    send_beacon(str(article.id))
    send_beacon(str(other.id))
    flush_views()
    assert (views_of(article), views_of(other)) == (1, 1)


def test_two_visitors_count_twice(send_beacon, article):
    send_beacon(str(article.id), ip="203.0.113.7")
    send_beacon(str(article.id), ip="203.0.113.8")
    flush_views()
    assert views_of(article) == 2


def test_visitors_behind_trusted_proxy_are_told_apart(send_beacon, article, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for reader in ("198.51.100.1", "198.51.100.2", "198.51.100.2"):
        send_beacon(str(article.id), ip="10.0.0.1", HTTP_X_FORWARDED_FOR=reader)
    flush_views()
    assert views_of(article) == 2


def test_one_client_hammering_is_rate_limited(send_beacon, article, settings, clock):
    settings.BEACON_RATE_PER_MINUTE = 5
    settings.BEACON_VIEWS_PER_ADDRESS = 3
    # Every request a different User-Agent, so each would be a new visitor.
    statuses = [send_beacon(str(article.id), ua=f"{CHROME} v{n}").status_code for n in range(9)]
    assert statuses == [204] * 5 + [429] * 4
    flush_views()
    # Five passed the rate limit; the address's cap counted three of them.
    assert views_of(article) == 3

    response = send_beacon(str(article.id), ua=f"{CHROME} late")
    assert response.status_code == 429
    assert response["Cache-Control"] == "no-store"
    assert 0 < int(response["Retry-After"]) <= 60

    clock.shift(timedelta(seconds=61))
    assert send_beacon(str(article.id), ua=f"{CHROME} next minute").status_code == 204
    # Another client is not affected by the first one's budget.
    clock.shift(timedelta(seconds=1))
    assert send_beacon(str(article.id), ip="203.0.113.99").status_code == 204


@pytest.fixture(params=["embedded", "redis"])
def counting_mode(request):
    """Each way a beacon is counted: the embedded default's cache and buffer, and Redis."""
    request.getfixturevalue("embedded_mode" if request.param == "embedded" else "live_redis")
    return request.param


def test_one_address_counts_at_most_the_cap_whatever_user_agents_it_sends(
    counting_mode, send_beacon, article, settings
):
    settings.BEACON_RATE_PER_MINUTE = 10_000  # as if the beacons came slowly enough
    other = make_article(published_at=NOON - timedelta(hours=1))
    for n in range(1000):
        assert send_beacon(str(article.id), ua=f"{CHROME} v{n}").status_code == 204
    # The same address on another article, and other addresses on this one, still count.
    send_beacon(str(other.id))
    send_beacon(str(article.id), ip="203.0.113.8")
    send_beacon(str(article.id), ip="198.51.100.20", ua=FIREFOX)
    flush_views()
    cap = settings.BEACON_VIEWS_PER_ADDRESS
    assert cap > 0
    assert (views_of(article), views_of(other)) == (cap + 2, 1)


def test_the_cap_covers_an_ipv6_clients_whole_slash_64(
    counting_mode, send_beacon, article, settings
):
    settings.BEACON_VIEWS_PER_ADDRESS = 2
    for n in range(1, 6):  # a fresh address of the same /64 every time
        send_beacon(str(article.id), ip=f"2001:db8:5:7::{n:x}", ua=f"{CHROME} v{n}")
    send_beacon(str(article.id), ip="2001:db8:5:8::1")  # the next /64: someone else
    flush_views()
    assert views_of(article) == 3


def test_the_cap_lifts_after_the_dedup_time(embedded_mode, send_beacon, article, settings, clock):
    # Production mode leaves the forgetting to Redis (see test_live_counts.py).
    settings.BEACON_VIEWS_PER_ADDRESS = 2
    for n in range(4):
        send_beacon(str(article.id), ua=f"{CHROME} v{n}")
    clock.shift(timedelta(seconds=settings.BEACON_DEDUP_SECONDS + 1))
    for n in range(4, 8):
        send_beacon(str(article.id), ua=f"{CHROME} v{n}")
    flush_views()
    assert views_of(article) == 4


def test_a_cap_of_zero_counts_every_new_visitor(counting_mode, send_beacon, article, settings):
    settings.BEACON_VIEWS_PER_ADDRESS = 0
    for n in range(12):
        send_beacon(str(article.id), ua=f"{CHROME} v{n}")
    flush_views()
    assert views_of(article) == 12


@pytest.mark.parametrize(
    "body",
    [
        "",
        "abc",
        "0",
        "-1",
        "+5",
        "1.5",
        "1e3",
        "0x10",
        "1 2",
        "12\x00",
        "9" * 20,
        str(2**63),
        "١٢٣",  # Arabic-Indic digits: isdigit() says yes, we say no
        "²",
        "７",  # fullwidth digit
        "berita",
        "id=",
        "id=abc",
        "id=-5",
        "id=%C2%B2",
        "x=5",
        "1" * 10 * 1024,
        b"\xff\xfe\x00\x01",
    ],
)
def test_garbage_is_refused(send_beacon, article, body):
    response = send_beacon(body)
    assert 400 <= response.status_code < 500
    assert response["Cache-Control"] == "no-store"
    assert unflushed_views() == 0


@pytest.mark.parametrize("method", ["get", "put", "delete", "head", "options"])
def test_other_methods_are_refused(client, article, method):
    response = getattr(client, method)("/b", HTTP_USER_AGENT=CHROME)
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert unflushed_views() == 0


def test_huge_declared_length_is_refused(send_beacon, article):
    response = send_beacon(str(article.id), CONTENT_LENGTH="999999")
    assert response.status_code == 400


def test_beacon_sets_no_cookie_and_is_not_cached(send_beacon, client, article):
    response = send_beacon(str(article.id))
    assert response.status_code == 204
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert not response.has_header("Set-Cookie")
    assert not client.cookies


def test_beacon_needs_no_csrf_token(article):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        "/b", data=str(article.id), content_type="text/plain", HTTP_USER_AGENT=CHROME
    )
    assert response.status_code == 204


def test_beacon_does_not_query_the_database(send_beacon, article, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert send_beacon(str(article.id)).status_code == 204
        assert send_beacon(str(article.id), ua=FIREFOX).status_code == 204
        assert send_beacon(str(article.id + 1000)).status_code == 204
    assert unflushed_views() == 3


def test_only_published_articles_are_counted(send_beacon, article, clock):
    draft = make_article(status=Article.Status.DRAFT, published_at=NOON - timedelta(hours=1))
    withdrawn = make_article(
        status=Article.Status.WITHDRAWN, published_at=NOON - timedelta(hours=1)
    )
    scheduled = make_article(published_at=NOON + timedelta(hours=1))
    unknown_id = max(a.id for a in (article, draft, withdrawn, scheduled)) + 100
    for target in (article.id, draft.id, withdrawn.id, scheduled.id, unknown_id):
        assert send_beacon(str(target)).status_code == 204
    flush_views()
    assert views_of(article) == 1
    assert views_of(draft) == views_of(withdrawn) == views_of(scheduled) == 0
    assert unflushed_views() == 0


def test_view_lands_in_the_current_utc_hour(send_beacon, article):
    send_beacon(str(article.id))
    flush_views()
    (bucket,) = article.view_hours.all()
    assert bucket.hour == datetime(2026, 3, 2, 5, 0, tzinfo=UTC)
    assert timezone.is_aware(bucket.hour)
