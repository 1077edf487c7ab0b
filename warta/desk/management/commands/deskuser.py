"""`warta deskuser USERNAME --role ROLE`: give someone a desk account in one role."""

import getpass
import sys

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from warta.desk.roles import ROLES, SECOND_FACTOR_REQUIRED


class Command(BaseCommand):
    help = "Create or update a desk account with one role (Reporter, Redaktur, ...)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=ROLES)
        parser.add_argument("--name", default="", help="full name shown on the desk")
        parser.add_argument(
            "--password-stdin", action="store_true", help="read the password from stdin"
        )

    def handle(self, *args, username, role, name, password_stdin, **options):
        if password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass(f"Kata sandi untuk {username}: ")
        user = User(username=username)
        try:
            validate_password(password, user)
        except ValidationError as invalid:
            raise CommandError(" ".join(invalid.messages)) from None
        with transaction.atomic():
            user, created = User.objects.get_or_create(username=username)
            first, _, last = name.partition(" ")
            user.first_name, user.last_name = first, last
            user.is_staff = True
            user.set_password(password)
            user.save()
            # One role at a time: moving someone to another role takes the old one away.
            user.groups.set([Group.objects.get(name=role)])
        self.stdout.write(f"{'Created' if created else 'Updated'} {username} as {role}.")
        if role in SECOND_FACTOR_REQUIRED:
            self.stdout.write(
                f"{role} signs in with a second factor: at the first sign-in the desk shows "
                "a QR code to scan with an authenticator app."
            )
