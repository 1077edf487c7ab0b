"""A write that cannot get the database in time is a 503 with a retry time, not a 500.

SQLite has one writer at a time. A long import holds the write lock for its whole
run (it is all or nothing), so a desk save meanwhile waits out the busy timeout and
fails with "database is locked". That is not the editor's fault and nothing was
lost: the save's transaction rolled back. The answer says so, in Indonesian, with
``Retry-After``; the desk's autosave reads the JSON form and tries again on its next
beat. On PostgreSQL the same holds for a ``lock_timeout`` (LockNotAvailable).
"""

import sys

from django.db import OperationalError
from django.http import HttpResponse, JsonResponse
from django.views import defaults

RETRY_AFTER_SECONDS = 30

MESSAGE = (
    "Basis data sedang sibuk menulis data lain (misalnya impor besar), jadi perubahan "
    "ini belum tersimpan. Tidak ada yang hilang: coba simpan lagi dalam beberapa detik."
)

PAGE = f"""<!doctype html>
<html lang="id">
<head><meta charset="utf-8"><title>Sedang sibuk</title></head>
<body>
<h1>Sedang sibuk</h1>
<p>{MESSAGE}</p>
<p>Kembali ke halaman sebelumnya dengan tombol <em>Kembali</em> pada peramban; isian
Anda masih ada di sana, dan simpan otomatis tetap menyimpan draf.</p>
</body>
</html>
"""


def is_database_busy(error: BaseException) -> bool:
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    if cause is not None and type(cause).__name__ == "LockNotAvailable":  # psycopg
        return True
    return "database is locked" in str(error)


def server_error(request):
    """Django's handler500 (warta/urls.py): called while the error is being handled, so
    also for one raised in a middleware (the desk's session touch), not only in a view."""
    if not is_database_busy(sys.exc_info()[1]):
        return defaults.server_error(request)
    if "application/json" in request.headers.get("Accept", ""):
        response = JsonResponse({"error": MESSAGE}, status=503)
    else:
        response = HttpResponse(PAGE, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
