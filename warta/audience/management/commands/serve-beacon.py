"""`warta serve-beacon`: the view beacon as a service of its own (see warta/beacon_wsgi.py).

nginx sends ``POST /b`` here (`warta nginx-config --beacon-upstream`); every other
request goes to `warta serve`. Without it, `warta serve` answers beacons itself.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from granian import Granian
from granian.constants import Interfaces

# Each worker answers beacons on this many threads: a beacon waits for one Redis round
# trip, nothing else.
THREADS = 4


class Command(BaseCommand):
    help = "Serve the view beacon (POST /b) alone (address from WARTA_BEACON_BIND)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=settings.BEACON_BIND, help="host:port")
        parser.add_argument("--workers", type=int, default=settings.WORKERS)

    def handle(self, *args, **options):
        host, sep, port = options["bind"].rpartition(":")
        if not sep or not port.isdigit() or options["workers"] < 1:
            raise CommandError("--bind is HOST:PORT and --workers at least 1")
        self.stdout.write(f"Warta's view beacon is listening at http://{options['bind']}/b")
        Granian(
            "warta.beacon_wsgi:application",
            address=host.strip("[]"),
            port=int(port),
            interface=Interfaces.WSGI,
            workers=options["workers"],
            blocking_threads=THREADS,
            websockets=False,
        ).serve()
