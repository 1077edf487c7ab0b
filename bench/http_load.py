"""HTTP load with wrk: the same article URLs from gunicorn and from nginx's saved copies.

Load goes to 127.0.0.1 only. wrk's Lua script cycles through the URL list (each
thread starting at a different place) and prints its own summary as one JSON line,
so nothing depends on the layout of wrk's human-readable report.
"""

import json
import os
import shutil
import subprocess
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from sandbox import die_with_parent

THREADS = 2
CONNECTIONS = 32
DEFAULT_SECONDS = 20
MARKER = "WRK_JSON "

LUA = """\
-- Written by bench/http_load.py: cycle through the article URLs, count answers
-- other than 2xx (wrk itself counts only >= 400), report as one JSON line.
local paths = {}
for line in io.lines("%(urls)s") do
  if #line > 0 then paths[#paths + 1] = line end
end
local threads = {}
local index = 0

function setup(thread)
  thread:set("start", #threads * math.floor(#paths / %(threads)d))
  threads[#threads + 1] = thread
end

function init(args)
  index = start
  non2xx = 0
end

function request()
  index = index %% #paths + 1
  return wrk.format("GET", paths[index])
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local e = summary.errors
  local non2xx = 0
  for _, thread in ipairs(threads) do non2xx = non2xx + thread:get("non2xx") end
  io.write(string.format(
    '%(marker)s{"requests": %%d, "duration_us": %%d, "bytes": %%d, "connect": %%d, '
    .. '"read": %%d, "write": %%d, "non2xx": %%d, "timeout": %%d, '
    .. '"p50_us": %%d, "p99_us": %%d}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write,
    non2xx, e.timeout, latency:percentile(50), latency:percentile(99)))
end
"""


@dataclass(frozen=True)
class LoadResult:
    requests: int
    seconds: float
    bytes: int
    non_2xx: int
    socket_errors: int
    p50_ms: float
    p99_ms: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds


def wrk_seconds() -> int:
    value = os.environ.get("BENCH_WRK_SECONDS", "")
    return int(value) if value.strip() else DEFAULT_SECONDS


def save_pages(base_url: str, urls: list[str], folder: Path) -> int:
    """Fetch each URL once and store it where ``try_files $uri.html`` finds it."""
    total = 0
    for url in urls:
        path = urlsplit(url).path
        target = folder / (path.lstrip("/") + ".html")
        target.parent.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(base_url + url, timeout=30) as response:
            if response.status != 200:
                raise RuntimeError(f"{url}: HTTP {response.status}")
            body = response.read()
        target.write_bytes(body)
        total += len(body)
    return total


def run_wrk(base_url: str, urls_file: Path, work: Path, seconds: int) -> LoadResult:
    if not base_url.startswith("http://127.0.0.1:"):
        raise ValueError("load goes to 127.0.0.1 only")
    script = work / "cycle.lua"
    script.write_text(LUA % {"urls": urls_file, "threads": THREADS, "marker": MARKER})
    command = [
        shutil.which("wrk") or "/usr/bin/wrk",
        f"-t{THREADS}",
        f"-c{CONNECTIONS}",
        f"-d{seconds}s",
        "--timeout",
        "10s",
        "-s",
        str(script),
        base_url,
    ]
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, preexec_fn=die_with_parent
    )
    line = next(
        (line for line in done.stdout.splitlines() if line.startswith(MARKER)),
        None,
    )
    if line is None:
        raise RuntimeError(f"wrk printed no summary:\n{done.stdout}\n{done.stderr}")
    summary = json.loads(line.removeprefix(MARKER))
    return LoadResult(
        requests=summary["requests"],
        seconds=summary["duration_us"] / 1e6,
        bytes=summary["bytes"],
        non_2xx=summary["non2xx"],
        socket_errors=sum(summary[key] for key in ("connect", "read", "write", "timeout")),
        p50_ms=summary["p50_us"] / 1000,
        p99_ms=summary["p99_us"] / 1000,
    )
