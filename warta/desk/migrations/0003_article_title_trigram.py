"""PostgreSQL: a trigram index for the desk's title search (see admin/listing.py).

The article list searches titles with ``icontains``, which Django writes as
``UPPER(title::text) LIKE UPPER(%s)``; the index is on that same expression, so the
planner can use it. SQLite has no trigram index and needs none at its sizes.
"""

from django.db import migrations

# Frozen copies of the statements, as they were when this migration was made.
FORWARD = [
    # Trusted since PostgreSQL 13: the database's owner may create it.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS article_title_trigram ON newsroom_article "
    "USING gin (UPPER(title::text) gin_trgm_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS article_title_trigram"]


def _on_postgresql(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for sql in statements:
                schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0002_roles"),
        ("newsroom", "0002_workflow_desk"),
    ]

    operations = [migrations.RunPython(_on_postgresql(FORWARD), _on_postgresql(BACKWARD))]
