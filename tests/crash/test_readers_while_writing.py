"""Readers are served at once while everything that writes runs: an import, editors
saving, a backup. No reader ever sees "database is locked", a 5xx or no answer, and no
reader waits for another process's lock."""

import sqlite3
import time
from contextlib import closing

import psycopg
import pytest
import requests

from tests.installations import postgres_mode

from . import invariants
from .desk import DeskClient
from .editions import import_editions, stored_fingerprints, write_edition
from .rounds import EDITOR, PASSWORD, reader_paths
from .served import RunningImport, ServedSite, logs, writing
from .traffic import READER_TIMEOUT, Editors, Readers

pytestmark = pytest.mark.crash


def test_readers_are_served_at_once_while_an_import_editors_and_a_backup_write(
    installations, installation, tmp_path, seed
):
    archive = write_edition(tmp_path, "A", range(1, 801), seed=seed)
    rewrite = write_edition(tmp_path, "B", range(1, 1201), seed=seed + 1)
    drafts = write_edition(tmp_path, "draf", range(2001, 2004), seed=seed, status="draft")
    import_editions(installation, tmp_path, archive, drafts)  # no Baca Juga lists yet
    # A reader finds no Baca Juga block in the cache: every first view stores its list.
    installation.env["WARTA_LIST_CACHE_SECONDS"] = "0"
    site = ServedSite(installation)
    site.start()
    try:
        paths = reader_paths(site.url)

        # An article's first reader stores its Baca Juga list for the next ones. While
        # another process holds the lock that store needs, the reader gets the page
        # (the list computed, not stored) rather than wait out the 20-s busy timeout.
        first_view = site.url + paths[-1]
        article_id = int(first_view.rstrip("/").split("/")[-2])
        with _holding_the_lock(installation, article_id):
            page = requests.get(first_view, timeout=READER_TIMEOUT)
        assert page.status_code == 200 and "baca-juga" in page.text
        assert _stored_list(installation, article_id) == 0
        assert requests.get(first_view, timeout=READER_TIMEOUT).status_code == 200
        assert _stored_list(installation, article_id) > 0  # the next reader stored it

        # Everything at once.
        readers = Readers(site.url, paths, threads=4, pause=0.02)
        desk = DeskClient(site.url, EDITOR, PASSWORD)
        desk.log_in()
        desks = [desk.another_window() for _ in drafts.lines]
        forms = [desk.open(i) for desk, i in zip(desks, drafts.lines, strict=True)]
        editors = Editors(desks, forms, label="sibuk", seed=seed)
        readers.start()
        editors.start()
        importing = RunningImport(installation, rewrite.path, name="import-while-reading")
        importing.wait_until_writing()
        read_before = readers.answered
        # A backup while the import holds its transaction and editors save.
        backup = installation.start(
            "warta", "backup", str(tmp_path / "cadangan"), log=logs(installation) / "backup.log"
        )
        while writing(installation, importing.server.pid):
            time.sleep(0.01)
        read_while_importing = readers.answered - read_before
        imported, backed_up = importing.wait(300), backup.wait(300)
        time.sleep(1)  # readers and editors a moment more, on the imported archive
        editors.stop()
        readers.stop()
    finally:
        site.stop()

    assert (imported, backed_up) == (0, 0), f"see {importing.log} and the backup log"
    assert readers.errors == [] and dict(readers.bad) == {}, (readers.errors[:5], readers.bad)
    assert read_while_importing > 0, readers.statuses  # pages while the import wrote
    assert editors.errors == [] and len(editors.acknowledged) >= len(forms)
    assert stored_fingerprints(installation, list(rewrite.lines)) == rewrite.fingerprints()
    assert invariants.problems(installation) == []
    # The backup taken in the middle of it all is a consistent database too.
    restored = installations.new("restored", migrate=False)
    restored.warta("restore", str(tmp_path / "cadangan"))
    assert invariants.problems(restored) == []
    articles = restored.query("SELECT count(*) FROM newsroom_article")[0][0]
    before, after = len(archive.lines), len(rewrite.lines)  # the import: all or nothing
    assert articles - len(drafts.lines) in (before, after)


def _stored_list(installation, article_id: int) -> int:
    return installation.query(
        f"SELECT count(*) FROM related_relatedarticle WHERE article_id = {article_id}"
    )[0][0]


class _holding_the_lock:
    """SQLite: another process's write transaction (the whole database). PostgreSQL:
    another transaction writing the very rows the reader would store (row locks)."""

    def __init__(self, installation, article_id: int) -> None:
        self.installation = installation
        self.article_id = article_id

    def __enter__(self):
        if postgres_mode():
            self.connection = psycopg.connect(self.installation.database_url)
            self.connection.execute(
                "INSERT INTO related_relatedarticle (article_id, related_id, rank) "
                "SELECT %s, id, 0 FROM newsroom_article WHERE id <> %s LIMIT 1",
                [self.article_id, self.article_id],
            )
        else:
            self.connection = sqlite3.connect(self.installation.sqlite_file, isolation_level=None)
            self.connection.execute("BEGIN IMMEDIATE")
        return self

    def __exit__(self, *exc_info) -> None:
        with closing(self.connection):
            if postgres_mode():
                self.connection.rollback()
            else:
                self.connection.execute("ROLLBACK")
