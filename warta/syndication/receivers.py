"""Reactions to newsroom events: the archive's month counts follow every change,
inside the transaction that makes it."""

from django.dispatch import receiver

from warta.newsroom.models import Article
from warta.newsroom.signals import article_written, articles_imported

from .archive import archive_recount, month_of


@receiver(article_written, dispatch_uid="syndication.recount_changed_month")
def recount_changed_month(sender, article_id=None, previously_published_at=None, **kwargs):
    """Published, scheduled, withdrawn, moved: its month (and the one it left) again,
    inside the desk's transaction, so the count commits (or rolls back) with it."""
    moments = list(Article.objects.filter(pk=article_id).values_list("published_at", flat=True))
    if previously_published_at is not None:
        moments.append(previously_published_at)
    archive_recount(months=map(month_of, moments))


@receiver(articles_imported, dispatch_uid="syndication.recount_imported_months")
def recount_imported_months(
    sender, article_ids=(), articles=None, previously_published_at=(), **kwargs
) -> None:
    """Sent inside the import's transaction: the counts commit (or roll back) with the
    articles. A batch is a few hundred articles, mostly of one or two months."""
    if articles is not None:
        moments = [article.published_at for article in articles]
    else:
        moments = list(
            Article.objects.filter(pk__in=list(article_ids)).values_list("published_at", flat=True)
        )
    archive_recount(months={month_of(moment) for moment in [*moments, *previously_published_at]})
