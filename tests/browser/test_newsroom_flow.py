"""A reporter writes and submits, an editor publishes, a reader reads: in Chromium."""

import re

import pytest

from .watching import PASSWORD, sign_in

pytestmark = pytest.mark.browser

TITLE = "Banjir Rob Rendam Kawasan Pesisir Semarang Utara"


@pytest.fixture(scope="module")
def desk_people(served_site):
    for username, role in (("rina", "Reporter"), ("bayu", "Redaktur")):
        served_site.warta(
            "deskuser", username, "--role", role, "--password-stdin", stdin=PASSWORD + "\n"
        )
    return {"reporter": "rina", "editor": "bayu"}


def test_reporter_files_editor_publishes_reader_reads(served_site, browser, desk_people):
    base = served_site.base_url
    reporter = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True)
    page = reporter.new_page()
    sign_in(page, base, desk_people["reporter"])
    page.goto(base + "/redaksi/newsroom/article/add/")
    page.fill("#id_title", TITLE)
    page.select_option("#id_section", label="Nusantara")
    page.select_option("#id_reporter", index=1)
    page.fill("#id_lead", "Air laut pasang merendam ratusan rumah warga sejak Senin pagi.")
    editor_box = page.locator(".ProseMirror[contenteditable=true]")
    editor_box.click()
    page.keyboard.type("Ketinggian air mencapai 50 sentimeter di beberapa titik.")
    page.keyboard.press("Enter")
    page.keyboard.type("Warga mengungsi ke balai kelurahan.")
    page.locator(".field-tags .select2-selection").click()
    page.keyboard.type("Bencana")
    page.locator(".select2-results__option", has_text="Bencana").first.click()
    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r"/change/$"))
    article_id = int(re.search(r"/article/(\d+)/change/", page.url).group(1))
    page.get_by_role("button", name="Ajukan ke redaktur").click()
    assert "Diajukan" in page.locator("section[aria-labelledby=alur-kerja]").inner_text()
    reporter.close()

    editor = browser.new_context()
    page = editor.new_page()
    sign_in(page, base, desk_people["editor"])
    page.goto(f"{base}/redaksi/newsroom/article/{article_id}/change/")
    page.get_by_role("button", name="Terbitkan sekarang").click()
    assert "Terbit" in page.locator(".desk-status").inner_text()
    editor.close()

    reader = browser.new_context()
    page = reader.new_page()
    page.goto(f"{base}/nusantara/read/{article_id}")
    assert page.locator("h1").inner_text() == TITLE
    body = page.locator(".story-body").inner_text()
    assert "Ketinggian air mencapai 50 sentimeter" in body
    assert "Warga mengungsi ke balai kelurahan." in body
    assert "LAPORAN:" in page.locator(".dateline").inner_text()
    page.goto(base + "/indeks")
    assert TITLE in page.locator(".listing").inner_text()
    reader.close()
