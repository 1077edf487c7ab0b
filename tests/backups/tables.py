"""Every table's rows of a database or a backup's snapshot, to compare two of them.

SQLite files are read directly. PostgreSQL data is read as ``pg_dump`` writes it (a
``COPY`` block per table and a ``setval`` per sequence): from a dump file through
``pg_restore``, from a database through ``pg_dump``; rows are sorted, since tables
come in no fixed order.
"""

import hashlib
import sqlite3
import subprocess
from pathlib import Path


def sqlite_rows(path: Path) -> dict[str, list]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as database:
        tables = [
            row[0]
            for row in database.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        ]
        return {
            table: sorted(database.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
            for table in tables
        }


def dump_rows(dump_file: Path) -> dict[str, list]:
    return _copy_blocks(_run(["pg_restore", "--data-only", "--file=-", str(dump_file)]))


def postgres_rows(url: str) -> dict[str, list]:
    return _copy_blocks(_run(["pg_dump", "--data-only", f"--dbname={url}"]))


def file_digests(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _run(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _copy_blocks(sql: str) -> dict[str, list]:
    tables: dict[str, list] = {"sequences": []}
    current = None
    for line in sql.splitlines():
        if current is not None:
            if line == "\\.":
                tables[current].sort()
                current = None
            else:
                tables[current].append(line)
        elif line.startswith("COPY "):
            current = line.split()[1]
            tables[current] = []
        elif line.startswith("SELECT pg_catalog.setval("):
            tables["sequences"].append(line)
    tables["sequences"].sort()
    return tables
