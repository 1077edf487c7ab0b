"""Warta settings: the only package that reads the environment (WARTA_* variables).

This module holds the core; environment.py reads the variables, security.py and
page_cache.py hold those two jobs' settings and are imported whole below.

The embedded default needs no configuration at all: SQLite in WAL mode and media
under ./var. Production parts (PostgreSQL, Redis) are switched on by URLs.
"""

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from js_asset import static_lazy

from warta.common.security_headers import add_file_headers

from .environment import (
    database,
    flag,
    number,
    replicas,
    secret_key,
    time_zone,
    whole_number,
)

BASE_DIR = Path(__file__).resolve().parent.parent  # the warta package
VAR_DIR = Path(os.environ.get("WARTA_VAR_DIR", Path.cwd() / "var")).resolve()


DEBUG = flag("WARTA_DEBUG")


SECRET_KEY = secret_key(debug=DEBUG)

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


DATABASE_URL = os.environ.get("WARTA_DATABASE_URL") or f"sqlite:///{VAR_DIR / 'warta.sqlite3'}"
DATABASES = {"default": database(DATABASE_URL)}


DATABASES.update(replicas(os.environ.get("WARTA_DATABASE_REPLICA_URLS", ""), DATABASES["default"]))
DATABASE_REPLICAS = [alias for alias in DATABASES if alias != "default"]
# Reader pages (GET/HEAD) read from a replica; the desk, and the signed previews an
# editor opens right after saving, always read from the primary.
DATABASE_ROUTERS = ["warta.common.db_routing.ReplicaRouter"] if DATABASE_REPLICAS else []
DATABASE_PRIMARY_PATHS = ["/redaksi/", "/pratinjau/"]
# A replica further behind the primary than this (seconds) is left out until it catches
# up: the oldest state a reader page may show after a change.
DATABASE_REPLICA_MAX_LAG = number("WARTA_REPLICA_MAX_LAG_SECONDS", 5.0)
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


TIME_ZONE = time_zone()
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("WARTA_STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("WARTA_MEDIA_ROOT", VAR_DIR / "media"))
# Embedded mode serves uploaded media from the app; behind nginx/CDN turn this off.
SERVE_MEDIA = flag("WARTA_SERVE_MEDIA", True)
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
DESK_IDLE_SECONDS = whole_number("WARTA_DESK_IDLE_MINUTES", 120) * 60
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
AXES_FAILURE_LIMIT = whole_number("WARTA_LOGIN_FAILURE_LIMIT", 5)
LOGIN_CLIENT_FAILURE_LIMIT = whole_number("WARTA_LOGIN_CLIENT_FAILURE_LIMIT", 20)
if not 0 < AXES_FAILURE_LIMIT <= LOGIN_CLIENT_FAILURE_LIMIT:
    raise ImproperlyConfigured(
        "WARTA_LOGIN_FAILURE_LIMIT must be at least 1 and at most WARTA_LOGIN_CLIENT_FAILURE_LIMIT."
    )
AXES_COOLOFF_TIME = timedelta(minutes=whole_number("WARTA_LOGIN_LOCKOUT_MINUTES", 15))
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
POPULAR_WINDOW_DAYS = whole_number("WARTA_POPULAR_WINDOW_DAYS", 7)
POPULAR_LENGTH = whole_number("WARTA_POPULAR_LENGTH", 7)
POPULAR_CACHE_SECONDS = 60
BEACON_DEDUP_SECONDS = whole_number("WARTA_BEACON_DEDUP_SECONDS", 30 * 60)
BEACON_RATE_PER_MINUTE = whole_number("WARTA_BEACON_RATE_PER_MINUTE", 30)
# At most this many views of one article count from one client address (an IPv6 /64)
# per BEACON_DEDUP_SECONDS, whatever User-Agents it sends; 0 lifts the cap. Low enough
# that one machine cannot lift an article into Populer, though behind carrier-grade
# NAT (most Indonesian mobile readers) many real readers share an address, and a
# story they all read at once is undercounted there. Every story is capped alike, so
# the ranking suffers far less than the raw counts.
BEACON_VIEWS_PER_ADDRESS = whole_number("WARTA_BEACON_VIEWS_PER_ADDRESS", 5)
BEACON_FLUSH_SECONDS = whole_number("WARTA_BEACON_FLUSH_SECONDS", 5)

PAGE_SIZE = 20

# The largest photo the desk accepts.
MAX_UPLOAD_BYTES = whole_number("WARTA_MAX_UPLOAD_MB", 10) * 1024 * 1024
# Signed preview links to drafts stay valid this long.
PREVIEW_MAX_AGE_SECONDS = whole_number("WARTA_PREVIEW_HOURS", 24) * 3600

BIND = os.environ.get("WARTA_BIND", "127.0.0.1:8000")
# `warta serve-beacon`, the view beacon apart from the pages (production, behind nginx).
BEACON_BIND = os.environ.get("WARTA_BEACON_BIND", "127.0.0.1:8001")
WORKERS = whole_number("WARTA_WORKERS", 2)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("WARTA_LOG_LEVEL", "WARNING")},
}

# Two jobs with modules of their own; Django reads their upper-case names as settings.
from .page_cache import *  # noqa: E402,F403
from .security import *  # noqa: E402,F403
