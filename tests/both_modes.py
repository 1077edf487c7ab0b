"""``make test`` when WARTA_TEST_DATABASE_URL names a PostgreSQL: both passes at once.

The suite runs in the embedded default (SQLite, browsers included) and again in
production mode (PostgreSQL and Redis, browsers left out). Each pass keeps one core
busy, and the machines Warta is tested on have two, so the passes run side by side:
the embedded one on the terminal, the PostgreSQL one into a log printed after it.
They share nothing: the embedded pass gets the Redis database next to the tests' own
(each pass flushes its database around every test) and its own temporary folder.
"""

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def main() -> int:
    database = os.environ["WARTA_TEST_DATABASE_URL"]
    embedded = {k: v for k, v in os.environ.items() if k != "WARTA_TEST_DATABASE_URL"}
    if os.environ.get("WARTA_TEST_REDIS_URL"):
        embedded["WARTA_TEST_REDIS_URL"] = neighbour_database(os.environ["WARTA_TEST_REDIS_URL"])
    scratch = Path(tempfile.mkdtemp(prefix="warta-make-test-"))
    log = scratch / "postgresql.log"
    pytest = [sys.executable, "-m", "pytest"]
    with log.open("wb") as out:
        production = subprocess.Popen(
            [*pytest, "-m", "not browser", f"--basetemp={scratch / 'postgresql'}"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            print("== embedded default (SQLite), browsers included ==", flush=True)
            first = subprocess.run([*pytest, f"--basetemp={scratch / 'embedded'}"], env=embedded)
            second = production.wait()
        except BaseException:
            production.kill()
            raise
    print(f"\n== the same suite on {database}, browsers left out ==", flush=True)
    sys.stdout.write(log.read_text(errors="replace"))
    print(f"(this log: {log})")
    return first.returncode or second


def neighbour_database(url: str) -> str:
    """The same Redis with the database number next to the one ``url`` names."""
    parts = urlsplit(url)
    number = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{number - 1 if number > 0 else number + 1}"))


if __name__ == "__main__":
    sys.exit(main())
