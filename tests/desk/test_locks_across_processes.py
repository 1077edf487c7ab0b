"""Edit locks on Redis: two app servers never both give an article to two editors.

Each editor here is a separate Python process with the production settings and a
real Redis (WARTA_TEST_REDIS_URL), as two app servers are. Both wait for one signal
and then reach for the same articles at once.
"""

import json
import os
import subprocess
import sys

import pytest
import redis

from warta.desk.locks import LOCK_SECONDS

ARTICLES = 300

REACH_FOR_THE_ARTICLES = """
import json, sys, time
from pathlib import Path
import django
django.setup()
from warta.desk.locks import lock_acquire

class Editor:
    def __init__(self, pk, name):
        self.pk, self.name = pk, name
    def get_full_name(self):
        return self.name
    def get_username(self):
        return self.name

editor = Editor(int(sys.argv[1]), sys.argv[2])
articles = int(sys.argv[3])
go = Path(sys.argv[4])
print("ready", flush=True)
while not go.exists():
    time.sleep(0.001)
holders = [lock_acquire(article_id, editor).user_id for article_id in range(1, articles + 1)]
print(json.dumps(holders))
"""


@pytest.fixture
def redis_url(tmp_path):
    url = os.environ.get("WARTA_TEST_REDIS_URL", "")
    if not url:
        reason = "WARTA_TEST_REDIS_URL is not set: no Redis to test against"
        if os.environ.get("WARTA_REQUIRE_SERVICES"):
            pytest.fail(reason + "; CI requires it")
        pytest.skip(reason)
    client = redis.Redis.from_url(url)
    client.flushdb()
    yield url
    client.flushdb()


def editor_process(redis_url, tmp_path, user_id: int, name: str) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARTA_")}
    env.update(
        DJANGO_SETTINGS_MODULE="warta.settings",
        WARTA_SECRET_KEY="locks-test",
        WARTA_VAR_DIR=str(tmp_path / name),
        WARTA_REDIS_URL=redis_url,
    )
    process = subprocess.Popen(
        [sys.executable, "-c", REACH_FOR_THE_ARTICLES, str(user_id), name, str(ARTICLES),
         str(tmp_path / "go")],
        env=env, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout.readline() == "ready\n"
    return process


def test_of_two_editors_on_two_servers_exactly_one_gets_each_article(redis_url, tmp_path):
    budi = editor_process(redis_url, tmp_path, 1, "budi")
    sari = editor_process(redis_url, tmp_path, 2, "sari")
    (tmp_path / "go").touch()
    budi_saw = json.loads(budi.communicate(timeout=120)[0])
    sari_saw = json.loads(sari.communicate(timeout=120)[0])

    assert budi_saw == sari_saw  # both name the same holder for every article
    assert set(budi_saw) <= {1, 2}


def test_a_lock_on_redis_expires_by_itself(redis_url, tmp_path):
    budi = editor_process(redis_url, tmp_path, 1, "budi")
    (tmp_path / "go").touch()
    budi.communicate(timeout=120)

    client = redis.Redis.from_url(redis_url)
    key = b"warta:1:desk:lock:article:1"
    assert 0 < client.ttl(key) <= LOCK_SECONDS
