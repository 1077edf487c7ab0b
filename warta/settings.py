"""Warta settings: the only module that reads the environment (WARTA_* variables).

The embedded default needs no configuration at all: SQLite in WAL mode and media
under ./var. Production parts (PostgreSQL, Redis) are switched on by URLs.
"""

import os
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from js_asset import static_lazy

from warta.common.security_headers import add_file_headers

BASE_DIR = Path(__file__).resolve().parent
VAR_DIR = Path(os.environ.get("WARTA_VAR_DIR", Path.cwd() / "var")).resolve()


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, got {value!r}") from exc


def _float(name: str, default: float) -> float:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return float(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a number, got {value!r}") from exc


DEBUG = _flag("WARTA_DEBUG")


def _secret_key() -> str:
    key = os.environ.get("WARTA_SECRET_KEY", "").strip()
    key_file = os.environ.get("WARTA_SECRET_KEY_FILE", "").strip()
    if not key and key_file:
        try:
            key = Path(key_file).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"WARTA_SECRET_KEY_FILE {key_file!r}: {exc}") from exc
    if key:
        return key
    if DEBUG:
        # A development-only key, regenerated per process: sessions do not survive
        # restarts, which is acceptable while WARTA_DEBUG=1 and never used in production.
        from django.core.management.utils import get_random_secret_key

        return get_random_secret_key()
    raise ImproperlyConfigured(
        "WARTA_SECRET_KEY (or WARTA_SECRET_KEY_FILE) is not set. Production mode refuses to "
        "start without a secret key; set one, or run with WARTA_DEBUG=1 for development."
    )


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("WARTA_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]").split(",")
    if host.strip()
]

SITE_NAME = os.environ.get("WARTA_SITE_NAME", "Warta")
SITE_TAGLINE = os.environ.get("WARTA_SITE_TAGLINE", "Berita terkini dari Indonesia dan dunia")
# The publisher's own profiles elsewhere (social media, Wikipedia), for "sameAs" in the
# home page's structured data.
SITE_SAME_AS = [
    url.strip() for url in os.environ.get("WARTA_SITE_SAME_AS", "").split(",") if url.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_prose_editor",
    "csp",
    # Sign-in protection and the second factor (warta/accounts).
    "warta.accounts.apps.LoginRecordsConfig",  # django-axes
    "django_otp",
    "django_otp.plugins.otp_totp",
    "warta.common",
    "warta.newsroom",
    # `warta backup` and `warta restore`: database-level, it knows no app's models.
    "warta.backups",
    "warta.audience",
    "warta.ingest",
    "warta.desk",
    "warta.search",
    "warta.related",
    "warta.syndication",
    "warta.dashboard",
    "warta.api",
    "warta.accounts",
    "warta.portal",
    # Last: its receivers refresh cache nodes after the other apps dropped their caches.
    "warta.edge",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files get the headers too (see "Security headers").
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the rest, so it sees the final 404 (after the legacy-address lookup).
    "warta.edge.middleware.ReaderErrorCaching",
    # Before anything reads the database: decides where this request's reads go.
    "warta.common.db_routing.ReplicaMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Desk sessions end when idle or old; then the second factor holds whoever owes it.
    "warta.accounts.sessions.DeskSessionExpiry",
    "django_otp.middleware.OTPMiddleware",
    "warta.accounts.gate.SecondFactorGate",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Turns a locked-out sign-in into the lockout page (warta/accounts/lockout.py).
    "axes.middleware.AxesMiddleware",
    # The admin's "?_to_field=" left empty made a 500 (warta/desk/middleware.py).
    "warta.desk.middleware.EmptyToFieldGuard",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After the legacy lookup has had its say: "/indeks/" answers 301 to "/indeks".
    "warta.portal.trailing_slash.TrailingSlashRedirect",
    # Last, so it sees the 404s of every view: old WordPress addresses answer 301.
    "warta.ingest.legacy_urls.LegacyUrlMiddleware",
]

ROOT_URLCONF = "warta.urls"
WSGI_APPLICATION = "warta.wsgi.application"

