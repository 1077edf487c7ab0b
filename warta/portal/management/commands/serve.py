"""`warta serve`: the site under gunicorn with production settings."""

import logging

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from gunicorn.app.base import BaseApplication

from warta.audience.buffer import flush_views

logger = logging.getLogger(__name__)


def _flush_on_exit(server, worker) -> None:
    # Views buffered in this worker's memory go to the database (or, held while Redis
    # was away, to Redis) before it exits.
    try:
        flush_views(final=True)
    except Exception:  # the worker is exiting: log, never die noisily
        logger.exception("could not flush buffered views at worker exit")


class _Gunicorn(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from warta.wsgi import application

        return application


class Command(BaseCommand):
    help = "Serve the site with gunicorn (address from WARTA_BIND, workers from WARTA_WORKERS)."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=settings.BIND, help="host:port to listen on")
        parser.add_argument("--workers", type=int, default=settings.WORKERS)

    def handle(self, *args, **options):
        if settings.DEBUG:
            self.stderr.write("Warning: WARTA_DEBUG is on; do not serve readers like this.")
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1")
        # Hashed static names come from the manifest collectstatic writes; without it
        # every page would fail, so make sure it is there (quick when nothing changed).
        call_command("collectstatic", interactive=False, verbosity=0)
        self.stdout.write(f"Warta is serving at http://{options['bind']}/ (Ctrl+C to stop)")
        self.stdout.write(
            f"The newsroom desk is at http://{options['bind']}/redaksi/ — give someone an "
            "account with: warta deskuser NAME --role Admin"
        )
        _Gunicorn(
            {
                "bind": options["bind"],
                "workers": options["workers"],
                # gthread, answering over-long requests with the site's page.
                "worker_class": "warta.portal.refusals.ReaderWorker",
                # gunicorn's ceiling (its default is half): long search and share links.
                "limit_request_line": 8190,
                "threads": 4,
                "timeout": 30,
                "graceful_timeout": 10,
                "keepalive": 5,
                "accesslog": "-" if settings.DEBUG else None,
                "worker_exit": _flush_on_exit,
                "proc_name": "warta",
                # gunicorn's control socket defaults to one path per user, shared by
                # every instance; keep each installation's beside its data.
                "control_socket": str(settings.VAR_DIR / "gunicorn.ctl"),
            }
        ).run()
