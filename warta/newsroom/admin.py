"""The Django admin for the content model, until the newsroom desk replaces it."""

from django.contrib import admin

from .models import Article, Photo, Reporter, Section, Tag


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


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["caption", "credit", "width", "height", "created_at"]
    search_fields = ["caption", "credit"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "section", "reporter", "status", "published_at"]
    list_filter = ["status", "section"]
    search_fields = ["title"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    raw_id_fields = ["lead_photo", "reporter", "editor"]
    autocomplete_fields = ["tags"]
    list_select_related = ["section", "reporter"]
    show_full_result_count = False
