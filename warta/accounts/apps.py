from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig


class AccountsConfig(AppConfig):
    default = True  # this module holds django-axes' config too
    name = "warta.accounts"
    label = "accounts"
    verbose_name = "Akun redaksi"

    def ready(self):
        from . import sessions  # noqa: F401  (connects its login receiver)


class LoginRecordsConfig(AxesAppConfig):
    """django-axes under the name the desk shows for its records of sign-ins."""

    verbose_name = "Catatan masuk"
