"""Desk users in each role, as the role migrations define them."""

from importlib import import_module

from django.contrib.auth.models import Group, User
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from warta.desk.roles import ADMIN, EDITOR, MANAGING_EDITOR, REPORTER

ROLES = (REPORTER, EDITOR, MANAGING_EDITOR, ADMIN)


def make_user(role: str, username: str | None = None) -> User:
    user = User.objects.create_user(
        username or role.lower().replace(" ", "-"),
        password="kata-sandi-panjang-sekali",
        is_staff=True,
        first_name=role,
    )
    user.groups.add(role_group(role))
    return user


# The data migrations that make the roles and give them their permissions.
ROLE_MIGRATIONS = (
    ("desk", "0002_roles", "create_roles"),
    ("search", "0003_alias_permissions", "grant"),
)


def role_group(role: str) -> Group:
    """The role's group; made again as the migrations make it when a transactional
    test before this one flushed the tables (a flush restores permissions, not data
    that migrations wrote)."""
    group = Group.objects.filter(name=role).first()
    if group is None:
        state = MigrationLoader(connection).project_state()
        for app, migration, function in ROLE_MIGRATIONS:
            module = import_module(f"warta.{app}.migrations.{migration}")
            getattr(module, function)(state.apps, None)
        group = Group.objects.get(name=role)
    return group
