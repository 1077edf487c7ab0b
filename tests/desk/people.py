"""Desk users in each role, as the role migrations define them."""

from importlib import import_module

from django.contrib.auth.models import Group, User
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY

from warta.accounts.models import SecondFactorDevice
from warta.accounts.second_factor import confirmed_device, is_required
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
    ("accounts", "0002_admin_permissions", "grant"),
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


class DeskClient(Client):
    """Django's test client (the ``client`` fixture, tests/conftest.py) whose
    ``force_login`` signs a desk user all the way in: past the second factor too, for
    users the desk holds there (Admin, Redaktur Pelaksana, superusers, anyone with a
    device). ``second_factor=False`` stops after the password, as a session that has
    not entered its code yet."""

    def force_login(self, user, backend=None, *, second_factor: bool = True):
        super().force_login(user, backend)
        if second_factor:
            pass_second_factor(self, user)


def pass_second_factor(client: Client, user: User) -> None:
    """Mark the client's session verified with the user's device, exactly as entering a
    right code does (warta/accounts/second_factor.py); a user who needs the second factor
    and has no device gets a confirmed one first. The desk's checks stay as they are:
    the session names a real, confirmed device of this very user."""
    device = confirmed_device(user)
    if device is None:
        if not is_required(user):
            return
        device = SecondFactorDevice.objects.create(user=user, name="uji", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
