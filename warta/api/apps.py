from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "warta.api"
    label = "api"
    verbose_name = "API baca"
