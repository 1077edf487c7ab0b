"""``warta related``: compute the "Baca Juga" list of every live article ahead of time."""

import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from warta.related.services import articles_to_relate, related_refresh_all


class Command(BaseCommand):
    help = "Menghitung daftar Baca Juga semua berita yang terbit (berguna sesudah impor besar)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing", action="store_true", help="only articles that have no list yet"
        )

    def handle(self, *args, missing=False, **options) -> None:
        total = articles_to_relate(missing_only=missing).count()
        quiet = options["verbosity"] == 0
        done = 0
        with tqdm(
            total=total, unit=" berita", file=sys.stderr, disable=True if quiet else None
        ) as bar:
            for done in related_refresh_all(missing_only=missing):
                bar.update(done - bar.n)
        self.stdout.write(self.style.SUCCESS(f"Selesai: {done} daftar Baca Juga dihitung."))
