"""``make soak``: the embedded default under a newsroom's worst hour, then crashes.

1. Saturation: a fresh installation (SQLite, ``warta serve`` with 2 gunicorn workers)
   with a 10,000-article archive takes ``wrk`` on reader pages (home, articles,
   sections, tags, Indeks, Cari) for ``SOAK_SECONDS`` (300), every request to
   127.0.0.1, while ``warta import`` adds 50,000 articles, ``warta backup`` runs in the
   middle of that import, and an editor saves through the desk every 2 seconds.
   Printed: requests/s, answers other than 2xx and socket errors (target: none of
   either), the import's rate, the backup's duration, the editor's saves; then the
   database and the restored backup are checked (tests/crash/invariants.py).
2. Crashes: the kill harness of tests/crash/ runs ``SOAK_KILLS`` (10) rounds of each
   kind in installations of its own, with seeds of this run: ``warta serve`` SIGKILLed
   while editors save and beacons are counted, and ``warta import`` SIGKILLed while it
   writes. Printed: "kills survived with invariants intact: N/N".

Environment: SOAK_SECONDS, SOAK_KILLS, SOAK_IMPORT_ARTICLES (50000),
SOAK_BASE_ARTICLES (10000), SOAK_SEED (default: the time). Exits 1 when a target is
missed. Needs Debian's ``wrk`` (installed with apt-get when run as root).
"""

import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import http_load
import servers
from corpus import write_corpus
from sandbox import REPO, Sandbox, StepFailed, die_with_parent
from system_packages import ensure_load_tools, missing_tools

# The crash harness lives with the tests; the soak runs it with other seeds.
sys.path.insert(0, str(REPO))
for _variable in ("WARTA_TEST_DATABASE_URL", "WARTA_TEST_REDIS_URL"):
    os.environ.pop(_variable, None)  # the embedded default, whatever the shell says

from tests.crash import invariants, rounds  # noqa: E402
from tests.crash.desk import DeskClient, saved  # noqa: E402
from tests.crash.served import writing  # noqa: E402
from tests.installations import Installation, Installations  # noqa: E402

OUT = REPO / "bench" / "out" / "soak.json"
CRASHES = {
    "server": "warta serve SIGKILLed while editors save and views are counted",
    "import": "warta import SIGKILLed while it writes",
}
EDITOR_EVERY_SECONDS = 2.0
ARTICLE_PAGES = 200


def main() -> int:
    seconds = int(os.environ.get("SOAK_SECONDS", "300"))
    kills = int(os.environ.get("SOAK_KILLS", "10"))
    imported = int(os.environ.get("SOAK_IMPORT_ARTICLES", "50000"))
    base = int(os.environ.get("SOAK_BASE_ARTICLES", "10000"))
    seed = int(os.environ.get("SOAK_SEED", str(int(time.time()))))
    if "wrk" in missing_tools():  # nginx is make bench's, not needed here
        why = ensure_load_tools()
        if "wrk" in missing_tools():
            print(f"make soak needs wrk: {why}", file=sys.stderr)
            return 1
    sandbox = Sandbox.create(Path(tempfile.mkdtemp(prefix="warta-make-soak-")))
    print(f"Working in {sandbox.root}; seed {seed}", flush=True)
    try:
        load = _saturation(sandbox, seconds=seconds, base=base, imported=imported)
        _print_load(load)
        crashes = _crashes(sandbox.root / "crashes", kills=kills, seed=seed)
        _print_crashes(crashes)
    except StepFailed as exc:
        print(f"\nSoak stopped: {exc}", file=sys.stderr)
        return 1
    finally:
        if os.environ.get("SOAK_KEEP"):
            print(f"Kept {sandbox.root}")
        else:
            sandbox.remove()
    figures = {"date": datetime.now(UTC).isoformat(), "seed": seed, "load": load, **crashes}
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"Figures written to {OUT.relative_to(REPO)}")
    missed = _missed(load, crashes)
    for miss in missed:
        print(f"MISSED: {miss}")
    return 1 if missed else 0


