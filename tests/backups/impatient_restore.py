"""``warta restore DIR --force`` that waits one second, not thirty, for a lock:
``python -m tests.backups.impatient_restore DIR`` (tests of a restore that fails)."""

import os
import sys

import django

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "warta.settings")
    django.setup()
    from django.core.management import ManagementUtility

    from warta.backups import postgres, sqlite

    sqlite.BUSY_TIMEOUT_SECONDS = 1.0
    postgres.LOCK_WAIT_SECONDS = 1.0
    ManagementUtility(["warta", "restore", sys.argv[1], "--force"]).execute()
