"""Servers the tests start for themselves: on free local ports, in their own process
groups, stopped by their own PIDs (never by name), with their output in a log file.

``own_redis`` is a redis-server of the test's own in a temporary folder, so a test can
make Redis go away (kill it) without touching the machine's Redis.
"""

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

READY_TIMEOUT = 60
STOP_TIMEOUT = 15


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def require_binary(name: str, package: str) -> str:
    """The binary's path; skips (fails when CI requires services) when it is absent."""
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin")
    if found is None:
        reason = f"{name} is not installed (Debian: apt-get install {package})"
        if os.environ.get("WARTA_REQUIRE_SERVICES"):
            pytest.fail(reason + "; CI requires it")
        pytest.skip(reason)
    return found


class Server:
    def __init__(self, command: list[str], log: Path, env: dict | None = None, cwd=None):
        self.command = command
        self.log = log
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                command,
                env=env,
                cwd=cwd,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    @property
    def pid(self) -> int:
        return self.process.pid

    def wait_for_http(self, url: str) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            self._check_alive()
            try:
                with urllib.request.urlopen(url, timeout=5):
                    return
            except urllib.error.HTTPError:
                return  # it answers, whatever it answers
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"{self.command[0]} did not answer {url}; see {self.log}")

    def wait_for_port(self, port: int) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            self._check_alive()
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError(f"{self.command[0]} did not listen on {port}; see {self.log}")

    def _check_alive(self) -> None:
        if self.process.poll() is not None:
            tail = self.log.read_text(errors="replace")[-3000:]
            raise RuntimeError(f"{self.command[0]} exited with {self.process.returncode}:\n{tail}")

    def kill(self) -> None:
        """SIGKILL, as a crash: no chance to say goodbye."""
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            with suppress(subprocess.TimeoutExpired):
                self.process.wait(STOP_TIMEOUT)
        # The group start_new_session made for this server: its own workers only.
        with suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()


@contextmanager
def running(server: Server):
    try:
        yield server
    finally:
        server.stop()


class OwnRedis:
    """A redis-server of the test's own, which the test may kill and start again on
    the same port: it comes back empty, or with ``append_only`` (as production must run
    it) with everything it had acknowledged."""

    def __init__(self, folder: Path, *, append_only: bool = False) -> None:
        self.binary = require_binary("redis-server", "redis-server")
        self.append_only = append_only
        self.folder = folder
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.server: Server | None = None

    def start(self) -> None:
        command = [
            self.binary,
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--dir", str(self.folder),
            *(["--appendonly", "yes", "--appendfsync", "always"] if self.append_only
              else ["--appendonly", "no"]),
        ]  # fmt: skip
        self.server = Server(command, self.folder / "redis.log")
        self.server.wait_for_port(self.port)

    def kill(self) -> None:
        assert self.server is not None
        self.server.kill()

    def stop(self) -> None:
        if self.server is not None:
            self.server.stop()
