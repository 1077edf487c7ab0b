"""Revision history, diff and restore pages; the autosave and edit-lock endpoints.

Thin adapters over ``services.revisions``, ``services.editing`` and ``locks``. The JSON
endpoints are called by ``static/desk/autosave.js`` and answer every bad request with
a status and an Indonesian message, never a server error.
"""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from warta.newsroom.models import Article

from ..locks import lock_acquire, lock_release
from ..models import Revision
from ..roles import may_edit
from ..services.editing import EDITABLE_FIELDS, StaleEdit, article_save
from ..services.revisions import (
    RestoreImpossible,
    revision_diff,
    revision_history,
    revision_restore,
    stale_changes,
)

HISTORY_LIMIT = 200  # thinning keeps a history short; this only bounds a pathological one


def revision_urls(model_admin) -> list:
    def wrap(view):
        def bound(request, *args, **kwargs):
            return view(model_admin, request, *args, **kwargs)

        return model_admin.admin_site.admin_view(bound)

    return [
        path(
            "<int:object_id>/revisi/",
            wrap(history_view),
            name="newsroom_article_revisions",
        ),
        path(
            "<int:object_id>/revisi/<int:revision_id>/pulihkan/",
            wrap(restore_view),
            name="newsroom_article_restore",
        ),
        path("baru/autosave/", wrap(new_autosave_view), name="newsroom_article_autosave_new"),
        path("<int:object_id>/autosave/", wrap(autosave_view), name="newsroom_article_autosave"),
        path("<int:object_id>/kunci/", wrap(lock_view), name="newsroom_article_lock"),
    ]


# --- history, diff, restore ---------------------------------------------------------


def history_view(model_admin, request, object_id):
    article = get_object_or_404(Article, pk=object_id)
    if not model_admin.has_view_permission(request, article):
        raise PermissionDenied("Anda tidak berwenang melihat riwayat berita ini.")
    revisions = list(revision_history(article)[:HISTORY_LIMIT])
    by_id = {str(revision.pk): revision for revision in revisions}
    a, b = by_id.get(request.GET.get("a", "")), by_id.get(request.GET.get("b", ""))
    if a and b and (a.version, a.created_at) > (b.version, b.created_at):
        a, b = b, a  # always older → newer
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Article._meta,
        "original": article,
        "title": f"Riwayat revisi: {article}",
        "revisions": revisions,
        "a": a,
        "b": b,
        "changes": revision_diff(a, b) if a and b else None,
        "may_restore": may_edit(request.user, article),
    }
    return TemplateResponse(request, "desk/revisions/history.html", context)


