"""The seed article: the real portal page Warta was built to reproduce.

It is the product spec (``/work/shared/reference``), kept verbatim, typos included,
so the page at ``/dunia/2020/11/08/1/...`` can be compared with the original.
"""

from django.utils.text import slugify

REFERENCE_ID = 1
REFERENCE_TITLE = (
    "Kepada Putin, Erdogan Minta Armenia Keluar Dari Nagorno-Karabakh Jika Ingin Berdamai"
)


def reference_record(image: str | None) -> dict:
    return {
        "id": REFERENCE_ID,
        "slug": slugify(REFERENCE_TITLE),
        "section": "Dunia",
        "title": REFERENCE_TITLE,
        "caption": "Presiden Rusia, Vladimir Putin dan Presiden Turki, Recep Tayyip Erdogan",
        "credit": "Net",
        "reporter": "Sarah Meiliana Gunawan",
        "published_at": "2020-11-08T08:06:00+07:00",
        "lead": (
            "Armenia harus serius dalam menjalankan negosiasi damai untuk konflik "
            "Nagorno-Karabakh dengan mundur dari wilayah tersebut."
        ),
        "paragraphs": [
            "Begitu pernyataan Kantor Kepresidenan Turki setelah Presiden Recep Tayyip Erdogan "
            "melakukan panggilan telepon dengan timpalannya dari Rusia, Vladimir Putin pada "
            "Sabtu (7/11).",
            "Kedua pemimpin tersebut secara khusus melakukan panggilan telepon untuk membahas "
            "konflik Nagorno-Karabakh yang masih berlangsung dan telah memakan banyak korban "
            "jiwa.",
            "Setidaknya 1.000 orang tewas dalam hampir enam pekan pertempuran sengit di wilayah "
            "tersebut, memgutip Reuters.",
            "Dalam pernyataannya, Erdogan mengatakan Turki dan Rusia dapat bekerja sama untuk "
            "menengahi konflik tersebut dengan syarat Armenia harus mau duduk di meja "
            "perundingan.",
            "Dalam pernyataan terpisah, Kremlim mengatakan Putin telah memberi tahu Erdogan "
            "tentang panggilan teleponnya dengan para pemimpin Azerbaijan dan Armenia.",
            "Ia menambahkan dialog itu difokuskan untuk menemukan opsi penghentian permusuhan "
            "yang cepat secara politik dan diplomatik di Nagorno-Karabakh.",
            '"Kesiapan bersama untuk bekerja sama untuk mencapai resolusi damai atas konflik '
            'telah dikonfirmasi," kata Putin.',
            "Selain dua pemimpin negara, menteri luar negeri Rusia dan Turki, Sergei Lavrov dan "
            "Mevlut Cavusoglu, juga mengadakan panggulan telepon untuk membahas masalah yang "
            "sama.",
            "Sejak terjadi pada 27 September, konflik Nagorno-Karabakh kian memanas. Tiga "
            "gencatan senjata gagal menghentikan pertempuan berdarah di sana dan kedua belah "
            "pihak saling menyalahkan satu sama lain.",
            "Keterlibatan Turki di sisi Azerbaijan dan Rusia di sisi Armenia dipandang sangat "
            "penting untuk membawa kedamaian di sana.",
        ],
        "tags": ["Nagorno-Karabakh", "Armenia", "Azerbaijan", "Rusia", "Turki"],
        **({"image": image} if image else {}),
    }
