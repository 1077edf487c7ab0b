"""Brute-force protection of the desk login, on django-axes' database handler.

Every failed sign-in (a wrong password, or a wrong second-factor code: see
``second_factor``) is a failure of the account tried and of the client's address.
An account is locked after ``LOGIN_FAILURE_LIMIT`` failures, whichever addresses
they came from; an address after ``LOGIN_CLIENT_FAILURE_LIMIT``, whichever accounts
it tried. The address limit is the higher one because a newsroom's editors often
reach the desk through one office address. While locked, even the right password is
refused, and counted. A failure counts for ``AXES_COOLOFF_TIME`` (15 minutes) after
the latest failure of the same account, address and browser; a lock lifts once fewer
failures than the limit still count, so someone who keeps guessing stays locked out.
An Admin lifts a lock at once by deleting the attempts in the desk (Catatan masuk →
Upaya akses), or with ``warta axes_reset_username NAME`` / ``warta axes_reset_ip ADDRESS``.

Axes records every attempt (``AccessAttempt``: the running count per username,
address and browser), every failure (``AccessFailureLog``, flagged when it locked)
and every successful sign-in (``AccessLog``); Admins read them in the desk.
"""

import math
from datetime import datetime

from axes.handlers.database import AxesDatabaseHandler
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib import admin
from django.db.models import Sum
from django.shortcuts import render
from django.utils import timezone

from warta.common.client_address import client_ip, subscriber_network
from warta.common.dates import zone_label


def client_address(request) -> str | None:
    """The address a failure counts against (``AXES_CLIENT_IP_CALLABLE``).

    The client's address as the rest of Warta sees it (behind
    ``WARTA_TRUSTED_PROXY_COUNT`` proxies). An IPv6 client is counted by its /64
    network, which one subscriber holds whole: otherwise each attempt could come
    from a fresh address.
    """
    address = client_ip(request.META)
    return subscriber_network(address) if address else None


class DeskLoginHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit per account and a higher one per address.

    Axes compares one failure count with ``AXES_FAILURE_LIMIT`` (the account limit),
    so the address's count is scaled to reach that number exactly when it reaches
    its own limit.
    """

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        _storable(request)
        return super().user_login_failed(sender, credentials, request, **kwargs)

    def user_logged_in(self, sender, request, user, **kwargs):
        _storable(request)
        return super().user_logged_in(sender, request, user, **kwargs)

    def user_logged_out(self, sender, request, user, **kwargs):
        _storable(request)
        return super().user_logged_out(sender, request, user, **kwargs)

    def get_failures(self, request, credentials=None) -> int:
        by_account, by_client = self._tallies(request, credentials)
        account_limit = settings.AXES_FAILURE_LIMIT
        return max(by_account, by_client * account_limit // settings.LOGIN_CLIENT_FAILURE_LIMIT)

    def locked_until(self, request, credentials=None) -> datetime | None:
        """When the lock on this account or address lifts, if nothing else fails
        meanwhile; None when neither is locked.

        A lock holds while the failures within the cool-off reach the limit, so it
        lifts when the failure that brought them to the limit (counting back from the
        newest) leaves that window.
        """
        limits = (settings.AXES_FAILURE_LIMIT, settings.LOGIN_CLIENT_FAILURE_LIMIT)
        ends = []
        for attempts, limit in zip(
            self.get_user_attempts(request, credentials), limits, strict=True
        ):
            counted = 0
            for failures, at in attempts.order_by("-attempt_time").values_list(
                "failures_since_start", "attempt_time"
            ):
                counted += failures
                if counted >= limit:
                    ends.append(at + get_cool_off(request))
                    break
        return max(ends, default=None)

    def _tallies(self, request, credentials) -> list[int]:
        """The failures of the account and of the address within the cool-off.

        ``get_user_attempts`` gives one queryset per ``AXES_LOCKOUT_PARAMETERS`` entry,
        in that order: ``["username", "ip_address"]``.
        """
        return [
            attempts.aggregate(failures=Sum("failures_since_start"))["failures"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]


def _storable(request) -> None:
    """Make what axes records of the request storable: PostgreSQL text holds no NUL, and
    a client may send one in its User-Agent or Accept header."""
    for name in ("axes_user_agent", "axes_http_accept", "axes_path_info"):
        value = getattr(request, name, None)
        if isinstance(value, str) and "\x00" in value:
            setattr(request, name, value.replace("\x00", "\ufffd"))


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out sign-in gets (``AXES_LOCKOUT_CALLABLE``): 429, in Indonesian,
    with the time the lock lifts."""
    handler = AxesProxyHandler.get_implementation()
    AxesProxyHandler.update_request(request)
    until = handler.locked_until(request, credentials)
    wait = math.ceil((until - timezone.now()).total_seconds()) if until else None
    local = timezone.localtime(until) if until else None
    context = {
        **admin.site.each_context(request),
        "title": "Masuk dikunci sementara",
        "until": local,
        "zone": zone_label(local) if local else "",
        "minutes": max(1, math.ceil(wait / 60)) if wait and wait > 0 else None,
    }
    # Rendered at once: AxesMiddleware puts it in place of a response already rendered.
    response = render(request, "accounts/locked_out.html", context, status=429)
    if wait and wait > 0:
        response["Retry-After"] = str(wait)
    return response
