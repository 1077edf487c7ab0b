"""``warta export FILE.jsonl``: every article as ``warta import`` reads it (README,
"Exporting articles"); ``-`` writes the lines to standard output."""

import os
import sys
import tempfile
from pathlib import Path

from django.core.checks import Tags
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from warta.ingest.export import export_articles
from warta.ingest.export_pictures import PictureFolder
from warta.newsroom.models import Article

PICTURE_FOLDER = "images"


class Command(BaseCommand):
    help = (
        "Write every article as JSON Lines in the import schema, with its status, "
        "revision count and corrections; lead photos are copied into images/ beside it."
    )
    requires_system_checks = [Tags.models]  # as ``warta import``: no URL or template checks

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", help="the .jsonl file to write, or - for standard output")
        parser.add_argument(
            "--no-images",
            action="store_true",
            help="leave the pictures out (captions and credits are still written)",
        )

    def handle(self, *args, file: str, no_images: bool, **options) -> None:
        to_stdout = file == "-"
        # Pictures go beside the file; standard output has no place, so the current folder.
        base = Path.cwd() if to_stdout else Path(file).resolve().parent
        if not to_stdout and not base.is_dir():
            raise CommandError(f"{file}: the folder {base} does not exist")
        if not to_stdout and Path(file).is_dir():
            raise CommandError(f"{file}: is a folder, not a file")
        pictures = None if no_images else PictureFolder(base / PICTURE_FOLDER, base)
        bar = tqdm(
            total=Article.objects.count(),
            unit=" articles",
            file=sys.stderr,
            disable=True if options["verbosity"] == 0 else None,
        )
        try:
            with bar:
                if to_stdout:
                    report = export_articles(
                        lambda text: self.stdout.write(text, ending=""),
                        pictures=pictures,
                        progress=bar.update,
                    )
                else:
                    report = self._to_file(Path(file), base, pictures, bar.update)
        finally:
            if pictures is not None:
                pictures.close()
        notes = self.stderr if to_stdout else self.stdout
        copied = f", {pictures.copied} pictures in {PICTURE_FOLDER}/" if pictures else ""
        notes.write(f"Exported {report.articles} articles{copied}", style_func=self.style.SUCCESS)
        if pictures and pictures.missing:
            self.stderr.write(f"{len(pictures.missing)} pictures are missing from the media folder")
            for name in pictures.missing[:20]:
                self.stderr.write(f"  {name}")
        if report.refused:
            self.stderr.write(f"{report.refused} lines `warta import` would refuse, e.g.:")
            for problem in report.refused_examples[:20]:
                self.stderr.write(f"  {problem}")

    @staticmethod
    def _to_file(path: Path, base: Path, pictures, progress):
        """Written beside the target and renamed at the end: an export that fails or is
        stopped leaves no half file under the name, nor changes one already there."""
        descriptor, name = tempfile.mkstemp(dir=base, suffix=".part")
        try:
            with open(descriptor, "w", encoding="utf-8", newline="\n") as part:
                report = export_articles(part.write, pictures=pictures, progress=progress)
                part.flush()
                os.fsync(part.fileno())
            os.replace(name, path)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
        return report
