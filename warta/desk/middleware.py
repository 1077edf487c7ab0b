"""A guard for one request the admin cannot answer.

Django's admin takes ``_to_field`` (the field a popup picks an object by) from the
query or the form, and checks it against the fields it may name, unless it is empty:
an empty one went on to ``_meta.get_field("")`` and a 500, on every change and delete
page of the desk. Any other field it may not name is refused as suspicious (400);
an empty one now is too.
"""

from django.contrib.admin.exceptions import DisallowedModelAdminToField
from django.contrib.admin.options import TO_FIELD_VAR

DESK_PREFIX = "/redaksi/"


class EmptyToFieldGuard:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path_info.startswith(DESK_PREFIX):
            return None
        posted = request.POST.get(TO_FIELD_VAR) if request.method == "POST" else None
        if "" in (request.GET.get(TO_FIELD_VAR), posted):
            raise DisallowedModelAdminToField("An empty _to_field names no field.")
        return None
