"""nginx's configuration for Warta, rendered from templates/edge/ with checked values.

``site_config`` is the part a server's nginx includes in its http block (upstream,
page cache, refresh secret, the server). ``write_standalone`` also writes a main
configuration that runs nginx in the foreground with everything under one folder,
for `make run-prod`, the tests and the benchmark.
"""

import getpass
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from warta.common.security_headers import FILE_HEADERS

TEMPLATES = Path(__file__).resolve().parent / "templates" / "edge"
MIME_TYPES = Path("/etc/nginx/mime.types")

# What may stand in nginx's configuration unquoted: no spaces, quotes, braces or ';'.
_WORD = re.compile(r"[A-Za-z0-9._:\[\]/*@~+=-]+")
_ADDRESS = re.compile(r"(unix:/[^\s;{}\"']+|[A-Za-z0-9.\-\[\]:]+:[0-9]{1,5})")
_SIZE = re.compile(r"[0-9]+[kmgKMG]?")


class ConfigError(ValueError):
    """A value that cannot go into nginx's configuration."""


@dataclass(frozen=True)
class EdgeSite:
    public_url: str  # the address readers use, e.g. https://warta.example
    upstreams: list[str]  # the app servers, host:port each
    static_root: Path
    media_root: Path
    cache_dir: Path
    extra_dir: Path = Path("/etc/nginx/warta.d")
    refresh_secret: str = ""
    listen: str = "80"
    server_names: list[str] = field(default_factory=lambda: ["_"])
    cache_size: str = "2g"
    zone_mb: int = 64
    upload_mb: int = 10
    access_log: str = "off"
    # `warta serve-beacon` servers; none: the app servers answer beacons too.
    beacon_upstreams: list[str] = field(default_factory=list)

    def context(self) -> dict:
        public = urlsplit(self.public_url)
        if public.scheme not in ("http", "https") or not public.hostname:
            raise ConfigError(f"--public-url is http(s)://host[:port], not {self.public_url!r}")
        if public.path not in ("", "/") or public.query:
            raise ConfigError("--public-url is an origin only: no path or query")
        if not self.upstreams:
            raise ConfigError("at least one app server (--upstream HOST:PORT) is needed")
        public_host = public.netloc.rpartition("@")[2]
        _check(_WORD, public_host, "--public-url")
        for upstream in self.upstreams:
            _check(_ADDRESS, upstream, "--upstream")
        for upstream in self.beacon_upstreams:
            _check(_ADDRESS, upstream, "--beacon-upstream")
        for name in self.server_names:
            _check(_WORD, name, "--server-name")
        _check(_WORD, self.listen, "--listen")
        _check(_SIZE, self.cache_size, "--cache-size")
        if self.refresh_secret:
            _check(re.compile(r"[A-Za-z0-9_-]{16,}"), self.refresh_secret, "refresh secret")
        for path in (self.static_root, self.media_root, self.cache_dir, self.extra_dir):
            _check(_WORD, str(path), "path")
        if self.access_log != "off":
            _check(_WORD, self.access_log, "access log")
        return {
            "upstreams": self.upstreams,
            "beacon_upstreams": self.beacon_upstreams,
            "listen": self.listen,
            "server_name": " ".join(self.server_names),
            "public_host": public_host,
            "public_scheme": public.scheme,
            "cache_dir": self.cache_dir,
            "extra_dir": str(self.extra_dir).rstrip("/"),
            "cache_size": self.cache_size,
            "zone_mb": self.zone_mb,
            "upload_mb": self.upload_mb,
            "static_root": str(self.static_root).rstrip("/"),
            "media_root": str(self.media_root).rstrip("/"),
            "refresh_secret": self.refresh_secret,
            "access_log": self.access_log,
            "file_headers": FILE_HEADERS,
        }


def site_config(site: EdgeSite) -> str:
    return _render("warta.conf", site.context())


def write_standalone(site: EdgeSite, prefix: Path, workers: int = 2) -> Path:
    """Write ``nginx.conf`` and ``warta.conf`` into ``prefix`` (with its temp folders);
    returns the main file, for ``nginx -p PREFIX -c PREFIX/nginx.conf``."""
    prefix = prefix.resolve()
    _check(_WORD, str(prefix), "prefix")
    if not MIME_TYPES.exists():
        raise ConfigError(f"{MIME_TYPES} is missing: install nginx (Debian: nginx-light)")
    for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / "temp" / folder).mkdir(parents=True, exist_ok=True)
    Path(site.cache_dir).mkdir(parents=True, exist_ok=True)
    Path(site.extra_dir).mkdir(parents=True, exist_ok=True)
    (prefix / "warta.conf").write_text(site_config(site))
    main = prefix / "nginx.conf"
    main.write_text(
        _render(
            "standalone.conf",
            {
                "prefix": prefix,
                "workers": workers,
                # nginx started by root hands its workers to "nobody" unless told.
                "user": getpass.getuser() if os.geteuid() == 0 else "",
            },
        )
    )
    return main


def _check(pattern: re.Pattern, value: str, what: str) -> None:
    if not pattern.fullmatch(value):
        raise ConfigError(f"{what}: {value!r} cannot go into nginx's configuration")


def _render(name: str, context: dict) -> str:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # nginx configuration, not HTML; every value is checked above
    )
    return environment.get_template(name).render(context)
