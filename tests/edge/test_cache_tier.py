"""The shipped nginx configuration in front of two app processes sharing one database
and one Redis: what readers get through it, and how fresh.

An article's own page is fresh the moment the desk commits a change (the app sends
every cache node a refresh request), for an edit, a withdrawal and a first
publication alike, and the refreshed copy is what the cache then serves. Lists catch
up within their short lifetime (2 + 1 seconds here; 30 + 20 in production). Both app
processes drop the cached blocks (UPDATE, Populer) at once, as those live in Redis.
"""

import re
import time
import urllib.error
import urllib.request

import pytest

from tests.processes import Server, free_port, require_binary
from warta.common.security_headers import FILE_HEADERS

from .conftest import SECRET

PAGE_SECONDS = 2 + 1  # WARTA_PAGE_CACHE_SECONDS + WARTA_PAGE_STALE_SECONDS of edge_site


class Answer:
    def __init__(self, status: int, headers, body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.text = body.decode("utf-8", errors="replace")

    @property
    def cache_status(self) -> str | None:
        return self.headers.get("X-Cache-Status")


def fetch(url: str, headers: dict | None = None, method: str = "GET", data=None) -> Answer:
    request = urllib.request.Request(url, headers=headers or {}, method=method, data=data)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


class NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def tier(edge_site, tmp_path_factory):
    """Two `warta serve` processes, and nginx from `warta nginx-config` in front."""
    nginx = require_binary("nginx", "nginx-light")
    app_ports = [free_port(), free_port()]
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {**edge_site.env, "WARTA_CACHE_NODES": base_url}
    apps = []
    edge = None
    try:
        for app_port in app_ports:
            apps.append(edge_site.serve(app_port, env=env))
        prefix = tmp_path_factory.mktemp("nginx")
        edge_site.warta(
            "nginx-config",
            "--public-url", base_url,
            "--listen", f"127.0.0.1:{port}",
            *(f"--upstream=127.0.0.1:{app_port}" for app_port in app_ports),
            "--standalone", str(prefix),
        )  # fmt: skip
        edge = Server(
            [nginx, "-e", "stderr", "-p", str(prefix), "-c", str(prefix / "nginx.conf")],
            prefix / "nginx.log",
        )
        edge.wait_for_http(base_url + "/robots.txt")
        edge_site.env = env  # the editor's process refreshes this nginx too
        yield Tier(base_url, [f"http://127.0.0.1:{p}" for p in app_ports])
    finally:
        edge_site.env = {k: v for k, v in env.items() if k != "WARTA_CACHE_NODES"}
        for server in [edge, *apps]:
            if server is not None:
                server.stop()


class Tier:
    def __init__(self, base_url: str, app_urls: list[str]) -> None:
        self.base_url = base_url
        self.app_urls = app_urls

    def get(self, path: str, **kwargs) -> Answer:
        return fetch(self.base_url + path, **kwargs)

    def cached(self, path: str) -> Answer:
        """The page as the cache holds it (fetched once first, so it is stored)."""
        self.get(path)
        answer = self.get(path)
        assert answer.cache_status == "HIT", (path, answer.cache_status)
        return answer

    def article_paths(self) -> list[str]:
        home = self.get("/").text
        return list(dict.fromkeys(re.findall(r'href="(/[a-z-]+/read/[^"]+)"', home)))


def headline(answer: Answer) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", answer.text, re.S).group(1).strip()


def test_reader_pages_come_from_the_cache_without_cookies_and_varying_only_on_encoding(tier):
    for path in ["/", tier.article_paths()[0], "/indeks", "/feed/rss", "/sitemap.xml"]:
        answer = tier.cached(path)
        assert answer.status == 200
        assert "Set-Cookie" not in answer.headers
        # nginx names Accept-Encoding when it may compress; nothing else varies.
        assert set(answer.headers.get_all("Vary") or []) <= {"Accept-Encoding"}
        assert "s-maxage=2" in answer.headers["Cache-Control"]
        revalidated = tier.get(path, headers={"If-None-Match": answer.headers["ETag"]})
        assert revalidated.status == 304 and revalidated.cache_status == "HIT"


def test_an_edit_is_on_the_articles_page_at_once(tier, edge_site):
    path = tier.article_paths()[1]
    pk = int(path.split("/")[-2])
    before = tier.cached(path)
    edge_site.editor("retitle", pk, "Judul yang diperbaiki redaktur")
    after = tier.get(path)
    assert headline(before) != "Judul yang diperbaiki redaktur"
    assert headline(after) == "Judul yang diperbaiki redaktur"
    # The refresh replaced the stored copy: readers get the new page from the cache.
    assert after.cache_status == "HIT"


def test_a_withdrawn_article_answers_410_at_once(tier, edge_site):
    path = tier.article_paths()[2]
    pk = int(path.split("/")[-2])
    assert tier.cached(path).status == 200
    edge_site.editor("withdraw", pk)
    gone = tier.get(path)
    assert gone.status == 410
    assert gone.cache_status == "HIT"
    api = tier.get(f"/api/v1/articles/{pk}")
    assert api.status == 410


def test_a_published_article_is_on_its_page_at_once_and_on_the_lists_within_their_lifetime(
    tier, edge_site
):
    draft = edge_site.editor("write", "Gempa guncang pesisir selatan")
    assert tier.cached("/").status == 200
    assert tier.cached("/indeks").status == 200
    published = edge_site.editor("publish", draft["pk"])
    page = tier.get(published["url"])
    assert page.status == 200 and headline(page) == "Gempa guncang pesisir selatan"
    assert page.cache_status == "HIT"
    # The lists were stored before; once their lifetime (fresh + stale) has passed,
    # the cache fetches them anew.
    time.sleep(PAGE_SECONDS + 0.5)
    for path in ("/", "/indeks"):
        assert "Gempa guncang pesisir selatan" in tier.get(path).text, path


def test_both_app_processes_drop_the_shared_blocks_at_once(tier, edge_site):
    # UPDATE lists the newest headlines on every article page; the block is rendered
    # once and kept in Redis, shared by the two processes.
    reader_path = tier.article_paths()[-1]
    for app_url in tier.app_urls:
        page = fetch(app_url + reader_path).text
    update = re.search(r'aria-labelledby="update">.*?</section>', page, re.S).group(0)
    listed = re.search(r'href="(/[a-z-]+/read/[^"]+)"', update).group(1)
    edge_site.editor("retitle", int(listed.split("/")[-2]), "Judul terbaru di blok UPDATE")
    for app_url in tier.app_urls:
        assert "Judul terbaru di blok UPDATE" in fetch(app_url + reader_path).text, app_url


def test_the_refresh_needs_the_secret(tier):
    path = tier.article_paths()[3]
    tier.cached(path)
    assert tier.get(path, headers={"X-Warta-Refresh": "tebakan"}).cache_status == "HIT"
    assert tier.get(path, headers={"X-Warta-Refresh": SECRET}).cache_status == "BYPASS"


def test_the_desk_the_beacon_and_posts_are_never_stored(tier):
    for _ in range(2):
        login = tier.get("/redaksi/login/")
        assert login.status == 200 and login.cache_status is None
    pk = int(tier.article_paths()[0].split("/")[-2])
    beacon = tier.get("/b", method="POST", data=str(pk).encode())
    assert beacon.status in (204, 429) and beacon.cache_status is None
    # A POST to a reader address reaches the app (which refuses it), never the cache.
    posted = tier.get("/", method="POST", data=b"x")
    assert posted.cache_status != "HIT"


def test_static_files_are_served_by_nginx_and_hashed_names_kept_a_year(tier):
    page = tier.get("/").text
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', page).group(1)
    answer = tier.get(stylesheet)
    assert answer.status == 200
    assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert answer.cache_status is None  # a file, not a proxied page


def test_stored_pages_keep_their_policy_and_files_get_the_file_headers(tier):
    page = tier.cached("/")
    # The stored copy answers every reader: its policy holds no nonce of anyone's.
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "nonce" not in policy and "unsafe-inline" not in policy
    assert page.headers["X-Frame-Options"] == "DENY"
    photo = re.search(r'src="(/media/[^"]+)"', page.text).group(1)
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', page.text).group(1)
    # Files nginx serves itself: a photo, a hashed and an unhashed static name.
    for path in (photo, stylesheet, "/static/portal/favicon.svg"):
        answer = tier.get(path)
        assert answer.status == 200 and answer.cache_status is None, path
        for name, value in FILE_HEADERS.items():
            assert answer.headers[name] == value, (path, name)


def test_a_missing_page_is_stored_briefly_and_replaced_when_it_appears(tier):
    missing = tier.cached("/tag/belum-ada")
    assert missing.status == 404
    assert "s-maxage=10" in missing.headers["Cache-Control"]


def test_a_10_kb_address_gets_the_sites_indonesian_page_through_nginx(tier):
    # nginx lets the line through to the app (large_client_header_buffers), and the
    # app's worker answers what gunicorn cannot take with the site's page.
    answer = tier.get("/indeks?q=" + "a" * 10_240)
    assert answer.status == 414
    assert '<html lang="id"' in answer.text and "Alamat terlalu panjang" in answer.text
    assert tier.get("/indeks?q=" + "a" * 7_000).status == 200
