from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from tests.factories import make_article, make_photo, make_reporter, make_section, make_tag

JAKARTA = ZoneInfo("Asia/Jakarta")


@pytest.fixture
def seed_article(db):
    """The reference page's article, as the seed shows it."""
    return make_article(
        title=(
            "Kepada Putin, Erdogan Minta Armenia Keluar Dari Nagorno-Karabakh Jika Ingin Berdamai"
        ),
        slug="kepada-putin-erdogan-minta-armenia-keluar-dari-nagorno-karabakh",
        section=make_section("Dunia"),
        reporter=make_reporter("Sarah Meiliana Gunawan"),
        published_at=datetime(2020, 11, 8, 8, 6, tzinfo=JAKARTA),
        lead_photo=make_photo(
            "Presiden Rusia, Vladimir Putin dan Presiden Turki, Recep Tayyip Erdogan", "Net"
        ),
        lead=(
            "Armenia harus serius dalam menjalankan negosiasi damai untuk konflik "
            "Nagorno-Karabakh dengan mundur dari wilayah tersebut."
        ),
        body=(
            "<p>Begitu pernyataan Kantor Kepresidenan Turki setelah Presiden Recep Tayyip "
            "Erdogan melakukan panggilan telepon dengan timpalannya dari Rusia.</p>"
            "<p>Kedua pemimpin tersebut secara khusus melakukan panggilan telepon.</p>"
        ),
        tags=[make_tag("Nagorno-Karabakh"), make_tag("Turki")],
    )
