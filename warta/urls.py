"""URL wiring only: each app owns its views."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve as serve_media

from warta.audience.views import beacon

urlpatterns = [
    path("redaksi/", include("warta.dashboard.urls")),
    path("redaksi/", admin.site.urls),
    path("b", beacon, name="beacon"),
]
if settings.SERVE_MEDIA:
    urlpatterns.append(
        re_path(r"^media/(?P<path>.+)$", serve_media, {"document_root": settings.MEDIA_ROOT})
    )
urlpatterns.append(path("api/v1/", include("warta.api.urls")))
urlpatterns.append(path("", include("warta.syndication.urls")))
urlpatterns.append(path("", include("warta.portal.urls")))
