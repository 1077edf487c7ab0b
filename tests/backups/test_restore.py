"""``warta restore`` checks everything before it touches anything, refuses a site that
has content unless forced, and a restore that fails leaves the install as it was.
``warta backup`` refuses a folder that is not new or empty, and says what is missing."""

import dataclasses
import json
import shutil
import sqlite3
from contextlib import closing, contextmanager
from pathlib import Path

import psycopg
import pytest

from tests.installations import Installation, Installations, postgres_mode

from .tables import dump_rows, file_digests, postgres_rows, sqlite_rows

needs_postgresql = pytest.mark.skipif(
    not postgres_mode(), reason="pg_dump serves PostgreSQL only (set WARTA_TEST_DATABASE_URL)"
)


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """A site with content, and its backup (shared by the tests: copy it to change it)."""
    installations = Installations(tmp_path_factory.mktemp("made"))
    source = installations.new("source")
    source.python("tests.newsroom_at_work", "seed")
    backup = installations.root / "backup"
    source.warta("backup", str(backup))
    yield source, backup
    installations.drop_databases()


@pytest.fixture
def backup(made, tmp_path) -> Path:
    copy = tmp_path / "backup-copy"
    shutil.copytree(made[1], copy)
    return copy


def _rows(installation: Installation) -> dict:
    if postgres_mode():
        return postgres_rows(installation.database_url)
    return sqlite_rows(installation.sqlite_file)


def _snapshot_rows(backup: Path) -> dict:
    if postgres_mode():
        return dump_rows(backup / "database.pgdump")
    return sqlite_rows(backup / "database.sqlite3")


def _media_in(backup: Path) -> dict[str, str]:
    return {name.removeprefix("media/"): digest for name, digest in file_digests(backup).items()
            if name.startswith("media/")}  # fmt: skip


# --- tampered and unfinished backups ---------------------------------------------------


