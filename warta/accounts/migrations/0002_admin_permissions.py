"""Admins read the sign-in records, lift locks and reset second-factor devices.

The Admin role was given every permission that existed when it was made
(desk/0002_roles); these came later.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ADMIN_PERMISSIONS = {
    "axes": [
        "view_accessattempt", "delete_accessattempt", "view_accesslog",
        "view_accessfailurelog",
    ],
    "accounts": ["view_secondfactordevice", "delete_secondfactordevice"],
}  # fmt: skip


def grant(apps, schema_editor):
    for label in ADMIN_PERMISSIONS:
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    admin, _ = Group.objects.get_or_create(name="Admin")
    for label, codenames in ADMIN_PERMISSIONS.items():
        admin.permissions.add(
            *Permission.objects.filter(content_type__app_label=label, codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("axes", "0010_accessattemptexpiration"),
        ("desk", "0002_roles"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
