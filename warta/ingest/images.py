"""Image files named by an import, each stored and resized once.

Many lines often share one picture (a desk's stock photo, a demo's handful of
images). Files are keyed by a digest of their content: the first line that needs
one stores the original and its WebP renditions, later lines point new Photo rows
at the same files, and a re-import recognises the file an article already shows
(stored originals are named after the digest) and stores nothing at all.
"""

import hashlib
import stat
from pathlib import Path, PurePosixPath

from django.core.files.storage import default_storage

from warta.newsroom import photos
from warta.newsroom.photos import StoredImage

DIGEST_LENGTH = 24


class ImageError(ValueError):
    """The line's ``image`` is missing, unreadable or not a picture."""


class ImageFiles:
    """The image files of one import: checked, digested and stored at most once each."""

    def __init__(self, base_dir: Path | None) -> None:
        self.base_dir = base_dir or Path.cwd()
        self._digests: dict[Path, str] = {}
        self._sources: dict[str, Path] = {}
        self._stored: dict[str, StoredImage] = {}
        # Everything this import wrote to storage, removed again if it aborts.
        self._written: list[str] = []

    def check(self, image: str) -> str:
        """The digest of the picture at ``image``; raises ImageError for anything else."""
        path = self.base_dir / image  # an absolute ``image`` replaces base_dir
        if path in self._digests:
            return self._digests[path]
        try:
            # Only a regular file: opening a FIFO waits for a writer for ever, and
            # reading /dev/zero never ends. At most the desk's upload limit is read.
            if not stat.S_ISREG(path.stat().st_mode):
                raise ImageError(f'image file "{image}" is not a regular file')
            with path.open("rb") as file:
                data = photos.read_upload(file)
        except FileNotFoundError:
            raise ImageError(f'image file "{image}" does not exist') from None
        except OSError as exc:
            raise ImageError(f'image file "{image}" cannot be read ({exc.strerror})') from None
        except photos.PhotoRejected as refused:
            raise ImageError(f'image file "{image}" is refused: {refused}') from None
        try:
            # The desk's own upload check: content type, size, bombs, polyglots.
            photos.check_upload(data, image)
        except photos.PhotoRejected as refused:
            raise ImageError(f'image file "{image}" is refused: {refused}') from None
        digest = hashlib.sha256(data).hexdigest()[:DIGEST_LENGTH]
        self._digests[path] = digest
        self._sources.setdefault(digest, path)
        return digest

    @staticmethod
    def shows(stored_name: str, digest: str) -> bool:
        """Whether a stored original (``photos/2024/05/<digest>.jpg``) is this picture."""
        return bool(stored_name) and PurePosixPath(stored_name).stem.startswith(digest)

    def store(self, digest: str) -> StoredImage:
        """The stored original and renditions for a checked picture, made on first use."""
        if digest in self._stored:
            return self._stored[digest]
        source = self._sources[digest]
        stored = photos.store_image(source.read_bytes(), f"{digest}{source.suffix.lower()}")
        self._written.extend(stored.paths)
        self._stored[digest] = stored
        return stored

    def discard(self) -> None:
        """Remove every file this import stored: its rows were rolled back."""
        for name in self._written:
            default_storage.delete(name)
        self._written.clear()
        self._stored.clear()
