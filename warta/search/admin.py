"""The desk's page for search aliases (/redaksi/search/searchalias/).

Who may open it follows the model permissions the roles migration grants
(Redaktur, Redaktur Pelaksana, Admin); a Reporter gets 403.
"""

from django.contrib import admin

from .models import SearchAlias


@admin.register(SearchAlias)
class SearchAliasAdmin(admin.ModelAdmin):
    list_display = ["__str__", "updated_at"]
    search_fields = ["names"]
    fields = ["names"]
