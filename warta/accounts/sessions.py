"""Desk sessions end: after ``DESK_IDLE_SECONDS`` without the editor doing anything,
and ``SESSION_COOKIE_AGE`` after signing in whatever they do. The cookie itself lasts
until the browser closes (``SESSION_EXPIRE_AT_BROWSER_CLOSE``).

Both moments are kept in the session. The last activity is written at most once a
``TOUCH_SECONDS``, so a busy editor's requests do not each write the session (with
``cached_db``, a database write); the idle limit is therefore exact to within that.
The edit lock's heartbeat, which an open article page sends by itself, is no activity.
"""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

SIGNED_IN_AT = "warta_signed_in_at"
ACTIVE_AT = "warta_active_at"
TOUCH_SECONDS = 60
# Requests a page makes by itself, not the editor: they neither end nor extend a session.
PASSIVE_VIEWS = frozenset({"admin:newsroom_article_lock"})


@receiver(user_logged_in)
def _stamp_sign_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SIGNED_IN_AT] = now
        request.session[ACTIVE_AT] = now


class DeskSessionExpiry:
    """Ends a desk session that outlived either limit, before its view runs: the
    request goes on signed out (the desk then asks to sign in again)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(settings.SESSION_COOKIE_PATH):
            return None
        session = request.session
        if SESSION_KEY not in session:
            return None
        now = int(time.time())
        signed_in_at = session.get(SIGNED_IN_AT)
        active_at = session.get(ACTIVE_AT, signed_in_at)
        if signed_in_at is None or active_at is None:
            # A session from before these limits: it starts counting now.
            session[SIGNED_IN_AT] = session[ACTIVE_AT] = now
            return None
        if (
            now - active_at > settings.DESK_IDLE_SECONDS
            or now - signed_in_at > settings.SESSION_COOKIE_AGE
        ):
            logout(request)
            return None
        if (
            now - active_at >= TOUCH_SECONDS
            and request.resolver_match.view_name not in PASSIVE_VIEWS
        ):
            session[ACTIVE_AT] = now
        return None
