"""The article desk: list, form, workflow buttons and the audit log.

The admin is a thin adapter: saving goes through ``services.editing.article_save``,
status changes through ``services.transitions``; both enforce the permission table
in ``roles`` on the server, so a forged request gets 403 like a hidden button would.
"""

from datetime import datetime, timedelta

from csp.decorators import csp_update
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from js_asset import Media

from warta.newsroom.models import Article, Reporter, Section

from .. import readiness, workflow
from ..forms import FIRST_YEAR, LAST_YEAR, ArticleForm
from ..models import StatusChange
from ..roles import Action, may, may_edit
from ..services.editing import PLACEMENT_FIELDS, StaleEdit, article_save
from ..services.transitions import NotReady, article_transition
from .corrections import correction_urls
from .ids import IdAutocompleteSelectMultiple, IdModelMultipleChoiceField, is_key
from .listing import ArticleChangeList, ReporterListFilter, list_paginator
from .previews import preview_urls
from .revisions import revision_urls

# Tiptap, inside django-prose-editor, adds its base stylesheet to the page as one inline
# <style> (its injectCSS option, which the widget does not expose). The article form's
# policy allows exactly that block, by its hash; tests/desk/test_editor_policy.py hashes
# the block in the installed editor, so an upgrade that changes it names the new hash.
EDITOR_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    change_form_template = "desk/article/change_form.html"
    list_display = ["title", "section", "reporter", "status", "published_at", "updated_at"]
    list_filter = ["status", "section", ("reporter", ReporterListFilter)]
    search_fields = ["title"]
    list_select_related = ["section", "reporter"]
    list_per_page = 50
    # Counting stops at a limit (a title search counts nothing), and the unfiltered
    # total is never counted (listing.py, get_paginator below).
    show_full_result_count = False
    ordering = ["-updated_at"]
    raw_id_fields = ["lead_photo"]
    autocomplete_fields = ["tags"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "section", "reporter", "lead", "body", "tags"]}),
        ("Foto utama", {"fields": ["lead_photo"]}),
        ("Waktu terbit", {"fields": ["published_at"]}),
        ("Penempatan", {"fields": ["is_headline", "is_editors_pick", "is_breaking"]}),
        (None, {"fields": ["base_version"]}),
    ]

    class Media:
        js = ["desk/autosave.js"]  # autosave and the edit lock

    # A title search is paged without counting (listing.py).
    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        return list_paginator(
            request,
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
        )

    def get_changelist(self, request, **kwargs):
        return ArticleChangeList

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        # Tags are posted as ids; ids.py refuses what can be no id instead of a 500.
        if db_field.name == "tags":
            kwargs.setdefault("form_class", IdModelMultipleChoiceField)
            kwargs.setdefault(
                "widget",
                IdAutocompleteSelectMultiple(db_field, self.admin_site, using=kwargs.get("using")),
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    # --- permissions: the table in desk/roles.py -------------------------------------

    def has_change_permission(self, request, obj=None):
        if not super().has_change_permission(request, obj):
            return False
        return obj is None or may_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        # Articles are withdrawn, never deleted: the record stays for the Press Council.
        return False

    def get_readonly_fields(self, request, obj=None):
        if may(request.user, Action.PLACE, obj):
            return ()
        return PLACEMENT_FIELDS

    def get_changeform_initial_data(self, request):
        # A new article starts as its writer's, in the section of their latest story (or
        # the first section): the add form is then complete enough for its first
        # autosave once a title is typed (autosave.js), and both stay visible to change.
        initial = super().get_changeform_initial_data(request)
        reporter = Reporter.objects.filter(user=request.user).first()
        section = None
        if reporter is not None:
            initial.setdefault("reporter", reporter.pk)
            # One step down the index article_desk_reporter.
            latest = Article.objects.by_reporter(reporter).order_by("-updated_at", "-id")
            section = latest.values_list("section_id", flat=True).first()
        if section is None:
            section = Section.objects.values_list("pk", flat=True).first()
        if section is not None:
            initial.setdefault("section", section)
        return initial

    # --- saving through the service -------------------------------------------------

    def save_model(self, request, obj, form, change):
        data = {field: form.cleaned_data[field] for field in form.cleaned_data if field != "tags"}
        if not may(request.user, Action.PLACE, obj):
            for field in PLACEMENT_FIELDS:
                data.pop(field, None)
        result = article_save(
            article=obj if change else Article(),
            actor=request.user,
            data=data,
            tags=list(form.cleaned_data.get("tags", [])),
            base_version=form.cleaned_data.get("base_version"),
        )
        # The admin continues with the saved instance (messages, redirects).
        obj.pk = result.article.pk
        obj.version = result.article.version

    def save_related(self, request, form, formsets, change):
        # Tags were saved by the service; only inline formsets remain.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # A form without the placement permission shows placement read-only and never
        # posts it: a request that does is forged.
        forged_placement = any(field in request.POST for field in PLACEMENT_FIELDS)
        if request.method == "POST" and forged_placement and not may(request.user, Action.PLACE):
            raise PermissionDenied("Hanya redaktur pelaksana yang mengatur penempatan.")
        extra_context = extra_context or {}
        if object_id:
            if not is_key(Article._meta.pk, object_id):  # "abc", "%": a 500 from the lookup
                raise Http404("Berita tidak ditemukan")
            article = get_object_or_404(Article.objects.select_related("lead_photo"), pk=object_id)
            extra_context.update(self._workflow_context(request, article))
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except StaleEdit as stale:
            # Two saves passed validation at the same moment; the later one was rolled
            # back whole. The editor reopens the latest version and sees what changed.
            messages.error(request, str(stale))
            return HttpResponseRedirect(request.path)
        except workflow.InvalidTransition as refused:
            # The form checks a new time against the stored status; the status can still
            # change (published by a colleague) between that check and the save.
            messages.error(request, str(refused))
            return HttpResponseRedirect(request.path)

    @csp_update({"style-src": [EDITOR_STYLE_HASH]})
    def render_change_form(self, request, context, *args, **kwargs):
        # The prose editor's import map is an inline script: under the site's
        # Content-Security-Policy it runs only with this answer's nonce (settings/security.py).
        # Desk pages are never stored by a cache, so a per-request nonce is safe here.
        context["media"] = Media.from_media(context["media"], nonce=request.csp_nonce)
        return super().render_change_form(request, context, *args, **kwargs)

    def _workflow_context(self, request, article: Article) -> dict:
        transitions = [
            t for t in workflow.available_transitions(article.status)
            if may(request.user, t.action, article)
        ]  # fmt: skip
        return {
            "workflow_transitions": transitions,
            "workflow_status": article.get_status_display(),
            "workflow_is_waiting": article.status == Article.Status.SCHEDULED
            and article.published_at > timezone.now(),
            "readiness_problems": readiness.problems(article),
            "status_changes": StatusChange.objects.filter(article=article).select_related("actor")[
                :20
            ],
        }

    # --- workflow endpoints ---------------------------------------------------------

    def get_urls(self):
        return [
            path(
                "<int:object_id>/alur/<str:name>/",
                self.admin_site.admin_view(self.transition_view),
                name="newsroom_article_transition",
            ),
            *revision_urls(self),
            *correction_urls(self),
            *preview_urls(self),
            *super().get_urls(),
        ]

    def transition_view(self, request, object_id, name):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = get_object_or_404(Article, pk=object_id)
        change_url = reverse("admin:newsroom_article_change", args=[article.pk])
        when = None
        if name == "schedule":
            when = _parse_local(request.POST.get("when", ""))
            if when is None:
                messages.error(request, "Isi waktu terbit jadwal dengan benar.")
                return HttpResponseRedirect(change_url)
        try:
            article_transition(
                article=article,
                actor=request.user,
                name=name,
                note=request.POST.get("note", "")[:2000],
                when=when,
            )
        except NotReady as blocked:
            for problem in blocked.problems:
                messages.error(request, problem.message)
            return HttpResponseRedirect(change_url)
        except workflow.InvalidTransition as invalid:
            messages.error(request, str(invalid))
            return HttpResponseRedirect(change_url)
        step = workflow.TRANSITIONS[name]
        messages.success(request, f"{step.label}: berhasil.")
        return HttpResponseRedirect(change_url)


def _parse_local(raw: str) -> datetime | None:
    """A ``datetime-local`` value in the newsroom's zone, or None."""
    if len(raw) > 40:
        return None
    try:
        moment = parse_datetime(raw.strip())
    except ValueError:
        return None
    if moment is None:
        return None
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        return None  # near year 1 or 9999 the conversion to UTC overflows
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, timezone.get_default_timezone())
    elif abs(moment.utcoffset()) > timedelta(hours=14):
        return None  # no zone is that far from UTC; PostgreSQL refuses past 15:59
    return moment
