"""PostgreSQL: a trigram index for the desk's title search (see admin/listing.py).

The article list searches titles with ``icontains``, which Django writes as
``UPPER(title::text) LIKE UPPER(%s)``; the index is on that same expression, so the
planner can use it. SQLite has no trigram index and needs none at its sizes.
"""

from django.db import migrations

from warta.common.vendor_sql import run_on

# Frozen copies of the statements, as they were when this migration was made.
FORWARD = [
    # Trusted since PostgreSQL 13: the database's owner may create it.
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS article_title_trigram ON newsroom_article "
    "USING gin (UPPER(title::text) gin_trgm_ops)",
]
BACKWARD = ["DROP INDEX IF EXISTS article_title_trigram"]


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0002_roles"),
        ("newsroom", "0002_workflow_desk"),
    ]

    operations = [
        migrations.RunPython(run_on("postgresql", *FORWARD), run_on("postgresql", *BACKWARD))
    ]
