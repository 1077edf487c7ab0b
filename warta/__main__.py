"""The `warta` console command: the project's manage.py."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings")
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    try:
        execute_from_command_line(sys.argv)
    except ImproperlyConfigured as exc:
        # A missing secret key or a malformed WARTA_* variable is the operator's to fix:
        # one line saying what to set, not a traceback.
        sys.exit(f"warta: {exc}")


if __name__ == "__main__":
    main()
