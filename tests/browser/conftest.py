"""A real Warta, served by `warta serve` (gunicorn) with demo content, and a real Chromium.

Browser tests skip with a clear reason when Debian's chromium is absent; CI installs it.
"""

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from .watching import PASSWORD, Recorder

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]
# HeadlessChrome announces itself and the beacon rightly ignores it as a bot; these
# tests play a reader on an ordinary desktop browser.
READER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36"
)
WARTA = str(Path(sys.executable).with_name("warta"))

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServedSite:
    def __init__(self, base_url: str, database: Path, env: dict):
        self.base_url = base_url
        self.database = database
        self.env = env

    def warta(self, *args: str, stdin: str | None = None) -> str:
        """Run a `warta` command against this site's data; its output."""
        result = subprocess.run(
            [WARTA, *args],
            env=self.env,
            input=stdin,
            check=True,
            capture_output=True,
            text=True,
            timeout=120,
        )
        return result.stdout

    def query(self, sql: str, params=()) -> list[tuple]:
        with sqlite3.connect(self.database) as connection:
            return connection.execute(sql, params).fetchall()


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    var = tmp_path_factory.mktemp("served")
    port = _free_port()
    env = {
        **os.environ,
        "WARTA_VAR_DIR": str(var),
        "WARTA_SECRET_KEY": "browser-test-key",
        "WARTA_BIND": f"127.0.0.1:{port}",
        "WARTA_BEACON_FLUSH_SECONDS": "1",
        "DJANGO_SETTINGS_MODULE": "warta.settings",
    }
    env.pop("WARTA_DATABASE_URL", None)
    env.pop("WARTA_REDIS_URL", None)
    for command in (
        ["migrate", "--noinput"],
        ["demo", "--articles", "80"],
        ["reindex"],
        ["collectstatic", "--noinput"],
    ):
        subprocess.run([WARTA, *command], env=env, check=True, capture_output=True, timeout=300)
    server = subprocess.Popen(
        [WARTA, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base_url + "/", timeout=2)
                break
            except OSError as exc:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"warta serve did not come up: {exc}") from exc
                time.sleep(0.2)
        yield ServedSite(base_url, var / "warta.sqlite3", env)
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        reason = f"Debian's chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("WARTA_REQUIRE_SERVICES"):
            pytest.fail(reason + "; CI requires it")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(user_agent=READER_AGENT, locale="id-ID")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        user_agent=READER_AGENT, viewport={"width": 360, "height": 740}, is_mobile=True
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def redaktur(served_site) -> str:
    """A Redaktur of the served site (password watching.PASSWORD), made once."""
    served_site.warta(
        "deskuser", "citra", "--role", "Redaktur", "--password-stdin", stdin=PASSWORD + "\n"
    )
    return "citra"


@pytest.fixture
def watched(browser):
    """A page in a fresh context, and the Recorder of what goes wrong in it."""
    context = browser.new_context(locale="id-ID")
    recorder = Recorder(context)
    page = context.new_page()
    yield page, recorder
    context.close()
