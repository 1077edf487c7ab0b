from django.apps import AppConfig


class DashboardConfig(AppConfig):
    name = "warta.dashboard"
    label = "dashboard"
    verbose_name = "Dasbor redaksi"
