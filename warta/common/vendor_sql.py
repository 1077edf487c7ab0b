"""Raw SQL that a migration runs on one database engine only.

The statements stay in each migration, frozen as they were when it was made; this
decides only where they run, so a migration for PostgreSQL's indexes is a no-op on
SQLite and the other way round.
"""


def run_on(vendor: str, *statements: str):
    """A ``RunPython`` function executing ``statements`` on ``vendor`` ("postgresql",
    "sqlite") and doing nothing elsewhere."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == vendor:
            for sql in statements:
                schema_editor.execute(sql)

    return run
