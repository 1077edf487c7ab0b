"""Settings come from WARTA_* variables and fail loudly when production lacks something."""

import os
import subprocess
import sys

PRINT_DATABASE = (
    "import django; django.setup(); from django.conf import settings; "
    "d = settings.DATABASES['default']; print(d['ENGINE'], d['NAME'])"
)


def run_with(env_overrides: dict, code: str = PRINT_DATABASE) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARTA_")}
    env.update({"DJANGO_SETTINGS_MODULE": "warta.settings", **env_overrides})
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_with({"WARTA_VAR_DIR": str(tmp_path)})
    assert result.returncode != 0
    assert "WARTA_SECRET_KEY" in result.stderr
    assert "refuses to start" in result.stderr


def test_the_secret_key_may_come_from_a_file(tmp_path):
    key_file = tmp_path / "key"
    key_file.write_text("from-a-file\n")
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SECRET_KEY)"
    )
    result = run_with(
        {"WARTA_SECRET_KEY_FILE": str(key_file), "WARTA_VAR_DIR": str(tmp_path)}, code
    )
    assert result.stdout.strip() == "from-a-file"


def test_embedded_default_is_sqlite_in_var(tmp_path):
    result = run_with({"WARTA_SECRET_KEY": "k", "WARTA_VAR_DIR": str(tmp_path)})
    assert result.stdout.split() == ["django.db.backends.sqlite3", str(tmp_path / "warta.sqlite3")]


def test_database_url_selects_postgresql(tmp_path):
    result = run_with(
        {"WARTA_SECRET_KEY": "k", "WARTA_DATABASE_URL": "postgres://warta@db.example:5432/berita"}
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "berita"]


def test_a_bad_database_url_is_a_clear_error():
    result = run_with({"WARTA_SECRET_KEY": "k", "WARTA_DATABASE_URL": "nonsense://"})
    assert result.returncode != 0
    assert "WARTA_DATABASE_URL" in result.stderr


def test_sqlite_runs_in_wal_mode(tmp_path):
    code = (
        "import django; django.setup(); from django.db import connection; "
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0])"
    )
    result = run_with({"WARTA_SECRET_KEY": "k", "WARTA_VAR_DIR": str(tmp_path)}, code)
    assert result.stdout.strip() == "wal"


PRINT_ROUTING = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DATABASE_REPLICAS, settings.DATABASE_ROUTERS, "
    "[settings.DATABASES[a]['PORT'] for a in settings.DATABASE_REPLICAS], "
    "[settings.DATABASES[a]['TEST']['MIRROR'] for a in settings.DATABASE_REPLICAS])"
)


def test_replica_urls_become_replica_aliases_read_through_the_router():
    result = run_with(
        {
            "WARTA_SECRET_KEY": "k",
            "WARTA_DATABASE_URL": "postgres://warta@db1.example:5432/berita",
            "WARTA_DATABASE_REPLICA_URLS": (
                "postgres://warta@db2.example:5433/berita, postgres://warta@db3.example:5434/berita"
            ),
        },
        PRINT_ROUTING,
    )
    assert result.stdout.strip() == (
        "['replica1', 'replica2'] ['warta.common.db_routing.ReplicaRouter'] [5433, 5434] "
        "['default', 'default']"
    )


def test_without_replicas_there_is_no_router():
    result = run_with({"WARTA_SECRET_KEY": "k"}, PRINT_ROUTING)
    assert result.stdout.strip() == "[] [] [] []"


def test_replicas_need_a_postgresql_primary(tmp_path):
    result = run_with(
        {
            "WARTA_SECRET_KEY": "k",
            "WARTA_VAR_DIR": str(tmp_path),
            "WARTA_DATABASE_REPLICA_URLS": "postgres://warta@db2.example/berita",
        }
    )
    assert result.returncode != 0
    assert "WARTA_DATABASE_REPLICA_URLS needs PostgreSQL" in result.stderr


def test_a_bad_replica_url_is_a_clear_error():
    result = run_with(
        {
            "WARTA_SECRET_KEY": "k",
            "WARTA_DATABASE_URL": "postgres://warta@db1.example/berita",
            "WARTA_DATABASE_REPLICA_URLS": "nonsense://",
        }
    )
    assert result.returncode != 0
    assert "WARTA_DATABASE_REPLICA_URLS 'nonsense://' is not a database URL" in result.stderr


def test_sessions_live_in_redis_and_the_database_when_redis_is_configured(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.SESSION_ENGINE)"
    )
    embedded = run_with({"WARTA_SECRET_KEY": "k", "WARTA_VAR_DIR": str(tmp_path)}, code)
    assert embedded.stdout.strip() == "django.contrib.sessions.backends.db"
    with_redis = run_with(
        {
            "WARTA_SECRET_KEY": "k",
            "WARTA_VAR_DIR": str(tmp_path),
            "WARTA_REDIS_URL": "redis://cache.example:6379/0",
        },
        code,
    )
    assert with_redis.stdout.strip() == "django.contrib.sessions.backends.cached_db"
