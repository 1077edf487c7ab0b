"""``warta import``: wall-clock rate and peak memory of the command as an operator runs it.

The timing includes the command's start-up (Python, Django), as an operator sees it.
Peak RSS comes from wait4() on that one child, so the earlier ``migrate`` does not
count. Importing half of the file too shows whether memory grows with the file
(the importer streams in batches, so it should not). Half, not a tenth: SQLite's
page cache (PRAGMA cache_size, 20 MB in settings) fills during the first few
thousand articles and then stays put, so a small sample would show its growth,
not the importer's.
"""

import os
import re
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from sandbox import Sandbox, StepFailed


@dataclass(frozen=True)
class ImportRun:
    articles: int
    seconds: float
    peak_rss_bytes: int
    # User + system CPU time of the command: what it cost, whatever else the machine ran.
    cpu_seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.articles / self.seconds


def migrate(sandbox: Sandbox, log_name: str = "migrate") -> None:
    sandbox.run(sandbox.warta("migrate", "--noinput", "--verbosity", "0"), log_name)


def timed_import(
    sandbox: Sandbox,
    jsonl: Path,
    log_name: str = "import",
    *,
    command: str = "import",
    counted: str = r"Imported (\d+) articles",
) -> ImportRun:
    """Run ``warta <command> FILE``; ``counted`` finds the number imported in its output."""
    log = sandbox.root / f"{log_name}.log"
    with log.open("wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(
            sandbox.warta(command, str(jsonl)),
            env=sandbox.env,
            cwd=sandbox.root,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            proc.kill()
            proc.wait()
            raise
        seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise StepFailed(log_name, proc.returncode, log)
    found = re.search(counted, log.read_text(errors="replace"))
    if not found:
        raise StepFailed(log_name, 0, log)
    # ru_maxrss is in KiB on Linux.
    return ImportRun(
        int(found.group(1)), seconds, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime
    )


def startup_seconds(sandbox: Sandbox) -> float:
    """What any ``warta`` command costs before it does anything (best of two)."""
    best = float("inf")
    for _ in range(2):
        started = time.perf_counter()
        sandbox.run(sandbox.warta("import", "--help"), "startup")
        best = min(best, time.perf_counter() - started)
    return best


def first_lines(source: Path, target: Path, count: int) -> Path:
    with source.open("rb") as lines, target.open("wb") as out:
        for number, line in enumerate(lines):
            if number >= count:
                break
            out.write(line)
    return target
