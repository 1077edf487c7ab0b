"""The add form in a real Chromium: what a reporter types before the first "Simpan"
reaches a Draf when the page is hidden or closed, and every later save updates that
one article."""

import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.test import Client

from tests.factories import make_reporter, make_section
from warta.desk.roles import REPORTER
from warta.newsroom.models import Article

from .people import make_user

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]

HIDE = """() => {
    Object.defineProperty(document, "visibilityState", {value: "hidden", configurable: true});
    document.dispatchEvent(new Event("visibilitychange"));
}"""
SHOW = """() => {
    Object.defineProperty(document, "visibilityState", {value: "visible", configurable: true});
}"""


@pytest.fixture
def session():
    user = make_user(REPORTER)
    reporter = make_reporter()
    reporter.user = user
    reporter.save()
    make_section()
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


@contextmanager
def desk_browser(live_server, session):
    """A signed-in Chromium context. The ORM may not run inside Playwright's loop: tests
    look at the database after the block."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context()
        context.add_cookies(
            [{"name": "sessionid", "value": session, "url": live_server.url + "/redaksi/"}]
        )
        yield context
        browser.close()


def _type_story(page, live_server, title: str, body: str) -> None:
    page.goto(f"{live_server.url}/redaksi/newsroom/article/add/")
    page.fill("#id_title", title)
    page.locator(".ProseMirror[contenteditable=true]").click()
    page.keyboard.type(body)


def test_hiding_the_add_form_saves_a_draft_and_later_saves_update_it(live_server, session):
    with desk_browser(live_server, session) as context:
        page = context.new_page()
        _type_story(page, live_server, "Banjir Rendam Kemang", "Air setinggi lutut.")
        page.evaluate(HIDE)
        page.wait_for_selector("#desk-autosave:has-text('Tersimpan otomatis')")
        # The page is now the new article's change form.
        assert re.search(r"/article/\d+/change/$", page.url)
        assert page.input_value("input[name=base_version]") == "1"

        page.evaluate(SHOW)
        page.locator(".ProseMirror[contenteditable=true]").click()
        page.keyboard.press("End")
        page.keyboard.type(" Warga mengungsi.")
        page.evaluate(HIDE)
        page.wait_for_function(
            "() => document.querySelector('input[name=base_version]').value === '2'"
        )
        page.evaluate(SHOW)
        page.fill("#id_lead", "Banjir merendam Kemang sejak pagi.")
        page.click("input[name=_continue]")
        page.wait_for_selector(".messagelist .success")
        assert re.search(r"/article/\d+/change/$", page.url)

    [article] = Article.objects.all()
    assert (article.status, article.title, article.version) == (
        Article.Status.DRAFT,
        "Banjir Rendam Kemang",
        3,
    )
    assert "Air setinggi lutut. Warga mengungsi." in article.body
    assert article.lead == "Banjir merendam Kemang sejak pagi."


def test_closing_the_add_form_keeps_the_typing_in_a_draft(live_server, session):
    with desk_browser(live_server, session) as context:
        page = context.new_page()
        _type_story(page, live_server, "Gempa Guncang Garut", "Warga berlarian keluar rumah.")
        page.close()
        # The last autosave left with the page (fetch keepalive); the desk's list shows it.
        listing = context.new_page()
        for _ in range(50):
            listing.goto(f"{live_server.url}/redaksi/newsroom/article/")
            if "Gempa Guncang Garut" in listing.content():
                break
            listing.wait_for_timeout(100)

    [article] = Article.objects.all()
    assert (article.status, article.title) == (Article.Status.DRAFT, "Gempa Guncang Garut")
    assert "Warga berlarian keluar rumah." in article.body


def test_the_article_forms_fit_a_360_px_phone(live_server, session):
    with desk_browser(live_server, session) as context:
        page = context.new_page()
        page.set_viewport_size({"width": 360, "height": 740})
        page.goto(f"{live_server.url}/redaksi/newsroom/article/add/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, "add form"
        page.fill("#id_title", "Banjir Rendam Kemang")
        page.locator(".ProseMirror[contenteditable=true]").click()
        page.keyboard.type("Air setinggi lutut.")
        page.click("input[name=_continue]")
        page.wait_for_selector(".desk-preview-link")  # a draft's form has the preview link
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, "change form"
