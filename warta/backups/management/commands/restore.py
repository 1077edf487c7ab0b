"""``warta restore DIR``: bring a fresh install back to a backup's state (README,
"Backups")."""

from pathlib import Path

from django.core.checks import Tags
from django.core.management.base import BaseCommand, CommandError

from warta.backups.manifest import BackupError
from warta.backups.restoring import backup_restore


class Command(BaseCommand):
    help = (
        "Restore the database and media files from a backup made by `warta backup`, into "
        "a fresh install (stop the site first)."
    )
    requires_system_checks = [Tags.models]

    def add_arguments(self, parser) -> None:
        parser.add_argument("folder", type=Path, metavar="DIR", help="a backup's folder")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace a database and media folder that already hold content",
        )

    def handle(self, *args, folder: Path, force: bool, **options) -> None:
        say = self.stdout.write if options["verbosity"] >= 2 else (lambda _: None)
        try:
            report = backup_restore(folder, force=force, say=say)
        except BackupError as exc:
            raise CommandError(f"Nothing restored: {exc}") from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {report.manifest.created_at} "
                f"(Warta {report.manifest.warta_version}, {len(report.manifest.files)} files)"
            )
        )
        if report.pending_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"{len(report.pending_migrations)} migrations are newer than the backup: "
                    "run `warta migrate`"
                )
            )
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(warning))
