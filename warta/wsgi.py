"""WSGI entry point for gunicorn: the view beacon first, then Django."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings")
django_application = get_wsgi_application()

from warta.audience.wsgi import with_beacon  # noqa: E402  (needs the apps loaded)

application = with_beacon(django_application)
