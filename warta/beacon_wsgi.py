"""WSGI entry point of the beacon service (`warta serve-beacon`): ``POST /b`` and
nothing else, without Django's request cycle.

The beacon is the most frequent request by far (every page view sends one); served
apart, by a server written in Rust (granian), it costs a third of the CPU it costs
inside gunicorn, and a burst of beacons never queues behind page renders.
"""

import multiprocessing.util
import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings")
django.setup(set_prefix=False)

from warta.audience.buffer import flush_views  # noqa: E402  (needs the apps loaded)
from warta.audience.wsgi import with_beacon  # noqa: E402


def _elsewhere(environ, start_response):
    start_response("404 Not Found", [("Content-Length", "0"), ("Cache-Control", "no-store")])
    return []


application = with_beacon(_elsewhere)


def _flush_at_exit() -> None:
    flush_views(final=True)


# Views held in memory while Redis was away go to the database when a worker stops:
# granian's workers end through multiprocessing, which skips atexit handlers.
multiprocessing.util.Finalize(None, _flush_at_exit, exitpriority=10)
