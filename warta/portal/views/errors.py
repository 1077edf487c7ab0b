"""The reader site's own answers to requests it refuses, where Django's are English."""

from functools import wraps

from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt

READER_METHODS = ("GET", "HEAD")


def reader_page(view):
    """Let ``view`` answer GET and HEAD only; any other method gets the 405 page.

    Exempt from the CSRF check, which would otherwise refuse a POST first with a 403:
    no method reaches the view that could change anything.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in READER_METHODS:
            return method_not_allowed(request)
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapper)


def method_not_allowed(request):
    response = render(request, "405.html", status=405)
    response["Allow"] = ", ".join(READER_METHODS)
    return response


def csrf_failure(request, reason: str = ""):
    """``CSRF_FAILURE_VIEW``: a form sent without a valid token (an expired desk page,
    another site's form) gets the site's 403 page, not Django's stock one."""
    return render(request, "403.html", {"csrf_failure": True}, status=403)
