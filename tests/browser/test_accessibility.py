"""Reader pages pass axe-core's WCAG 2.1 A and AA rules (contrast, landmarks, names, ...)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/dunia/read/1",
        "/dunia",
        "/indeks",
        "/indeks?tanggal=salah",
        "/tidak-ada",
        "/ralat",
        "/cari?q=pembangunan",
    ],
)
def test_reader_pages_have_no_wcag_aa_violations(served_site, page, path):
    page.goto(served_site.base_url + path)
    page.wait_for_load_state("networkidle")
    results = Axe().run(page, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()


def test_phone_layout_has_no_wcag_aa_violations(served_site, phone):
    phone.goto(served_site.base_url + "/dunia/read/1")
    phone.wait_for_load_state("networkidle")
    results = Axe().run(phone, options=WCAG_AA)
    assert results.violations_count == 0, results.generate_report()