def restore_view(model_admin, request, object_id, revision_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    article = get_object_or_404(Article, pk=object_id)
    revision = get_object_or_404(Revision, pk=revision_id, article=article)
    if not may_edit(request.user, article):
        raise PermissionDenied("Anda tidak berwenang memulihkan revisi berita ini.")
    history_url = reverse("admin:newsroom_article_revisions", args=[article.pk])
    base_version = _int(request.POST.get("base_version"))
    try:
        result = revision_restore(
            article=article, revision=revision, actor=request.user, base_version=base_version
        )
    except StaleEdit as stale:
        messages.error(request, stale_changes(stale.article, base_version).message)
        return HttpResponseRedirect(history_url)
    except (RestoreImpossible, IntegrityError) as failed:
        messages.error(request, f"Revisi tidak bisa dipulihkan: {failed}")
        return HttpResponseRedirect(history_url)
    messages.success(
        request,
        f"Versi {revision.version} dipulihkan sebagai versi {result.article.version}.",
    )
    return HttpResponseRedirect(reverse("admin:newsroom_article_change", args=[article.pk]))


# --- autosave and the edit lock (JSON, for autosave.js) ------------------------------


def autosave_view(model_admin, request, object_id):
    """Save the form as an AUTOSAVE revision (see ``editing.article_save`` for what that
    does to a live article). Accepts the change form's fields form-encoded or as a JSON
    object with the same names; ``base_version`` is required."""
    if request.method != "POST":
        return _error(405, "Gunakan POST.")
    article = Article.objects.filter(pk=object_id).first()
    if article is None:
        return _error(404, "Berita tidak ditemukan.")
    if not may_edit(request.user, article):
        return _error(403, "Anda tidak berwenang menyunting berita ini.")
    data = _posted(request)
    if data is None:
        return _error(400, "Data simpan otomatis tidak terbaca.")
    base_version = _int(data.get("base_version"))
    if base_version is None:
        return _error(400, "Versi dasar (base_version) wajib diisi.")
    form = model_admin.get_form(request, article, change=True)(data, instance=article)
    if not form.is_valid():
        if form.has_error("base_version", code="stale"):
            return _stale(article, base_version)
        return _invalid(form)
    # Content only: placement takes effect at once and is never autosaved.
    cleaned = form.cleaned_data
    try:
        result = article_save(
            article=article,
            actor=request.user,
            data={field: cleaned[field] for field in EDITABLE_FIELDS if field in cleaned},
            tags=list(cleaned["tags"]) if "tags" in cleaned else None,
            base_version=base_version,
            kind=Revision.Kind.AUTOSAVE,
        )
    except PermissionDenied:
        return _error(403, "Anda tidak berwenang menyunting berita ini.")
    except StaleEdit:
        return _stale(article, base_version)
    except IntegrityError:
        return _error(409, "Slug ini baru saja dipakai berita lain; ganti slug.")
    if data.get("lepas"):  # the last save before leaving the page
        lock_release(article.pk, request.user)
        lock = {"holder": None, "mine": False}
    else:
        lock = _lock_state(lock_acquire(article.pk, request.user), request.user)
    return JsonResponse(
        {
            "version": result.article.version,
            "saved_at": timezone.localtime(result.revision.created_at).isoformat(),
            **lock,
        }
    )


def new_autosave_view(model_admin, request):
    """The add form's first autosave: the article is created as a Draf (an AUTOSAVE
    revision, version 1), and the answer names its change form and endpoints, so
    autosave.js carries on there and every later save updates this one article."""
    if request.method != "POST":
        return _error(405, "Gunakan POST.")
    if not model_admin.has_add_permission(request):
        return _error(403, "Anda tidak berwenang menulis berita.")
    data = _posted(request)
    if data is None:
        return _error(400, "Data simpan otomatis tidak terbaca.")
    form = model_admin.get_form(request, None, change=False)(data)
    if not form.is_valid():
        return _invalid(form)
    cleaned = form.cleaned_data
    try:
        result = article_save(
            article=Article(),
            actor=request.user,
            data={field: cleaned[field] for field in EDITABLE_FIELDS if field in cleaned},
            tags=list(cleaned["tags"]) if "tags" in cleaned else None,
            kind=Revision.Kind.AUTOSAVE,
        )
    except PermissionDenied:
        return _error(403, "Anda tidak berwenang menulis berita.")
    except IntegrityError:
        return _error(409, "Slug ini baru saja dipakai berita lain; ganti slug.")
    article = result.article
    if not data.get("lepas"):
        lock_acquire(article.pk, request.user)
    return JsonResponse(
        {
            "id": article.pk,
            "version": article.version,
            "saved_at": timezone.localtime(result.revision.created_at).isoformat(),
            "change_url": reverse("admin:newsroom_article_change", args=[article.pk]),
            "autosave_url": reverse("admin:newsroom_article_autosave", args=[article.pk]),
            "lock_url": reverse("admin:newsroom_article_lock", args=[article.pk]),
            "holder": None,
            "mine": not data.get("lepas"),
        },
        status=201,
    )


def lock_view(model_admin, request, object_id):
    """A heartbeat from an open change form: take or refresh the soft lock, or give it
    up with ``lepas=1``. Answers who holds it."""
    if request.method != "POST":
        return _error(405, "Gunakan POST.")
    article = Article.objects.filter(pk=object_id).first()
    if article is None:
        return _error(404, "Berita tidak ditemukan.")
    if not may_edit(request.user, article):
        return _error(403, "Anda tidak berwenang menyunting berita ini.")
    if request.POST.get("lepas"):
        lock_release(article.pk, request.user)
        return JsonResponse({"holder": None, "mine": False})
    return JsonResponse(_lock_state(lock_acquire(article.pk, request.user), request.user))


def _lock_state(holder, user) -> dict:
    mine = holder.user_id == user.pk
    return {"holder": None if mine else holder.name, "mine": mine}


def _invalid(form) -> JsonResponse:
    labels = ", ".join(
        str(form.fields[field].label) if field in form.fields else field for field in form.errors
    )
    return JsonResponse(
        {
            "error": f"Belum bisa disimpan otomatis: periksa isian {labels}.",
            "fields": {field: [str(e) for e in errs] for field, errs in form.errors.items()},
        },
        status=400,
    )


def _stale(article: Article, base_version: int) -> JsonResponse:
    article.refresh_from_db()
    stale = stale_changes(article, base_version)
    changes_url = None
    if stale.base and stale.current:
        changes_url = (
            reverse("admin:newsroom_article_revisions", args=[article.pk])
            + f"?a={stale.base.pk}&b={stale.current.pk}"
        )
    return JsonResponse(
        {"error": stale.message, "version": article.version, "changes_url": changes_url},
        status=409,
    )


def _posted(request) -> QueryDict | None:
    """The posted fields, from a form body or a JSON object of the same names."""
    if request.content_type != "application/json":
        return request.POST
    try:
        payload = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(payload, dict):
        return None
    data = QueryDict(mutable=True)
    for key, value in payload.items():
        values = value if isinstance(value, list) else [value]
        data.setlist(str(key), ["" if v is None else str(v) for v in values])
    return data


def _int(raw) -> int | None:
    try:
        value = int(str(raw).strip())
    except (TypeError, ValueError):
        return None
    return value if 0 < value < 2**31 else None


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)
