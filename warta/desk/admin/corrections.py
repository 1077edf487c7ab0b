"""Ralat and Hak Jawab on the desk: the endpoint behind the article's corrections panel.

The panel (``desk/article/corrections_panel.html``) shows the form only to people who
may correct; the service checks again, so a forged request gets 403 all the same.
"""

from django.contrib import messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from warta.newsroom.models import Article

from ..roles import Action, require
from ..services.corrections import InvalidCorrection, article_correct

# Far longer than any correction; refusing more keeps a runaway paste out of the page.
MAX_BODY_LENGTH = 20_000


def correction_urls(model_admin) -> list:
    return [
        path(
            "<int:object_id>/ralat/",
            model_admin.admin_site.admin_view(correct_view),
            name="newsroom_article_correct",
        ),
    ]


def correct_view(request, object_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = get_object_or_404(Article, pk=object_id)
    back = reverse("admin:newsroom_article_change", args=[article.pk]) + "#ralat-hak-jawab"
    require(request.user, Action.CORRECT, article)  # before anything else is said: 403
    body = request.POST.get("body", "")
    if len(body) > MAX_BODY_LENGTH:
        messages.error(
            request,
            f"Isi ralat atau hak jawab terlalu panjang (paling banyak {MAX_BODY_LENGTH} karakter).",
        )
        return HttpResponseRedirect(back)
    try:
        correction = article_correct(
            article=article, actor=request.user, kind=request.POST.get("kind", ""), body=body
        )
    except InvalidCorrection as refused:
        messages.error(request, str(refused))
        return HttpResponseRedirect(back)
    messages.success(request, f"{correction.get_kind_display()} diterbitkan dan tampil di berita.")
    return HttpResponseRedirect(back)