# --- 1. saturation ---------------------------------------------------------------------


def _saturation(sandbox: Sandbox, *, seconds: int, base: int, imported: int) -> dict:
    archive = write_corpus(sandbox.root / "archive.jsonl", base)
    big = _fresh_corpus(sandbox.root / "impor.jsonl", imported)
    sandbox.run(sandbox.warta("migrate", "--noinput", "-v0"), "migrate")
    sandbox.run(sandbox.warta("import", str(archive.path)), "import-archive")
    password = rounds.PASSWORD
    subprocess.run(
        sandbox.warta("deskuser", rounds.EDITOR, "--role", "Redaktur", "--password-stdin"),
        input=password + "\n", env=sandbox.env, cwd=sandbox.root, check=True,
        capture_output=True, text=True,
    )  # fmt: skip
    installation = Installation("soak", sandbox.var, sandbox.env["WARTA_DATABASE_URL"], sandbox.env)
    with servers.gunicorn(sandbox, "/robots.txt") as base_url:
        paths = _reader_paths(base_url)
        urls_file = sandbox.root / "urls.txt"
        urls_file.write_text("\n".join(paths) + "\n")
        for path in paths:  # every page answers 200 before the load (and stores its lists)
            with urllib.request.urlopen(base_url + path, timeout=60) as answer:
                if answer.status != 200:
                    raise RuntimeError(f"GET {path} answered {answer.status} before the load")
        writers: dict = {"errors": []}
        stop = threading.Event()
        edited = int(paths[-1].rstrip("/").split("/")[-2])
        editor = threading.Thread(
            target=_reporting, args=(writers, _editor, base_url, edited, password, stop, writers)
        )
        work = threading.Thread(
            target=_reporting,
            args=(writers, _import_and_backup, sandbox, installation, big, seconds, writers),
        )
        editor.start()
        work.start()
        try:
            load = http_load.run_wrk(base_url, urls_file, sandbox.root, seconds)
        finally:
            stop.set()
            editor.join()
            work.join()
    problems = invariants.problems(installation)
    restored = _restored(sandbox)
    return {
        "seconds": seconds,
        "urls": len(paths),
        "archive_articles": base,
        "requests": load.requests,
        "per_second": round(load.per_second, 1),
        "non_2xx": load.non_2xx,
        "socket_errors": load.socket_errors,
        "p50_ms": load.p50_ms,
        "p99_ms": load.p99_ms,
        **writers,
        "invariants": problems,
        "restored_invariants": restored,
    }


def _fresh_corpus(path: Path, count: int):
    """The benchmark corpus, another seed, every slug new: an import of new articles."""
    made = write_corpus(path, count, seed=20260101)
    lines = path.read_text(encoding="utf-8").splitlines()
    with path.open("w", encoding="utf-8") as out:
        for line in lines:
            record = json.loads(line)
            record["slug"] = f"{record['slug'][:280]}-baru"
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    return made


def _reader_paths(base_url: str) -> list[str]:
    """Home, Indeks (and one day of it), every section, some tags and searches, and
    ``ARTICLE_PAGES`` articles: canonical addresses, every one a 200."""
    articles, tags, sections = [], set(), set()
    url = f"{base_url}/api/v1/articles?limit=100"
    while url and len(articles) < ARTICLE_PAGES:
        with urllib.request.urlopen(url, timeout=60) as answer:
            page = json.load(answer)
        for item in page["items"]:
            articles.append(item["url"].removeprefix(base_url))
            sections.add(item["section"]["url"].removeprefix(base_url))
            tags.update(f"/tag/{tag['slug']}" for tag in item["tags"])
        url = page["next"]
    day = datetime.now(UTC).date().isoformat()
    searches = [f"/cari?q={q}" for q in ("banjir", "kpk", "harga+beras", "pemilu", "timnas")]
    return [
        "/", "/indeks", f"/indeks?tanggal={day}", *sorted(sections), *sorted(tags)[:20],
        *searches, *articles[:ARTICLE_PAGES],
    ]  # fmt: skip


