"""The gate in front of every desk page: a signed-in editor who still owes the second
factor reaches only the code page, the enrolment page and the way out.

Every other desk address answers with a redirect to the page they owe (a JSON
caller, such as autosave, gets a 403 with the reason), whatever the method, and the
view never runs. Installed after ``django_otp.middleware.OTPMiddleware``.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from .second_factor import Step, pending_step

# The views a session that owes the second factor may still reach.
OPEN_VIEWS = frozenset(
    {"accounts:verify", "accounts:enrol", "admin:login", "admin:logout", "admin:jsi18n"}
)
STEP_VIEWS = {Step.VERIFY: "accounts:verify", Step.ENROL: "accounts:enrol"}
STEP_MESSAGES = {
    Step.VERIFY: "Masukkan kode verifikasi dua langkah lebih dulu.",
    Step.ENROL: "Aktifkan verifikasi dua langkah lebih dulu: peran Anda mewajibkannya.",
}


class SecondFactorGate:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Only the desk has sessions (SESSION_COOKIE_PATH); reader pages are never held.
        if not request.path.startswith(settings.SESSION_COOKIE_PATH):
            return None
        if request.resolver_match.view_name in OPEN_VIEWS:
            return None
        user = request.user
        if not user.is_authenticated:
            return None
        step = pending_step(user)
        if step is None:
            return None
        return _hold(request, step)


def _hold(request, step: Step):
    if _wants_json(request):
        return JsonResponse({"error": STEP_MESSAGES[step]}, status=403)
    url = reverse(STEP_VIEWS[step])
    if request.method in ("GET", "HEAD"):
        url += "?" + urlencode({"next": request.get_full_path()})
    return redirect(url)


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get(
        "Accept", ""
    ) or request.content_type.startswith("application/json")
