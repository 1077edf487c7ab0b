"""Integration tests: historical view counts from imports."""

from datetime import UTC, datetime

import pytest
from django.db import transaction

from tests.factories import make_article
from warta.audience.models import ArticleViewHour
from warta.newsroom.signals import articles_imported

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2025, 11, 3, 14, 42, 9, tzinfo=UTC)


def _import(views):
    with transaction.atomic():
        articles_imported.send(sender=None, views=views)


def _stored():
    return set(ArticleViewHour.objects.values_list("article_id", "hour", "views"))


def test_imported_counts_land_in_the_publishing_hour():
    first = make_article(published_at=PUBLISHED)
    second = make_article(published_at=datetime(2025, 11, 4, 1, 5, tzinfo=UTC))
    _import([(first.id, first.published_at, 1200), (second.id, second.published_at, 7)])
    assert _stored() == {
        (first.id, datetime(2025, 11, 3, 14, tzinfo=UTC), 1200),
        (second.id, datetime(2025, 11, 4, 1, tzinfo=UTC), 7),
    }


def test_importing_twice_changes_nothing():
    article = make_article(published_at=PUBLISHED)
    batch = [(article.id, article.published_at, 1200)]
    _import(batch)
    _import(batch)
    assert _stored() == {(article.id, datetime(2025, 11, 3, 14, tzinfo=UTC), 1200)}


def test_a_corrected_count_replaces_the_old_one():
    article = make_article(published_at=PUBLISHED)
    _import([(article.id, article.published_at, 1200)])
    _import([(article.id, article.published_at, 1250)])
    assert ArticleViewHour.objects.get(article=article).views == 1250


def test_large_batches_and_repeats_within_a_batch():
    articles = [make_article(published_at=PUBLISHED) for _ in range(350)]
    batch = [(a.id, a.published_at, n) for n, a in enumerate(articles)]
    batch.append((articles[0].id, articles[0].published_at, 99))  # the later row wins
    _import(batch)
    assert ArticleViewHour.objects.count() == 350
    assert ArticleViewHour.objects.get(article=articles[0]).views == 99
    assert ArticleViewHour.objects.get(article=articles[-1]).views == 349


def test_missing_or_negative_counts_are_skipped():
    article = make_article(published_at=PUBLISHED)
    _import([(article.id, article.published_at, None), (article.id, article.published_at, -3)])
    _import([])
    assert not ArticleViewHour.objects.exists()
