"""Writing the stored lists: computed on publish and edit, dropped on import."""

from collections.abc import Iterable, Iterator

from django.db import transaction

from warta.newsroom.models import Article

from .finding import find_related
from .models import RelatedArticle

BATCH_SIZE = 500
# What finding related articles reads of the article itself.
_TEXT_FIELDS = ("id", "section_id", "title", "lead", "body")


def related_refresh(*, article_id: int) -> list[int]:
    """Store the list of a live article anew; an article readers cannot see has none."""
    article = (
        Article.objects.filter(pk=article_id, status__in=Article.LIVE_STATUSES)
        .only(*_TEXT_FIELDS)
        .first()
    )
    if article is None:
        RelatedArticle.objects.filter(article_id=article_id).delete()
        return []
    return related_store(article=article)


def related_store(*, article: Article, found: list[int] | None = None) -> list[int]:
    """Store the list of ``article`` (a live one, already loaded): ``found``, or
    computed now.

    The list is computed before the write transaction begins, so the transaction
    (SQLite's one writer at a time) lasts a delete and an insert, not the search.
    Two processes storing the same list at once keep one of them: the second's rows
    conflict on (article, rank) and are skipped.
    """
    if found is None:
        found = find_related(article)
    with transaction.atomic():
        RelatedArticle.objects.filter(article_id=article.pk).delete()
        RelatedArticle.objects.bulk_create(
            [
                RelatedArticle(article_id=article.pk, related_id=related_id, rank=rank)
                for rank, related_id in enumerate(found)
            ],
            ignore_conflicts=True,
        )
    return found


def related_forget(*, article_ids: Iterable[int]) -> None:
    """Drop these articles' lists; each is computed again when next needed."""
    ids = list(article_ids)
    for start in range(0, len(ids), BATCH_SIZE):
        RelatedArticle.objects.filter(article_id__in=ids[start : start + BATCH_SIZE]).delete()


def articles_to_relate(*, missing_only: bool = False):
    """Live articles, or only those that have no stored list yet."""
    live = Article.objects.filter(status__in=Article.LIVE_STATUSES)
    if missing_only:
        live = live.exclude(pk__in=RelatedArticle.objects.values("article_id"))
    return live


def related_refresh_all(*, missing_only: bool = False) -> Iterator[int]:
    """Compute the list of every live article (or of those without one); yields progress."""
    live = articles_to_relate(missing_only=missing_only).order_by("pk")
    done, last = 0, 0
    while chunk := list(live.filter(pk__gt=last).only(*_TEXT_FIELDS)[:BATCH_SIZE]):
        # One short transaction per list, never one per chunk: the site's own writes
        # (the desk, a first reader's list) must not wait behind a whole chunk.
        for article in chunk:
            related_store(article=article)
        done += len(chunk)
        last = chunk[-1].pk
        yield done
