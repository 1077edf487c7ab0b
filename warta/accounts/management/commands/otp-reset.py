"""`warta otp-reset USERNAME`: the way back in for someone who lost their authenticator,
the last Admin included: removes their second-factor devices and lifts any sign-in lock
on the account. They enrol a new app at their next sign-in."""

from axes.handlers.proxy import AxesProxyHandler
from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError

from warta.accounts.second_factor import second_factor_reset


class Command(BaseCommand):
    help = "Remove a desk user's second-factor devices and lift sign-in locks on the account."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No desk user {username!r}.")
        devices = second_factor_reset(user=user)
        attempts = AxesProxyHandler.reset_attempts(username=username)
        self.stdout.write(
            f"Removed {devices} second-factor device(s) and {attempts} sign-in lock record(s) "
            f"of {username}; they enrol a new authenticator app at their next sign-in."
        )
