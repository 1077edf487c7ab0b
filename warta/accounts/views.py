"""The account pages under /redaksi/akun/: the second-factor code, enrolment, and the
editor's own account security page. Thin adapters over ``second_factor``.

Each is wrapped in ``admin.site.admin_view`` (urls.py): staff only, never cached,
CSRF-protected, anyone else sent to the desk's login page.
"""

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme

from . import enrolment
from .forms import CodeForm
from .lockout import lockout_response
from .second_factor import (
    Outcome,
    confirmed_device,
    is_required,
    pending_device,
    second_factor_enrol,
    second_factor_reset,
    second_factor_verify,
)

WRONG_CODE = "Kode tidak cocok, atau sudah pernah dipakai. Tunggu kode berikutnya lalu coba lagi."


def verify(request):
    """Prove a code of one's device; then on to where one was going."""
    device = confirmed_device(request.user)
    if device is None:
        return HttpResponseRedirect(_with_next(reverse("accounts:enrol"), request))
    if request.user.is_verified():
        return HttpResponseRedirect(_next_url(request))
    form = CodeForm(request.POST if request.method == "POST" else None)
    outcome = _check_code(request, form, device)
    if outcome is Outcome.LOCKED:
        return lockout_response(request)
    if outcome is Outcome.PASSED:
        return HttpResponseRedirect(_next_url(request))
    return _page(
        request,
        "accounts/verify.html",
        "Verifikasi dua langkah",
        form=form,
    )


def enrol(request):
    """Add an authenticator app: scan the QR code (or type the secret), confirm with a
    code. A user whose session is verified may enrol a new app to replace the old."""
    user = request.user
    if confirmed_device(user) is not None and not user.is_verified():
        return HttpResponseRedirect(_with_next(reverse("accounts:verify"), request))
    form = CodeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        result = second_factor_enrol(request=request, token=form.cleaned_data["token"])
        if result.outcome is Outcome.PASSED:
            messages.success(request, "Verifikasi dua langkah aktif untuk akun Anda.")
            return HttpResponseRedirect(_next_url(request, default=reverse("accounts:home")))
        form.add_error("token", _refusal(result))
    device = pending_device(user)
    return _page(
        request,
        "accounts/enrol.html",
        "Aktifkan verifikasi dua langkah",
        form=form,
        qr=enrolment.qr_svg(device),
        secret=enrolment.secret_text(device),
    )


def home(request):
    """The editor's own account: roles, the second factor, the password."""
    return _account_page(request, device=confirmed_device(request.user), form=CodeForm())


def disable(request):
    """Remove one's own device, proving a current code; not for roles that require it."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    user = request.user
    if is_required(user):
        raise PermissionDenied("Peran Anda mewajibkan verifikasi dua langkah.")
    device = confirmed_device(user)
    if device is None:
        return HttpResponseRedirect(reverse("accounts:home"))
    form = CodeForm(request.POST)
    outcome = _check_code(request, form, device)
    if outcome is Outcome.LOCKED:
        return lockout_response(request)
    if outcome is Outcome.PASSED:
        second_factor_reset(user=user)
        messages.success(request, "Verifikasi dua langkah dimatikan untuk akun Anda.")
        return HttpResponseRedirect(reverse("accounts:home"))
    return _account_page(request, device=device, form=form)


def _account_page(request, *, device, form):
    user = request.user
    return _page(
        request,
        "accounts/home.html",
        "Keamanan akun",
        device=device,
        required=is_required(user),
        roles=[group.name for group in user.groups.all()],
        form=form,
    )


def _check_code(request, form: CodeForm, device) -> Outcome | None:
    """The outcome of the code posted in ``form`` for ``device`` (None when none valid
    was posted); a wrong or throttled code gets its reason on the form."""
    if not form.is_valid():
        return None
    result = second_factor_verify(request=request, device=device, token=form.cleaned_data["token"])
    if result.outcome not in (Outcome.PASSED, Outcome.LOCKED):
        form.add_error("token", _refusal(result))
    return result.outcome


def _refusal(result) -> str:
    if result.outcome is Outcome.THROTTLED:
        return (
            f"Terlalu banyak kode yang salah. Tunggu {result.wait_seconds} detik "
            "sebelum mencoba lagi."
        )
    return WRONG_CODE


def _page(request, template: str, title: str, **context):
    context = {**admin.site.each_context(request), "title": title, **context}
    context["next"] = request.GET.get("next", "")
    request.current_app = admin.site.name
    return TemplateResponse(request, template, context)


def _next_url(request, default: str | None = None) -> str:
    wanted = request.GET.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return default or reverse("admin:index")


def _with_next(url: str, request) -> str:
    wanted = request.GET.get("next")
    return f"{url}?{urlencode({'next': wanted})}" if wanted else url
