"""The desk's roles as Django groups with their permissions (see desk/roles.py)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "Reporter": [
        "add_article", "change_article", "view_article", "add_photo", "change_photo",
        "view_photo", "add_tag", "view_tag", "view_section", "view_reporter",
    ],
    "Redaktur": [
        "add_article", "change_article", "view_article", "edit_others_article",
        "publish_article", "correct_article", "add_photo", "change_photo", "view_photo",
        "add_tag", "change_tag", "view_tag", "view_section", "view_reporter",
        "add_correction", "view_correction",
    ],
    "Redaktur Pelaksana": [
        "add_article", "change_article", "view_article", "edit_others_article",
        "publish_article", "place_article", "correct_article", "add_photo", "change_photo",
        "view_photo", "add_tag", "change_tag", "view_tag", "view_section", "add_reporter",
        "change_reporter", "view_reporter", "add_correction", "view_correction",
    ],
}  # fmt: skip


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="newsroom", codename__in=codenames)
        )
    admin, _ = Group.objects.get_or_create(name="Admin")
    admin.permissions.set(Permission.objects.all())


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[*ROLE_PERMISSIONS, "Admin"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("desk", "0001_initial"),
        ("newsroom", "0002_workflow_desk"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
