"""autosave.js in a real Chromium: the prose editor's text is saved when the page is
hidden, base_version follows, and the editor's own manual save is then accepted."""

from contextlib import contextmanager
from pathlib import Path

import pytest
from django.test import Client
from django.utils.text import slugify

from tests.factories import make_reporter, make_section
from warta.desk.roles import EDITOR
from warta.desk.services.editing import article_save
from warta.newsroom.models import Article

from .people import make_user

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed"),
]


def _draft_by_an_editor(title: str, lead: str, body: str) -> tuple[Article, str]:
    """A draft saved by a Redaktur, and that Redaktur's session cookie."""
    editor = make_user(EDITOR)
    data = {
        "title": title,
        "slug": slugify(title),
        "lead": lead,
        "body": body,
        "section": make_section(),
        "reporter": make_reporter(),
    }
    article = article_save(article=Article(), actor=editor, data=data).article
    client = Client()
    client.force_login(editor)
    return article, client.cookies["sessionid"].value


@contextmanager
def _signed_in_browser(live_server, session: str):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context()
        context.add_cookies(
            [{"name": "sessionid", "value": session, "url": live_server.url + "/redaksi/"}]
        )
        try:
            yield context
        finally:
            browser.close()


def test_hiding_the_page_autosaves_and_the_next_save_is_accepted(live_server):
    article, session = _draft_by_an_editor(
        "Gempa di Cianjur", "Gempa mengguncang.", "<p>Warga keluar rumah.</p>"
    )
    with _signed_in_browser(live_server, session) as context:
        page = context.new_page()
        page.goto(f"{live_server.url}/redaksi/newsroom/article/{article.pk}/change/")
        page.locator(".ProseMirror[contenteditable=true]").click()
        page.keyboard.press("End")
        page.keyboard.type(" Sebagian mengungsi.")
        page.evaluate(
            """() => {
                Object.defineProperty(document, "visibilityState",
                    {value: "hidden", configurable: true});
                document.dispatchEvent(new Event("visibilitychange"));
            }"""
        )
        page.wait_for_selector("#desk-autosave:has-text('Tersimpan otomatis')")
        assert page.input_value("input[name=base_version]") == "2"
        # (The ORM may not run inside Playwright's loop: the history page tells instead.)
        history = context.new_page()
        history.goto(f"{live_server.url}/redaksi/newsroom/article/{article.pk}/revisi/")
        assert "Simpan otomatis" in history.content()
        history.close()

        page.fill("#id_lead", "Gempa M5,6 mengguncang.")
        page.click("input[name=_continue]")
        page.wait_for_selector(".messagelist .success")

    article.refresh_from_db()
    assert (article.lead, article.version) == ("Gempa M5,6 mengguncang.", 3)
    assert "Sebagian mengungsi." in article.body
    # The manual save thinned the autosave away.
    assert list(article.revisions.values_list("version", flat=True)) == [3, 1]


def test_typing_done_while_offline_is_offered_back_when_the_form_is_opened_again(live_server):
    article, session = _draft_by_an_editor(
        "Banjir di Bekasi", "Hujan semalam.", "<p>Air setinggi lutut.</p>"
    )
    change_url = f"{live_server.url}/redaksi/newsroom/article/{article.pk}/change/"
    editor = ".ProseMirror[contenteditable=true]"
    with _signed_in_browser(live_server, session) as context:
        page = context.new_page()
        page.goto(change_url)
        context.set_offline(True)  # the reporter's connection drops
        page.locator(editor).click()
        page.keyboard.press("End")
        page.keyboard.type(" Warga mengungsi ke masjid.")
        # Within seconds the typing is kept in the browser; then the battery dies (the
        # page goes without its unload handlers, so no last autosave either).
        page.wait_for_function(
            "() => Object.keys(localStorage).some(k => k.startsWith('warta-desk-copy:'))"
        )
        page.close()
        context.set_offline(False)

        page = context.new_page()
        page.goto(change_url)
        offer = page.locator(".desk-copy-offer")
        offer.wait_for()
        assert "belum tersimpan" in offer.inner_text()
        assert "Warga mengungsi" not in page.locator(editor).inner_text()
        page.click(".desk-copy-restore")
        page.wait_for_selector(f"{editor}:has-text('Warga mengungsi ke masjid.')")
        # Restored once: opening the form again offers nothing more.
        page.goto(change_url)
        page.wait_for_selector(editor)
        assert page.locator(".desk-copy-offer").count() == 0

    article.refresh_from_db()
    assert "Warga mengungsi ke masjid." in article.body
    assert article.version == 2


def test_a_copy_older_than_what_the_server_saved_is_dropped_silently(live_server):
    article, session = _draft_by_an_editor(
        "Harga cabai naik", "Pedagang mengeluh.", "<p>Harga naik dua kali lipat.</p>"
    )
    change_url = f"{live_server.url}/redaksi/newsroom/article/{article.pk}/change/"
    with _signed_in_browser(live_server, session) as context:
        page = context.new_page()
        page.goto(change_url)
        page.locator(".ProseMirror[contenteditable=true]").click()
        page.keyboard.press("End")
        page.keyboard.type(" Pasokan berkurang.")
        # Online: the autosave sent as the page is left arrives and moves the version on.
        page.goto("about:blank")
        page.goto(change_url.replace("/change/", "/revisi/"))
        while "Simpan otomatis" not in page.content():
            page.wait_for_timeout(200)
            page.reload()
        page.goto(change_url)
        page.wait_for_selector(".ProseMirror[contenteditable=true]:has-text('Pasokan berkurang.')")
        assert page.locator(".desk-copy-offer").count() == 0


def test_a_new_story_the_server_cannot_take_yet_comes_back_into_the_form(live_server):
    # A Redaktur with no reporter profile of their own: the add form starts without a
    # reporter, so the server refuses the autosave ("periksa isian Wartawan"); the
    # browser's copy still holds the typing, and restoring fills the form again.
    editor = make_user(EDITOR)
    make_section()
    client = Client()
    client.force_login(editor)
    add_url = f"{live_server.url}/redaksi/newsroom/article/add/"
    editor_box = ".ProseMirror[contenteditable=true]"
    with _signed_in_browser(live_server, client.cookies["sessionid"].value) as context:
        page = context.new_page()
        page.goto(add_url)
        page.fill("#id_title", "Longsor di Tapanuli")
        page.locator(editor_box).click()
        page.keyboard.type("Tiga rumah tertimbun tanah.")
        page.wait_for_function(
            "() => Object.keys(localStorage).some(k => k.endsWith('/article/add/'))"
        )
        page.close()

        page = context.new_page()
        page.goto(add_url)
        page.locator(".desk-copy-offer").wait_for()
        page.click(".desk-copy-restore")
        page.wait_for_selector(f"{editor_box}:has-text('Tiga rumah tertimbun tanah.')")
        assert page.input_value("#id_title") == "Longsor di Tapanuli"
        assert page.locator(".errorlist").count() >= 1  # the reporter still to choose
        # The copy was used up: the next new story starts empty.
        page.goto(add_url)
        page.wait_for_selector(editor_box)
        assert page.locator(".desk-copy-offer").count() == 0

    assert not Article.objects.exists()
