"""URL wiring only: each app owns its views."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from warta.audience.views import beacon
from warta.common.media_files import serve_media
from warta.common.security_headers import with_file_headers

urlpatterns = [
    path("redaksi/", include("warta.dashboard.urls")),
    path("redaksi/akun/", include("warta.accounts.urls")),
    path("redaksi/", admin.site.urls),
    path("b", beacon, name="beacon"),
]
if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(
            r"^media/(?P<path>.+)$",
            with_file_headers(serve_media),
            {"document_root": settings.MEDIA_ROOT},
        )
    )
urlpatterns.append(path("api/v1/", include("warta.api.urls")))
urlpatterns.append(path("", include("warta.syndication.urls")))
urlpatterns.append(path("", include("warta.portal.urls")))

# A write that could not get the database in time (SQLite's one writer busy with an
# import) answers 503 with a retry time instead of a 500; other errors as before.
handler500 = "warta.common.database_busy.server_error"
