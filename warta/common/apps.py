from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "warta.common"
    label = "common"
