"""Reactions to events: the index follows every change the desk makes and every
import, each inside the transaction that makes it, and the cached alias table follows
the aliases."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver

from warta.newsroom.signals import article_written, articles_imported

from .aliases import forget_aliases
from .backends import backend
from .indexing import index_articles, index_written_articles
from .models import SearchAlias, SearchDocument


@receiver(article_written, dispatch_uid="search.index_changed_article")
def index_changed_article(sender, article_id=None, **kwargs) -> None:
    """Published, edited, corrected: indexed again; withdrawn: removed at once. Inside
    the desk's transaction, so the document commits (or rolls back) with the change."""
    if article_id is not None:
        index_articles(article_ids=[article_id])


@receiver(articles_imported, dispatch_uid="search.index_imported_articles")
def index_imported_articles(
    sender, article_ids=(), articles=None, tag_links=None, **kwargs
) -> None:
    """Sent inside the import transaction: the documents commit (or roll back) with the
    articles, so an import is searchable the moment it finishes. Importers that hand
    over the articles they wrote spare the index reading them back."""
    if articles is not None and tag_links is not None:
        index_written_articles(articles=articles, tag_links=tag_links)
    else:
        index_articles(article_ids=article_ids)


@receiver(pre_delete, sender=SearchDocument, dispatch_uid="search.unindex_deleted_document")
def unindex_deleted_document(sender, instance, **kwargs) -> None:
    """A document deleted through the ORM (its article deleted): its index entries go
    first, while the row still holds the words they were made of (see
    backends/sqlite.py). indexing.py deletes in plain SQL and never comes here."""
    backend().remove([instance.pk])


@receiver(post_save, sender=SearchAlias, dispatch_uid="search.forget_aliases_saved")
@receiver(post_delete, sender=SearchAlias, dispatch_uid="search.forget_aliases_deleted")
def forget_alias_table(sender, **kwargs) -> None:
    forget_aliases()
    # Again after commit: a search between the two may have cached the old aliases.
    transaction.on_commit(forget_aliases)