TEMPLATES = [
    {
        # Reader pages (see warta/portal/jinja.py for why Jinja2).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "warta.portal.jinja.environment",
            "context_processors": ["warta.portal.context_processors.site"],
            "autoescape": True,
            "auto_reload": DEBUG,
        },
    },
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database(url: str, variable: str = "WARTA_DATABASE_URL") -> dict:
    try:
        config = dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
    except Exception as exc:  # dj-database-url raises several types for bad URLs
        raise ImproperlyConfigured(f"{variable} {url!r} is not a database URL: {exc}") from exc
    if config["ENGINE"] == "django.db.backends.sqlite3":
        Path(config["NAME"]).parent.mkdir(parents=True, exist_ok=True)
        config["OPTIONS"] = {
            # WAL lets readers run while a writer commits; IMMEDIATE takes the write lock
            # at BEGIN so concurrent writers queue on the busy timeout instead of failing.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                "PRAGMA foreign_keys=ON; PRAGMA cache_size=-20000; PRAGMA mmap_size=268435456;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    return config


DATABASE_URL = os.environ.get("WARTA_DATABASE_URL") or f"sqlite:///{VAR_DIR / 'warta.sqlite3'}"
DATABASES = {"default": _database(DATABASE_URL)}


def _replicas(urls: str) -> dict[str, dict]:
    """Read replicas of the primary as aliases replica1, replica2, … in the order given."""
    replicas = {}
    for number, url in enumerate((u.strip() for u in urls.split(",") if u.strip()), start=1):
        config = _database(url, "WARTA_DATABASE_REPLICA_URLS")
        if not (_is_postgresql(config) and _is_postgresql(DATABASES["default"])):
            raise ImproperlyConfigured(
                "WARTA_DATABASE_REPLICA_URLS needs PostgreSQL: WARTA_DATABASE_URL and every "
                "replica must be postgres:// URLs (streaming replicas of that primary)."
            )
        # A replica that is down should cost a reader a moment, not the page: give up
        # connecting soon and read from the primary (warta/common/db_routing.py).
        config.setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
        # Django's test runner reads a replica from the primary's test database.
        config["TEST"] = {"MIRROR": "default"}
        replicas[f"replica{number}"] = config
    return replicas


def _is_postgresql(config: dict) -> bool:
    return config["ENGINE"].startswith("django.db.backends.postgresql")


DATABASES.update(_replicas(os.environ.get("WARTA_DATABASE_REPLICA_URLS", "")))
DATABASE_REPLICAS = [alias for alias in DATABASES if alias != "default"]
# Reader pages (GET/HEAD) read from a replica; the desk, and the signed previews an
# editor opens right after saving, always read from the primary.
DATABASE_ROUTERS = ["warta.common.db_routing.ReplicaRouter"] if DATABASE_REPLICAS else []
DATABASE_PRIMARY_PATHS = ["/redaksi/", "/pratinjau/"]
# A replica further behind the primary than this (seconds) is left out until it catches
# up: the oldest state a reader page may show after a change.
DATABASE_REPLICA_MAX_LAG = _float("WARTA_REPLICA_MAX_LAG_SECONDS", 5.0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("WARTA_REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, except that Redis being away is a cache miss (logged),
            # not an error: pages are served from the database until it is back.
            "BACKEND": "warta.common.redis_cache.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "warta",
            # A Redis that stops answering costs a request half a second, once: the
            # backend then skips it for a moment (see redis_cache.py).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    # Desk sessions are read from Redis, so any app server knows a logged-in editor with
    # no database query, and written through to the database (only on login, logout or
    # a change, as before), so a Redis restart or eviction logs nobody out.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # A cache shared by every worker process on this machine (SQLite files under var/),
    # so the beacon's de-duplication and rate limits hold across gunicorn workers.
    CACHES = {
        "default": {
            "BACKEND": "warta.common.disk_cache.PersistentDiskCache",
            "LOCATION": str(VAR_DIR / "cache"),
            "TIMEOUT": 300,
            "SHARDS": 4,
            "DATABASE_TIMEOUT": 1.0,
            "OPTIONS": {"size_limit": 2**29},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]


def _time_zone() -> str:
    name = os.environ.get("WARTA_TIME_ZONE", "Asia/Jakarta")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ImproperlyConfigured(
            f"WARTA_TIME_ZONE {name!r} is not a time zone name (e.g. Asia/Jakarta, "
            "Asia/Makassar, Asia/Jayapura)"
        ) from exc
    return name


TIME_ZONE = _time_zone()
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("WARTA_STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("WARTA_MEDIA_ROOT", VAR_DIR / "media"))
# Embedded mode serves uploaded media from the app; behind nginx/CDN turn this off.
SERVE_MEDIA = _flag("WARTA_SERVE_MEDIA", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600
# The article body's own editor extension (warta/desk/static/desk/paste.js): cleans what
# is pasted from Word and Google Docs. It adds no tags to the body's allowlist.
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("desk/paste.js")],
        "extensions": {"WartaPaste": lambda _config, _allowlist: None},
    }
]
# Static files never run script or render framed, whatever they hold (common/security_headers.py).
WHITENOISE_ADD_HEADERS_FUNCTION = add_file_headers

# Reader pages set no cookies; the desk's cookies stay on the desk.
SESSION_COOKIE_PATH = "/redaksi/"
# The desk's messages ("Berita disimpan") live in its session: the cookie storage would
# set a cookie on path / that browsers then send to every reader page.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
CSRF_COOKIE_PATH = "/redaksi/"
# A refused form gets the site's Indonesian 403 page, not Django's stock English one.
CSRF_FAILURE_VIEW = "warta.portal.views.errors.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# A desk session ends 12 hours after signing in, after DESK_IDLE_SECONDS without
# activity, or when the browser closes, whichever comes first (warta/accounts/sessions.py).
SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
DESK_IDLE_SECONDS = _int("WARTA_DESK_IDLE_MINUTES", 120) * 60
LOGIN_URL = "/redaksi/login/"

# --- Desk sign-in: brute-force protection and the second factor (warta/accounts) -----
# django-axes checks every sign-in first and records each attempt in the database.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, loading what the second-factor gate needs with the user.
    "warta.accounts.backends.DeskUserBackend",
]
AXES_HANDLER = "warta.accounts.lockout.DeskLoginHandler"
# Failures lock the account tried, and (at a higher count: a newsroom often signs in
# from one office address) the client's address, until LOGIN_LOCKOUT_MINUTES after
# the last failure. A wrong second-factor code counts as a failure too.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_FAILURE_LIMIT = _int("WARTA_LOGIN_FAILURE_LIMIT", 5)
LOGIN_CLIENT_FAILURE_LIMIT = _int("WARTA_LOGIN_CLIENT_FAILURE_LIMIT", 20)
if not 0 < AXES_FAILURE_LIMIT <= LOGIN_CLIENT_FAILURE_LIMIT:
    raise ImproperlyConfigured(
        "WARTA_LOGIN_FAILURE_LIMIT must be at least 1 and at most WARTA_LOGIN_CLIENT_FAILURE_LIMIT."
    )
AXES_COOLOFF_TIME = timedelta(minutes=_int("WARTA_LOGIN_LOCKOUT_MINUTES", 15))
AXES_CLIENT_IP_CALLABLE = "warta.accounts.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "warta.accounts.lockout.lockout_response"
# A success does not wipe the failures: an attacker holding one account could otherwise
# clear their address's count by signing in to it between guesses.
AXES_RESET_ON_SUCCESS = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "token", "csrfmiddlewaretoken"]
# The second factor: TOTP codes from an authenticator app, named after the newsroom.
OTP_TOTP_ISSUER = f"Redaksi {SITE_NAME}"
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Populer: what readers actually read.
POPULAR_WINDOW_DAYS = _int("WARTA_POPULAR_WINDOW_DAYS", 7)
POPULAR_LENGTH = _int("WARTA_POPULAR_LENGTH", 7)
POPULAR_CACHE_SECONDS = 60
BEACON_DEDUP_SECONDS = _int("WARTA_BEACON_DEDUP_SECONDS", 30 * 60)
BEACON_RATE_PER_MINUTE = _int("WARTA_BEACON_RATE_PER_MINUTE", 30)
# At most this many views of one article count from one client address (an IPv6 /64)
# per BEACON_DEDUP_SECONDS, whatever User-Agents it sends; 0 lifts the cap. Low enough
# that one machine cannot lift an article into Populer, though behind carrier-grade
# NAT (most Indonesian mobile readers) many real readers share an address, and a
# story they all read at once is undercounted there. Every story is capped alike, so
# the ranking suffers far less than the raw counts.
BEACON_VIEWS_PER_ADDRESS = _int("WARTA_BEACON_VIEWS_PER_ADDRESS", 5)
BEACON_FLUSH_SECONDS = _int("WARTA_BEACON_FLUSH_SECONDS", 5)
# How many proxies in front of the app append to X-Forwarded-For (0: trust REMOTE_ADDR).
TRUSTED_PROXY_COUNT = _int("WARTA_TRUSTED_PROXY_COUNT", 0)
# Behind a trusted proxy (deploy/nginx sets the header), https at the proxy is https
# here: canonical addresses and the desk's CSRF origin check depend on it.
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Security headers --------------------------------------------------------------
# Content-Security-Policy (django-csp) on every answer: scripts, styles, fonts and
# images from this site only, nothing inline, no eval, no plugins, never framed.
# Reader pages carry no inline script or style at all (structured data is an inert
# ld+json block, which script-src does not govern), so their policy holds no nonce:
# the header is the same for every reader, and nginx or a CDN may keep a page for the
# next one. A per-request nonce in a stored page would be wrong for whoever gets the
# copy. Only the desk's article form needs more (warta/desk/admin/articles.py): a
# nonce for the prose editor's inline import map (desk pages are never stored:
# Cache-Control private, no-store; django-csp puts 'nonce-…' only into the header of
# an answer that used one) and the hash of the editor's one inline stylesheet.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        # data: for small inline images (icons in CSS, a QR code); they run nothing.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Nothing here frames a page (the desk's preview opens in a tab of its own).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Other sites see that a reader came from this site, never from which page.
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Powerful browser features Warta never uses, off for the page and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "browsing-topics", "camera",
        "display-capture", "encrypted-media", "geolocation", "gyroscope", "hid",
        "idle-detection", "magnetometer", "microphone", "midi", "payment", "serial",
        "usb", "xr-spatial-tracking",
    )
}  # fmt: skip

