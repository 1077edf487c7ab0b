"""The desk's second factor: a TOTP code from an authenticator app (django-otp).

Who needs it: Admin and Redaktur Pelaksana (``roles.SECOND_FACTOR_REQUIRED``) and
superusers must have a confirmed device and prove a code before any desk page opens
to them (``gate``); anyone else may enrol one from their account page, and once
enrolled proves a code too.

A signed-in session is *verified* once a code of the user's device was accepted in it
(django-otp keeps the device's id in the session; ``OTPMiddleware`` checks it on every
request, so deleting the device unverifies every session at once). A code is accepted
once only: the device remembers the last time step it accepted. Wrong codes are
throttled by the device (each failure doubles the wait) and count as failed sign-ins
of the account and address (``lockout``), so guessing codes locks like guessing
passwords.
"""

import enum
import math
from dataclasses import dataclass

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth import logout
from django.contrib.auth.models import Group, User
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django_otp import login as otp_login

from warta.desk.roles import SECOND_FACTOR_REQUIRED

from .models import SecondFactorDevice

DEVICE_NAME = "Aplikasi autentikator"


class Step(enum.StrEnum):
    ENROL = "enrol"  # must add a device first
    VERIFY = "verify"  # has a device, has not proved a code in this session


def pending_step(user) -> Step | None:
    """What stands between this signed-in user and the desk, if anything."""
    if user.is_verified():
        return None
    has_device = getattr(user, "second_factor_enrolled", None)
    required = getattr(user, "second_factor_required", None)
    if has_device is None or required is None:  # not loaded by DeskUserBackend
        user = with_second_factor_facts(User.objects.filter(pk=user.pk)).get()
        has_device, required = user.second_factor_enrolled, user.second_factor_required
    if has_device:
        return Step.VERIFY
    if required or user.is_superuser:
        return Step.ENROL
    return None


def with_second_factor_facts(users: QuerySet) -> QuerySet:
    """``users`` annotated with ``second_factor_enrolled`` (has a confirmed device) and
    ``second_factor_required`` (holds a role that requires one)."""
    return users.annotate(
        second_factor_enrolled=Exists(
            SecondFactorDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        ),
        second_factor_required=Exists(
            Group.objects.filter(user=OuterRef("pk"), name__in=SECOND_FACTOR_REQUIRED)
        ),
    )


def is_required(user) -> bool:
    return user.is_superuser or user.groups.filter(name__in=SECOND_FACTOR_REQUIRED).exists()


def confirmed_device(user) -> SecondFactorDevice | None:
    return SecondFactorDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


class Outcome(enum.Enum):
    PASSED = "passed"
    WRONG = "wrong"
    THROTTLED = "throttled"  # the device asks to wait before the next try
    LOCKED = "locked"  # the account or address is locked out; the session has ended


@dataclass(frozen=True)
class Result:
    outcome: Outcome
    wait_seconds: int | None = None
    device: SecondFactorDevice | None = None


def second_factor_verify(*, request, device: SecondFactorDevice, token: str) -> Result:
    """Check ``token`` against ``device`` (the signed-in user's own); on success the
    session is verified with it (and gets a new key: its privileges grew)."""
    credentials = {"username": request.user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        logout(request)
        return Result(Outcome.LOCKED)
    with transaction.atomic():
        device = SecondFactorDevice.objects.select_for_update().get(pk=device.pk)
        wait = _throttle_wait(device)
        if wait:
            return Result(Outcome.THROTTLED, wait_seconds=wait)
        passed = device.verify_token(token)
    if passed:
        otp_login(request, device)
        request.session.cycle_key()
        return Result(Outcome.PASSED, device=device)
    return _failed(request, credentials)


def second_factor_enrol(*, request, token: str) -> Result:
    """Confirm the user's pending device with a code from it: it becomes their device,
    replacing any earlier one, and this session is verified with it."""
    user = request.user
    with transaction.atomic():
        device = (
            SecondFactorDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is None:  # confirmed meanwhile in another tab, or reset
            return Result(Outcome.WRONG)
        wait = _throttle_wait(device)
        if wait:
            return Result(Outcome.THROTTLED, wait_seconds=wait)
        if not device.verify_token(token):
            return Result(Outcome.WRONG)
        SecondFactorDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
    otp_login(request, device)
    request.session.cycle_key()
    return Result(Outcome.PASSED, device=device)


def pending_device(user) -> SecondFactorDevice:
    """The not yet confirmed device the enrolment page shows (made on first visit; the
    same one until confirmed, so reloading the page keeps the secret the app scanned)."""
    with transaction.atomic():
        device = (
            SecondFactorDevice.objects.select_for_update()
            .filter(user=user, confirmed=False)
            .order_by("pk")
            .first()
        )
        if device is None:
            device = SecondFactorDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def second_factor_reset(*, user) -> int:
    """Remove every device of ``user`` (an Admin's reset, or ``warta otp-reset``): each
    of their sessions is unverified at its next request, and they enrol again."""
    deleted, _ = SecondFactorDevice.objects.filter(user=user).delete()
    return deleted


def _throttle_wait(device: SecondFactorDevice) -> int | None:
    allowed, details = device.verify_is_allowed()
    if allowed:
        return None
    until = (details or {}).get("locked_until")
    seconds = (until - timezone.now()).total_seconds() if until else 1
    return max(1, math.ceil(seconds))


def _failed(request, credentials) -> Result:
    # A wrong code is a failed sign-in to the brute-force protection.
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    if getattr(request, "axes_locked_out", False):
        logout(request)
        return Result(Outcome.LOCKED)
    return Result(Outcome.WRONG)
