"""Integration tests: the Populer ranking."""

from dataclasses import FrozenInstanceError
from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import make_article
from warta.audience.counters import hour_of
from warta.audience.models import ArticleViewHour
from warta.audience.selectors import ArticleLink, popular_articles
from warta.newsroom.models import Article

from .readers import flush_views

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 9, 7, 30, tzinfo=UTC)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(NOW, tick=False)
    return time_machine


def _article(days_ago: float = 10, **kwargs) -> Article:
    return make_article(published_at=NOW - timedelta(days=days_ago), **kwargs)


def _viewed(article: Article, views: int, *, ago: timedelta = timedelta(hours=1)) -> None:
    ArticleViewHour.objects.create(article=article, hour=hour_of(NOW - ago), views=views)


def _ids(links) -> list[int]:
    return [link.id for link in links]


def test_most_read_first(clock):
    quiet, busy, middling = _article(), _article(), _article()
    _viewed(quiet, 1)
    _viewed(busy, 15)
    _viewed(middling, 10)
    _viewed(middling, 10, ago=timedelta(days=2))  # hours add up
    assert _ids(popular_articles(limit=3)) == [middling.id, busy.id, quiet.id]


def test_views_older_than_the_window_do_not_count(clock, settings):
    settings.POPULAR_WINDOW_DAYS = 7
    old_favourite, recent = _article(days_ago=30), _article(days_ago=30)
    _viewed(old_favourite, 1000, ago=timedelta(days=7, hours=1))
    _viewed(old_favourite, 1, ago=timedelta(days=6))
    _viewed(recent, 5, ago=timedelta(days=6, hours=23))
    assert _ids(popular_articles(limit=2)) == [recent.id, old_favourite.id]


def test_only_published_articles(clock):
    shown = _article()
    withdrawn = _article(status=Article.Status.WITHDRAWN)
    draft = _article(status=Article.Status.DRAFT)
    _viewed(shown, 1)
    _viewed(withdrawn, 100)
    _viewed(draft, 100)
    links = popular_articles(limit=10)
    assert withdrawn.id not in _ids(links)
    assert draft.id not in _ids(links)
    assert _ids(links)[0] == shown.id


def test_newest_articles_fill_a_quiet_window(clock):
    oldest = _article(days_ago=30)
    read = _article(days_ago=20)
    newer = _article(days_ago=2)
    newest = _article(days_ago=1)
    _article(days_ago=-1)  # scheduled: not published yet
    _viewed(read, 3)
    assert _ids(popular_articles(limit=4)) == [read.id, newest.id, newer.id, oldest.id]
    assert _ids(popular_articles(limit=2)) == [read.id, newest.id]


def test_default_length_and_empty_limits(clock, settings):
    settings.POPULAR_LENGTH = 7
    for _ in range(9):
        _article()
    assert len(popular_articles()) == 7
    assert popular_articles(limit=0) == []


def test_links_are_plain_data(clock):
    article = _article()
    _viewed(article, 1)
    (link,) = popular_articles(limit=1)
    assert link == ArticleLink(
        id=article.id,
        title=article.title,
        url=article.get_absolute_url(),
        published_at=article.published_at,
    )
    with pytest.raises(FrozenInstanceError):
        link.title = "Lain"


def test_cached_for_a_minute(clock, clock_driven_cache, send_beacon, django_assert_max_num_queries):
    leader, challenger = _article(), _article()
    _viewed(leader, 2)
    _viewed(challenger, 1)
    with django_assert_max_num_queries(3):
        assert _ids(popular_articles(limit=2)) == [leader.id, challenger.id]

    for reader in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        send_beacon(str(challenger.id), ip=reader)
    flush_views()

    clock.shift(timedelta(seconds=59))
    with django_assert_max_num_queries(0):
        assert _ids(popular_articles(limit=2)) == [leader.id, challenger.id]

    clock.shift(timedelta(seconds=2))
    assert _ids(popular_articles(limit=2)) == [challenger.id, leader.id]
