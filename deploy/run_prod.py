"""`make run-prod`: Warta's production stack on one machine, for trying it.

PostgreSQL and Redis are the machine's own (WARTA_DATABASE_URL, WARTA_REDIS_URL, by
default the local ones below); the database is created when missing. Then the
usual first steps (migrate, demo content and search index when empty, static files),
nginx's configuration written into $WARTA_VAR_DIR/nginx from the shipped template,
and honcho runs deploy/Procfile: gunicorn, the beacon service, the view-count worker
and nginx in front, all in the foreground and stopped together by Ctrl+C.
"""

import argparse
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# The machine's own PostgreSQL and Redis, unless WARTA_DATABASE_URL / WARTA_REDIS_URL say.
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/warta"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--listen", default="127.0.0.1:8080", help="nginx's address")
    args = parser.parse_args()
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")
    if nginx is None:
        return _fail("nginx is not installed (Debian: sudo apt-get install nginx-light)")
    env = _environment(args.listen)
    try:
        _create_database(env["WARTA_DATABASE_URL"])
        _check_redis(env["WARTA_REDIS_URL"])
    except Exception as exc:  # whatever it is, the operator fixes it: say what, no trace
        return _fail(str(exc))
    public_url = f"http://{args.listen}"
    steps = [
        ["migrate", "--noinput"],
        ["demo", "--if-empty"],
        ["reindex", "--if-empty"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
        [
            "nginx-config",
            "--public-url", public_url,
            "--listen", args.listen,
            "--upstream", env["WARTA_BIND"],
            "--beacon-upstream", env["WARTA_BEACON_BIND"],
            "--access-log", "/dev/stdout",
            "--standalone", str(Path(env["WARTA_VAR_DIR"]) / "nginx"),
        ],
    ]  # fmt: skip
    for step in steps:
        if subprocess.run([str(BIN / "warta"), *step], env=env).returncode != 0:
            return _fail(f"warta {step[0]} failed")
    print(f"\nWarta (production mode) at {public_url}/ through nginx; Ctrl+C stops it all.\n")
    honcho = str(BIN / "honcho")
    os.execve(honcho, [honcho, "-f", str(REPO / "deploy" / "Procfile"), "start"], env)


def _environment(listen: str) -> dict[str, str]:
    env = dict(os.environ)
    var = Path(env.get("WARTA_VAR_DIR") or REPO / "var").resolve()
    var.mkdir(parents=True, exist_ok=True)
    secret_file = var / "cache_refresh_secret"
    if not secret_file.exists():
        secret_file.write_text(secrets.token_urlsafe(32) + "\n")
        secret_file.chmod(0o600)
    host = listen.rpartition(":")[0] or "127.0.0.1"
    env.update(
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
        WARTA_DATABASE_URL=env.get("WARTA_DATABASE_URL") or DEFAULT_DATABASE_URL,
        WARTA_REDIS_URL=env.get("WARTA_REDIS_URL") or DEFAULT_REDIS_URL,
        WARTA_VAR_DIR=str(var),
        WARTA_BIND=env.get("WARTA_BIND") or "127.0.0.1:8000",
        WARTA_BEACON_BIND=env.get("WARTA_BEACON_BIND") or "127.0.0.1:8001",
        # nginx serves static files and media, and is the one proxy in front.
        WARTA_SERVE_MEDIA="0",
        WARTA_TRUSTED_PROXY_COUNT="1",
        WARTA_CACHE_NODES=f"http://{listen}",
        WARTA_CACHE_REFRESH_SECRET_FILE=str(secret_file),
        WARTA_ALLOWED_HOSTS=env.get("WARTA_ALLOWED_HOSTS") or f"{host},localhost,127.0.0.1",
    )
    env.pop("WARTA_CACHE_REFRESH_SECRET", None)
    return env


def _create_database(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("postgres", "postgresql"):
        raise ValueError(f"WARTA_DATABASE_URL must be a postgres:// URL, not {url!r}")
    import psycopg
    from psycopg import sql

    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True, connect_timeout=5) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            print(f"Creating the database {name} ...")
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def _check_redis(url: str) -> None:
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=5).ping()
    except redis.exceptions.RedisError as exc:
        raise RuntimeError(f"Redis at WARTA_REDIS_URL does not answer: {exc}") from exc


def _fail(message: str) -> int:
    print(f"run-prod: {message}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
