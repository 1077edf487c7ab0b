"""Beacon ingest: views per second through `warta serve-beacon` into Redis, none lost.

``measure_beacon(sandbox)`` loads a site that already has published articles and a
``WARTA_REDIS_URL`` in its environment (``redis_server`` starts a private Redis):

1. ``warta flush-views --once``, then the views stored so far (the baseline);
2. ``warta serve-beacon`` (granian, 2 workers, as the production stack runs it behind
   nginx; ``server="gunicorn"`` measures ``warta serve`` instead, which answers beacons
   in the embedded default) and ``warta flush-views`` beside it, flushing every
   ``WARTA_BEACON_FLUSH_SECONDS`` while the load runs;
3. wrk on 127.0.0.1: ``POST /b`` with the ids of published articles, each request
   from another reader (a fresh address in ``X-Forwarded-For``, which the app trusts
   for one proxy, and one of a dozen browsers' User-Agents), so neither the rate
   limit nor de-duplication swallows any;
4. after ``seconds`` each wrk thread sends only ``GET /b`` (a 405 that counts
   nothing) for a short tail, so no beacon is still in flight when wrk stops;
   beacons per second are the 204 answers over the time from the first beacon to
   the last 204;
5. both servers stopped, a last ``--once``, then the views stored again: the
   difference must equal the number of 204 answers, and nothing may wait in Redis.

Run on its own: ``.venv/bin/python bench/beacon.py [--seconds 20] [--database-url
postgres://...]`` (a fresh SQLite database without ``--database-url``; a PostgreSQL
one should be empty, e.g. just made with ``createdb``).
"""

import argparse
import json
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager, suppress
from dataclasses import replace
from pathlib import Path

import import_rate
import servers
from corpus import write_corpus
from sandbox import Sandbox, die_with_parent

DEFAULT_SECONDS = 20
TAIL_SECONDS = 2
THREADS = 2
CONNECTIONS = 32
ARTICLE_IDS = 1000
MARKER = "WRK_JSON "
HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "beacon.json"

# Browsers' User-Agents as on an Indonesian portal, phones and desktops.
AGENTS = (
    (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36"
    ),
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
    (
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, "
        "like Gecko) Version/18.1 Safari/605.1.15"
    ),
    (
        "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Mobile Safari/537.36"
    ),
    (
        "Mozilla/5.0 (Linux; Android 13; 23021RAA2Y) AppleWebKit/537.36 (KHTML, like "
        "Gecko) Chrome/130.0.0.0 Mobile Safari/537.36"
    ),
    (
        "Mozilla/5.0 (Linux; Android 14; CPH2591) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.6778.81 Mobile Safari/537.36"
    ),
    (
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
    ),
    (
        "Mozilla/5.0 (Linux; Android 12; V2111) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/129.0.0.0 Mobile Safari/537.36 OPR/85.0.0.0"
    ),
    (
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"
    ),
    (
        "Mozilla/5.0 (Linux; U; Android 11; in-id; Redmi Note 9 Build/RP1A.200720.011) "
        "AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/112.0.5615.136 Mobile "
        "Safari/537.36 XiaoMi/MiuiBrowser/14.10.1-gn"
    ),
    (
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Safari/537.36"
    ),
)

LUA = r"""
-- Written by bench/beacon.py: POST /b as many different readers, then a tail of
-- GET /b (405, counts nothing) so no beacon is in flight when wrk stops.
local ffi = require("ffi")
ffi.cdef[[
typedef struct { long tv_sec; long tv_nsec; } warta_timespec;
int clock_gettime(int clk_id, warta_timespec *tp);
]]
local clock = ffi.new("warta_timespec")
local function now()
  ffi.C.clock_gettime(1, clock)  -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) + tonumber(clock.tv_nsec) / 1e9
end

local ids = {}
for line in io.lines("%(ids)s") do
  if #line > 0 then ids[#ids + 1] = line end
end
local agents = {}
for line in io.lines("%(agents)s") do
  if #line > 0 then agents[#agents + 1] = line end
end
local threads = {}

function setup(thread)
  thread:set("number", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  sent, answered, ok, other, tail = 0, 0, 0, 0, 0  -- sent numbers the readers
  first, last_ok = 0, 0
  stop_at = now() + %(seconds)d
  wrk.headers["Content-Type"] = "text/plain;charset=UTF-8"
end

function request()
  local moment = now()
  if moment >= stop_at then
    return wrk.format("GET", "/b")
  end
  if first == 0 then first = moment end
  local n = sent
  sent = sent + 1
  -- A different reader per request: 10.<thread, high bits>.<mid>.<low>.
  local address = string.format("10.%%d.%%d.%%d",
    number * 64 + math.floor(n / 65536) %% 64, math.floor(n / 256) %% 256, n %% 256)
  wrk.headers["X-Forwarded-For"] = address
  wrk.headers["User-Agent"] = agents[n %% #agents + 1]
  return wrk.format("POST", "/b", nil, ids[(n * 7 + number) %% #ids + 1])
end

function response(status, headers, body)
  if status == 405 then
    tail = tail + 1
    return
  end
  answered = answered + 1
  if status == 204 then
    ok = ok + 1
    last_ok = now()
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local t = {answered = 0, ok = 0, other = 0, tail = 0}
  local first_all, last_all = nil, 0
  for _, thread in ipairs(threads) do
    for key, _ in pairs(t) do t[key] = t[key] + thread:get(key) end
    local f = thread:get("first")
    if f > 0 and (first_all == nil or f < first_all) then first_all = f end
    last_all = math.max(last_all, thread:get("last_ok"))
  end
  local e = summary.errors
  io.write(string.format(
    '%(marker)s{"answered": %%d, "ok": %%d, "other": %%d, "tail": %%d, '
    .. '"window_s": %%.6f, "socket_errors": %%d, "p50_us": %%d, "p99_us": %%d}\n',
    t.answered, t.ok, t.other, t.tail, last_all - (first_all or last_all),
    e.connect + e.read + e.write + e.timeout, latency:percentile(50), latency:percentile(99)))
end
"""


