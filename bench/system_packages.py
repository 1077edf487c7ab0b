"""The load test's two system tools, wrk and nginx, installed with apt-get when missing.

Only as root on a Debian-like system; otherwise the load test is skipped with a
message saying what to install, and every other figure is still measured.
"""

import os
import shutil
import subprocess
from pathlib import Path

# Where Debian puts them; /usr/sbin is not on an ordinary user's PATH.
BINARIES = {"wrk": "/usr/bin/wrk", "nginx": "/usr/sbin/nginx"}


def missing_tools() -> list[str]:
    return [name for name, path in BINARIES.items() if not _found(name, path)]


def ensure_load_tools() -> str | None:
    """None when wrk and nginx are there (installing them if need be), else why not."""
    missing = missing_tools()
    if not missing:
        return None
    packages = " ".join(_package(name) for name in missing)
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        return (
            f"{', '.join(missing)} not installed and not running as root with apt-get; "
            f"install with: sudo apt-get install {packages}"
        )
    print(f"Installing {packages} with apt-get (Debian may also start its own nginx service;")
    print("the benchmark does not use it) ...", flush=True)
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages.split()],
    ):
        if subprocess.run(command, env=env).returncode != 0:
            return f"apt-get could not install {packages}"
    still = missing_tools()
    return f"{', '.join(still)} still missing after apt-get" if still else None


def _found(name: str, path: str) -> bool:
    return bool(shutil.which(name)) or Path(path).exists()


def _package(name: str) -> str:
    if name != "nginx" or not shutil.which("apt-cache"):
        return name
    # nginx-light (Debian up to bookworm) is enough: static files only.
    known = subprocess.run(
        ["apt-cache", "show", "nginx-light"], capture_output=True, check=False
    ).returncode
    return "nginx-light" if known == 0 else "nginx"