# WARTA_HTTPS=1: readers reach the site over https only. Warta itself speaks plain
# HTTP (gunicorn), so TLS ends at a proxy the app trusts to say so
# (X-Forwarded-Proto, WARTA_TRUSTED_PROXY_COUNT); without one every request would look
# like http and be redirected forever.
HTTPS = _flag("WARTA_HTTPS")
if HTTPS and not TRUSTED_PROXY_COUNT:
    raise ImproperlyConfigured(
        "WARTA_HTTPS=1 needs WARTA_TRUSTED_PROXY_COUNT (1 behind nginx): Warta serves plain "
        "HTTP, so https ends at a proxy, and the app knows a request was https only from "
        "that proxy's X-Forwarded-Proto."
    )
if HTTPS:
    SECURE_SSL_REDIRECT = True
    # A year, the usual figure (and the least the browsers' preload lists accept).
    SECURE_HSTS_SECONDS = _int("WARTA_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("WARTA_HSTS_INCLUDE_SUBDOMAINS", True)
    # Asking browsers to ship the domain as https-only is the owner's decision, made
    # at hstspreload.org and hard to undo; the header only allows it when asked to.
    SECURE_HSTS_PRELOAD = _flag("WARTA_HSTS_PRELOAD")
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["upgrade-insecure-requests"] = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# Desk scripts read the CSRF token from the form, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SILENCED_SYSTEM_CHECKS = []
if HTTPS and not SECURE_HSTS_PRELOAD:
    # `warta check --deploy` asks every site with HSTS to request preloading (W021);
    # not requesting it is Warta's default on purpose (above), not an oversight.
    SILENCED_SYSTEM_CHECKS.append("security.W021")

# How long short lists (UPDATE, navigation) may be served from the cache. A scheduled
# article comes due with no event to drop them: this plus a page's s-maxage and
# stale-while-revalidate (30 + 20) is how late it can reach the lists, within 60 s.
LIST_CACHE_SECONDS = _int("WARTA_LIST_CACHE_SECONDS", 10)
PAGE_SIZE = 20

# Reader pages in browsers and shared caches (warta/common/http_cache.py): fresh this
# long, then served stale for up to PAGE_STALE_SECONDS while a fresh copy is fetched,
# so a list shows a change within the sum. An article's own page is refreshed on
# every cache node the moment it changes (warta/edge/).
PAGE_CACHE_SECONDS = _int("WARTA_PAGE_CACHE_SECONDS", 30)
PAGE_STALE_SECONDS = _int("WARTA_PAGE_STALE_SECONDS", 20)
# The page caches in front of the app (nginx from deploy/), as the app reaches them,
# and the secret their refresh requests carry.
CACHE_NODES = [
    url.strip().rstrip("/")
    for url in os.environ.get("WARTA_CACHE_NODES", "").split(",")
    if url.strip()
]
if any(not url.startswith(("http://", "https://")) for url in CACHE_NODES):
    raise ImproperlyConfigured(
        f"WARTA_CACHE_NODES lists base URLs such as http://10.0.0.5, not {CACHE_NODES!r}"
    )


def _cache_refresh_secret() -> str:
    secret = os.environ.get("WARTA_CACHE_REFRESH_SECRET", "").strip()
    secret_file = os.environ.get("WARTA_CACHE_REFRESH_SECRET_FILE", "").strip()
    if not secret and secret_file:
        try:
            secret = Path(secret_file).read_text().strip()
        except OSError as exc:
            raise ImproperlyConfigured(
                f"WARTA_CACHE_REFRESH_SECRET_FILE {secret_file!r}: {exc}"
            ) from exc
    if secret and not (secret.isascii() and secret.replace("-", "").replace("_", "").isalnum()):
        # It is written into nginx's configuration as a literal.
        raise ImproperlyConfigured(
            "WARTA_CACHE_REFRESH_SECRET may hold only letters, digits, '-' and '_'."
        )
    if CACHE_NODES and len(secret) < 16:
        raise ImproperlyConfigured(
            "WARTA_CACHE_NODES is set, so WARTA_CACHE_REFRESH_SECRET (or _FILE) must be too: "
            "at least 16 characters, the same on every app server and cache node."
        )
    return secret


CACHE_REFRESH_SECRET = _cache_refresh_secret()
# A node that does not answer within this is logged and skipped; saving never waits.
CACHE_REFRESH_TIMEOUT = 2.0
# Each refresh is sent again this much later: a reader's request the app answered just
# before the commit (or from a replica a moment behind) may reach a cache after it.
CACHE_REFRESH_REPEAT_SECONDS = 3.0

# The largest photo the desk accepts.
MAX_UPLOAD_BYTES = _int("WARTA_MAX_UPLOAD_MB", 10) * 1024 * 1024
# Signed preview links to drafts stay valid this long.
PREVIEW_MAX_AGE_SECONDS = _int("WARTA_PREVIEW_HOURS", 24) * 3600

BIND = os.environ.get("WARTA_BIND", "127.0.0.1:8000")
# `warta serve-beacon`, the view beacon apart from the pages (production, behind nginx).
BEACON_BIND = os.environ.get("WARTA_BEACON_BIND", "127.0.0.1:8001")
WORKERS = _int("WARTA_WORKERS", 2)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("WARTA_LOG_LEVEL", "WARNING")},
}
