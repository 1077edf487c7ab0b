"""Reader pages read from a replica; the desk, writes and a request's own writes use the primary.

Warta runs here as production runs it: ``warta serve`` against a private PostgreSQL
primary with a streaming hot standby as its replica (WARTA_DATABASE_REPLICA_URLS).
Each test looks at which of the two servers logged the statements of a request.
Pausing the standby's replay makes it lag, as a replica may; what a reader then sees
shows where the page read from.
"""

import time

import pytest
from lxml import html

from warta.common.db_routing import REFRESH_HEADER

from .installation import app_servers, import_articles, warta_command, warta_env
from .servers import AppServer, Browser

pytestmark = pytest.mark.postgres

PASSWORD = "sandi-rahasia-redaksi"


def story(pk: int, slug: str, title: str, tag: str = "Banjir") -> dict:
    return {
        "id": pk,
        "slug": slug,
        "section": "Nasional",
        "title": title,
        "caption": "Foto ilustrasi",
        "reporter": "Sarah Meiliana Gunawan",
        "published_at": "2024-02-14T07:00:00+07:00",
        "lead": "Teras berita.",
        "paragraphs": [f"{title}, kata warga setempat."],
        "tags": [tag],
    }


def article_url(server: AppServer, record: dict) -> str:
    return f"{server.url}/nasional/read/2024/02/14/{record['id']}/{record['slug']}"


def baca_juga(page) -> list[str]:
    tree = html.fromstring(page.text)
    return tree.xpath("//section[@aria-labelledby='baca-juga']//a/text()")


def page_statements(statements: list[str]) -> list[str]:
    """What a page asked a server, without the router's lag probe (at most one a second
    per process: the primary's WAL position, db_routing._LagWatch) and without the
    "SELECT 1" with which Django checks a kept connection before that probe uses it
    (CONN_HEALTH_CHECKS): neither reads anything the page shows."""
    return [s for s in statements if "pg_current_wal_lsn()" not in s and s != "SELECT 1"]


def on_table(statements: list[str], verb: str, table: str) -> list[str]:
    return [s for s in statements if s.startswith(verb) and f'"{table}"' in s]


