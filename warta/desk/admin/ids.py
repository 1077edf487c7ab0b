"""The article form's tags, safe against a forged or broken form.

A tag is posted as its id. Django looks the posted values up in two places that let a
value that can be no id at all raise instead of being refused:

* validating (``ModelMultipleChoiceField._check_values``): a number past 64 bits
  reaches SQLite, which cannot bind it (``OverflowError``);
* showing the form again with its errors (``AutocompleteSelectMultiple.optgroups``):
  any value that is no number (``ValueError``).

Both answered 500 instead of the form with "bukan nilai yang benar" next to the field.
"""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.core.exceptions import ValidationError


class IdModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        meta = self.queryset.model._meta
        key = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        for pk in value:
            if not is_key(key, pk):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class IdAutocompleteSelectMultiple(AutocompleteSelectMultiple):
    def optgroups(self, name, value, attr=None):
        key = self.field.remote_field.model._meta.pk
        return super().optgroups(name, [v for v in value if is_key(key, v)], attr)


def is_key(field, value) -> bool:
    """Whether ``value`` can be a value of ``field`` (a primary key) at all."""
    try:
        key = field.to_python(value)
        field.run_validators(key)
    except (ValidationError, TypeError, ValueError, OverflowError):
        return False
    # SQLite declares no range for its integers, but stores none past 64 bits.
    return not isinstance(key, int) or -(2**63) <= key < 2**63
