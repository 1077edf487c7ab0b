"""``warta backup`` on a site whose editors keep saving, then ``warta restore`` into a
fresh install: the copy is one consistent moment, and the restore brings back exactly
that moment, rows, media files and a working search."""

import json
import time

from tests.installations import Installation, postgres_mode, read_json_lines

from .tables import dump_rows, file_digests, postgres_rows, sqlite_rows

SAVES_BEFORE = 8  # saves the editors make before the backup starts
SAVES_AFTER = 5  # and after it has finished
WAIT_SECONDS = 120


def test_a_backup_taken_while_editors_save_restores_to_exactly_that_moment(installations, tmp_path):
    source = installations.new("source")
    source.python("tests.newsroom_at_work", "seed")
    stop, log = tmp_path / "stop", tmp_path / "saves.jsonl"
    worker = source.start(
        "tests.newsroom_at_work", "work", str(stop), str(log), log=tmp_path / "worker.log"
    )
    try:
        _wait_for_saves(log, SAVES_BEFORE, worker)
        backup_started = time.time()
        backup = tmp_path / "backup"
        made = source.warta("backup", str(backup))
        saved_when_done = len(_saves(log))
        _wait_for_saves(log, saved_when_done + SAVES_AFTER, worker)
    finally:
        stop.touch()
        worker.wait(timeout=WAIT_SECONDS)
    *saves, summary = read_json_lines(log)
    assert summary["errors"] == [], "\n".join(summary["errors"])
    assert summary["reads"] > 0, "readers kept reading throughout"
    assert "Backup of" in made.stdout
    views = json.loads((backup / "manifest.json").read_text())["views"]
    assert views.startswith("flushed from Redis" if source.redis else "embedded mode")

    target = installations.new("target", migrate=False)
    target.warta("restore", str(backup))

    # Exactly the snapshot: every row of every table (the search index's included).
    if postgres_mode():
        restored = postgres_rows(target.database_url)
        assert restored == dump_rows(backup / "database.pgdump")
        articles = restored["public.newsroom_article"]
    else:
        restored = sqlite_rows(target.sqlite_file)
        assert restored == sqlite_rows(backup / "database.sqlite3")
        articles = restored["newsroom_article"]
    assert len(articles) >= 12 + SAVES_BEFORE // 5
    # The snapshot is one moment: each desk save wrote an article and its revision in
    # one transaction, so no article is ahead of (or behind) its latest revision.
    assert (
        target.query(
            "SELECT a.id FROM newsroom_article a JOIN desk_revision r ON r.article_id = a.id "
            "GROUP BY a.id, a.version HAVING max(r.version) <> a.version"
        )
        == []
    )
    # Every save acknowledged before the backup began is in it, and at least one made
    # after it had finished is not: a snapshot of its moment, not a later copy.
    versions = dict(target.query("SELECT id, version FROM newsroom_article"))
    for save in saves:
        if save["at"] < backup_started:
            assert versions.get(save["id"], 0) >= save["version"], save
    assert any(save["version"] > versions.get(save["id"], 0) for save in saves[saved_when_done:])
    # Content no one edited during the backup is the source's, row for row.
    for table in ("newsroom_section", "newsroom_reporter", "newsroom_tag", "auth_user"):
        assert target.query(f"SELECT * FROM {table} ORDER BY id") == source.query(
            f"SELECT * FROM {table} ORDER BY id"
        )

    _assert_media_restored(source, target, backup)
    _assert_search_works(target)


def _assert_media_restored(source: Installation, target: Installation, backup) -> None:
    restored = file_digests(target.media)
    manifest = json.loads((backup / "manifest.json").read_text())
    assert restored == {
        entry["path"].removeprefix("media/"): entry["sha256"]
        for entry in manifest["files"]
        if entry["path"].startswith("media/")
    }
    # Each file is the source's own (nothing in the source was deleted meanwhile).
    in_source = file_digests(source.media)
    assert all(in_source[name] == digest for name, digest in restored.items())
    # Every photo the restored rows show has its files, photos uploaded during the
    # backup included.
    for image, renditions in target.query(
        "SELECT image, renditions FROM newsroom_photo WHERE image <> ''"
    ):
        renditions = json.loads(renditions) if isinstance(renditions, str) else renditions
        assert image in restored
        assert all(rendition["path"] in restored for rendition in renditions)
    assert len(restored) > 4


def _assert_search_works(target: Installation) -> None:
    found = target.warta(
        "shell",
        "-c",
        "from warta.search.selectors import search_articles; "
        "print(search_articles(query='banjir').total)",
    )
    assert int(found.stdout.split()[-1]) > 0, "restored articles are found by search"


def _saves(log) -> list[dict]:
    return [line for line in read_json_lines(log) if "id" in line]


def _wait_for_saves(log, count: int, worker) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while len(_saves(log)) < count:
        assert worker.poll() is None, "the editors' process stopped"
        assert time.monotonic() < deadline, f"fewer than {count} saves in {WAIT_SECONDS} s"
        time.sleep(0.1)
