"""The desk's view of accounts' security: second-factor devices, and (registered by
django-axes itself) the records of sign-ins under "Catatan masuk".

An Admin resets someone's second factor by deleting their device here; unlocks a
locked-out account or address by deleting its row under Catatan masuk → Upaya akses.
"""

from django.contrib import admin
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import DeskAuthenticationForm
from .models import SecondFactorDevice

admin.site.login_form = DeskAuthenticationForm

# django-otp's own page shows and edits secrets; the desk never does.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.register(SecondFactorDevice)
class SecondFactorDeviceAdmin(admin.ModelAdmin):
    list_display = ["user", "confirmed", "created_at", "last_used_at", "throttling_failure_count"]
    list_filter = ["confirmed"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    list_select_related = ["user"]
    fields = ["user", "name", "confirmed", "created_at", "last_used_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # each editor enrols their own app from their account page

    def has_change_permission(self, request, obj=None):
        return False
