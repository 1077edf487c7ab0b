"""``backup_restore``: a fresh install brought back to exactly a backup's state.

Everything is checked before anything is touched: the manifest and every file's size
and digest, the database engine, the migrations, and (unless ``force``) that the
database and the media folder hold nothing yet. Then the media go in, then the
database is replaced in one transaction; if that fails, the media are put back as
they were, so a failed restore leaves the install as it found it.

Restore with the site stopped (app servers, ``warta flush-views``): a restore
replaces everything under them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from . import database
from .caches import forget_cached_content
from .manifest import BackupError, Manifest
from .media import MediaRestore, is_empty


@dataclass
class RestoreReport:
    manifest: Manifest
    # Migrations this Warta has that the backup lacks: ``warta migrate`` applies them.
    pending_migrations: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def backup_restore(
    folder: Path, *, force: bool = False, say: Callable[[str], object] = lambda _: None
) -> RestoreReport:
    folder = folder.absolute()
    manifest = Manifest.read(folder)
    manifest.verify(folder)
    say(f"Checked {len(manifest.files)} files against the manifest")
    database.check_same_engine(manifest.database.get("vendor", ""))
    engine = database.engine()
    engine.check_restorable(manifest.database)
    unknown, pending = database.compare_migrations(manifest.migrations)
    if unknown:
        raise BackupError(
            f"the backup was made by a newer Warta ({manifest.warta_version}, migrations "
            f"{', '.join(unknown[:5])}{' …' if len(unknown) > 5 else ''} are unknown here): "
            "install that version, then restore"
        )
    media_root = Path(settings.MEDIA_ROOT).absolute()
    if not force:
        _check_empty(media_root)
    media = MediaRestore(folder, manifest.files, media_root)
    media.apply()
    try:
        engine.restore(folder / manifest.database["file"])
    except BaseException:
        media.undo()
        raise
    media.commit()
    say("Database and media restored")
    report = RestoreReport(manifest, pending_migrations=pending)
    if warning := forget_cached_content():
        report.warnings.append(warning)
    return report


def _check_empty(media_root: Path) -> None:
    tables = database.tables_with_rows()
    if tables:
        listed = ", ".join(tables[:5]) + (" …" if len(tables) > 5 else "")
        raise BackupError(
            f"the database is not empty (rows in {listed}): restore into a fresh install, "
            "or give --force to replace everything in it"
        )
    if not is_empty(media_root):
        raise BackupError(
            f"the media folder {media_root} is not empty: restore into a fresh install, "
            "or give --force to replace everything in it"
        )
