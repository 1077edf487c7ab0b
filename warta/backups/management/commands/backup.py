"""``warta backup DIR``: a consistent backup of the running site (README, "Backups")."""

import time
from pathlib import Path

from django.core.checks import Tags
from django.core.management.base import BaseCommand, CommandError

from warta.backups.creating import backup_create
from warta.backups.manifest import BackupError


class Command(BaseCommand):
    help = (
        "Back up the database (a consistent snapshot, while the site serves and editors "
        "save) and the media files into DIR, a new or empty folder."
    )
    requires_system_checks = [Tags.models]

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", type=Path, metavar="DIR", help="a new or empty folder")

    def handle(self, *args, folder: Path, **options) -> None:
        started = time.monotonic()
        say = self.stdout.write if options["verbosity"] >= 2 else (lambda _: None)
        try:
            manifest = backup_create(folder, say=say)
        except BackupError as exc:
            raise CommandError(f"No backup made: {exc}") from None
        size = sum(entry.size for entry in manifest.files)
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup of {manifest.created_at} in {folder}: {len(manifest.files)} files, "
                f"{size / 1_000_000:.1f} MB, {time.monotonic() - started:.1f} s"
            )
        )
        self.stdout.write(f"View counts: {manifest.views}")
