"""``warta import FILE.jsonl``: load articles from JSON Lines (see README, "Importing")."""

from pathlib import Path

from django.core.checks import Tags
from django.core.management.base import BaseCommand, CommandError

from warta.ingest.importer import ImportAborted, import_lines
from warta.ingest.management.reading import source_with_progress


class Command(BaseCommand):
    help = "Import articles from a JSON Lines file; importing it again updates them."
    # Only the model checks: the others (URLs, templates, security) concern serving
    # pages, and the URL check alone imports every view, a start-up cost of ~0.4 s an
    # operator would wait through on every import. ``warta check`` still runs them all.
    requires_system_checks = [Tags.models]

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="a .jsonl file, one article per line")
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="import the good lines and list the bad ones instead of importing nothing",
        )

    def handle(self, *args, file: Path, skip_invalid: bool, **options) -> None:
        with source_with_progress(file, verbosity=options["verbosity"]) as (source, progress):
            try:
                report = import_lines(
                    source,
                    skip_invalid=skip_invalid,
                    base_dir=file.resolve().parent,
                    progress=progress,
                )
            except ImportAborted as exc:
                raise CommandError(f"Nothing imported: {exc}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {report.imported} articles: "
                f"{report.created} created, {report.updated} updated"
            )
        )
        if report.skipped:
            count = len(report.skipped)
            self.stdout.write(
                self.style.WARNING(f"Skipped {count} bad line{'' if count == 1 else 's'}:")
            )
            for error in report.skipped:
                self.stdout.write(f"  {error}")
