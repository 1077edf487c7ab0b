"""``warta import-wordpress FILE.xml``: move a WordPress site's posts into Warta.

Django names a command after its module file, and imports it with
``importlib.import_module``, which accepts a hyphen in a module name (as it accepts
``import.py`` beside this file), so the file's name is the command's name.
"""

from pathlib import Path

from django.core.checks import Tags
from django.core.management.base import BaseCommand, CommandError

from warta.ingest.management.reading import source_with_progress
from warta.ingest.wordpress import WxrError, import_wordpress


class Command(BaseCommand):
    help = (
        "Import posts, categories, tags, authors and featured-image references from a "
        "WordPress export (WXR); old addresses answer 301. Importing it again updates."
    )
    # Only the model checks: the others (URLs, templates, security) concern serving
    # pages, and the URL check alone imports every view, a start-up cost of ~0.4 s an
    # operator would wait through on every import. ``warta check`` still runs them all.
    requires_system_checks = [Tags.models]

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="the .xml file from Tools → Export")

    def handle(self, *args, file: Path, **options) -> None:
        with source_with_progress(file, verbosity=options["verbosity"]) as (source, progress):
            try:
                report = import_wordpress(source, progress=progress)
            except WxrError as exc:
                raise CommandError(f"Nothing imported: {file}: {exc}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {report.imported} posts from {report.site or 'the export'}: "
                f"{report.created} created, {report.updated} updated"
            )
        )
        self.stdout.write(
            f"Featured images: {report.featured_images} articles linked to "
            f"{report.images} recorded attachments (files not copied)"
        )
        if report.skipped:
            kinds = ", ".join(f"{count} {kind}" for kind, count in sorted(report.skipped.items()))
            self.stdout.write(f"Not imported: {kinds}")
