from django.apps import AppConfig


class SyndicationConfig(AppConfig):
    name = "warta.syndication"
    label = "syndication"
    verbose_name = "Sindikasi"
