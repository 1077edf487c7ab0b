"""Opening an import's source file for the commands: clear errors, a progress bar."""

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from django.core.management.base import CommandError
from tqdm import tqdm

# Below this size an import is over before a progress bar would tell anything.
PROGRESS_MIN_BYTES = 1_000_000


@contextmanager
def source_with_progress(
    file: Path, *, verbosity: int
) -> Iterator[tuple[BinaryIO, Callable[[int], object]]]:
    """``file`` opened for reading, and the callback that advances a byte progress bar
    on stderr (silent at verbosity 0 or for small files)."""
    try:
        source = file.open("rb")
        size = file.stat().st_size
    except FileNotFoundError:
        raise CommandError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{file}: is a folder, not a file") from None
    except OSError as exc:
        raise CommandError(f"{file}: cannot be read ({exc.strerror})") from None
    quiet = verbosity == 0 or size < PROGRESS_MIN_BYTES
    with (
        source,
        tqdm(
            total=size, unit="B", unit_scale=True, file=sys.stderr, disable=True if quiet else None
        ) as bar,
    ):
        yield source, bar.update
