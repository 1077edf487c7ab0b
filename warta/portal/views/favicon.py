from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (the desk's, the API's):
    the site's icon, under its hashed static name."""
    return HttpResponsePermanentRedirect(static("portal/favicon.svg"))
