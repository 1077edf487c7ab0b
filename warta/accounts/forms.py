from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator


class CodeInput(forms.TextInput):
    def format_value(self, value):
        return None  # a code, wrong or used, is never offered back for another try


class CodeForm(forms.Form):
    """A six-digit code from the authenticator app (spaces allowed, as apps show it)."""

    token = forms.CharField(
        label="Kode verifikasi",
        max_length=20,
        widget=CodeInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "size": 8,
            }
        ),
        error_messages={"required": "Isi kode 6 angka dari aplikasi autentikator."},
    )

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split())
        if len(token) != 6 or not (token.isascii() and token.isdigit()):
            raise ValidationError("Kode terdiri atas 6 angka.")
        return token


class DeskAuthenticationForm(AdminAuthenticationForm):
    """The desk's login form. Django sets the username's length limit on the form after
    the field is made, so it is never checked; an overlong name would reach the
    brute-force protection's records (255 characters) and fail there. No account has
    such a name: refuse it as invalid input."""

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        field = self.fields["username"]
        field.validators.append(MaxLengthValidator(field.max_length))
