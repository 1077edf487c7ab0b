"""A stand-in cache node (a local HTTP server that records every request it gets), and
a whole Warta in other processes for the tests of the real cache tier."""

import json
import os
import queue
import subprocess
import sys
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.processes import Server
from warta.edge.nodes import REFRESH_HEADER

REPO = Path(__file__).resolve().parents[2]

SECRET = "test-refresh-secret-0123456789"


class FakeNode:
    def __init__(self) -> None:
        self.requests: queue.Queue = queue.Queue()
        # Cleared to make the node hold every request until set again: a slow node.
        self.answering = threading.Event()
        self.answering.set()
        node = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                node.requests.put((self.path, self.headers.get(REFRESH_HEADER)))
                node.answering.wait(30)
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def received(self, count: int) -> list[tuple[str, str]]:
        """The next ``count`` requests (path, refresh header), waiting for them."""
        return [self.requests.get(timeout=30) for _ in range(count)]

    def nothing_more(self) -> bool:
        return self.requests.empty()

    def stop(self) -> None:
        self.answering.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def fake_node(settings):
    node = FakeNode()
    settings.CACHE_NODES = [node.url]
    settings.CACHE_REFRESH_SECRET = SECRET
    settings.CACHE_REFRESH_REPEAT_SECONDS = 0
    yield node
    node.stop()


# A whole Warta in other processes: its own database (a SQLite file, or a PostgreSQL
# database next to the tests' own when WARTA_TEST_DATABASE_URL names one), the tests'
# Redis database, demo content, collected static files. The servers come on top.

EDITOR_SCRIPT = """
import json, sys
import django
django.setup()
from django.contrib.auth.models import Group, User
from warta.desk.roles import EDITOR
from warta.desk.services.editing import article_save
from warta.desk.services.transitions import article_publish, article_withdraw
from warta.newsroom.models import Article

editor, created = User.objects.get_or_create(username="redaktur-uji", defaults={"is_staff": True})
if created:
    editor.groups.add(Group.objects.get(name=EDITOR))
action, argument = sys.argv[1], sys.argv[2]
if action == "write":
    model = Article.objects.published().latest_first().first()
    article = Article.objects.create(
        title=argument, slug=argument.lower().replace(" ", "-"), section=model.section,
        reporter=model.reporter, lead_photo=model.lead_photo, lead="Teras.",
        body="<p>Isi.</p>", status=Article.Status.READY, published_at=model.published_at,
    )
    article.tags.set(model.tags.all())
else:
    article = Article.objects.get(pk=int(argument))
    if action == "retitle":
        article_save(article=article, actor=editor, data={"title": sys.argv[3]},
                     base_version=article.version)
    elif action == "publish":
        article_publish(article=article, actor=editor)
    elif action == "withdraw":
        article_withdraw(article=article, actor=editor)
    article.refresh_from_db()
print(json.dumps({"pk": article.pk, "url": article.get_absolute_url(), "title": article.title}))
# Exiting waits for the refresh requests already handed to the edge's thread pool.
"""


def _redis_url() -> str:
    url = os.environ.get("WARTA_TEST_REDIS_URL", "")
    if not url:
        reason = "WARTA_TEST_REDIS_URL is not set: no Redis for the app processes to share"
        if os.environ.get("WARTA_REQUIRE_SERVICES"):
            pytest.fail(reason + "; CI requires it")
        pytest.skip(reason)
    return url


class EdgeSite:
    """The site's environment, and the desk actions an editor takes on it."""

    def __init__(self, root: Path, env: dict[str, str]) -> None:
        self.root = root
        self.env = env

    def warta(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "warta", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if done.returncode != 0:
            raise RuntimeError(f"warta {' '.join(args)} failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def editor(self, action: str, *args) -> dict:
        """Act through the desk's services in a process of its own, as the desk does;
        returns the article as it then stands (pk, url, title)."""
        done = subprocess.run(
            [sys.executable, "-c", EDITOR_SCRIPT, action, *map(str, args)],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"editor {action} failed:\n{done.stderr[-3000:]}")
        return json.loads(done.stdout.strip().splitlines()[-1])

    def serve(self, port: int, workers: int = 1, env: dict | None = None) -> Server:
        server = Server(
            [
                sys.executable,
                "-m",
                "warta",
                "serve",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
            ],
            self.root / f"gunicorn-{port}.log",
            env=env or self.env,
        )
        server.wait_for_http(f"http://127.0.0.1:{port}/robots.txt")
        return server


@contextmanager
def _database(root: Path):
    """A database URL for the site; a PostgreSQL one is created and dropped here."""
    test_url = os.environ.get("WARTA_TEST_DATABASE_URL", "")
    if not test_url.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{root / 'warta.sqlite3'}"
        return
    import psycopg

    parts = urlsplit(test_url)
    name = f"{parts.path.lstrip('/')}_edge_site"
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def edge_site(tmp_path_factory):
    redis_url = _redis_url()
    root = tmp_path_factory.mktemp("edge-site")
    with _database(root) as database_url:
        env = {key: value for key, value in os.environ.items() if not key.startswith("WARTA_")}
        env.update(
            DJANGO_SETTINGS_MODULE="warta.settings",
            PYTHONPATH=str(REPO),
            WARTA_VAR_DIR=str(root / "var"),
            WARTA_DATABASE_URL=database_url,
            WARTA_REDIS_URL=redis_url,
            WARTA_SECRET_KEY="edge-site-test-key",
            WARTA_ALLOWED_HOSTS="127.0.0.1,localhost",
            WARTA_SERVE_MEDIA="0",
            WARTA_TRUSTED_PROXY_COUNT="1",
            WARTA_CACHE_REFRESH_SECRET=SECRET,
            # Short lifetimes, so a list's change shows without a minute's wait.
            WARTA_PAGE_CACHE_SECONDS="2",
            WARTA_PAGE_STALE_SECONDS="1",
            XDG_RUNTIME_DIR=str(root),
        )
        site = EdgeSite(root, env)
        _flush(redis_url)
        site.warta("migrate", "--noinput")
        site.warta("demo", "--articles", "24")
        site.warta("collectstatic", "--noinput")
        yield site
        _flush(redis_url)


def _flush(redis_url: str) -> None:
    import redis

    client = redis.Redis.from_url(redis_url)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as exc:
        pytest.fail(f"Redis at {redis_url} does not answer: {exc}")
    client.flushdb()
