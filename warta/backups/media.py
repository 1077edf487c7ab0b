"""The media folder in a backup (``media/`` beside the database) and back.

Stored media files are never changed in place: an upload gets a new name, and a
replaced picture's files are deleted once the change commits (``newsroom.photos``).
So the backup copies the folder twice, around the database snapshot:

* before it, everything there is, so a picture the snapshot still shows but an
  editor replaces (and its files deleted) during the backup is already copied;
* after it, whatever appeared meanwhile, so a photo uploaded during the backup whose
  row made it into the snapshot has its files too (a file is written before its row
  commits).

A file deleted between the two copies stays in the backup; it is an orphan, harmless.
"""

import contextlib
import hashlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from .manifest import CHUNK_BYTES, BackupError, FileEntry

FOLDER = "media"


class MediaCopy:
    """Copies the media folder into ``backup/media``, each file once, hashing it."""

    def __init__(self, media_root: Path, backup: Path) -> None:
        self.media_root = media_root
        self.backup = backup
        self.entries: dict[str, FileEntry] = {}

    def copy_new_files(self) -> int:
        """Copy every file not copied yet; returns how many were copied."""
        copied = 0
        for source in _files(self.media_root):
            relative = source.relative_to(self.media_root).as_posix()
            if relative in self.entries:
                continue
            target = self.backup / FOLDER / relative
            try:
                size, digest = copy_hashed(source, target)
            except FileNotFoundError:
                continue  # deleted since the walk found it: not in this backup
            self.entries[relative] = FileEntry(f"{FOLDER}/{relative}", size, digest)
            copied += 1
        return copied


def copy_hashed(source: Path, target: Path) -> tuple[int, str]:
    """Copy ``source`` to ``target`` (folders made as needed), flushed to disk;
    returns the size and SHA-256 of what was written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    with source.open("rb") as reader, target.open("wb") as writer:
        while chunk := reader.read(CHUNK_BYTES):
            digest.update(chunk)
            writer.write(chunk)
            size += len(chunk)
        writer.flush()
        os.fsync(writer.fileno())
    shutil.copystat(source, target)
    return size, digest.hexdigest()


def is_empty(media_root: Path) -> bool:
    return next(_files(media_root), None) is None


class MediaRestore:
    """Puts a backup's media in place of ``media_root``, undoably until ``commit``.

    An empty (or missing) media folder gets the files copied into it, and an undo
    removes them again. A folder with files (``--force``) is swapped: the backup's
    files go into a folder beside it, which takes its name; the old one is kept aside
    until the database is restored too, then deleted (or put back by ``undo``).
    """

    def __init__(self, backup: Path, entries: list[FileEntry], media_root: Path) -> None:
        self.backup = backup
        self.entries = [entry for entry in entries if entry.path.startswith(f"{FOLDER}/")]
        self.media_root = media_root
        self._written: list[Path] = []
        self._made_folders: list[Path] = []
        self._aside: Path | None = None

    def apply(self) -> None:
        if not self.media_root.exists() or is_empty(self.media_root):
            self.media_root.mkdir(parents=True, exist_ok=True)
            self._copy_into(self.media_root, track=True)
            return
        if os.path.ismount(self.media_root):
            raise BackupError(
                f"{self.media_root} holds files and is a mount point, so it cannot be swapped "
                "for the backup's media: empty it first, then restore"
            )
        staging = self._sibling("restoring")
        try:
            self._copy_into(staging, track=False)
            self._aside = self._sibling("replaced")
            self.media_root.rename(self._aside)
            staging.rename(self.media_root)
        except BaseException:
            if self._aside is not None and not self.media_root.exists():
                self._aside.rename(self.media_root)
                self._aside = None
            shutil.rmtree(staging, ignore_errors=True)
            raise

    def undo(self) -> None:
        """Put the media folder back as it was before ``apply``."""
        if self._aside is not None:
            shutil.rmtree(self.media_root, ignore_errors=True)
            self._aside.rename(self.media_root)
            self._aside = None
        for path in reversed(self._written):
            path.unlink(missing_ok=True)
        for folder in reversed(self._made_folders):
            with contextlib.suppress(OSError):
                folder.rmdir()
        self._written.clear()
        self._made_folders.clear()

    def commit(self) -> None:
        if self._aside is not None:
            shutil.rmtree(self._aside, ignore_errors=True)
            self._aside = None
        self._written.clear()

    def _copy_into(self, root: Path, *, track: bool) -> None:
        for entry in self.entries:
            target = root / entry.path.removeprefix(f"{FOLDER}/")
            if track:
                self._made_folders.extend(_missing_folders(target.parent))
                self._written.append(target)
            size, digest = copy_hashed(self.backup / entry.path, target)
            if (size, digest) != (entry.size, entry.sha256):
                raise BackupError(f"{entry.path} changed while it was restored")

    def _sibling(self, purpose: str) -> Path:
        path = self.media_root.with_name(f".{self.media_root.name}.{purpose}-{os.getpid()}")
        shutil.rmtree(path, ignore_errors=True)
        return path


def _missing_folders(folder: Path) -> list[Path]:
    """``folder`` and its parents that do not exist yet, outermost first."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    return missing[::-1]


def _files(root: Path) -> Iterator[Path]:
    """Every regular file under ``root``, in a stable order; nothing if it is missing."""
    if not root.is_dir():
        return
    for folder, subfolders, names in os.walk(root):
        subfolders.sort()
        for name in sorted(names):
            path = Path(folder, name)
            if path.is_file() and not path.is_symlink():
                yield path
