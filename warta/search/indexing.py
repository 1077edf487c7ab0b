"""Keeping the index in step with the articles readers may see.

Live articles (published, or scheduled for later: the query hides those until their
time) have a document; every other article has none, so a withdrawn article is
never found.
"""

from collections.abc import Iterable, Iterator

from django.db import transaction
from django.db.models import Prefetch

from warta.newsroom.models import Article, Tag

from .analysis import plain_text, stems
from .backends import backend
from .models import SearchDocument

BATCH_SIZE = 500


def _document(article: Article) -> SearchDocument:
    return SearchDocument(
        article_id=article.pk,
        section_id_copy=article.section_id,
        published_at=article.published_at,
        stemmed_title=stems(article.title),
        stemmed_tags=stems(" ".join(tag.name for tag in article.tags.all())),
        stemmed_body=stems(f"{article.lead}\n{plain_text(article.body)}"),
        source_updated_at=article.updated_at,
    )


def index_articles(*, article_ids: Iterable[int]) -> None:
    """Bring the documents of these articles up to date (write or remove)."""
    ids = list(dict.fromkeys(article_ids))
    engine = backend()
    with transaction.atomic():
        for start in range(0, len(ids), BATCH_SIZE):
            chunk = ids[start : start + BATCH_SIZE]
            live = list(
                Article.objects.filter(pk__in=chunk, status__in=Article.LIVE_STATUSES)
                .only("id", "section_id", "published_at", "title", "lead", "body", "updated_at")
                .prefetch_related(Prefetch("tags", queryset=Tag.objects.only("id", "name")))
            )
            documents = [_document(article) for article in live]
            gone = set(chunk) - {doc.article_id for doc in documents}
            SearchDocument.objects.filter(article_id__in=gone).delete()
            engine.remove(gone)
            SearchDocument.objects.bulk_create(
                documents,
                update_conflicts=True,
                unique_fields=["article"],
                update_fields=[
                    "section_id_copy",
                    "published_at",
                    "stemmed_title",
                    "stemmed_tags",
                    "stemmed_body",
                    "source_updated_at",
                ],
            )
            engine.store(documents)


def rebuild_index() -> Iterator[int]:
    """Index every live article from scratch; yields how many are done, per batch."""
    engine = backend()
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        engine.clear()
    ids = Article.objects.filter(status__in=Article.LIVE_STATUSES).order_by("pk")
    done, last = 0, 0
    while True:
        chunk = list(ids.filter(pk__gt=last).values_list("pk", flat=True)[:BATCH_SIZE])
        if not chunk:
            return
        index_articles(article_ids=chunk)
        done += len(chunk)
        last = chunk[-1]
        yield done
