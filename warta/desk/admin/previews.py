"""Signed preview links on the desk (the tokens: ``desk.previews``).

The panel shows a link made when the page was rendered, to copy and share; its
"Buka" button goes through this endpoint instead, which makes a fresh link on each
click, so a desk page left open for a day still opens the preview.
"""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from warta.newsroom.models import Article

from ..previews import preview_token


def preview_urls(model_admin) -> list:
    def open_preview(request, object_id):
        article = get_object_or_404(Article, pk=object_id)
        if not model_admin.has_view_or_change_permission(request, article):
            raise PermissionDenied
        return HttpResponseRedirect(
            reverse("portal:preview", kwargs={"token": preview_token(article)})
        )

    return [
        path(
            "<int:object_id>/pratinjau/",
            model_admin.admin_site.admin_view(open_preview),
            name="newsroom_article_preview",
        )
    ]