def _flip_a_byte(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def _a_media_file(backup: Path) -> Path:
    return next(path for path in sorted((backup / "media").rglob("*")) if path.is_file())


def _edit_manifest(change):
    def edit(backup: Path) -> None:
        manifest = json.loads((backup / "manifest.json").read_text())
        change(manifest)
        (backup / "manifest.json").write_text(json.dumps(manifest))

    return edit


def _database_file(backup: Path) -> Path:
    return backup / json.loads((backup / "manifest.json").read_text())["database"]["file"]


OTHER_ENGINE = "sqlite" if postgres_mode() else "postgresql"

TAMPERED = {
    "database changed": (lambda b: _flip_a_byte(_database_file(b)), "differs from the manifest"),
    "picture changed": (lambda b: _flip_a_byte(_a_media_file(b)), "differs from the manifest"),
    "picture missing": (lambda b: _a_media_file(b).unlink(), "listed in the manifest but missing"),
    "file slipped in": (
        lambda b: (b / "media" / "photos" / "x.html").write_text("<script>"),
        "media/photos/x.html is not listed in the manifest",
    ),
    "unsafe path": (
        _edit_manifest(
            lambda m: m["files"].append({"path": "../../etc/passwd", "size": 1, "sha256": "0"})
        ),
        "unsafe path",
    ),
    "unfinished": (lambda b: (b / "manifest.json").unlink(), "never finished"),
    "damaged manifest": (
        lambda b: (b / "manifest.json").write_text('{"format": "warta-backup"'),
        "damaged or not a Warta backup manifest",
    ),
    "another engine": (
        _edit_manifest(lambda m: m["database"].update(vendor=OTHER_ENGINE)),
        "restoring across database engines is not supported",
    ),
    "newer Warta": (
        _edit_manifest(lambda m: m["migrations"]["newsroom"].append("9999_future")),
        "made by a newer Warta",
    ),
}


@pytest.mark.parametrize(("tamper", "reason"), TAMPERED.values(), ids=TAMPERED.keys())
def test_a_backup_not_as_it_was_written_is_refused_and_nothing_restored(
    installations, backup, tamper, reason
):
    tamper(backup)
    target = installations.new("target", migrate=False)

    result = target.warta("restore", str(backup), check=False)

    assert result.returncode != 0
    assert "Nothing restored" in result.stderr and reason in result.stderr
    assert "Traceback" not in result.stderr
    assert target.tables() == []
    assert not target.media.exists() or file_digests(target.media) == {}


# --- what a restore replaces ----------------------------------------------------------


def test_a_freshly_migrated_install_takes_the_backup(installations, made):
    _, backup = made
    target = installations.new("target", migrate=True)

    target.warta("restore", str(backup))

    assert _rows(target) == _snapshot_rows(backup)
    assert file_digests(target.media) == _media_in(backup)


def test_a_site_with_content_is_refused_unless_forced_and_then_replaced_entirely(
    installations, made
):
    _, backup = made
    target = installations.new("target", migrate=False)
    target.warta("restore", str(backup))
    target.execute("UPDATE newsroom_article SET title = 'Judul yang diubah'")
    (target.media / "photos" / "sisa.jpg").write_bytes(b"bukan dari cadangan")

    refused = target.warta("restore", str(backup), check=False)

    assert refused.returncode != 0
    assert "the database is not empty" in refused.stderr and "--force" in refused.stderr
    assert target.query("SELECT DISTINCT title FROM newsroom_article") == [("Judul yang diubah",)]

    target.warta("restore", str(backup), "--force")

    assert _rows(target) == _snapshot_rows(backup)
    assert file_digests(target.media) == _media_in(backup), "exactly the backup's media"


def test_a_non_empty_media_folder_is_refused_too(installations, made):
    _, backup = made
    target = installations.new("target", migrate=False)
    (target.media / "photos").mkdir(parents=True)
    (target.media / "photos" / "lama.jpg").write_bytes(b"foto lama")

    refused = target.warta("restore", str(backup), check=False)

    assert "the media folder" in refused.stderr and "is not empty" in refused.stderr
    assert target.tables() == []


@contextmanager
def _write_lock(installation: Installation):
    """Another session holding the database: a writer (SQLite), a reader of the
    article table (PostgreSQL); the restore must wait for it, and gives up."""
    if postgres_mode():
        with psycopg.connect(installation.database_url) as session:
            session.execute("LOCK TABLE newsroom_article IN ACCESS SHARE MODE")
            yield
            session.rollback()
        return
    with closing(sqlite3.connect(installation.sqlite_file)) as session:
        session.execute("BEGIN IMMEDIATE")
        yield
        session.rollback()


def test_a_restore_that_fails_leaves_database_and_media_as_they_were(installations, made):
    _, backup = made
    target = installations.new("target", migrate=False)
    target.warta("restore", str(backup))
    target.execute("UPDATE newsroom_article SET title = 'Versi setelah cadangan'")
    (target.media / "photos" / "baru.jpg").write_bytes(b"foto baru")
    rows, media = _rows(target), file_digests(target.media)

    with _write_lock(target):
        failed = target.python("tests.backups.impatient_restore", str(backup), check=False)

    assert failed.returncode != 0
    assert "Nothing restored" in failed.stderr and "unchanged" in failed.stderr
    assert _rows(target) == rows
    assert file_digests(target.media) == media
    assert not list(target.media.parent.glob(".media.*")), "no staging folder left behind"


# --- making a backup ------------------------------------------------------------------


def test_a_backup_goes_only_into_a_new_or_empty_folder(made, tmp_path):
    source, backup = made
    busy, empty = tmp_path / "busy", tmp_path / "kosong"
    busy.mkdir()
    (busy / "catatan.txt").write_text("milik orang lain")
    empty.mkdir()

    again = source.warta("backup", str(backup), check=False)
    into_busy = source.warta("backup", str(busy), check=False)
    source.warta("backup", str(empty))

    assert again.returncode != 0 and "already holds a backup" in again.stderr
    assert into_busy.returncode != 0 and "is not empty" in into_busy.stderr
    assert [path.name for path in busy.iterdir()] == ["catatan.txt"]
    assert (empty / "manifest.json").is_file()


def _with_tools(installation: Installation, folder: Path, **scripts: str) -> Installation:
    """The installation with only ``folder`` on PATH, holding these shell scripts."""
    folder.mkdir()
    for name, body in scripts.items():
        tool = folder / name
        tool.write_text(f"#!/bin/sh\n{body}\n")
        tool.chmod(0o755)
    return dataclasses.replace(installation, env={**installation.env, "PATH": str(folder)})


@needs_postgresql
def test_a_backup_without_pg_dump_says_how_to_get_it(made, tmp_path):
    source = _with_tools(made[0], tmp_path / "bin")

    result = source.warta("backup", str(tmp_path / "cadangan"), check=False)

    assert "pg_dump is not on PATH" in result.stderr and "postgresql-client" in result.stderr
    assert not (tmp_path / "cadangan").exists(), "no unfinished backup left"


@needs_postgresql
def test_a_pg_dump_older_than_the_server_is_refused(made, tmp_path):
    source = _with_tools(made[0], tmp_path / "bin", pg_dump='echo "pg_dump (PostgreSQL) 9.6.24"')

    result = source.warta("backup", str(tmp_path / "cadangan"), check=False)

    assert "pg_dump 9.6.24 cannot dump a PostgreSQL" in result.stderr
    assert not (tmp_path / "cadangan").exists()


@needs_postgresql
def test_a_pg_restore_older_than_the_dump_is_refused(installations, made, tmp_path):
    target = _with_tools(
        installations.new("target", migrate=False),
        tmp_path / "bin",
        pg_restore='echo "pg_restore (PostgreSQL) 9.6.24"',
    )

    result = target.warta("restore", str(made[1]), check=False)

    assert "pg_restore 9.6.24 cannot read a dump made by pg_dump" in result.stderr
    assert target.tables() == []
