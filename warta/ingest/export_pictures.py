"""The pictures of an export: each stored original copied once into a folder beside
the JSON Lines file, which names it by a path relative to itself (``images/123.jpg``),
as ``warta import`` reads ``image``.

A picture is named after the first article (lowest id) that shows it. Not after its
content: an import re-encodes every picture it stores (``newsroom.photos``), so the
bytes of a picture exported from the new site differ from the ones it was imported
from, and a content-derived name would change the file; the article ids do not.
Pictures are told apart by content, though: two stored files with the same bytes are
one picture, as the import makes them one stored file.

Memory stays flat however large the site: the content digest → name table lives in a
temporary SQLite file, and only recently seen stored files are remembered in memory
(a site whose articles share a handful of stock photos reads each of them once).
"""

import hashlib
import os
import sqlite3
import tempfile
from collections import OrderedDict
from pathlib import Path, PurePosixPath

from django.core.files.storage import default_storage

CHUNK_BYTES = 1024 * 1024
REMEMBERED_FILES = 4096


class PictureFolder:
    """Copies pictures into ``folder``; names are relative to ``base`` (the file's folder)."""

    def __init__(self, folder: Path, base: Path) -> None:
        self.folder = folder
        self.prefix = Path(os.path.relpath(folder, base)).as_posix()
        self.copied = 0
        self.missing: list[str] = []
        self._temp = tempfile.TemporaryDirectory(prefix="warta-export-")
        self._names = sqlite3.connect(Path(self._temp.name) / "pictures.sqlite3")
        self._names.execute("CREATE TABLE picture (digest TEXT PRIMARY KEY, name TEXT NOT NULL)")
        self._recent: OrderedDict[str, str | None] = OrderedDict()

    def close(self) -> None:
        self._names.close()
        self._temp.cleanup()

    def __enter__(self) -> "PictureFolder":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def name_for(self, stored_name: str, article_id: int) -> str | None:
        """The exported picture of the stored original ``stored_name``, which article
        ``article_id`` shows; None (and noted in ``missing``) when the file is gone."""
        if stored_name in self._recent:
            self._recent.move_to_end(stored_name)
            return self._recent[stored_name]
        name = self._copy(stored_name, article_id)
        self._recent[stored_name] = name
        if len(self._recent) > REMEMBERED_FILES:
            self._recent.popitem(last=False)
        return name

    def _copy(self, stored_name: str, article_id: int) -> str | None:
        suffix = PurePosixPath(stored_name).suffix.lower()
        self.folder.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        # Hashed while copied: each stored file is read once.
        with tempfile.NamedTemporaryFile(dir=self.folder, suffix=".part", delete=False) as part:
            try:
                with default_storage.open(stored_name, "rb") as source:
                    while chunk := source.read(CHUNK_BYTES):
                        digest.update(chunk)
                        part.write(chunk)
            except FileNotFoundError:
                part.close()
                os.unlink(part.name)
                self.missing.append(stored_name)
                return None
            except BaseException:
                part.close()
                os.unlink(part.name)
                raise
        key = f"{digest.hexdigest()}{suffix}"
        known = self._names.execute("SELECT name FROM picture WHERE digest = ?", (key,)).fetchone()
        if known:
            os.unlink(part.name)
            return known[0]
        name = f"{self.prefix}/{article_id}{suffix}"
        os.replace(part.name, self.folder / f"{article_id}{suffix}")
        self._names.execute("INSERT INTO picture VALUES (?, ?)", (key, name))
        self.copied += 1
        return name
