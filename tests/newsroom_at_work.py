"""A newsroom's content and its editors at work, through the desk's own services.

``seed()`` makes content with everything an article can have: every workflow status
(scheduled and withdrawn too), lead photos with stored files, one without a file and
articles without any, tags in the order editors gave them, Ralat and Hak Jawab,
several revisions, view counts. Tests call it in-process, or in an installation of
their own (``tests/installations.py``) as a program:

    python -m tests.newsroom_at_work seed
    python -m tests.newsroom_at_work work STOP_FILE LOG_FILE

``work`` keeps one thread saving (edits, new articles with freshly uploaded photos,
corrections) and another reading, until STOP_FILE exists. Every save is logged once it
has committed, as a JSON line ``{"id", "version", "at"}``; the last line is a summary
``{"saves", "reads", "errors"}``.
"""

import json
import random
import sys
import threading
import time
import traceback
from datetime import timedelta
from io import BytesIO
from pathlib import Path

SECTIONS = ("Politik", "Ekonomi", "Olahraga")
REPORTERS = ("Sarah Meiliana Gunawan", "Bambang Wicaksono")
TAGS = ("Pemilu", "KPU", "Banjir", "Timnas", "Inflasi")


def picture(seed: int, size=(640, 400)) -> bytes:
    """A JPEG unlike any other seed's."""
    from PIL import Image

    rng = random.Random(seed)
    image = Image.new("RGB", size, tuple(rng.randrange(256) for _ in range(3)))
    for _ in range(12):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        image.paste(tuple(rng.randrange(256) for _ in range(3)), (x, y, x + 60, y + 40))
    out = BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


def seed() -> None:
    from django.utils import timezone

    from tests.desk.people import make_user
    from tests.factories import make_photo, make_reporter, make_section, make_tag
    from warta.audience.counters import hour_of, set_views
    from warta.desk.roles import EDITOR
    from warta.desk.services.corrections import article_correct
    from warta.desk.services.editing import article_save
    from warta.desk.services.transitions import (
        article_approve,
        article_publish,
        article_schedule,
        article_submit,
        article_withdraw,
    )
    from warta.newsroom.models import Article
    from warta.newsroom.photos import photo_create

    editor = make_user(EDITOR, "redaktur")
    sections = [make_section(name) for name in SECTIONS]
    reporters = [make_reporter(name) for name in REPORTERS]
    tags = [make_tag(name) for name in TAGS]
    photos = [
        photo_create(
            image_bytes=picture(n),
            filename=f"foto-{n}.jpg",
            caption=f"Keterangan foto {n}",
            credit="Antara" if n % 2 else "Reuters",
            alt_text=f"Gambar nomor {n}" if n % 3 else "",
        )
        for n in range(4)
    ]
    photos.append(make_photo(caption="Foto tanpa berkas", credit="Net"))
    now = timezone.now()

    def write(n: int, photo) -> Article:
        saved = article_save(
            article=Article(),
            actor=editor,
            data={
                "title": f"Berita ke-{n}: banjir & “pemilu” di Jakarta",
                "slug": f"berita-ke-{n}",
                "lead": f"Teras berita ke-{n}.",
                "body": f'<p>Isi <strong>berita</strong> ke-{n}.</p><p><a href="https://example.org/{n}">tautan</a></p>',
                "section": sections[n % len(sections)],
                "reporter": reporters[n % len(reporters)],
                "lead_photo": photo,
                "published_at": now - timedelta(days=n, minutes=n),
            },
            # Editors' order, not the alphabet's.
            tags=[tags[(n + k) % len(tags)] for k in range(n % 3, -1, -1)],
        )
        return saved.article

    articles = [write(n, photos[n % len(photos)] if n % 4 else None) for n in range(12)]
    draft, submitted, ready, scheduled, withdrawn, *published = articles
    article_submit(article=submitted, actor=editor)
    for article in (ready, scheduled, withdrawn, *published):
        article_submit(article=article, actor=editor)
        article_approve(article=article, actor=editor)
    article_schedule(article=scheduled, actor=editor, when=now + timedelta(days=2))
    for article in (withdrawn, *published):
        article_publish(article=article, actor=editor)
    article_withdraw(article=withdrawn, actor=editor, note="Salah orang")
    corrected = published[0]
    article_correct(
        article=corrected, actor=editor, kind="ralat", body="<p>Nama saksi yang benar: Budi.</p>"
    )
    article_correct(
        article=corrected, actor=editor, kind="hak_jawab", body="<p>Tanggapan PT Maju.</p>"
    )
    for version in range(2):  # two more saves: more revisions
        current = Article.objects.get(pk=published[1].pk)
        article_save(
            article=current,
            actor=editor,
            data={"lead": f"Teras yang diperbarui ({version})."},
            base_version=current.version,
        )
    set_views(
        (article.pk, hour_of(article.published_at), 40 + n) for n, article in enumerate(published)
    )


