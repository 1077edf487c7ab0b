"""Sections, reporters and tags: the newsroom's vocabulary."""

from django.contrib import admin

from warta.newsroom.models import Reporter, Section, Tag


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Reporter)
class ReporterAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user"]


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_search_results(self, request, queryset, search_term):
        # The article form's tag lookup (the admin's autocomplete view) hands the typed
        # text straight here, unlike the change list's search form, which refuses NUL;
        # PostgreSQL cannot compare text holding one, which made a 500.
        return super().get_search_results(request, queryset, search_term.replace("\x00", ""))
