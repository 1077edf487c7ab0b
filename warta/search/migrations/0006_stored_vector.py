"""PostgreSQL: the weighted tsvector becomes a stored generated column, GIN-indexed.

Until now the GIN index was built on an expression over the three stem columns, so
every use of the vector outside the index rebuilt it from the text: the recheck of
a bitmap scan, walking matches newest first, and ts_rank. At a million documents a
word in most of them took 20 s to find (every row's vector rebuilt); read from the
row, it costs microseconds. And an index on the publication time, for searches
limited to a few days. SQLite's FTS5 index is unchanged.
"""

from django.db import migrations

from warta.common.vendor_sql import run_on

# Frozen copies of the statements, as they were when this migration was made.
EXPRESSION = (
    "(setweight(to_tsvector('simple'::regconfig, stemmed_title), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, stemmed_tags), 'B') || "
    "setweight(to_tsvector('simple'::regconfig, stemmed_body), 'D'))"
)
FORWARD = [
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument ADD COLUMN vector tsvector "
    f"GENERATED ALWAYS AS {EXPRESSION} STORED",
    "CREATE INDEX search_document_vector ON search_searchdocument USING gin (vector)",
    # A date filter ("since a week") reads its days here, not the whole archive.
    "CREATE INDEX search_doc_published ON search_searchdocument (published_at)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS search_doc_published",
    "DROP INDEX IF EXISTS search_document_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
    f"CREATE INDEX search_document_vector ON search_searchdocument USING gin ({EXPRESSION})",
]


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_fts_external_content"),
    ]

    operations = [
        migrations.RunPython(run_on("postgresql", *FORWARD), run_on("postgresql", *BACKWARD))
    ]