def _reporting(figures: dict, function, *args) -> None:
    """Run ``function`` in a thread; an exception becomes a finding, not a lost trace."""
    try:
        function(*args)
    except Exception as exc:
        figures["errors"].append(f"{function.__name__}: {exc!r}")


def _import_and_backup(sandbox, installation, corpus, seconds: int, figures: dict) -> None:
    """A tenth into the load: the import; once it writes, the backup beside it."""
    time.sleep(min(10, seconds / 10))
    log = (sandbox.root / "import-during-load.log").open("wb")
    started = time.monotonic()
    importing = subprocess.Popen(
        sandbox.warta("import", str(corpus.path)), env=sandbox.env, cwd=sandbox.root,
        stdout=log, stderr=subprocess.STDOUT, preexec_fn=die_with_parent,
    )  # fmt: skip
    while not writing(installation, importing.pid) and importing.poll() is None:
        time.sleep(0.01)
    backup_started = time.monotonic()
    figures["backup_during_import"] = writing(installation, importing.pid)
    backup = subprocess.run(
        sandbox.warta("backup", str(sandbox.root / "backup")), env=sandbox.env,
        cwd=sandbox.root, capture_output=True, text=True, preexec_fn=die_with_parent,
    )  # fmt: skip
    figures["backup_seconds"] = round(time.monotonic() - backup_started, 1)
    figures["backup_bytes"] = sum(
        f.stat().st_size for f in (sandbox.root / "backup").rglob("*") if f.is_file()
    )
    figures["backup_exit"] = backup.returncode
    if backup.returncode:
        figures["errors"].append(f"backup: {backup.stdout}{backup.stderr}"[-2000:])
    figures["import_exit"] = importing.wait()
    figures["import_seconds"] = round(time.monotonic() - started, 1)
    figures["import_articles"] = corpus.articles
    figures["import_per_second"] = round(corpus.articles / figures["import_seconds"])
    figures["import_within_load"] = time.monotonic() - started < seconds
    log.close()


def _editor(base_url: str, article_id: int, password: str, stop: threading.Event,
            figures: dict) -> None:  # fmt: skip
    """An editor autosaving one article every EDITOR_EVERY_SECONDS (a manual save every
    fifth time), through the desk as a browser does."""
    desk = DeskClient(base_url, rounds.EDITOR, password)
    desk.log_in()
    form = desk.open(article_id)
    version, acknowledged, refused, slowest = form.version, 0, {}, 0.0
    n = 0
    while not stop.wait(EDITOR_EVERY_SECONDS):
        n += 1
        fields = form.with_changes(lead=f"Teras uji ketahanan {n}.", base_version=version)
        began = time.monotonic()
        try:
            if n % 5:
                answer = desk.autosave(article_id, fields)
                ok = answer.status_code == 200
                version = answer.json()["version"] if ok else version
            else:
                answer = desk.save(article_id, fields)
                ok = saved(answer, article_id)
                version += ok
            status = answer.status_code
        except Exception as exc:  # a timeout is a finding too
            ok, status = False, type(exc).__name__
        slowest = max(slowest, time.monotonic() - began)
        if ok:
            acknowledged += 1
        else:
            refused[str(status)] = refused.get(str(status), 0) + 1
            form = desk.open(article_id)  # as the editor would: reload, type again
            version = form.version
    figures["desk_saves"] = acknowledged
    figures["desk_refused"] = refused
    figures["desk_slowest_seconds"] = round(slowest, 1)


def _restored(sandbox: Sandbox) -> list[str]:
    """The backup taken under load, restored into a fresh installation and checked."""
    other = sandbox.sibling("restored")
    other.run(other.warta("restore", str(sandbox.root / "backup")), "restore")
    installation = Installation("restored", other.var, other.env["WARTA_DATABASE_URL"], other.env)
    return invariants.problems(installation)


