"""Redis goes away in the middle of the load: reader pages and the desk's login page
are still served (from the database; the cache answers as an empty one), no request
gets a 5xx, and when Redis is back the app uses it again without a restart.

The app (`warta serve`, two workers) uses a redis-server of the test's own, which
the test kills by PID while readers keep requesting pages.
"""

import re
import threading
import urllib.error
import urllib.request
from collections import Counter

import pytest

from tests.processes import free_port

READERS = 4
# Requests answered in each phase before the next begins: Redis up, killed, back.
PER_PHASE = 150


@pytest.fixture
def app(edge_site, own_redis):
    port = free_port()
    server = edge_site.serve(
        port, workers=2, env={**edge_site.env, "WARTA_REDIS_URL": own_redis.url}
    )
    yield f"http://127.0.0.1:{port}"
    server.stop()


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0  # no answer at all counts as a failure too


class Load:
    """Readers requesting the paths round and round until told to stop; every answer
    is counted under the phase it was given in."""

    def __init__(self, base_url: str, paths: list[str]) -> None:
        self.base_url = base_url
        self.paths = paths
        self.phase = "redis up"
        self.statuses: dict[str, Counter] = {}
        self.answered = threading.Condition()
        self.stopping = threading.Event()
        self.threads = [
            threading.Thread(target=self._read, args=(offset,)) for offset in range(READERS)
        ]

    def _read(self, offset: int) -> None:
        index = offset
        while not self.stopping.is_set():
            path = self.paths[index % len(self.paths)]
            index += 1
            status = status_of(self.base_url + path)
            with self.answered:
                self.statuses.setdefault(self.phase, Counter())[(path, status)] += 1
                self.answered.notify_all()

    def answers_in(self, phase: str) -> int:
        return sum(self.statuses.get(phase, Counter()).values())

    def run_until(self, count: int) -> None:
        """Wait until the current phase has ``count`` answers."""
        with self.answered:
            assert self.answered.wait_for(lambda: self.answers_in(self.phase) >= count, 300)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join()


def test_pages_are_served_while_redis_is_away_and_it_is_used_again_when_back(app, own_redis):
    import redis as redis_client

    home = urllib.request.urlopen(app + "/", timeout=30).read().decode()
    articles = list(dict.fromkeys(re.findall(r'href="(/[a-z-]+/read/[^"]+)"', home)))[:4]
    sections = list(dict.fromkeys(re.findall(r'href="/([a-z-]+)"', home)))[:2]
    paths = [
        "/", *articles, *(f"/{s}" for s in sections), "/indeks", "/cari?q=pemerintah",
        "/feed/rss", "/sitemap-news.xml", "/api/v1/articles", "/redaksi/login/",
    ]  # fmt: skip
    with Load(app, paths) as load:
        load.run_until(PER_PHASE)
        load.phase = "redis killed"
        own_redis.kill()
        load.run_until(PER_PHASE)
        load.phase = "redis back"
        own_redis.start()
        load.run_until(PER_PHASE)
    for phase, counted in load.statuses.items():
        failed = {answer: n for answer, n in counted.items() if answer[1] != 200}
        assert not failed, (phase, failed)
    # Every page was served while Redis was away, not just some.
    assert {path for path, _ in load.statuses["redis killed"]} == set(paths)
    # Back in use: the pages served since it returned stored their lists and blocks.
    assert redis_client.Redis.from_url(own_redis.url).dbsize() > 0
