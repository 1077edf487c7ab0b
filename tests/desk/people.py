"""Desk users in each role, as the role migration defines them."""

from django.contrib.auth.models import Group, User

from warta.desk.roles import ADMIN, EDITOR, MANAGING_EDITOR, REPORTER

ROLES = (REPORTER, EDITOR, MANAGING_EDITOR, ADMIN)


def make_user(role: str, username: str | None = None) -> User:
    user = User.objects.create_user(
        username or role.lower().replace(" ", "-"),
        password="kata-sandi-panjang-sekali",
        is_staff=True,
        first_name=role,
    )
    user.groups.add(Group.objects.get(name=role))
    return user