def work(stop: Path, log: Path) -> None:
    """Save and read until ``stop`` exists (see the module docstring)."""
    errors: list[str] = []
    counts = {"saves": 0, "reads": 0}
    lock = threading.Lock()

    def guarded(name, step):
        from django.db import close_old_connections

        while not stop.exists():
            try:
                step()
            except Exception:
                with lock:
                    errors.append(f"{name}: {traceback.format_exc(limit=3)}")
            close_old_connections()

    saver = _Saver(log, lock, counts)
    reader = _Reader(counts, lock)
    threads = [
        threading.Thread(target=guarded, args=("save", saver.step)),
        threading.Thread(target=guarded, args=("read", reader.step)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with log.open("a") as out:
        out.write(json.dumps({**counts, "errors": errors}) + "\n")


class _Saver:
    def __init__(self, log: Path, lock: threading.Lock, counts: dict) -> None:
        from django.contrib.auth.models import User

        self.log = log
        self.lock = lock
        self.counts = counts
        self.editor = User.objects.get(username="redaktur")
        self.rng = random.Random(7)
        self.n = 0

    def step(self) -> None:
        from django.utils import timezone

        from warta.desk.services.corrections import article_correct
        from warta.desk.services.editing import article_save
        from warta.desk.services.transitions import (
            article_approve,
            article_publish,
            article_submit,
        )
        from warta.newsroom.models import Article, Section
        from warta.newsroom.photos import photo_create

        self.n += 1
        if self.n % 5 == 0:  # a new story with a photo uploaded right now
            photo = photo_create(
                image_bytes=picture(1000 + self.n),
                filename=f"baru-{self.n}.jpg",
                caption=f"Foto baru {self.n}",
                credit="Warta",
            )
            article = article_save(
                article=Article(),
                actor=self.editor,
                data={
                    "title": f"Kabar baru {self.n}",
                    "slug": f"kabar-baru-{self.n}",
                    "lead": "Teras.",
                    "body": f"<p>Kabar baru nomor {self.n}.</p>",
                    "section": Section.objects.order_by("pk").first(),
                    "reporter": Article.objects.order_by("pk").first().reporter,
                    "lead_photo": photo,
                    "published_at": timezone.now(),
                },
                tags=list(Article.objects.order_by("pk").first().tags.all()),
            ).article
            for publish_step in (article_submit, article_approve, article_publish):
                article = publish_step(article=article, actor=self.editor)
        elif self.n % 7 == 0:
            live = Article.objects.published().order_by("?").first()
            article_correct(
                article=live, actor=self.editor, kind="ralat", body=f"<p>Ralat {self.n}.</p>"
            )
            article = live
        else:
            article = Article.objects.order_by("?").first()
            article = article_save(
                article=article,
                actor=self.editor,
                data={"body": f"<p>Suntingan ke-{self.n}.</p>"},
                base_version=article.version,
            ).article
        version = Article.objects.filter(pk=article.pk).values_list("version", flat=True).get()
        with self.lock:
            self.counts["saves"] += 1
            with self.log.open("a") as out:
                out.write(json.dumps({"id": article.pk, "version": version, "at": time.time()}))
                out.write("\n")


class _Reader:
    def __init__(self, counts: dict, lock: threading.Lock) -> None:
        self.counts = counts
        self.lock = lock

    def step(self) -> None:
        from warta.newsroom.models import Article
        from warta.search.selectors import search_articles

        listed = list(Article.objects.published().latest_first().for_listing()[:20])
        if listed:
            Article.objects.get(pk=listed[0].pk).body  # noqa: B018 (a page's read)
        search_articles(query="banjir")
        with self.lock:
            self.counts["reads"] += 1


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings")
    django.setup()
    if sys.argv[1] == "seed":
        seed()
    elif sys.argv[1] == "work":
        work(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        raise SystemExit(f"unknown action {sys.argv[1]!r}")
