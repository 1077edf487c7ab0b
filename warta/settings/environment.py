"""Reading WARTA_* variables: each reader turns one into a setting's value or stops
start-up with one clear line (ImproperlyConfigured) naming the variable."""

import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def whole_number(name: str, default: int) -> int:
    return _parsed(name, default, int, "a whole number")


def number(name: str, default: float) -> float:
    return _parsed(name, default, float, "a number")


def _parsed(name: str, default, kind, described: str):
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return kind(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be {described}, got {value!r}") from exc


def secret(name: str) -> str:
    """The variable's value, or else the contents of the file ``{name}_FILE`` names (so
    the secret need not stand in the environment); empty when neither is set."""
    value = os.environ.get(name, "").strip()
    path = os.environ.get(f"{name}_FILE", "").strip()
    if not value and path:
        try:
            value = Path(path).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE {path!r}: {exc}") from exc
    return value


def secret_key(*, debug: bool) -> str:
    key = secret("WARTA_SECRET_KEY")
    if key:
        return key
    if debug:
        # A development-only key, regenerated per process: sessions do not survive
        # restarts, which is acceptable while WARTA_DEBUG=1 and never used in production.
        from django.core.management.utils import get_random_secret_key

        return get_random_secret_key()
    raise ImproperlyConfigured(
        "WARTA_SECRET_KEY (or WARTA_SECRET_KEY_FILE) is not set. Production mode refuses to "
        "start without a secret key; set one, or run with WARTA_DEBUG=1 for development."
    )


def database(url: str, variable: str = "WARTA_DATABASE_URL") -> dict:
    try:
        config = dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
    except Exception as exc:  # dj-database-url raises several types for bad URLs
        raise ImproperlyConfigured(f"{variable} {url!r} is not a database URL: {exc}") from exc
    if config["ENGINE"] == "django.db.backends.sqlite3":
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        config["OPTIONS"] = {
            # WAL lets readers run while a writer commits; IMMEDIATE takes the write lock
            # at BEGIN so concurrent writers queue on the busy timeout instead of failing.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON; PRAGMA cache_size=-20000; PRAGMA mmap_size=268435456;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config


def replicas(urls: str, primary: dict) -> dict[str, dict]:
    """Read replicas of the primary as aliases replica1, replica2, … in the order given."""
    replicas = {}
    for number, url in enumerate((u.strip() for u in urls.split(",") if u.strip()), start=1):
        config = database(url, "WARTA_DATABASE_REPLICA_URLS")
        if not (is_postgresql(config) and is_postgresql(primary)):
            raise ImproperlyConfigured(
                "WARTA_DATABASE_REPLICA_URLS needs PostgreSQL: WARTA_DATABASE_URL and every "
                "replica must be postgres:// URLs (streaming replicas of that primary)."
            )
        # A replica that is down should cost a reader a moment, not the page: give up
        # connecting soon and read from the primary (warta/common/db_routing.py).
        config.setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
        # Django's test runner reads a replica from the primary's test database.
        config["TEST"] = {"MIRROR": "default"}
        replicas[f"replica{number}"] = config
    return replicas


def is_postgresql(config: dict) -> bool:
    return config["ENGINE"].startswith("django.db.backends.postgresql")


def time_zone() -> str:
    name = os.environ.get("WARTA_TIME_ZONE", "Asia/Jakarta")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ImproperlyConfigured(
            f"WARTA_TIME_ZONE {name!r} is not a time zone name (e.g. Asia/Jakarta, "
            "Asia/Makassar, Asia/Jayapura)"
        ) from exc
    return name