@contextmanager
def redis_server(sandbox: Sandbox):
    """A private redis-server on a free port of 127.0.0.1 (append-only file on, as in
    production); yields a sandbox whose environment points ``WARTA_REDIS_URL`` at it."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    folder = sandbox.root / "redis"
    folder.mkdir(exist_ok=True)
    port = servers.free_port()
    command = [
        binary,
        "--bind", "127.0.0.1",
        "--port", str(port),
        "--dir", str(folder),
        "--save", "",
        "--appendonly", "yes",
        "--appendfsync", "everysec",
        "--maxmemory-policy", "volatile-lru",
    ]  # fmt: skip
    log = (sandbox.root / "redis.log").open("wb")
    proc = subprocess.Popen(
        command, stdout=log, stderr=subprocess.STDOUT, cwd=sandbox.root,
        start_new_session=True, preexec_fn=die_with_parent,
    )  # fmt: skip
    try:
        _wait_for_port(proc, port)
        yield replace(
            sandbox, env={**sandbox.env, "WARTA_REDIS_URL": f"redis://127.0.0.1:{port}/0"}
        )
    finally:
        _stop(proc)
        log.close()


@contextmanager
def beacon_service(sandbox: Sandbox, probe_path: str = ""):
    """``warta serve-beacon`` on a free local port; yields its base URL."""
    port = servers.free_port()
    command = sandbox.warta("serve-beacon", "--bind", f"127.0.0.1:{port}")
    proc = _start(sandbox, command, "beacon-service")
    try:
        _wait_for_port(proc, port)
        yield f"http://127.0.0.1:{port}"
    finally:
        _stop(proc)


SERVERS = {"beacon-service": beacon_service, "gunicorn": servers.gunicorn}


def measure_beacon(
    sandbox: Sandbox, *, seconds: int = DEFAULT_SECONDS, server: str = "beacon-service"
) -> dict:
    """Beacons per second and the views stored for them (see the module's docstring)."""
    if not sandbox.env.get("WARTA_REDIS_URL"):
        raise ValueError("measure_beacon needs WARTA_REDIS_URL in the sandbox's environment")
    site = replace(sandbox, env={**sandbox.env, "WARTA_TRUSTED_PROXY_COUNT": "1"})
    ids = _child(site, "ids", ARTICLE_IDS)["ids"]
    if not ids:
        raise RuntimeError("the site has no published articles to send beacons for")
    ids_file = site.root / "beacon-ids.txt"
    ids_file.write_text("".join(f"{article_id}\n" for article_id in ids))
    site.run(site.warta("flush-views", "--once"), "flush-before")
    before = _child(site, "totals")

    worker = _start(site, site.warta("flush-views"), "flush-worker")
    try:
        with SERVERS[server](site, "/") as base_url:
            served_before = _cpu_seconds_of_processes_in(site.root)
            wrk_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            load = _wrk(base_url, ids_file, site.root, seconds)
            wrk_after = resource.getrusage(resource.RUSAGE_CHILDREN)
            served = _cpu_seconds_of_processes_in(site.root) - served_before
    finally:
        _stop(worker)
    site.run(site.warta("flush-views", "--once"), "flush-after")
    after = _child(site, "totals")

    stored = after["stored"] - before["stored"]
    requests = load["answered"] + load["tail"]
    wrk_cpu = sum(
        getattr(wrk_after, field) - getattr(wrk_before, field) for field in ("ru_utime", "ru_stime")
    )
    return {
        "server": server,
        "seconds": seconds,
        "threads": THREADS,
        "connections": CONNECTIONS,
        "articles": len(ids),
        # A beacon the server counted but wrk stopped waiting for would make views_lost
        # negative; the tail of GETs is there so that none is.
        "beacons_answered": load["answered"],
        "answered_204": load["ok"],
        "answered_other": load["other"],
        "socket_errors": load["socket_errors"],
        "window_seconds": load["window_s"],
        "per_second": load["ok"] / load["window_s"] if load["window_s"] else 0.0,
        "p50_ms": load["p50_us"] / 1000,
        "p99_ms": load["p99_us"] / 1000,
        "views_stored": stored,
        "views_lost": load["ok"] - stored,
        "waiting_in_redis_after": after["waiting_in_redis"],
        # CPU spent per beacon answered (tail included) by the site's processes (gunicorn,
        # the worker, and Redis when redis_server started it) and by wrk; on a shared
        # machine this says more than the rate, and 2 cores / their sum estimates the
        # rate the same machine would reach with nothing else running.
        "server_cpu_us_per_request": served / requests * 1e6 if requests else 0.0,
        "wrk_cpu_us_per_request": wrk_cpu / requests * 1e6 if requests else 0.0,
    }


def _wrk(base_url: str, ids_file: Path, work: Path, seconds: int) -> dict:
    if not base_url.startswith("http://127.0.0.1:"):
        raise ValueError("load goes to 127.0.0.1 only")
    agents = work / "beacon-agents.txt"
    agents.write_text("".join(f"{agent}\n" for agent in AGENTS))
    script = work / "beacon.lua"
    script.write_text(
        LUA % {"ids": ids_file, "agents": agents, "seconds": seconds, "marker": MARKER}
    )
    command = [
        shutil.which("wrk") or "/usr/bin/wrk",
        f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds + TAIL_SECONDS}s",
        "--timeout", "5s", "-s", str(script), base_url,
    ]  # fmt: skip
    done = subprocess.run(
        command, capture_output=True, text=True, check=True, preexec_fn=die_with_parent
    )
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith(MARKER)), None)
    if line is None:
        raise RuntimeError(f"wrk printed no summary:\n{done.stdout}\n{done.stderr}")
    return json.loads(line.removeprefix(MARKER))


