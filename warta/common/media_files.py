"""Serving uploaded media from the app (``WARTA_SERVE_MEDIA``, the embedded default).

Django's ``static.serve`` answers a missing file with 404, but lets the file system's
own refusals through as exceptions: a name longer than the file system allows
(``ENAMETOOLONG``), or a path it cannot walk, became a 500. Any address a reader can
type is a 404 here unless it names a file.
"""

from django.http import Http404
from django.views import static


def serve_media(request, path: str, document_root):
    try:
        return static.serve(request, path, document_root=document_root)
    except OSError:
        raise Http404("Berkas tidak ditemukan") from None
