"""The search index's own table: one row per live article, in stems.

Rows are written by ``warta.search.indexing`` only; the engine-specific index over
them (an FTS5 table on SQLite, a GIN index on PostgreSQL) is made by the migration.
``section`` and ``published_at`` are copied so filters and the "not yet published"
check run inside the engine's query.
"""

from django.db import models

from warta.newsroom.models import Article


class SearchDocument(models.Model):
    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="search_document"
    )
    section_id_copy = models.IntegerField(db_index=False)
    published_at = models.DateTimeField()
    stemmed_title = models.TextField()
    stemmed_tags = models.TextField(blank=True)
    stemmed_body = models.TextField(blank=True)
    # The article's updated_at when this row was written: a different value means stale.
    source_updated_at = models.DateTimeField()

    class Meta:
        verbose_name = "dokumen pencarian"
        verbose_name_plural = "dokumen pencarian"

    def __str__(self) -> str:
        return self.stemmed_title
