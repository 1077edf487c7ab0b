"""A fresh temporary folder and the environment every child process runs in.

Nothing the benchmark starts may see the developer's ./var, database, cache or
keys: every WARTA_* variable of the calling shell is dropped (the Makefile exports
WARTA_SECRET_KEY_FILE pointing at ./var) and the sandbox's own are set instead.
"""

import ctypes
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PR_SET_PDEATHSIG = 1


@dataclass
class Sandbox:
    root: Path
    var: Path
    env: dict[str, str]

    @classmethod
    def create(cls, root: Path | None = None) -> "Sandbox":
        if root is None:
            root = Path(tempfile.mkdtemp(prefix="warta-make-bench-"))
        # nginx workers run as another user when the benchmark runs as root;
        # they must be able to walk into the folder (not list it).
        root.chmod(0o711)
        return cls._in(root, root / "var")

    @classmethod
    def _in(cls, root: Path, var: Path) -> "Sandbox":
        var.mkdir(parents=True, exist_ok=True)
        runtime = root / "run"
        runtime.mkdir(mode=0o700, exist_ok=True)
        env = {key: value for key, value in os.environ.items() if not key.startswith("WARTA_")}
        env.update(
            DJANGO_SETTINGS_MODULE="warta.settings",
            # This checkout's code, whatever the venv's editable install points at.
            PYTHONPATH=os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")])),
            WARTA_VAR_DIR=str(var),
            WARTA_DATABASE_URL=f"sqlite:///{var / 'warta.sqlite3'}",
            WARTA_SECRET_KEY=secrets.token_urlsafe(50),
            WARTA_LOG_LEVEL="WARNING",
            # gunicorn puts its control socket here (default: ~/.gunicorn/gunicorn.ctl,
            # one path shared with any other gunicorn the same user runs).
            XDG_RUNTIME_DIR=str(runtime),
        )
        return cls(root, var, env)

    def sibling(self, name: str) -> "Sandbox":
        """A second, independent site (its own database and cache) in the same folder."""
        return self._in(self.root, self.root / name)

    def warta(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "warta", *args]

    def run(self, command: list[str], log_name: str) -> subprocess.CompletedProcess:
        """Run to completion; output goes to a log file, shown if the command fails."""
        log = self.root / f"{log_name}.log"
        with log.open("wb") as out:
            done = subprocess.run(
                command, env=self.env, cwd=self.root, stdout=out, stderr=subprocess.STDOUT
            )
        if done.returncode != 0:
            raise StepFailed(log_name, done.returncode, log)
        return done

    def measure(self, script: str, name: str, *args) -> dict:
        """Run a measurement script (``python SCRIPT OUT.json ARGS...``) in this sandbox
        and return the JSON it wrote; ``name`` names its log and output file."""
        out = self.root / f"{name}.json"
        self.run([sys.executable, str(Path(script).resolve()), str(out), *map(str, args)], name)
        return json.loads(out.read_text())

    def remove(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


class StepFailed(RuntimeError):
    def __init__(self, step: str, returncode: int, log: Path) -> None:
        tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
        super().__init__(f"{step} failed (exit {returncode}); end of {log}:\n{tail}")


def die_with_parent() -> None:
    """For ``preexec_fn``: the kernel stops the child if the benchmark itself is killed."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: the finally blocks still stop the servers