def _child(sandbox: Sandbox, what: str, *args) -> dict:
    return sandbox.measure(str(HERE / "view_count.py"), f"view-count-{what}", what, *args)


def _start(sandbox: Sandbox, command: list[str], name: str) -> subprocess.Popen:
    with (sandbox.root / f"{name}.log").open("wb") as out:
        return subprocess.Popen(
            command, env=sandbox.env, cwd=sandbox.root, stdout=out, stderr=subprocess.STDOUT,
            start_new_session=True, preexec_fn=die_with_parent,
        )  # fmt: skip


def _stop(proc: subprocess.Popen) -> None:
    """SIGTERM to the process this module started, then SIGKILL to its own group."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        with suppress(subprocess.TimeoutExpired):
            proc.wait(servers.STOP_TIMEOUT)
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def _cpu_seconds_of_processes_in(folder: Path) -> float:
    """User + system CPU time of the running processes whose working directory is in
    ``folder``: the ones this benchmark started there (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    folder = folder.resolve()
    total = 0
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        with suppress(OSError):
            if not Path(os.readlink(proc / "cwd")).is_relative_to(folder):
                continue
            # Fields 14 and 15 (utime, stime) after the parenthesised command name.
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / tick


def _wait_for_port(proc: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + servers.READY_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args[0]} exited with {proc.returncode}")
        with suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.1)
    raise RuntimeError(f"{proc.args[0]} did not listen on port {port}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=DEFAULT_SECONDS)
    parser.add_argument("--articles", type=int, default=ARTICLE_IDS)
    parser.add_argument("--database-url", help="an empty PostgreSQL database (default: SQLite)")
    parser.add_argument("--server", choices=sorted(SERVERS), default="beacon-service")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sandbox = Sandbox.create()
    if args.database_url:
        sandbox.env["WARTA_DATABASE_URL"] = args.database_url
    print(f"Working in {sandbox.root}", flush=True)
    try:
        import_rate.migrate(sandbox)
        corpus = write_corpus(sandbox.root / "articles.jsonl", args.articles)
        sandbox.run(sandbox.warta("import", str(corpus.path)), "import")
        with redis_server(sandbox) as site:
            figures = measure_beacon(site, seconds=args.seconds, server=args.server)
    finally:
        if args.keep:
            print(f"Kept {sandbox.root}")
        else:
            sandbox.remove()
    print(json.dumps(figures, indent=2))
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(figures, indent=2) + "\n")
    print(f"Figures written to {OUT.relative_to(HERE.parent)}")
    clean = figures["answered_other"] == figures["socket_errors"] == 0
    none_lost = figures["views_lost"] == 0 and figures["waiting_in_redis_after"] == 0
    return 0 if clean and none_lost else 1


if __name__ == "__main__":
    sys.exit(main())
