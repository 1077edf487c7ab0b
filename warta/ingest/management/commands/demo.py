"""``warta demo``: fill the site with realistic Indonesian demo news.

The records come from ``warta.ingest.demo`` and go through the importer like any
JSON Lines import, so the demo exercises the real path (photos and renditions,
tags, historical view counts for Populer). Running it again with the same seed
updates the same articles rather than adding more.
"""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm

from warta.common.dates import site_zone
from warta.ingest.demo import REPORTERS, SECTIONS, demo_records, ensure_image_pool
from warta.ingest.importer import ImportAborted, import_records
from warta.newsroom.models import Article, Reporter, Section

MAX_ARTICLES = 1_000_000


class Command(BaseCommand):
    help = (
        "Create demo articles (sections, reporters, photos, tags, view counts); "
        "the same seed gives the same articles."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--articles", type=int, default=1_500, help="how many articles (default 1,500)"
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing if the database already holds any article",
        )
        parser.add_argument("--seed", type=int, default=0, help="vary the content (default 0)")

    def handle(self, *args, articles: int, if_empty: bool, seed: int, **options) -> None:
        if not 1 <= articles <= MAX_ARTICLES:
            raise CommandError(f"--articles must be between 1 and {MAX_ARTICLES:,}")
        if if_empty and Article.objects.exists():
            self.stdout.write("The database already has articles; no demo content added.")
            return
        folder = settings.VAR_DIR / "demo-images"
        images = ensure_image_pool(folder)
        records = demo_records(
            articles,
            seed=seed,
            now=timezone.now(),
            zone=site_zone(),
            image_names=[path.name for path in images],
        )
        quiet = options["verbosity"] == 0
        with tqdm(
            total=articles, unit=" berita", file=sys.stderr, disable=True if quiet else None
        ) as bar:
            try:
                report = import_records(records, base_dir=folder, progress=bar.update)
            except ImportAborted as exc:  # a bug in the generator, not the user's fault
                raise CommandError(f"Demo content rejected by the importer: {exc}") from None
        _describe_newsroom()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {report.created} articles created, {report.updated} updated."
            )
        )


@transaction.atomic
def _describe_newsroom() -> None:
    """What a record cannot carry: the navigation order and the reporters' bios."""
    for position, (name, description) in enumerate(SECTIONS, start=1):
        Section.objects.filter(name=name).update(position=position, description=description)
    for name, _section, bio in REPORTERS:
        Reporter.objects.filter(name=name).update(bio=bio)
