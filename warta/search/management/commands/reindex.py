"""``warta reindex``: rebuild the search index from every live article."""

from django.core.management.base import BaseCommand

from warta.newsroom.models import Article
from warta.search.indexing import rebuild_index
from warta.search.models import SearchDocument


class Command(BaseCommand):
    help = "Membangun ulang indeks pencarian dari semua berita yang terbit atau terjadwal."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty", action="store_true", help="only when the index has no documents yet"
        )

    def handle(self, *args, if_empty=False, **options) -> None:
        if if_empty and SearchDocument.objects.exists():
            self.stdout.write("Indeks pencarian sudah terisi; tidak ada yang dikerjakan.")
            return
        total = Article.objects.filter(status__in=Article.LIVE_STATUSES).count()
        done = 0
        for done in rebuild_index():
            self.stdout.write(f"{done}/{total} berita diindeks")
        self.stdout.write(self.style.SUCCESS(f"Selesai: {done} berita diindeks."))
