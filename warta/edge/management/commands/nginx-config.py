"""`warta nginx-config`: nginx's configuration for this site (see deploy/README.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from warta.edge.nginx import ConfigError, EdgeSite, site_config, write_standalone


class Command(BaseCommand):
    help = (
        "Print the nginx configuration for Warta (for /etc/nginx/conf.d/), or with "
        "--standalone DIR write a complete one that runs nginx in the foreground."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--public-url", required=True, help="the address readers use: https://warta.example"
        )
        parser.add_argument(
            "--upstream",
            action="append",
            help="an app server, HOST:PORT; repeat for each (default: WARTA_BIND)",
        )
        parser.add_argument(
            "--beacon-upstream",
            action="append",
            help="a `warta serve-beacon` server for POST /b, HOST:PORT; repeat for each "
            "(default: the app servers answer beacons)",
        )
        parser.add_argument("--listen", default="80", help="nginx's listen address (80)")
        parser.add_argument(
            "--server-name", action="append", help="host names served (default: any)"
        )
        parser.add_argument(
            "--cache-dir", default="/var/cache/nginx/warta", help="where pages are stored"
        )
        parser.add_argument("--cache-size", default="2g", help="the page cache's size on disk")
        parser.add_argument(
            "--extra-dir",
            default="/etc/nginx/warta.d",
            help="the server block includes DIR/*.conf: TLS and other local additions",
        )
        parser.add_argument("--access-log", default="off", help="a file, or off")
        parser.add_argument(
            "--standalone",
            metavar="DIR",
            help="write DIR/nginx.conf and DIR/warta.conf (cache and additions under DIR)",
        )
        parser.add_argument("--workers", type=int, default=2, help="with --standalone (2)")

    def handle(self, *args, **options):
        standalone = Path(options["standalone"]).resolve() if options["standalone"] else None
        cache_dir = standalone / "cache" if standalone else Path(options["cache_dir"])
        extra_dir = standalone / "warta.d" if standalone else Path(options["extra_dir"])
        site = EdgeSite(
            public_url=options["public_url"],
            upstreams=options["upstream"] or [settings.BIND],
            beacon_upstreams=options["beacon_upstream"] or [],
            static_root=Path(settings.STATIC_ROOT).resolve(),
            media_root=Path(settings.MEDIA_ROOT).resolve(),
            cache_dir=cache_dir,
            extra_dir=extra_dir,
            refresh_secret=settings.CACHE_REFRESH_SECRET,
            listen=options["listen"],
            server_names=options["server_name"] or ["_"],
            cache_size=options["cache_size"],
            upload_mb=max(1, settings.MAX_UPLOAD_BYTES // (1024 * 1024)),
            access_log=options["access_log"],
        )
        try:
            if standalone is None:
                self.stdout.write(site_config(site), ending="")
            else:
                self.stdout.write(str(write_standalone(site, standalone, options["workers"])))
        except ConfigError as exc:
            raise CommandError(str(exc)) from exc