def _print_load(load: dict) -> None:
    print(
        f"\nReaders: wrk -t{http_load.THREADS} -c{http_load.CONNECTIONS} for {load['seconds']} s "
        f"over {load['urls']} pages of a {load['archive_articles']:,}-article site\n"
        f"  {load['per_second']:,} requests/s ({load['requests']:,} requests), "
        f"non-2xx {load['non_2xx']}, socket errors {load['socket_errors']}, "
        f"p50 {load['p50_ms']:.0f} ms, p99 {load['p99_ms']:.0f} ms\n"
        f"Import of {load['import_articles']:,} articles during the load: "
        f"{load['import_per_second']:,} articles/s ({load['import_seconds']} s, "
        f"exit {load['import_exit']})\n"
        f"Backup during the import: {load['backup_seconds']} s, "
        f"{load['backup_bytes'] / 2**20:.0f} MB (exit {load['backup_exit']})\n"
        f"Editor saving every {EDITOR_EVERY_SECONDS:.0f} s: {load['desk_saves']} saves "
        f"acknowledged, refused {load['desk_refused'] or 'none'}, slowest "
        f"{load['desk_slowest_seconds']} s\n"
        f"Database after the load: {_verdict(load['invariants'])}; "
        f"the backup restored: {_verdict(load['restored_invariants'])}",
        flush=True,
    )


# --- 2. crashes ------------------------------------------------------------------------


def _crashes(folder: Path, *, kills: int, seed: int) -> dict:
    folder.mkdir(parents=True)
    made = Installations(folder)
    reports = {}
    for kind, run in (("server", rounds.server_kills), ("import", rounds.import_kills)):
        installation = made.new(kind)
        rounds.prepare(installation)
        if kind == "server":
            rounds.add_editor(installation)
        work = folder / f"{kind}-work"
        work.mkdir()
        options = {"reach": 1.5} if kind == "import" else {}  # around the commit too
        report = run(
            installation, work, kills=kills, seed=random.Random(seed).randrange(10**9), **options
        )
        reports[kind] = {
            "kills": report.kills,
            "survived": report.survived,
            "rounds": report.rounds,
            "problems": report.problems,
        }
    return {"crashes": reports}


def _print_crashes(crashes: dict) -> None:
    reports = crashes["crashes"]
    for kind, what in CRASHES.items():
        print(f"\n{what}:")
        for number, line in enumerate(reports[kind]["rounds"], start=1):
            print(f"  kill {number}: {line}")
        for problem in reports[kind]["problems"]:
            print(f"  PROBLEM {problem}")
    survived = sum(report["survived"] for report in reports.values())
    kills = sum(report["kills"] for report in reports.values())
    print(f"\nkills survived with invariants intact: {survived}/{kills}", flush=True)


def _verdict(problems: list[str]) -> str:
    return "invariants intact" if not problems else "PROBLEMS: " + "; ".join(problems)


def _missed(load: dict, crashes: dict) -> list[str]:
    missed = []
    if load["non_2xx"] or load["socket_errors"]:
        missed.append(f"readers got {load['non_2xx']} non-2xx, {load['socket_errors']} errors")
    if load["import_exit"] or load["backup_exit"]:
        missed.append("the import or the backup failed")
    if not load["backup_during_import"]:
        missed.append("the backup did not start while the import wrote")
    if load["errors"]:
        missed.append(f"during the load: {load['errors']}")
    if load["invariants"] or load["restored_invariants"]:
        missed.append("the database or the restored backup broke an invariant")
    for kind, report in crashes["crashes"].items():
        if report["survived"] != report["kills"]:
            missed.append(f"{kind} kills: {report['survived']}/{report['kills']} survived")
    return missed


if __name__ == "__main__":
    sys.exit(main())
