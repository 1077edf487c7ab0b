"""autosave.js in a real Chromium: the prose editor's text is saved when the page is
hidden, base_version follows, and the editor's own manual save is then accepted."""

from pathlib import Path

import pytest
from django.test import Client

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


def test_hiding_the_page_autosaves_and_the_next_save_is_accepted(live_server):
    from playwright.sync_api import sync_playwright

    editor = make_user(EDITOR)
    data = {
        "title": "Gempa di Cianjur",
        "slug": "gempa-di-cianjur",
        "lead": "Gempa mengguncang.",
        "body": "<p>Warga keluar rumah.</p>",
        "section": make_section(),
        "reporter": make_reporter(),
    }
    article = article_save(article=Article(), actor=editor, data=data).article
    client = Client()
    client.force_login(editor)
    session = client.cookies["sessionid"].value

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        context = browser.new_context()
        context.add_cookies(
            [{"name": "sessionid", "value": session, "url": live_server.url + "/redaksi/"}]
        )
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
        browser.close()

    article.refresh_from_db()
    assert (article.lead, article.version) == ("Gempa M5,6 mengguncang.", 3)
    assert "Sebagian mengungsi." in article.body
    # The manual save thinned the autosave away.
    assert list(article.revisions.values_list("version", flat=True)) == [3, 1]
