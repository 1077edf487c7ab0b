"""Kill rounds: work goes on against a real installation, a process is SIGKILLed at a
random moment (seeded), and the database is checked before anything starts again.

* ``server_kills``: editors save and autosave through the desk and readers' browsers
  send view beacons while ``warta serve`` runs; the whole server (master and
  workers) is killed. Afterwards every rule of ``invariants`` holds, every save the
  desk acknowledged is in the database, and the views lost are at most those the
  server had not yet flushed: acknowledged within ``WARTA_BEACON_FLUSH_SECONDS`` of
  the kill (plus the moments a flush takes), or none in production mode, where a 204
  means the view is in Redis.
* ``import_kills``: ``warta import`` rewrites an archive with another edition of it
  and is killed while it writes. Afterwards every article is wholly as one edition or
  the other says (the import commits as one transaction: all of it or none), readers
  were served throughout, and importing the file again finishes the job.

Used by the crash tests and by ``make soak`` (bench/soak.py), which runs more rounds.
"""

import random
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.installations import REPOSITORY, Installation, postgres_mode

from . import invariants
from .desk import DeskClient
from .editions import Edition, import_editions, stored_fingerprints, write_edition
from .served import RunningImport, ServedSite, writing
from .traffic import Beacons, Editors, Publisher, Readers, Save

EDITOR = "redaktur"
PASSWORD = "kata-sandi-panjang-sekali"
# Counted views go to the database this often (WARTA_BEACON_FLUSH_SECONDS, as an int).
FLUSH_SECONDS = 1
# What a flush may take beyond its interval on a busy machine: a thread waiting for
# the GIL, a write waiting for an editor's transaction.
FLUSH_SLACK_SECONDS = 1.5


@dataclass
class KillReport:
    kills: int = 0
    survived: int = 0  # kills after which every check passed
    problems: list[str] = field(default_factory=list)
    rounds: list[str] = field(default_factory=list)  # one line per kill, for the record

    def add(self, summary: str, found: list[str]) -> None:
        self.kills += 1
        self.rounds.append(summary)
        if found:
            self.problems += [f"kill {self.kills}: {problem}" for problem in found]
        else:
            self.survived += 1


def prepare(installation: Installation) -> None:
    """Settings of a crash installation: views flushed every second, and beacons from
    many readers through one trusted proxy (``X-Forwarded-For``)."""
    installation.env["WARTA_BEACON_FLUSH_SECONDS"] = str(FLUSH_SECONDS)
    installation.env["WARTA_TRUSTED_PROXY_COUNT"] = "1"


