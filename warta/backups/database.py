"""What a backup or restore needs to know of the configured database: its engine's
snapshot module, whether it holds anything, and how its migrations compare."""

from types import ModuleType

from django.db import connection
from django.db.migrations.loader import MigrationLoader

from . import postgres, sqlite
from .manifest import BackupError

ENGINES: dict[str, ModuleType] = {"sqlite": sqlite, "postgresql": postgres}
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

# Tables ``warta migrate`` fills by itself (content types, permissions, the desk's role
# groups): rows there do not make a database "not empty".
FILLED_BY_MIGRATE = frozenset(
    {
        "django_migrations",
        "django_content_type",
        "auth_permission",
        "auth_group",
        "auth_group_permissions",
    }
)


def engine() -> ModuleType:
    try:
        return ENGINES[connection.vendor]
    except KeyError:
        raise BackupError(f"backups of {connection.vendor} databases are not supported") from None


def check_same_engine(backup_vendor: str) -> None:
    if backup_vendor != connection.vendor:
        made, here = (ENGINE_NAMES.get(v, v) for v in (backup_vendor, connection.vendor))
        raise BackupError(
            f"this is a backup of a {made} database and this Warta uses {here}: restoring "
            "across database engines is not supported. Move the articles with "
            "`warta export` and `warta import` instead."
        )


def tables_with_rows() -> list[str]:
    """The tables that hold something besides what migrations put there."""
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        skipped = set(FILLED_BY_MIGRATE) | _sqlite_index_tables(cursor, tables)
        quote = connection.ops.quote_name
        found = []
        for table in tables:
            if table in skipped:
                continue
            cursor.execute(f"SELECT 1 FROM {quote(table)} LIMIT 1")
            if cursor.fetchone() is not None:
                found.append(table)
    return found


def compare_migrations(applied: dict[str, list[str]]) -> tuple[list[str], list[str]]:
    """``(unknown, newer)``: migrations the backup has that this code lacks (a newer
    Warta made it), and ones this code has that the backup lacks (run migrate after)."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    in_backup = {(app, name) for app, names in applied.items() for name in names}
    unknown = sorted(f"{app}.{name}" for app, name in in_backup - known)
    newer = sorted(f"{app}.{name}" for app, name in known - in_backup)
    return unknown, newer


def _sqlite_index_tables(cursor, tables: list[str]) -> set[str]:
    """SQLite: full-text tables (FTS5) and their shadow tables, which hold the index of
    rows elsewhere (a fresh one already has a few rows of its own)."""
    if connection.vendor != "sqlite":
        return set()
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'"
    )
    virtual = [row[0] for row in cursor.fetchall()]
    return {t for t in tables for v in virtual if t == v or t.startswith(f"{v}_")}
