"""One Warta installation on the private pair: its environment, commands and app servers."""

import json
import os
import subprocess
import sys
from pathlib import Path

from .servers import AppServer, PostgresPair

DATABASE = "warta"


def warta_env(pair: PostgresPair, **overrides: str) -> dict[str, str]:
    """An app server's environment: the pair as primary and replica, nothing inherited."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARTA_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return {
        **env,
        "WARTA_SECRET_KEY": "production-mode-tests",
        "WARTA_ALLOWED_HOSTS": "127.0.0.1",
        "WARTA_DATABASE_URL": pair.primary.url(DATABASE),
        "WARTA_DATABASE_REPLICA_URLS": pair.standby.url(DATABASE),
        **overrides,
    }


def warta_command(pair: PostgresPair, *args: str, stdin: str = "") -> str:
    result = subprocess.run(
        [sys.executable, "-m", "warta", *args],
        env={**warta_env(pair), "WARTA_VAR_DIR": os.environ["WARTA_VAR_DIR"]},
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise RuntimeError(f"warta {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def import_articles(pair: PostgresPair, folder: Path, *records: dict) -> None:
    """Articles through ``warta import`` (on the primary: a command has no request)."""
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    warta_command(pair, "import", str(path))


def app_servers(env: dict[str, str], folder: Path, count: int = 1) -> list[AppServer]:
    """``count`` app servers started side by side; the caller stops them."""
    servers = [AppServer(env, folder / f"server{n}") for n in range(1, count + 1)]
    try:
        for server in servers:
            server.wait_until_serving()
    except BaseException:
        for server in servers:
            server.stop()
        raise
    return servers
