"""Security settings: trusted proxies, the Content-Security-Policy and other headers,
and https (WARTA_HTTPS). Part of warta.settings, which imports every name here."""

from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from .environment import flag, whole_number

# How many proxies in front of the app append to X-Forwarded-For (0: trust REMOTE_ADDR).
TRUSTED_PROXY_COUNT = whole_number("WARTA_TRUSTED_PROXY_COUNT", 0)
# Behind a trusted proxy (deploy/nginx sets the header), https at the proxy is https
# here: canonical addresses and the desk's CSRF origin check depend on it.
if TRUSTED_PROXY_COUNT:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- Headers --------------------------------------------------------------
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
HTTPS = flag("WARTA_HTTPS")
if HTTPS and not TRUSTED_PROXY_COUNT:
    raise ImproperlyConfigured(
        "WARTA_HTTPS=1 needs WARTA_TRUSTED_PROXY_COUNT (1 behind nginx): Warta serves plain "
        "HTTP, so https ends at a proxy, and the app knows a request was https only from "
        "that proxy's X-Forwarded-Proto."
    )
if HTTPS:
    SECURE_SSL_REDIRECT = True
    # A year, the usual figure (and the least the browsers' preload lists accept).
    SECURE_HSTS_SECONDS = whole_number("WARTA_HSTS_SECONDS", 365 * 24 * 3600)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = flag("WARTA_HSTS_INCLUDE_SUBDOMAINS", True)
    # Asking browsers to ship the domain as https-only is the owner's decision, made
    # at hstspreload.org and hard to undo; the header only allows it when asked to.
    SECURE_HSTS_PRELOAD = flag("WARTA_HSTS_PRELOAD")
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