@pytest.fixture(scope="module")
def app_server(postgres_pair, tmp_path_factory):
    (server,) = app_servers(warta_env(postgres_pair), tmp_path_factory.mktemp("replicas"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def editor(postgres_pair) -> str:
    warta_command(
        postgres_pair, "deskuser", "rina", "--role", "Redaktur", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    return "rina"


def test_reader_pages_read_from_the_standby_and_never_from_the_primary(
    postgres_pair, app_server, tmp_path
):
    first = story(101, "banjir-jakarta", "Banjir merendam Jakarta")
    import_articles(postgres_pair, tmp_path, first, story(102, "banjir-bekasi", "Banjir di Bekasi"))
    reader = Browser()
    # An imported story's first view stores its Baca Juga list: a write, on the primary.
    assert reader.get(article_url(app_server, first)).status == 200
    postgres_pair.wait_for_standby()
    primary, standby = postgres_pair.primary, postgres_pair.standby

    for path in [
        article_url(app_server, first).removeprefix(app_server.url),
        "/", "/nasional", "/tag/banjir", "/indeks", "/cari?q=banjir",
        "/feed/rss", "/sitemap.xml", "/api/v1/articles",
    ]:  # fmt: skip
        on_primary, on_standby = primary.log_position(), standby.log_position()
        assert reader.get(app_server.url + path).status == 200, path
        assert page_statements(primary.statements_since(on_primary)) == [], path
        assert standby.statements_since(on_standby), path


def test_while_the_standby_lags_readers_miss_a_new_story_and_the_desk_has_it(
    postgres_pair, app_server, editor, tmp_path
):
    desk = Browser()
    assert desk.log_in(app_server, editor, PASSWORD).status == 302
    fresh = story(201, "gempa-cianjur", "Gempa mengguncang Cianjur")
    edit_url = f"{app_server.url}/redaksi/newsroom/article/201/change/"

    with postgres_pair.replay_paused():
        import_articles(postgres_pair, tmp_path, fresh)
        assert Browser().get(article_url(app_server, fresh)).status == 404
        on_standby = postgres_pair.standby.log_position()
        edit = desk.get(edit_url)
        assert edit.status == 200
        assert "Gempa mengguncang Cianjur" in edit.text
        assert postgres_pair.standby.statements_since(on_standby) == []

    assert Browser().get(article_url(app_server, fresh)).status == 200


def test_a_page_that_writes_reads_what_it_wrote_from_the_primary(
    postgres_pair, app_server, tmp_path
):
    rice, stock = (
        story(301, "harga-beras-naik", "Harga beras naik lagi", tag="Beras"),
        story(302, "stok-beras-aman", "Stok beras aman hingga Lebaran", tag="Beras"),
    )
    import_articles(postgres_pair, tmp_path, rice, stock)
    postgres_pair.wait_for_standby()
    primary, standby = postgres_pair.primary, postgres_pair.standby

    with postgres_pair.replay_paused():  # the list stored now never reaches the standby
        on_primary, on_standby = primary.log_position(), standby.log_position()
        page = Browser().get(article_url(app_server, rice))
        written_to_primary = primary.statements_since(on_primary)
        read_from_standby = standby.statements_since(on_standby)

    assert page.status == 200
    assert baca_juga(page)[0] == "Stok beras aman hingga Lebaran"
    assert on_table(written_to_primary, "INSERT", "related_relatedarticle")
    # After the write, the list's articles are read where the write went.
    assert on_table(written_to_primary, "SELECT", "newsroom_article")
    assert on_table(read_from_standby, "SELECT", "newsroom_article")  # the article itself


def test_readers_are_served_from_the_primary_while_the_standby_is_down(
    postgres_pair, start_app_servers, tmp_path
):
    record = story(401, "jalan-tol-dibuka", "Jalan tol baru dibuka")
    import_articles(postgres_pair, tmp_path, record)
    (server,) = start_app_servers(warta_env(postgres_pair))
    reader = Browser()
    reader.get(article_url(server, record))  # stores its Baca Juga list
    postgres_pair.wait_for_standby()
    on_standby = postgres_pair.standby.log_position()
    assert reader.get(article_url(server, record)).status == 200
    assert postgres_pair.standby.statements_since(on_standby)  # connected to the standby

    postgres_pair.standby.stop()
    try:
        for path in [
            article_url(server, record).removeprefix(server.url),
            "/", "/nasional", "/cari?q=jalan", "/api/v1/articles",
        ]:  # fmt: skip
            on_primary = postgres_pair.primary.log_position()
            page = reader.get(server.url + path)
            assert page.status == 200, path
            assert postgres_pair.primary.statements_since(on_primary), path
        assert "Jalan tol baru dibuka" in reader.get(article_url(server, record)).text
    finally:
        postgres_pair.standby.start()
        postgres_pair.wait_for_standby()


def test_a_standby_lagging_past_the_bound_is_left_out_until_it_catches_up(
    postgres_pair, start_app_servers, tmp_path
):
    (server,) = start_app_servers(warta_env(postgres_pair, WARTA_REPLICA_MAX_LAG_SECONDS="2"))
    fresh = story(501, "kereta-cepat-beroperasi", "Kereta cepat mulai beroperasi")
    reader = Browser()
    assert reader.get(f"{server.url}/").status == 200  # the lag is watched from now on

    with postgres_pair.replay_paused():
        import_articles(postgres_pair, tmp_path, fresh)
        # Within the bound the standby still answers, without the new story...
        assert reader.get(article_url(server, fresh)).status == 404
        # ...and once it has lagged longer, readers read from the primary.
        deadline = time.monotonic() + 15
        while reader.get(article_url(server, fresh)).status == 404:
            assert time.monotonic() < deadline, "the lagging standby was never left out"
            time.sleep(0.5)
        on_primary = postgres_pair.primary.log_position()
        assert reader.get(f"{server.url}/indeks").status == 200
        assert page_statements(postgres_pair.primary.statements_since(on_primary))

    # Caught up again: the standby takes the readers back.
    deadline = time.monotonic() + 15
    while True:
        on_standby = postgres_pair.standby.log_position()
        assert reader.get(f"{server.url}/indeks").status == 200
        if postgres_pair.standby.statements_since(on_standby):
            break
        assert time.monotonic() < deadline, "the standby never got its readers back"
        time.sleep(0.5)


def test_a_cache_refresh_reads_from_the_primary_while_the_standby_lags(
    postgres_pair, start_app_servers, tmp_path
):
    secret = "rahasia-penyegar-cache-0123"
    (server,) = start_app_servers(warta_env(postgres_pair, WARTA_CACHE_REFRESH_SECRET=secret))
    fresh = story(601, "harga-cabai-turun", "Harga cabai turun")
    reader = Browser()
    with postgres_pair.replay_paused():
        import_articles(postgres_pair, tmp_path, fresh)
        assert reader.get(article_url(server, fresh)).status == 404
        # What a cache node stores after an editor's change holds the change.
        refresh = reader.get(article_url(server, fresh), headers={REFRESH_HEADER: secret})
        assert refresh.status == 200
        assert "Harga cabai turun" in refresh.text
        # A wrong secret is an ordinary reader.
        guess = reader.get(article_url(server, fresh), headers={REFRESH_HEADER: "tebakan"})
        assert guess.status == 404