def add_editor(installation: Installation, username: str = EDITOR) -> None:
    """A Redaktur (edits anyone's articles; no second factor required)."""
    subprocess.run(
        [sys.executable, "-m", "warta", "deskuser", username, "--role", "Redaktur",
         "--password-stdin"],
        input=PASSWORD + "\n",
        env=installation.env,
        cwd=REPOSITORY,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip


def server_kills(
    installation: Installation,
    folder: Path,
    *,
    kills: int,
    seed: int,
    seconds: tuple[float, float] = (1.0, 3.0),
) -> KillReport:
    """``kills`` rounds of desk saves and beacons, each ended by SIGKILL to the server
    after a random ``seconds``. The installation has the Redaktur ``add_editor`` makes."""
    rng = random.Random(seed)
    published = write_edition(folder, "terbit", range(1, 31), seed=seed)
    drafts = write_edition(folder, "draf", range(31, 34), seed=seed, status="draft")
    import_editions(installation, folder, published, drafts)
    # Two editors' windows on drafts (every save changes the article) and two on
    # published articles (a save changes what readers see, an autosave is a draft
    # beside it); one more editor publishes and withdraws a third draft, round and round.
    edited = [31, 32, 1, 2]
    cycled = 33
    site = ServedSite(installation)
    report = KillReport()
    try:
        site.start()
        desks = [DeskClient(site.url, EDITOR, PASSWORD)]
        desks[0].log_in()
        desks += [desks[0].another_window() for _ in edited]
        for number in range(1, kills + 1):
            forms = [desk.open(i) for desk, i in zip(desks[:-1], edited, strict=True)]
            traffic = [
                editors := Editors(desks[:-1], forms, label=f"r{number}",
                                   seed=seed * 1000 + number, expect_kill=True),
                publisher := Publisher(desks[-1], cycled, expect_kill=True),
                beacons := Beacons(site.url, list(published.lines), expect_kill=True),
            ]  # fmt: skip
            before = stored_views(installation)
            for kind in traffic:
                kind.start()
            time.sleep(rng.uniform(*seconds))
            killed_at = time.monotonic()
            site.kill()
            for kind in traffic:
                kind.stop()
            if postgres_mode():
                installation.warta("flush-views", "--once")  # what Redis holds, written
            counted = stored_views(installation) - before
            found = [error for kind in traffic for error in kind.errors]
            found += invariants.problems(installation)
            found += lost_saves(installation, editors.acknowledged)
            found += lost_views(beacons, counted, killed_at)
            report.add(
                f"saves acknowledged {len(editors.acknowledged)}, workflow steps "
                f"{sum(publisher.pressed.values())}, beacons sent {beacons.sent}, "
                f"acknowledged {len(beacons.acknowledged)}, counted {counted}",
                found,
            )
            site.start()
    finally:
        site.stop()
    return report


def stored_views(installation: Installation) -> int:
    [(total,)] = installation.query("SELECT COALESCE(SUM(views), 0) FROM audience_articleviewhour")
    return int(total)


def lost_saves(installation: Installation, acknowledged: list[Save]) -> list[str]:
    """Acknowledged saves missing from the revisions. An autosave may have gone on
    purpose: a later deliberate save thins the autosaves before it."""
    revisions: dict[tuple[int, int], list[str]] = {}
    deliberate: dict[int, int] = {}
    for article_id, version, kind, content in installation.query(
        "SELECT article_id, version, kind, content FROM desk_revision"
    ):
        revisions.setdefault((article_id, version), []).append(invariants.content(content)["lead"])
        if kind != "autosave":
            deliberate[article_id] = max(deliberate.get(article_id, 0), version)
    lost = []
    for save in acknowledged:
        if save.lead in revisions.get((save.article_id, save.version), []):
            continue
        if save.kind == "autosave" and deliberate.get(save.article_id, 0) > save.version:
            continue
        lost.append(f"{save.kind} v{save.version} of article {save.article_id}")
    return [f"acknowledged saves lost: {lost[:10]} ({len(lost)})"] if lost else []


def lost_views(beacons: Beacons, counted: int, killed_at: float) -> list[str]:
    if postgres_mode():
        owed = len(beacons.acknowledged)  # a 204 means Redis has it
        bound = "none (production mode: counted in Redis)"
    else:
        horizon = killed_at - FLUSH_SECONDS - FLUSH_SLACK_SECONDS
        owed = sum(1 for at in beacons.acknowledged if at < horizon)
        bound = f"those acknowledged in the last {FLUSH_SECONDS + FLUSH_SLACK_SECONDS} s"
    found = [f"beacons answered {dict(beacons.other)}"] if beacons.other else []
    if counted > beacons.sent:
        found.append(f"{counted} views counted from {beacons.sent} beacons sent")
    if counted < owed:
        found.append(f"{owed - counted} acknowledged views lost beyond {bound}")
    return found


def import_kills(
    installation: Installation,
    folder: Path,
    *,
    kills: int,
    seed: int,
    articles: int = 800,
    added: int = 200,
    reach: float = 0.9,
) -> KillReport:
    """``kills`` imports of one edition over the other, each killed at a random moment
    while it writes; then the import run to the end, twice. Kill moments fall within
    ``reach`` times the first import's transaction: below 1 nearly all inside the
    transaction, above 1 some around and after its commit too."""
    rng = random.Random(seed)
    first = write_edition(folder, "A", range(1, articles + 1), seed=seed)
    second = write_edition(folder, "B", range(1, articles + added + 1), seed=seed + 1)
    ids = list(second.lines)
    window = _timed_import(installation, first) * reach  # kills fall this long into a write
    state = first.fingerprints()  # what the database should hold now
    last = first  # the edition imported last; each round imports the other
    site = ServedSite(installation)
    report = KillReport()
    try:
        site.start()
        # Readers throughout, not a saturating load: that is `make soak`'s.
        readers = Readers(site.url, reader_paths(site.url), threads=2, pause=0.1)
        readers.start()
        for number in range(1, kills + 1):
            target = second if last is first else first
            running = RunningImport(installation, target.path, name=f"import-{number}")
            if running.wait_until_writing():
                # The first import created its articles; the others update them and
                # hold their transactions longer, unless the machine was busier then.
                time.sleep(rng.uniform(0, window))
                inside = writing(installation, running.server.pid)
                running.kill()
                moment = "inside its transaction" if inside else "after its commit"
                if not inside and reach < 1:
                    window /= 2
            else:
                running.wait(120)
                moment = "never: it finished first"
            stored = stored_fingerprints(installation, ids)
            after = {**state, **target.fingerprints()}
            found = invariants.problems(installation)
            if stored == state:
                outcome = "nothing of it stored"
            elif stored == after:
                outcome, state, last = "all of it stored", after, target
            else:
                outcome = "part of it stored"
                found.append(f"half-imported: {_mixed(stored, state, after)}")
            report.add(f"import of edition {target.name} killed {moment}: {outcome}", found)
        for again in (1, 2):
            installation.warta("import", str(second.path))
            found = invariants.problems(installation)
            if stored_fingerprints(installation, ids) != {**state, **second.fingerprints()}:
                found.append(f"import {again} run to the end did not store edition B")
            count = installation.query("SELECT count(*) FROM newsroom_article")[0][0]
            if count != len(second.lines):
                found.append(f"{count} articles after importing {len(second.lines)} lines")
            report.problems += [f"import run to the end ({again}): {p}" for p in found]
        readers.stop()
        if readers.errors or readers.bad:
            report.problems.append(
                f"readers during the imports: {readers.errors[:5]} {dict(readers.bad)}"
            )
    finally:
        site.stop()
    return report


def _timed_import(installation: Installation, edition: Edition) -> float:
    """Import the edition to the end; how long it held the write transaction."""
    running = RunningImport(installation, edition.path, name=f"import-{edition.name}")
    running.wait_until_writing()
    began = time.monotonic()
    while writing(installation, running.server.pid):
        time.sleep(0.005)
    held = time.monotonic() - began
    if running.wait(300) != 0:
        raise AssertionError(f"warta import {edition.path.name} failed; see {running.log}")
    return held


def _mixed(stored: dict, before: dict, after: dict) -> str:
    old = [i for i in after if stored.get(i) == before.get(i) and before.get(i) != after[i]]
    new = [i for i in after if stored.get(i) == after[i] and before.get(i) != after[i]]
    return f"{len(old)} articles as before, {len(new)} as the import has them"


def reader_paths(base_url: str) -> list[str]:
    """The pages readers read: home, Indeks, sections, tags, a search, and articles
    (from the read API, which readers' apps use too)."""
    listed = requests.get(f"{base_url}/api/v1/articles?limit=40", timeout=60)
    listed.raise_for_status()
    items = listed.json()["items"]
    articles = [item["url"].removeprefix(base_url) for item in items]
    sections = sorted({item["section"]["url"].removeprefix(base_url) for item in items})
    tags = sorted({f"/tag/{tag['slug']}" for item in items for tag in item["tags"]})[:5]
    return ["/", "/indeks", "/cari?q=banjir+jakarta", *sections, *tags, *articles]
