"""`warta check --deploy` has nothing to say about a production configuration, and a
configuration mistake is one clear line, never a traceback."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

WARTA = str(Path(sys.executable).with_name("warta"))


def warta(tmp_path, *args: str, **variables: str) -> subprocess.CompletedProcess:
    """Run `warta` with production settings and only the WARTA_* variables given."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WARTA_")}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env["WARTA_VAR_DIR"] = str(tmp_path)
    env.update(variables)
    return subprocess.run(
        [WARTA, *args], env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path
    )


def production(**more: str) -> dict[str, str]:
    return {
        "WARTA_SECRET_KEY": secrets.token_urlsafe(50),
        "WARTA_ALLOWED_HOSTS": "warta.example",
        "WARTA_HTTPS": "1",
        "WARTA_TRUSTED_PROXY_COUNT": "1",
        **more,
    }


def test_the_deploy_checks_find_nothing_in_production_settings(tmp_path):
    # --fail-level DEBUG: any message at all, down to a debug note, fails the command.
    result = warta(tmp_path, "check", "--deploy", "--fail-level", "DEBUG", **production())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert result.stderr == ""


def test_the_deploy_checks_do_speak_up_about_a_weaker_configuration(tmp_path):
    # The same command is not silent by construction: over plain HTTP and with a weak
    # key it names what is missing.
    weaker = production(WARTA_HTTPS="0", WARTA_SECRET_KEY="geheim")
    result = warta(tmp_path, "check", "--deploy", "--fail-level", "WARNING", **weaker)
    assert result.returncode != 0
    for check in ("W004", "W008", "W009", "W012", "W016"):
        assert f"security.{check}" in result.stderr, check


def test_a_missing_secret_key_is_one_clear_line(tmp_path):
    # A core command (check), one of Warta's (serve), and --settings still honoured.
    for command in (["check"], ["serve"], ["check", "--settings", "warta.settings"]):
        result = warta(tmp_path, *command)
        assert result.returncode != 0, command
        assert result.stdout == "", command
        assert result.stderr.count("\n") == 1, (command, result.stderr)
        assert result.stderr.startswith("warta: WARTA_SECRET_KEY (or WARTA_SECRET_KEY_FILE)")
    # Help still lists what it can, with the reason it cannot list more.
    result = warta(tmp_path, "help")
    assert "Traceback" not in result.stdout + result.stderr
    assert "WARTA_SECRET_KEY" in result.stdout


def test_other_configuration_mistakes_are_one_clear_line_too(tmp_path):
    key = {"WARTA_SECRET_KEY": secrets.token_urlsafe(50)}
    for variables, named in (
        ({**key, "WARTA_WORKERS": "dua"}, "WARTA_WORKERS"),
        ({**key, "WARTA_DATABASE_URL": "nonsense://"}, "WARTA_DATABASE_URL"),
        ({**key, "WARTA_TIME_ZONE": "WIB"}, "WARTA_TIME_ZONE"),
        ({**key, "WARTA_TIME_ZONE": "../../etc/passwd"}, "WARTA_TIME_ZONE"),
        ({**key, "WARTA_HTTPS": "1"}, "WARTA_TRUSTED_PROXY_COUNT"),
        ({"WARTA_SECRET_KEY_FILE": str(tmp_path / "tidak-ada")}, "WARTA_SECRET_KEY_FILE"),
    ):
        result = warta(tmp_path, "check", **variables)
        assert result.returncode != 0, variables
        assert result.stderr.count("\n") == 1, (variables, result.stderr)
        assert result.stderr.startswith("warta: ") and named in result.stderr, variables
