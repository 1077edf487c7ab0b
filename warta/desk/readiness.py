"""The ready-to-publish check: what readers, Google News and the law need.

Problems marked ``blocking`` stop publishing with their reason; the rest are warnings
shown beside the publish button.
"""

import re
from dataclasses import dataclass

from warta.newsroom.models import Article

from .body_links import site_links

HEADLINE_MAX = 110
LEAD_PHOTO_MIN_WIDTH = 1200
_EMPTY_PARAGRAPH = re.compile(r"<p>(\s|&nbsp;|<br\s*/?>)*</p>", re.IGNORECASE)


@dataclass(frozen=True)
class Problem:
    message: str
    blocking: bool


def problems(article: Article, tag_count: int | None = None) -> list[Problem]:
    found: list[Problem] = []

    def block(message: str) -> None:
        found.append(Problem(message, True))

    def warn(message: str) -> None:
        found.append(Problem(message, False))

    if not article.title.strip():
        block("Judul belum diisi.")
    elif len(article.title) > HEADLINE_MAX:
        block(f"Judul {len(article.title)} karakter; paling banyak {HEADLINE_MAX}.")
    if not article.section_id:
        block("Rubrik belum dipilih.")
    if not article.reporter_id:
        block("Wartawan belum dipilih.")
    tags = tag_count if tag_count is not None else (article.tags.count() if article.pk else 0)
    if tags < 1:
        block("Belum ada tag; tambahkan setidaknya satu.")
    photo = article.lead_photo
    if photo is None:
        warn("Belum ada foto utama.")
    else:
        if not photo.caption.strip():
            block("Foto utama belum berketerangan.")
        if not photo.credit.strip():
            block("Foto utama belum mencantumkan kredit.")
        if not photo.image:
            warn("Foto utama belum punya berkas gambar.")
        elif (photo.width or 0) < LEAD_PHOTO_MIN_WIDTH:
            warn(
                f"Foto utama {photo.width} px; Google News menyarankan ≥ {LEAD_PHOTO_MIN_WIDTH} px."
            )
        if not (photo.alt_text or "").strip():
            warn("Foto utama belum punya teks alternatif (alt).")
    if not article.lead.strip():
        warn("Teras berita belum diisi.")
    if not article.body.strip():
        block("Isi berita masih kosong.")
    elif _EMPTY_PARAGRAPH.search(article.body):
        block("Ada paragraf kosong di isi berita.")
    links = site_links(article.body)
    if links.previews:
        block(
            "Ada tautan pratinjau di isi berita; pembaca tidak bisa membukanya setelah "
            "tautan itu kedaluwarsa. Ganti dengan alamat berita yang sudah terbit."
        )
    linked = links.article_ids - ({article.pk} if article.pk else set())
    if linked:
        live = {
            a.pk
            for a in Article.objects.filter(pk__in=linked).only("status", "published_at")
            if a.is_live
        }
        if linked - live:
            ids = ", ".join(str(pk) for pk in sorted(linked - live))
            block(f"Ada tautan ke berita yang belum terbit (id {ids}).")
    return found


def blocking(article: Article, tag_count: int | None = None) -> list[Problem]:
    return [p for p in problems(article, tag_count) if p.blocking]
