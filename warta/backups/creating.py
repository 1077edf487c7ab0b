"""``backup_create``: a consistent backup of a running site into a new folder.

The folder ends up holding the database snapshot (``database.sqlite3`` or
``database.pgdump``), the media files (``media/``) and, written last,
``manifest.json``. A folder without the manifest is an unfinished backup; one that
fails here is removed again.
"""

import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from . import database
from .manifest import NAME, BackupError, Manifest, entry_for
from .media import MediaCopy


def backup_create(folder: Path, *, say: Callable[[str], object] = lambda _: None) -> Manifest:
    folder = folder.absolute()
    media_root = Path(settings.MEDIA_ROOT).absolute()
    _check_target(folder, media_root)
    engine = database.engine()
    made_folder = not folder.exists()
    # Owner only: a backup holds password hashes, drafts and unpublished corrections.
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        views = _flush_views()
        media = MediaCopy(media_root, folder)
        say(f"Media: {media.copy_new_files()} files copied")
        snapshot_file = folder / engine.FILE
        created_at = datetime.now(UTC)
        database_entry = engine.snapshot(snapshot_file)
        say(f"Database: snapshot taken ({database_entry['vendor']})")
        migrations = engine.applied_migrations(snapshot_file)
        say(f"Media: {media.copy_new_files()} files added since")
        manifest = Manifest(
            warta_version=_warta_version(),
            created_at=created_at.isoformat(timespec="seconds").replace("+00:00", "Z"),
            database=database_entry,
            migrations=migrations,
            views=views,
            files=[entry_for(folder, snapshot_file), *media.entries.values()],
        )
        manifest.write(folder)
    except BaseException:
        _remove(folder, whole=made_folder)
        raise
    return manifest


def _check_target(folder: Path, media_root: Path) -> None:
    if (folder / NAME).exists():
        raise BackupError(f"{folder} already holds a backup; give a new or empty folder")
    if folder.exists() and not folder.is_dir():
        raise BackupError(f"{folder} is a file, not a folder")
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(
            f"{folder} is not empty (an unfinished backup, or other files): "
            "give a new or empty folder"
        )
    if folder == media_root or media_root in folder.parents:
        raise BackupError(f"{folder} is inside the media folder {media_root}, which it copies")


def _flush_views() -> str:
    """Views counted in Redis but not yet in the database go in before the snapshot."""
    if not settings.REDIS_URL:
        return (
            "embedded mode: views counted in the last "
            f"{settings.BEACON_FLUSH_SECONDS} s may still wait in app processes"
        )
    try:
        call_command("flush-views", "--once", stdout=StringIO())
    except CommandError as exc:
        return f"not flushed from Redis ({exc}); they stay there for the next flush"
    return "flushed from Redis before the snapshot"


def _warta_version() -> str:
    try:
        return version("warta")
    except PackageNotFoundError:
        return "unknown"


def _remove(folder: Path, *, whole: bool) -> None:
    """Take away a failed backup: the folder if we made it, else what we put in it."""
    if whole:
        shutil.rmtree(folder, ignore_errors=True)
        return
    for path in folder.iterdir():
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
