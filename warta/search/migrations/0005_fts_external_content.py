"""The SQLite FTS5 table becomes an external-content table over the document rows.

Until now it kept its own copy of every document's stems beside the index; now it
reads them from ``search_searchdocument``, so an import writes the text once. The
old table is dropped and the new one indexes the existing documents ('rebuild'),
so a site keeps finding what it found before without a ``warta reindex``.
PostgreSQL's index was always built from the document rows: nothing to do there.
"""

from django.db import migrations

from warta.common.vendor_sql import run_on

# Frozen copies of the statements, as they were when this migration was made.
OLD_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "title, tags, body, tokenize = 'unicode61')"
)
OLD_FILL = (
    "INSERT INTO search_fts (rowid, title, tags, body) "
    "SELECT article_id, stemmed_title, stemmed_tags, stemmed_body FROM search_searchdocument"
)
NEW_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "stemmed_title, stemmed_tags, stemmed_body, tokenize = 'unicode61', "
    "content = 'search_searchdocument', content_rowid = 'article_id')"
)
NEW_FILL = "INSERT INTO search_fts (search_fts) VALUES ('rebuild')"
DROP = "DROP TABLE IF EXISTS search_fts"


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_document_filters_index"),
    ]

    operations = [
        migrations.RunPython(
            run_on("sqlite", DROP, NEW_CREATE, NEW_FILL),
            run_on("sqlite", DROP, OLD_CREATE, OLD_FILL),
        )
    ]
