"""A backup's manifest: what it holds, and the proof that it holds it unchanged.

``manifest.json`` is written last, after every file is complete and flushed, and by
rename, so a folder without one is a backup that did not finish. It names the Warta
version, the database engine, the migrations the snapshot had, when the snapshot was
taken, and every file with its size and SHA-256. A restore checks all of it before it
touches anything.
"""

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path, PurePosixPath

NAME = "manifest.json"
FORMAT = "warta-backup"
FORMAT_VERSION = 1
CHUNK_BYTES = 1024 * 1024


class BackupError(Exception):
    """A backup cannot be made or restored; the message says why and what to do."""


@dataclass(frozen=True)
class FileEntry:
    path: str  # relative to the backup folder, with forward slashes
    size: int
    sha256: str


@dataclass
class Manifest:
    warta_version: str
    created_at: str  # when the database snapshot was taken, UTC
    database: dict  # "vendor", "file" and the engine's versions
    migrations: dict[str, list[str]]  # app label -> applied migration names, sorted
    views: str  # what happened to view counts not yet in the database
    files: list[FileEntry] = field(default_factory=list)

    def write(self, folder: Path) -> None:
        """Write ``manifest.json`` atomically: complete under its name, or absent."""
        document = {"format": FORMAT, "format_version": FORMAT_VERSION, **asdict(self)}
        document["files"] = sorted(document["files"], key=lambda entry: entry["path"])
        part = folder / f"{NAME}.part"
        with part.open("w", encoding="utf-8") as out:
            json.dump(document, out, indent=1, ensure_ascii=False)
            out.write("\n")
            out.flush()
            os.fsync(out.fileno())
        part.replace(folder / NAME)
        _fsync_folder(folder)

    @classmethod
    def read(cls, folder: Path) -> "Manifest":
        path = folder / NAME
        if not folder.is_dir():
            raise BackupError(f"{folder} is not a folder")
        if not path.exists():
            raise BackupError(
                f"{folder} has no {NAME}: it is not a backup, or one that never finished "
                "(interrupted while it was written); it cannot be restored"
            )
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            if document.get("format") != FORMAT:
                raise ValueError("not a Warta backup manifest")
            if document.get("format_version") != FORMAT_VERSION:
                raise ValueError(f"format version {document.get('format_version')!r} is unknown")
            files = [FileEntry(**entry) for entry in document["files"]]
            return cls(
                warta_version=str(document["warta_version"]),
                created_at=str(document["created_at"]),
                database=dict(document["database"]),
                migrations={app: list(names) for app, names in document["migrations"].items()},
                views=str(document["views"]),
                files=files,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BackupError(f"{path} is damaged or not a Warta backup manifest: {exc}") from None

    def verify(self, folder: Path) -> None:
        """Every listed file present, of its size and digest, and nothing else there:
        a backup changed in any way after it was written is refused."""
        listed = set()
        for entry in self.files:
            relative = _safe_relative(entry.path)
            listed.add(relative)
            path = folder / relative
            if not path.is_file():
                raise BackupError(f"{entry.path} is listed in the manifest but missing")
            if path.stat().st_size != entry.size or sha256_of(path) != entry.sha256:
                raise BackupError(
                    f"{entry.path} differs from the manifest (changed or damaged since the "
                    "backup was made); the backup is refused"
                )
        for path in folder.rglob("*"):
            relative = path.relative_to(folder).as_posix()
            if path.is_file() and relative != NAME and relative not in listed:
                raise BackupError(
                    f"{relative} is not listed in the manifest; the backup is refused"
                )
        if self.database.get("file") not in listed:
            raise BackupError("the manifest lists no database file")


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as source:
        while chunk := source.read(CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


def entry_for(folder: Path, path: Path, sha256: str | None = None) -> FileEntry:
    """The manifest entry of a file written into the backup ``folder``."""
    return FileEntry(
        path=path.relative_to(folder).as_posix(),
        size=path.stat().st_size,
        sha256=sha256 or sha256_of(path),
    )


def _safe_relative(name: str) -> str:
    """A listed path as it must be: relative, inside the backup, no ``..``."""
    path = PurePosixPath(name)
    if not name or path.is_absolute() or ".." in path.parts or "\\" in name or "\0" in name:
        raise BackupError(f"the manifest lists an unsafe path {name!r}; the backup is refused")
    return path.as_posix()


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a crash after it keeps the new name)."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
