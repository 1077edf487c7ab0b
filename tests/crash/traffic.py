"""Traffic for a served site, each kind from threads of its own, until told to stop:
readers reading pages, readers' browsers sending the view beacon, editors saving.

Each records what the server answered; what a killed server could not answer (a
refused or reset connection) is counted apart, as the kill's doing, not the server's.
"""

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass
from itertools import count

import requests

from .desk import ArticleForm, DeskClient, saved

# A reader gives up on a page after this long (wrk's --timeout in the benchmarks).
READER_TIMEOUT = 10
CHROME = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"
)


class Traffic:
    """Threads running ``step`` until ``stop()``, as fast as the server answers or
    ``pause`` seconds apart; connection failures end a thread quietly when
    ``expect_kill`` (the server is about to be killed)."""

    def __init__(self, threads: int, *, pause: float = 0, expect_kill: bool = False) -> None:
        self.threads = threads
        self.pause = pause
        self.expect_kill = expect_kill
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.refused = 0  # connection failures while a kill was expected
        self.errors: list[str] = []
        self._running: list[threading.Thread] = []

    def start(self) -> None:
        for number in range(self.threads):
            thread = threading.Thread(target=self._run, args=(number,), daemon=True)
            thread.start()
            self._running.append(thread)

    def stop(self) -> None:
        self.stopping.set()
        for thread in self._running:
            thread.join(timeout=READER_TIMEOUT * 3)

    def _run(self, number: int) -> None:
        session = requests.Session()
        while not self.stopping.is_set():
            try:
                self.step(number, session)
                self.stopping.wait(self.pause)
            except Refused as exc:
                with self.lock:
                    self.errors.append(str(exc))
                return
            except requests.Timeout as exc:
                with self.lock:
                    self.errors.append(f"no answer within {READER_TIMEOUT} s: {exc}")
            except requests.RequestException as exc:
                with self.lock:
                    if self.expect_kill:
                        self.refused += 1
                        return
                    self.errors.append(f"connection: {exc}")
            except Exception as exc:  # the test reports it instead of losing it in a thread
                with self.lock:
                    self.errors.append(f"{type(exc).__name__}: {exc}")
                return

    def step(self, number: int, session: requests.Session) -> None:
        raise NotImplementedError


class Readers(Traffic):
    """Readers cycling through ``paths``, each thread from its own place in the list."""

    def __init__(self, base_url: str, paths: list[str], threads: int = 4, **kwargs) -> None:
        super().__init__(threads, **kwargs)
        self.base_url = base_url
        self.paths = paths
        self.statuses: Counter = Counter()
        self.bad: Counter = Counter()  # (status, path) of answers a reader must never get
        self._positions: dict[int, int] = {}

    def step(self, number: int, session: requests.Session) -> None:
        position = self._positions.get(number, number * len(self.paths) // self.threads)
        self._positions[number] = position + 1
        path = self.paths[position % len(self.paths)]
        answer = session.get(
            self.base_url + path,
            timeout=READER_TIMEOUT,
            allow_redirects=False,
            headers={"User-Agent": CHROME},
        )
        with self.lock:
            self.statuses[answer.status_code] += 1
            if not (200 <= answer.status_code < 400 or answer.status_code == 404):
                self.bad[(answer.status_code, path)] += 1

    @property
    def answered(self) -> int:
        return sum(self.statuses.values())


class Beacons(Traffic):
    """Readers' browsers sending ``POST /b``: every beacon from a reader never seen
    before (through one trusted proxy: ``X-Forwarded-For``), so each 204 is a counted
    view. ``acknowledged`` holds when each 204 arrived."""

    _addresses = count(1)

    def __init__(self, base_url: str, article_ids: list[int], threads: int = 2, **kwargs) -> None:
        super().__init__(threads, **kwargs)
        self.base_url = base_url
        self.article_ids = article_ids
        self.sent = 0
        self.acknowledged: list[float] = []
        self.other: Counter = Counter()

    def step(self, number: int, session: requests.Session) -> None:
        reader = next(self._addresses)
        address = f"10.{reader >> 16 & 255}.{reader >> 8 & 255}.{reader & 255}"
        article_id = self.article_ids[reader % len(self.article_ids)]
        with self.lock:
            self.sent += 1
        answer = session.post(
            self.base_url + "/b",
            data=str(article_id),
            headers={
                "Content-Type": "text/plain;charset=UTF-8",
                "User-Agent": CHROME,
                "X-Forwarded-For": address,
            },
            timeout=READER_TIMEOUT,
        )
        with self.lock:
            if answer.status_code == 204:
                self.acknowledged.append(time.monotonic())
            else:
                self.other[answer.status_code] += 1


@dataclass
class Save:
    """A save the desk acknowledged: the version it made and the teras it wrote."""

    article_id: int
    version: int
    kind: str  # "manual" (the change form) or "autosave"
    lead: str


class Editors(Traffic):
    """Editors typing: each thread keeps one article open and autosaves it, now and
    then saving the form, every save based on the version its last save made."""

    def __init__(
        self,
        desks: list[DeskClient],
        forms: list[ArticleForm],
        *,
        label: str,
        seed: int,
        autosave_share: float = 0.6,
        **kwargs,
    ) -> None:
        super().__init__(len(forms), **kwargs)
        self.autosave_share = autosave_share
        self.desks = desks
        self.forms = forms
        self.label = label
        self.seed = seed
        self.acknowledged: list[Save] = []
        self._state: dict[int, list] = {}  # per thread: [version, saves so far, rng]

    def step(self, number: int, session) -> None:
        desk = self.desks[number % len(self.desks)]
        form = self.forms[number]
        if number not in self._state:
            self._state[number] = [form.version, 0, random.Random(f"{self.seed}-{number}")]
        state = self._state[number]
        state[1] += 1
        version, n, rng = state
        lead = f"Teras {self.label}.{number}.{n}: warga berkumpul di alun-alun."
        fields = form.with_changes(lead=lead, base_version=version)
        if rng.random() < self.autosave_share:
            answer = desk.autosave(form.article_id, fields)
            if answer.status_code != 200:
                raise Refused(f"an autosave answered {answer.status_code}")
            version, kind = answer.json()["version"], "autosave"
        else:
            answer = desk.save(form.article_id, fields)
            if not saved(answer, form.article_id):
                raise Refused(f"a save answered {answer.status_code}")
            version, kind = version + 1, "manual"
        state[0] = version
        with self.lock:
            self.acknowledged.append(Save(form.article_id, version, kind, lead))


class Publisher(Traffic):
    """An editor pressing the workflow's buttons on one article, round and round:
    Ajukan, Terbitkan, Tarik, Kembalikan ke draf; each time whichever the change form
    offers (so a restarted round picks up where the kill left the article)."""

    CYCLE = ("submit", "publish", "withdraw", "restore")

    def __init__(self, desk: DeskClient, article_id: int, *, expect_kill: bool = False):
        super().__init__(1, expect_kill=expect_kill)
        self.desk = desk
        self.article_id = article_id
        self.pressed: Counter = Counter()

    def step(self, number: int, session) -> None:
        offered = self.desk.transitions(self.article_id)
        name = next((name for name in self.CYCLE if name in offered), None)
        if name is None:
            raise Refused(f"the desk offers none of {self.CYCLE}, only {offered}")
        answer = self.desk.transition(self.article_id, name, offered[name])
        if answer.status_code != 302:
            raise Refused(f"{name} answered {answer.status_code}")
        with self.lock:
            self.pressed[name] += 1


class Refused(Exception):
    """The server answered, but not as a save: the thread stops (its version is lost)."""
