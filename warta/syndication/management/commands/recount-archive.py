"""`warta recount-archive`: count every month's live articles again (the sitemaps' index).

The desk and the importers keep the stored counts current. Articles written any other
way (a shell, a script, a restored backup) or a new WARTA_TIME_ZONE leave them behind;
this repairs them.
"""

from django.core.management.base import BaseCommand

from warta.syndication.archive import archive_recount_all
from warta.syndication.models import ArchiveMonth


class Command(BaseCommand):
    help = "Count every month's published articles again for the sitemap index."

    def handle(self, *args, **options):
        archive_recount_all()
        months = ArchiveMonth.objects.filter(articles__gt=0).count()
        self.stdout.write(f"Bulan arsip dihitung ulang: {months} bulan berisi berita.")
